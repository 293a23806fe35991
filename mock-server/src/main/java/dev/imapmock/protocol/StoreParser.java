package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.util.List;
import java.util.Set;

/**
 * Parses the arguments of STORE after the sequence set (RFC 3501 §9 {@code store-att-flags}):
 * {@code ["+" / "-"] "FLAGS" [".SILENT"]}, then either one flag list or flags separated by
 * spaces.
 */
public final class StoreParser {
    private StoreParser() {
    }

    /**
     * @throws ProtocolException for a missing or unknown data item, missing flags, a flag list
     *     followed by more arguments, or an invalid flag
     * Parses STORE's arguments with the syntax of RFC 3501 alone.
     * @param args the command's arguments after the sequence set
     * @return the operation, unconditional
     */
    public static StoreOperation parse(List<Arg> args) {
        return parse(args, Set.of());
    }

    /**
     * Parses STORE's arguments for a server that offers {@code extensions}: with CONDSTORE, the
     * store modifiers {@code (UNCHANGEDSINCE n)} may precede the data item (RFC 7162 §3.1.3).
     *
     * @throws ProtocolException as {@link #parse(List)}, and for unknown or repeated modifiers
     * @param args the command's arguments after the sequence set
     * @param extensions the server's extensions; with CONDSTORE the UNCHANGEDSINCE modifier is taken
     * @return the operation
     */
    public static StoreOperation parse(List<Arg> args, Set<Extension> extensions) {
        long unchangedSince = StoreOperation.UNCONDITIONAL;
        if (!args.isEmpty() && args.get(0) instanceof Arg.ListArg modifiers && extensions.contains(Extension.CONDSTORE)) {
            unchangedSince = unchangedSince(modifiers);
            args = args.subList(1, args.size());
        }
        StoreOperation op = operation(args);
        return new StoreOperation(op.mode(), op.silent(), op.flags(), unchangedSince);
    }

    private static long unchangedSince(Arg.ListArg modifiers) {
        List<Arg> items = modifiers.items();
        if (items.isEmpty()) {
            throw new ProtocolException("the list of STORE modifiers is empty");
        }
        long value = StoreOperation.UNCONDITIONAL;
        for (int i = 0; i < items.size(); i += 2) {
            Arg name = items.get(i);
            if (!(name instanceof Arg.Atom atom) || !ArgParsing.upper(atom.text()).equals("UNCHANGEDSINCE")) {
                throw new ProtocolException("unknown STORE modifier " + (name instanceof Arg.Atom a
                        ? ArgParsing.shorten(a.text()) : ArgParsing.describe(name)) + "; the one known is UNCHANGEDSINCE");
            }
            if (value != StoreOperation.UNCONDITIONAL) {
                throw new ProtocolException("UNCHANGEDSINCE is given twice");
            }
            if (i + 1 >= items.size()) {
                throw new ProtocolException("UNCHANGEDSINCE needs a mod-sequence");
            }
            value = ArgParsing.modSeq(items.get(i + 1), "UNCHANGEDSINCE", true);
        }
        return value;
    }

    private static StoreOperation operation(List<Arg> args) {
        if (args.isEmpty()) {
            throw new ProtocolException("STORE needs a data item (FLAGS, +FLAGS or -FLAGS) and flags");
        }
        Arg first = args.get(0);
        if (first instanceof Arg.ListArg) {
            throw new ProtocolException("STORE modifiers in parentheses are not supported");
        }
        if (!(first instanceof Arg.Atom item)) {
            throw new ProtocolException("STORE expects FLAGS, +FLAGS or -FLAGS but got " + ArgParsing.describe(first));
        }
        String name = ArgParsing.upper(item.text());
        boolean silent = name.endsWith(".SILENT");
        if (silent) {
            name = name.substring(0, name.length() - ".SILENT".length());
        }
        StoreOperation.Mode mode = switch (name) {
            case "FLAGS" -> StoreOperation.Mode.REPLACE;
            case "+FLAGS" -> StoreOperation.Mode.ADD;
            case "-FLAGS" -> StoreOperation.Mode.REMOVE;
            default -> throw new ProtocolException(
                    "STORE expects FLAGS, +FLAGS or -FLAGS (optionally with .SILENT) but got "
                            + ArgParsing.shorten(item.text()));
        };
        List<Arg> rest = args.subList(1, args.size());
        if (rest.isEmpty()) {
            throw new ProtocolException("STORE " + item.text() + " needs a flag list such as (\\Seen)");
        }
        if (rest.get(0) instanceof Arg.ListArg list) {
            if (rest.size() > 1) {
                throw new ProtocolException("STORE takes one flag list; found more arguments after it");
            }
            return new StoreOperation(mode, silent, FlagNames.parseFlagList(list));
        }
        return new StoreOperation(mode, silent, FlagNames.parseFlags(rest));
    }
}
