package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;

/** CREATE (RFC 3501 §6.3.3): missing parents are created; a trailing delimiter is allowed. */
final class CreateCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(args.astring("a mailbox name"));
        args.end();
        if (name.equals("INBOX") || name.equals("INBOX/")) {
            throw CommandException.no("ALREADYEXISTS", "INBOX always exists");
        }
        session.account().create(name);
        return Completion.ok("Create completed.");
    }
}
