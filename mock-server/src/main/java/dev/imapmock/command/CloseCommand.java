package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Right;

/**
 * CLOSE (RFC 3501 §6.4.2) silently expunges \Deleted messages when the mailbox is read-write;
 * UNSELECT (RFC 3691) only leaves the mailbox.
 */
final class CloseCommand implements CommandHandler {
    private final boolean expunge;

    CloseCommand(boolean expunge) {
        this.expunge = expunge;
    }

    @Override
    public Completion handle(Command command, Session session) {
        new Args(command.args()).end();
        SelectedMailbox selected = session.selected();
        session.unselect();
        // RFC 4314 §4: without the e right CLOSE still succeeds, and expunges nothing.
        if (expunge && !selected.readOnly() && selected.rights().has(Right.EXPUNGE)) {
            selected.mailbox().expungeDeleted(null);
        }
        return Completion.ok(expunge ? "Close completed." : "Unselect completed.");
    }
}
