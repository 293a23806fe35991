package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Mailbox;

/**
 * CREATE (RFC 3501 §6.3.3): missing parents are created; a trailing delimiter is allowed. With
 * OBJECTID the tagged OK carries the new MAILBOXID.
 */
final class CreateCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(args.astring("a mailbox name"));
        args.end();
        if (name.equals("INBOX") || name.equals("INBOX/")) {
            throw CommandException.no("ALREADYEXISTS", "INBOX always exists");
        }
        Mailbox created = session.account().create(name);
        // RFC 8474 §4.1: CREATE tells the new mailbox's MAILBOXID.
        return Completion.ok(session.offers(Extension.OBJECTID) ? "MAILBOXID (" + ObjectIds.mailboxId(created) + ")" : null,
                "Create completed.");
    }
}
