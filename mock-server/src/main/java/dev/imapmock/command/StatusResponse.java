package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.StatusItem;
import dev.imapmock.server.Session;
import dev.imapmock.store.Mailbox;

import java.io.IOException;
import java.util.List;

/** The untagged STATUS response, for STATUS and for LIST's STATUS return option (RFC 5819 §2). */
final class StatusResponse {
    private StatusResponse() {
    }

    /**
     * Writes {@code * STATUS name (...)} with the items in the order given. Asking for
     * HIGHESTMODSEQ turns CONDSTORE on first (RFC 7162 §3.1), which with a mailbox selected tells
     * its HIGHESTMODSEQ before this response, as Dovecot does.
     */
    static void write(Session session, String name, Mailbox mailbox, List<StatusItem> items) throws IOException {
        Mailbox.Status status = mailbox.status(session.account().user());
        if (items.contains(StatusItem.HIGHESTMODSEQ)) {
            session.enable(Extension.CONDSTORE);
        }
        StringBuilder sb = new StringBuilder();
        for (StatusItem item : items) {
            if (item == StatusItem.MAILBOXID) {
                // RFC 8474 §4.2: the one item whose value is a parenthesized objectid.
                sb.append(sb.length() == 0 ? "" : " ").append("MAILBOXID (").append(ObjectIds.mailboxId(mailbox)).append(')');
                continue;
            }
            long value = switch (item) {
                case MESSAGES -> status.messages();
                case RECENT -> session.quirks().recent() ? status.recent() : 0;
                case UIDNEXT -> status.uidNext();
                case UIDVALIDITY -> status.uidValidity();
                case UNSEEN -> status.unseen();
                case HIGHESTMODSEQ -> status.highestModSeq();
                case SIZE -> status.size();
                case DELETED -> status.deleted();
                case DELETED_STORAGE -> QuotaResponse.kib(status.deletedSize());
                case APPENDLIMIT -> session.appendLimit();
                case MAILBOXID -> throw new IllegalStateException("written above");
            };
            sb.append(sb.length() == 0 ? "" : " ").append(item.wire()).append(' ').append(value);
        }
        session.out().untagged("STATUS " + MailboxNames.wire(session, name) + " (" + sb + ")");
    }
}
