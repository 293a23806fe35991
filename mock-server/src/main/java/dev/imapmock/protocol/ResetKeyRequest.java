package dev.imapmock.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed RESETKEY (RFC 4467 §6.1, §9: {@code "RESETKEY" [SP mailbox *(SP mechanism)]}).
 *
 * @param mailbox    the mailbox name as sent (modified UTF-7), or null for every mailbox
 * @param mechanisms the mechanisms named after the mailbox, as sent; may be empty
 */
public record ResetKeyRequest(String mailbox, List<String> mechanisms) {

    /**
     * A request; the list is copied.
     *
     * @param mailbox    the mailbox name, or null
     * @param mechanisms the mechanisms
     */
    public ResetKeyRequest {
        mechanisms = List.copyOf(mechanisms);
    }

    /**
     * Parses RESETKEY's arguments.
     *
     * @param args the arguments after the command name
     * @return the request
     * @throws ProtocolException when the mailbox is a list or a mechanism is not an atom
     */
    public static ResetKeyRequest parse(List<Arg> args) {
        Args in = new Args(args);
        if (!in.hasMore()) {
            return new ResetKeyRequest(null, List.of());
        }
        String mailbox = in.astring("a mailbox name");
        List<String> mechanisms = new ArrayList<>();
        while (in.hasMore()) {
            mechanisms.add(in.atom("a URLAUTH mechanism, such as INTERNAL"));
        }
        return new ResetKeyRequest(mailbox, mechanisms);
    }
}
