package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Quota;

import java.io.IOException;

/** GETQUOTA root (RFC 9208 §4.1.1): the usage and limits of the account's quota root, named exactly. */
final class GetQuotaCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String root = args.astring("a quota root name");
        args.end();
        Quota.Usage usage = session.account().quota().usage();
        if (!root.equals(QuotaResponse.root(session)) || !QuotaResponse.exists(session, usage)) {
            throw CommandException.no("Quota root doesn't exist");
        }
        QuotaResponse.write(session, usage);
        return Completion.ok("Getquota completed.");
    }
}
