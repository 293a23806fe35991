package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Right;

import java.io.IOException;

/**
 * LISTRIGHTS (RFC 4314 §3.4): no right is always granted (the owner's can be taken away too),
 * and each right can be granted on its own; the obsolete {@code c} and {@code d} are not listed,
 * as §2.1.1 requires. Needs any right on the mailbox, as in Dovecot.
 */
final class ListRightsCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(session, args.astring("a mailbox name"));
        String identifier = args.astring("an identifier");
        args.end();
        AclAccess.require(session, name, false);
        StringBuilder line = new StringBuilder("LISTRIGHTS ").append(MailboxNames.wire(session, name))
                .append(' ').append(AclAccess.astring(identifier)).append(" \"\"");
        for (Right r : Right.values()) {
            line.append(' ').append(r.letter());
        }
        session.out().untagged(line.toString());
        return Completion.ok("Listrights completed.");
    }
}
