package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Right;

/** RENAME (RFC 3501 §6.3.5): children move along; renaming INBOX moves its messages. */
final class RenameCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String from = MailboxNames.decode(session, args.astring("the existing mailbox name"));
        String to = MailboxNames.decode(session, args.astring("the new mailbox name"));
        args.end();
        Mailboxes.Target source = Mailboxes.resolve(session, from);
        char delimiter = session.store().delimiter();
        Mailboxes.Target target = Mailboxes.resolve(session, to.length() > 1 && to.charAt(to.length() - 1) == delimiter
                ? to.substring(0, to.length() - 1) : to);
        if (source.account() == session.account() && target.account() == session.account()
                && (source.mailbox() == null || source.rights().has(Right.DELETE_MAILBOX))) {
            session.account().rename(from, to);
            return Completion.ok("Rename completed.");
        }
        if (source.mailbox() == null || !source.rights().has(Right.LOOKUP) && !source.rights().has(Right.DELETE_MAILBOX)) {
            throw CommandException.no("NONEXISTENT", "Mailbox doesn't exist: " + from);
        }
        // RFC 4314 §4: RENAME needs x on the mailbox and k on the new name's parent.
        if (!source.rights().has(Right.DELETE_MAILBOX)) {
            throw Mailboxes.noPermission();
        }
        if (target.account() != source.account() || target.local() == null) {
            throw CommandException.no("CANNOT", "Can't rename a mailbox to another user or namespace");
        }
        int slash = target.local().lastIndexOf(delimiter);
        Mailbox parent = slash < 0 ? null : target.account().mailbox(target.local().substring(0, slash));
        boolean own = target.account() == session.account();
        if (!own && (parent == null || !parent.acl().rightsOf(session.account().user()).has(Right.CREATE))) {
            throw Mailboxes.noPermission();
        }
        source.account().rename(source.local(), target.local());
        return Completion.ok("Rename completed.");
    }
}
