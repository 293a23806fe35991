package dev.imapmock.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed GETMETADATA (RFC 5464 §4.2, §5 with errata 2785 and 3868: {@code "GETMETADATA"
 * [SP getmetadata-options] SP mailbox SP entries}, the options before the mailbox and several
 * entries in parentheses).
 *
 * @param maxSize the MAXSIZE option, the largest value to send in octets; -1 when not given
 * @param depth   the DEPTH option: 0, 1, or {@link #INFINITY}; 0 when not given
 * @param mailbox the mailbox name as sent (modified UTF-7), empty for the server's annotations
 * @param entries the entry names in the order asked, lower case, at least one
 */
public record GetMetadataRequest(long maxSize, int depth, String mailbox, List<String> entries) {
    /** {@code DEPTH infinity}: every level below an entry. */
    public static final int INFINITY = Integer.MAX_VALUE;

    /**
     * A request; the entry list is copied.
     *
     * @param maxSize the MAXSIZE option, -1 when not given
     * @param depth   the DEPTH option: 0, 1 or {@link #INFINITY}
     * @param mailbox the mailbox name as sent, empty for the server
     * @param entries the entry names, lower case
     */
    public GetMetadataRequest {
        entries = List.copyOf(entries);
    }

    /**
     * Parses GETMETADATA's arguments. An option may be given twice; the later one counts, as in
     * Dovecot.
     *
     * @param args the arguments after the command name
     * @return the request
     * @throws ProtocolException for an empty or unknown option, a MAXSIZE that is not a number, a
     *                           DEPTH other than 0, 1 or infinity, a missing mailbox, missing or
     *                           invalid entry names, an empty entry list and extra arguments
     */
    public static GetMetadataRequest parse(List<Arg> args) {
        Args in = new Args(args);
        long maxSize = -1;
        int depth = 0;
        if (in.peek() instanceof Arg.ListArg options) {
            in.any("options");
            List<Arg> items = options.items();
            if (items.isEmpty()) {
                throw new ProtocolException("Expected MAXSIZE or DEPTH in the option list, not ()");
            }
            for (int i = 0; i < items.size(); i += 2) {
                if (!(items.get(i) instanceof Arg.Atom name)) {
                    throw new ProtocolException("Expected MAXSIZE or DEPTH, not " + ArgParsing.describe(items.get(i)));
                }
                String option = ArgParsing.upper(name.text());
                if (!option.equals("MAXSIZE") && !option.equals("DEPTH")) {
                    throw new ProtocolException("Unknown GETMETADATA option: " + ArgParsing.shorten(name.text()));
                }
                if (i + 1 >= items.size()) {
                    throw new ProtocolException("Option " + option + " has no value");
                }
                Arg value = items.get(i + 1);
                String text = value instanceof Arg.Atom atom ? atom.text() : null;
                if (option.equals("MAXSIZE")) {
                    maxSize = text == null ? -1 : ArgParsing.number(text);
                    if (maxSize < 0) {
                        throw new ProtocolException("MAXSIZE needs a number from 0 to " + ArgParsing.MAX_NUMBER
                                + ", not " + ArgParsing.describe(value));
                    }
                } else {
                    depth = depth(text, value);
                }
            }
        }
        String mailbox = in.astring("a mailbox name");
        Arg entriesArg = in.any("an entry name or a list of entry names");
        in.end();
        List<String> entries = new ArrayList<>();
        if (entriesArg instanceof Arg.ListArg list) {
            if (list.items().isEmpty()) {
                throw new ProtocolException("Expected at least one entry name in the list");
            }
            for (Arg item : list.items()) {
                entries.add(MetadataEntry.read(item));
            }
        } else {
            entries.add(MetadataEntry.read(entriesArg));
        }
        return new GetMetadataRequest(maxSize, depth, mailbox, entries);
    }

    /** {@code scope-opt = "DEPTH" SP ("0" / "1" / "infinity")}, case-insensitive as ABNF strings are. */
    private static int depth(String text, Arg value) {
        if ("0".equals(text)) {
            return 0;
        }
        if ("1".equals(text)) {
            return 1;
        }
        if (text != null && ArgParsing.equalsIgnoreCase(text, "infinity")) {
            return INFINITY;
        }
        throw new ProtocolException("DEPTH needs 0, 1 or infinity, not " + ArgParsing.describe(value));
    }
}
