package dev.imapmock.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed SETMETADATA (RFC 5464 §4.3, §5 with erratum 1692: {@code "SETMETADATA" SP mailbox SP
 * "(" entry SP value *(SP entry SP value) ")"}, {@code value = nstring / literal8}).
 *
 * @param mailbox the mailbox name as sent (modified UTF-7), empty for the server's annotations
 * @param values  the entry names (lower case) and their new values in the order sent, null to
 *                remove one; an entry named twice takes its later value
 */
public record SetMetadataRequest(String mailbox, Map<String, byte[]> values) {

    /**
     * A request; the values are copied, in their order.
     *
     * @param mailbox the mailbox name as sent, empty for the server
     * @param values  the entry names and values, null to remove
     */
    public SetMetadataRequest {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Parses SETMETADATA's arguments.
     *
     * @param args the arguments after the command name
     * @return the request
     * @throws ProtocolException for a missing mailbox, a missing or empty list, an invalid entry
     *                           name, a value that is missing or not a string, literal8 or NIL,
     *                           a {@code {n}} literal with NUL octets, and extra arguments
     */
    public static SetMetadataRequest parse(List<Arg> args) {
        Args in = new Args(args);
        String mailbox = in.astring("a mailbox name");
        Arg.ListArg list = in.list("a list of entries and values");
        in.end();
        List<Arg> items = list.items();
        if (items.isEmpty()) {
            throw new ProtocolException("Expected at least one entry and its value in the list");
        }
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i += 2) {
            String entry = MetadataEntry.readSettable(items.get(i));
            if (i + 1 >= items.size()) {
                throw new ProtocolException("Entry " + entry + " has no value");
            }
            values.put(entry, value(entry, items.get(i + 1)));
        }
        return new SetMetadataRequest(mailbox, values);
    }

    private static byte[] value(String entry, Arg arg) {
        if (arg instanceof Arg.Atom atom) {
            if (atom.isNil()) {
                return null;
            }
            throw new ProtocolException("The value of " + entry + " must be a string, a literal or NIL, not "
                    + ArgParsing.describe(arg));
        }
        if (arg instanceof Arg.ListArg) {
            throw new ProtocolException("The value of " + entry + " must be a string, a literal or NIL, not a list");
        }
        if (arg instanceof Arg.Literal literal && !literal.binary() && literal.hasNul()) {
            throw new ProtocolException("The value of " + entry + " holds NUL octets, which only a literal8 ~{n} may carry");
        }
        return arg.bytes();
    }
}
