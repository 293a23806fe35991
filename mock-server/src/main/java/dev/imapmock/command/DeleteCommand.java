package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Right;

/**
 * DELETE (RFC 3501 §6.3.4). Sessions that have the mailbox selected are told it is gone and
 * disconnected, as Dovecot does.
 */
final class DeleteCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(session, args.astring("a mailbox name"));
        args.end();
        Mailboxes.Target found = Mailboxes.resolve(session, name);
        Mailbox target = found.mailbox();
        if (found.account() != session.account() || target != null && !found.rights().has(Right.DELETE_MAILBOX)) {
            // RFC 4314 §4: DELETE needs the x right; without l as well, the mailbox is not there.
            if (target == null || !found.rights().has(Right.LOOKUP) && !found.rights().has(Right.DELETE_MAILBOX)) {
                throw CommandException.no("NONEXISTENT", "Mailbox doesn't exist: " + name);
            }
            if (!found.rights().has(Right.DELETE_MAILBOX)) {
                throw Mailboxes.noPermission();
            }
        }
        found.account().delete(found.local());
        // Only once the delete succeeded: a refused DELETE (of INBOX) leaves the session as it was.
        if (session.selected() != null && session.selected().mailbox() == target) {
            session.unselect();
        }
        return Completion.ok("Delete completed.");
    }
}
