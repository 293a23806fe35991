package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Rights;

import java.io.IOException;
import java.util.Map;

/**
 * GETACL (RFC 4314 §3.3): one ACL response with every entry, the owner's last, as Dovecot lists
 * them. Needs the a right.
 */
final class GetAclCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(session, args.astring("a mailbox name"));
        args.end();
        Mailboxes.Target target = AclAccess.require(session, name, true);
        StringBuilder line = new StringBuilder("ACL ").append(MailboxNames.wire(session, name));
        for (Map.Entry<String, Rights> e : target.mailbox().acl().entries()) {
            line.append(' ').append(AclAccess.astring(e.getKey()))
                    .append(' ').append(AclAccess.astring(e.getValue().toString()));
        }
        session.out().untagged(line.toString());
        return Completion.ok("Getacl completed.");
    }
}
