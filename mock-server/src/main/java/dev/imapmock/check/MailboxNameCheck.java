package dev.imapmock.check;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Arg;

import java.util.List;
import java.util.Map;

/**
 * {@code raw-8bit-mailbox-name}: a mailbox name with octets over 0x7F. Until the session speaks
 * UTF-8 ({@code ENABLE UTF8=ACCEPT}, RFC 6855 §3, or IMAP4rev2, RFC 9051 §5.1), a name beyond ASCII
 * goes in modified UTF-7 (RFC 3501 §5.1.3).
 */
final class MailboxNameCheck implements ClientCheck {
    /** For each command, the positions of its mailbox-name arguments; -1 for every string argument (LIST, LSUB). */
    private static final Map<String, int[]> MAILBOX_ARGUMENTS = Map.ofEntries(
            Map.entry("SELECT", new int[] {0}), Map.entry("EXAMINE", new int[] {0}),
            Map.entry("CREATE", new int[] {0}), Map.entry("DELETE", new int[] {0}),
            Map.entry("RENAME", new int[] {0, 1}), Map.entry("SUBSCRIBE", new int[] {0}),
            Map.entry("UNSUBSCRIBE", new int[] {0}), Map.entry("STATUS", new int[] {0}),
            Map.entry("APPEND", new int[] {0}), Map.entry("GETQUOTAROOT", new int[] {0}),
            Map.entry("COPY", new int[] {1}), Map.entry("MOVE", new int[] {1}),
            Map.entry("UID COPY", new int[] {1}), Map.entry("UID MOVE", new int[] {1}),
            Map.entry("GETACL", new int[] {0}), Map.entry("SETACL", new int[] {0}),
            Map.entry("DELETEACL", new int[] {0}), Map.entry("LISTRIGHTS", new int[] {0}),
            Map.entry("MYRIGHTS", new int[] {0}),
            Map.entry("LIST", new int[] {-1}), Map.entry("LSUB", new int[] {-1}));

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (!(event instanceof ClientEvent.Command c) || c.malformed()
                || c.enabled().contains(Extension.UTF8_ACCEPT) || c.enabled().contains(Extension.IMAP4REV2)) {
            return;
        }
        int[] positions = MAILBOX_ARGUMENTS.get(c.name());
        if (positions == null) {
            return;
        }
        List<Arg> args = c.args();
        boolean raw = false;
        if (positions[0] < 0) {
            for (Arg a : args) {
                raw |= a.isString() && eightBit(a.bytes());
            }
        } else {
            for (int p : positions) {
                raw |= p < args.size() && args.get(p).isString() && eightBit(args.get(p).bytes());
            }
        }
        if (raw) {
            report.violation("raw-8bit-mailbox-name", "RFC 3501 §5.1.3", c.line(),
                    "sent a mailbox name with raw 8-bit octets; encode names beyond ASCII in modified UTF-7"
                            + " (or, where the server offers UTF8=ACCEPT, send ENABLE UTF8=ACCEPT first)");
        }
    }

    private static boolean eightBit(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }
}
