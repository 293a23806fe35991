package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Mailbox;

/**
 * DELETE (RFC 3501 §6.3.4). Sessions that have the mailbox selected are told it is gone and
 * disconnected, as Dovecot does.
 */
final class DeleteCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(args.astring("a mailbox name"));
        args.end();
        Mailbox target = session.account().mailbox(name);
        session.account().delete(name);
        // Only once the delete succeeded: a refused DELETE (of INBOX) leaves the session as it was.
        if (session.selected() != null && session.selected().mailbox() == target) {
            session.unselect();
        }
        return Completion.ok("Delete completed.");
    }
}
