package dev.imapmock.protocol;

import java.util.List;

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
     */
    public static StoreOperation parse(List<Arg> args) {
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
