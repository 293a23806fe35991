package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Acl;

/**
 * SETACL (RFC 4314 §3.1): rights beginning with {@code +} are added to the identifier's, with
 * {@code -} taken away, else they replace them; {@code c} and {@code d} stand for their members
 * (§2.1.1). Needs the a right. An identifier that begins with {@code -} is a negative entry.
 */
final class SetAclCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(session, args.astring("a mailbox name"));
        String identifier = args.astring("an identifier");
        String rights = args.astring("rights");
        args.end();
        if (identifier.isEmpty() || identifier.equals("-")) {
            throw CommandException.bad("An ACL identifier can't be empty");
        }
        boolean add = rights.startsWith("+");
        boolean remove = rights.startsWith("-");
        var change = AclAccess.parse(add || remove ? rights.substring(1) : rights);
        Acl acl = AclAccess.require(session, name, true).mailbox().acl();
        if (add || remove) {
            acl.modify(identifier, change, add);
        } else {
            acl.set(identifier, change);
        }
        return Completion.ok("Setacl complete.");
    }
}
