package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.QuotaLimits;
import dev.imapmock.protocol.QuotaResource;
import dev.imapmock.server.Session;
import dev.imapmock.store.Quota;

import java.io.IOException;

/**
 * SETQUOTA root (resource limit ...) (RFC 9208 §4.1.3). Without QUOTASET it is refused, as Dovecot
 * refuses a user who is not an administrator, but only once the arguments have parsed: malformed
 * ones are BAD either way. With it, the named limits replace all earlier ones of the resources the
 * server offers (one left out has no limit any more), the root comes to exist if it did not, and
 * the new state is sent as {@code * QUOTA} (RFC 9208 §4.1.3's example), unless no limit is left.
 */
final class SetQuotaCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String root = args.astring("a quota root name");
        QuotaLimits requested = QuotaLimits.parse(args.list("a list of resource limits"), session.extensions());
        args.end();
        if (!session.offers(Extension.QUOTASET)) {
            throw CommandException.no("Quota can be changed only by admin");
        }
        if (!root.equals(QuotaResponse.root(session))) {
            throw CommandException.no("Quota root doesn't exist");
        }
        if (!requested.unknown().isEmpty()) {
            throw CommandException.no("Unknown quota resource: " + requested.unknown().get(0));
        }
        Quota quota = session.account().quota();
        Quota.Usage before = quota.usage();
        long maxBytes = QuotaResource.STORAGE.offeredBy(session.extensions())
                ? octets(requested.limits().getOrDefault(QuotaResource.STORAGE, Quota.NONE)) : before.maxBytes();
        long maxMessages = QuotaResource.MESSAGE.offeredBy(session.extensions())
                ? requested.limits().getOrDefault(QuotaResource.MESSAGE, Quota.NONE) : before.maxMessages();
        quota.limits(maxBytes, maxMessages);
        Quota.Usage after = quota.usage();
        if (QuotaResponse.exists(session, after)) {
            QuotaResponse.write(session, after);
        }
        return Completion.ok("Setquota completed.");
    }

    /** A STORAGE limit in octets; one too large to count in octets means as good as none. */
    private static long octets(long kib) {
        return kib == Quota.NONE ? Quota.NONE : kib > Long.MAX_VALUE / 1024 ? Long.MAX_VALUE : kib * 1024;
    }
}
