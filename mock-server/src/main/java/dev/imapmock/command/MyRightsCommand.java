package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;

import java.io.IOException;

/**
 * MYRIGHTS (RFC 4314 §3.5): the user's rights on the mailbox, with {@code c} and {@code d} where
 * one of their members is held (§2.1.1). Needs any right.
 */
final class MyRightsCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(session, args.astring("a mailbox name"));
        args.end();
        Mailboxes.Target target = AclAccess.require(session, name, false);
        session.out().untagged("MYRIGHTS " + MailboxNames.wire(session, name) + " " + AclAccess.astring(target.rights().toString()));
        return Completion.ok("Myrights completed.");
    }
}
