package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Right;

/**
 * EXPUNGE (RFC 3501 §6.4.3). The untagged {@code * n EXPUNGE} lines come from the session's
 * change feed, like those of any other session, so their numbers follow each removal in order.
 * With QRESYNC on they are one {@code * VANISHED}, and the tagged OK tells the new HIGHESTMODSEQ,
 * as Dovecot does.
 */
final class ExpungeCommand implements CommandHandler {
    /** {@code HIGHESTMODSEQ n} for the tagged OK of an expunge once QRESYNC is on, else null. */
    static String highestModSeq(Session session) {
        return session.enabled(Extension.QRESYNC)
                ? "HIGHESTMODSEQ " + session.selected().mailbox().highestModSeq() : null;
    }

    @Override
    public Completion handle(Command command, Session session) {
        new Args(command.args()).end();
        if (session.selected().readOnly()) {
            throw CommandException.no("READ-ONLY", "Mailbox is read-only");
        }
        if (!session.selected().rights().has(Right.EXPUNGE)) {
            throw Mailboxes.noPermission();
        }
        session.selected().mailbox().expungeDeleted(null);
        return Completion.ok(ExpungeCommand.highestModSeq(session), "Expunge completed.");
    }
}
