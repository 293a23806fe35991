package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;

/** RENAME (RFC 3501 §6.3.5): children move along; renaming INBOX moves its messages. */
final class RenameCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String from = MailboxNames.decode(args.astring("the existing mailbox name"));
        String to = MailboxNames.decode(args.astring("the new mailbox name"));
        args.end();
        session.account().rename(from, to);
        return Completion.ok("Rename completed.");
    }
}
