package dev.imapmock.sandbox.smtp;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.MailboxException;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts an accepted message into the INBOX of each local user, once per user however many of their
 * addresses were recipients. SMTP has one reply for all recipients after DATA (RFC 5321 §4.2.5), so:
 * 250 when the message reached at least one INBOX (the reply names those it did not reach), else
 * 552 when a mailbox was full (RFC 5321 §4.2.5, RFC 3463 X.2.2), else 550.
 */
final class Delivery {
    private Delivery() {
    }

    static Reply deliver(ImapMockServer imap, List<String> users, byte[] message) {
        List<String> delivered = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        boolean full = false;
        for (String user : users) {
            try {
                imap.deliver(user, "INBOX", message);
                delivered.add(user);
            } catch (IllegalStateException e) {
                boolean overQuota = e.getCause() instanceof MailboxException m
                        && m.reason() == MailboxException.Reason.OVERQUOTA;
                full |= overQuota;
                failed.add(user + " (" + (overQuota ? "mailbox full" : "mailbox unavailable") + ")");
            } catch (IllegalArgumentException e) {
                // The user or the INBOX was removed since RCPT.
                failed.add(user + " (no such mailbox)");
            }
        }
        String notTo = failed.isEmpty() ? "" : "; not to " + String.join(", ", failed);
        if (!delivered.isEmpty()) {
            return Reply.of(250, "2.0.0", shorten("Delivered " + message.length + " octets to "
                    + String.join(", ", delivered) + notTo, delivered.size(), failed.size()));
        }
        String text = shorten("Not delivered to " + String.join(", ", failed), 0, failed.size());
        return full ? Reply.of(552, "5.2.2", text) : Reply.of(550, "5.1.1", text);
    }

    /** Keeps a reply line within RFC 5321 §4.5.3.1.5's 512 octets by counting instead of naming. */
    private static String shorten(String text, int delivered, int failed) {
        if (text.length() <= 400) {
            return text;
        }
        return delivered > 0 ? "Delivered to " + delivered + " mailboxes, not to " + failed
                : "Not delivered to " + failed + " mailboxes";
    }
}
