package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The arguments of LIST (RFC 3501 §6.3.8) as extended by LIST-EXTENDED (RFC 5258 §3): selection
 * options before the reference, one pattern or a parenthesized list of them, and return options
 * after {@code RETURN}; SPECIAL-USE (RFC 6154 §2) adds an option of each kind and LIST-STATUS
 * (RFC 5819 §2) the STATUS return option. A server without LIST-EXTENDED takes the basic form only.
 *
 * @param selection the selection options; empty for the basic form
 * @param reference the reference name as sent (modified UTF-7)
 * @param patterns  the mailbox patterns as sent, at least one
 * @param returns   the return options, with those the selection options imply (SUBSCRIBED and
 *                  SPECIAL-USE imply themselves as return options)
 * @param status    the items of the STATUS return option, in the order asked; empty without it
 * @param extended  true when any part of the extended syntax was used, even an empty option list
 */
public record ListRequest(Set<Selection> selection, String reference, List<String> patterns, Set<Return> returns,
                          List<StatusItem> status, boolean extended) {

    /** A selection option: which names LIST returns. */
    public enum Selection {
        /** {@code SUBSCRIBED}: only subscribed names, existing or not. */
        SUBSCRIBED("SUBSCRIBED", null),
        /** {@code REMOTE}: remote mailboxes too; this server has none, so it changes nothing. */
        REMOTE("REMOTE", null),
        /**
         * {@code RECURSIVEMATCH}: also parents of matching names (RFC 5258 section 3.5), tagged {@code CHILDINFO}.
         */
        RECURSIVEMATCH("RECURSIVEMATCH", null),
        /** {@code SPECIAL-USE}: only mailboxes with a special use (RFC 6154); only with SPECIAL-USE. */
        SPECIAL_USE("SPECIAL-USE", Extension.SPECIAL_USE);

        private final String wire;
        private final Extension extension;

        Selection(String wire, Extension extension) {
            this.wire = wire;
            this.extension = extension;
        }
    }

    /** A return option: what LIST tells about each name. STATUS is {@link #status()}. */
    public enum Return {
        /** {@code SUBSCRIBED}: mark subscribed names {@code \Subscribed}. */
        SUBSCRIBED("SUBSCRIBED", null),
        /** {@code CHILDREN}: tell {@code \HasChildren} or {@code \HasNoChildren}. */
        CHILDREN("CHILDREN", null),
        /** {@code SPECIAL-USE}: tell each mailbox's special-use attributes; only with SPECIAL-USE. */
        SPECIAL_USE("SPECIAL-USE", Extension.SPECIAL_USE);

        private final String wire;
        private final Extension extension;

        Return(String wire, Extension extension) {
            this.wire = wire;
            this.extension = extension;
        }
    }

    /**
     * Copies the sets and lists, so the request cannot change after parsing.
     *
     * @param selection the selection options; empty for the basic form
     * @param reference the reference name as sent (modified UTF-7)
     * @param patterns the mailbox patterns as sent, at least one
     * @param returns the return options, with those the selection options imply
     * @param status the items of the STATUS return option, in the order asked; empty without it
     * @param extended true when any part of the extended syntax was used, even an empty option list
     */
    public ListRequest {
        selection = Collections.unmodifiableSet(selection.isEmpty() ? EnumSet.noneOf(Selection.class) : EnumSet.copyOf(selection));
        returns = Collections.unmodifiableSet(returns.isEmpty() ? EnumSet.noneOf(Return.class) : EnumSet.copyOf(returns));
        patterns = List.copyOf(patterns);
        status = List.copyOf(status);
    }

    /**
     * Parses LIST's arguments for a server that offers {@code extensions}.
     *
     * @throws ProtocolException for anything the grammar does not allow, an option the server does
     *                           not know, and RECURSIVEMATCH without an option it could modify
     * @param args the command's arguments after its name
     * @param extensions the server's extensions: without LIST-EXTENDED only the basic form is taken
     * @return the request
     */
    public static ListRequest parse(List<Arg> args, Set<Extension> extensions) {
        boolean offered = extensions.contains(Extension.LIST_EXTENDED);
        int first = 0;
        Set<Selection> selection = EnumSet.noneOf(Selection.class);
        boolean extended = false;
        if (offered && !args.isEmpty() && args.get(0) instanceof Arg.ListArg options) {
            selection = selection(options, extensions);
            extended = true;
            first = 1;
        }
        Args rest = new Args(args.subList(first, args.size()));
        String reference = rest.astring("a reference name");
        List<String> patterns = new ArrayList<>();
        if (offered && rest.peek() instanceof Arg.ListArg list) {
            rest.any("mailbox patterns");
            if (list.items().isEmpty()) {
                throw new ProtocolException("The list of mailbox patterns is empty");
            }
            for (Arg pattern : list.items()) {
                if (pattern instanceof Arg.ListArg) {
                    throw new ProtocolException("Expected a mailbox pattern, not a list");
                }
                patterns.add(pattern.text());
            }
            extended = true;
        } else {
            patterns.add(rest.astring("a mailbox pattern"));
        }
        Set<Return> returns = EnumSet.noneOf(Return.class);
        List<StatusItem> status = List.of();
        if (offered && rest.peek() instanceof Arg.Atom atom && ArgParsing.upper(atom.text()).equals("RETURN")) {
            rest.any("RETURN");
            if (!(rest.peek() instanceof Arg.ListArg options)) {
                throw new ProtocolException("RETURN needs a list of return options in parentheses");
            }
            rest.any("return options");
            status = returns(options, extensions, returns);
            extended = true;
        }
        rest.end();
        if (selection.contains(Selection.SUBSCRIBED)) {
            returns.add(Return.SUBSCRIBED);
        }
        if (selection.contains(Selection.SPECIAL_USE)) {
            returns.add(Return.SPECIAL_USE);
        }
        return new ListRequest(selection, reference, patterns, returns, status, extended);
    }

    private static Set<Selection> selection(Arg.ListArg options, Set<Extension> extensions) {
        Set<Selection> selection = EnumSet.noneOf(Selection.class);
        for (Arg arg : options.items()) {
            if (!(arg instanceof Arg.Atom atom)) {
                throw new ProtocolException("LIST selection options are atoms, not " + ArgParsing.describe(arg));
            }
            Selection option = null;
            for (Selection s : Selection.values()) {
                if (s.wire.equals(ArgParsing.upper(atom.text())) && (s.extension == null || extensions.contains(s.extension))) {
                    option = s;
                }
            }
            if (option == null) {
                throw new ProtocolException("Unknown LIST selection option " + ArgParsing.shorten(atom.text())
                        + "; the ones known are " + known(Selection.values(), extensions));
            }
            selection.add(option);
        }
        // RFC 5258 section 3.1: RECURSIVEMATCH alone, or only with REMOTE, is BAD.
        if (selection.contains(Selection.RECURSIVEMATCH)
                && !selection.contains(Selection.SUBSCRIBED) && !selection.contains(Selection.SPECIAL_USE)) {
            throw new ProtocolException("RECURSIVEMATCH needs a selection option it can modify, such as SUBSCRIBED");
        }
        return selection;
    }

    /** Adds the return options to {@code returns} and gives the STATUS items; the last STATUS counts, as in Dovecot. */
    private static List<StatusItem> returns(Arg.ListArg options, Set<Extension> extensions, Set<Return> returns) {
        List<StatusItem> status = List.of();
        List<Arg> items = options.items();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Arg.Atom atom)) {
                throw new ProtocolException("LIST return options are atoms, not " + ArgParsing.describe(items.get(i)));
            }
            String name = ArgParsing.upper(atom.text());
            if (name.equals("STATUS") && extensions.contains(Extension.LIST_STATUS)) {
                if (i + 1 >= items.size() || !(items.get(i + 1) instanceof Arg.ListArg statusItems)) {
                    throw new ProtocolException("The STATUS return option needs a list of status items in parentheses");
                }
                status = StatusItem.parse(statusItems, extensions);
                i++;
                continue;
            }
            Return option = null;
            for (Return r : Return.values()) {
                if (r.wire.equals(name) && (r.extension == null || extensions.contains(r.extension))) {
                    option = r;
                }
            }
            if (option == null) {
                throw new ProtocolException("Unknown LIST return option " + ArgParsing.shorten(atom.text())
                        + "; the ones known are " + knownReturns(extensions));
            }
            returns.add(option);
        }
        return status;
    }

    private static String known(Selection[] options, Set<Extension> extensions) {
        List<String> names = new ArrayList<>();
        for (Selection s : options) {
            if (s.extension == null || extensions.contains(s.extension)) {
                names.add(s.wire);
            }
        }
        return String.join(", ", names);
    }

    private static String knownReturns(Set<Extension> extensions) {
        List<String> names = new ArrayList<>();
        for (Return r : Return.values()) {
            if (r.extension == null || extensions.contains(r.extension)) {
                names.add(r.wire);
            }
        }
        if (extensions.contains(Extension.LIST_STATUS)) {
            names.add("STATUS");
        }
        return String.join(", ", names);
    }
}
