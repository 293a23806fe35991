package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;

/**
 * EXPUNGE (RFC 3501 §6.4.3). The untagged {@code * n EXPUNGE} lines come from the session's
 * change feed, like those of any other session, so their numbers follow each removal in order.
 */
final class ExpungeCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        new Args(command.args()).end();
        if (session.selected().readOnly()) {
            throw CommandException.no("READ-ONLY", "Mailbox is read-only");
        }
        session.selected().mailbox().expungeDeleted(null);
        return Completion.ok("Expunge completed.");
    }
}
