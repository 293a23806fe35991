package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;

/**
 * DELETEACL (RFC 4314 §3.2): the identifier leaves the ACL; an identifier without an entry is no
 * error, as in Dovecot. Needs the a right.
 */
final class DeleteAclCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(session, args.astring("a mailbox name"));
        String identifier = args.astring("an identifier");
        args.end();
        if (identifier.isEmpty() || identifier.equals("-")) {
            throw CommandException.bad("An ACL identifier can't be empty");
        }
        AclAccess.require(session, name, true).mailbox().acl().remove(identifier);
        return Completion.ok("Deleteacl complete.");
    }
}
