package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Quota;
import dev.imapmock.store.Right;

import java.io.IOException;

/**
 * GETQUOTAROOT mailbox (RFC 9208 §4.1.2): {@code * QUOTAROOT mailbox "User quota"} (the server's
 * root's name) and that root's {@code * QUOTA}, or {@code * QUOTAROOT mailbox} alone when the
 * account has no quota root. A mailbox that does not exist is refused with NO, as the RFC's result list says (Dovecot answers
 * OK for any name).
 */
final class GetQuotaRootCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(session, args.astring("a mailbox name"));
        args.end();
        // The quota root of a mailbox is its owner's; another user's has no root this user can read.
        Mailboxes.Target target = Mailboxes.require(session, name, Right.READ);
        if (target.account() != session.account()) {
            session.out().untagged("QUOTAROOT " + MailboxNames.wire(session, name));
            return Completion.ok("Getquotaroot completed.");
        }
        Quota.Usage usage = session.account().quota().usage();
        if (!QuotaResponse.exists(session, usage)) {
            session.out().untagged("QUOTAROOT " + MailboxNames.wire(session, name));
        } else {
            session.out().untagged("QUOTAROOT " + MailboxNames.wire(session, name) + " " + QuotaResponse.rootWire(session));
            QuotaResponse.write(session, usage);
        }
        return Completion.ok("Getquotaroot completed.");
    }
}
