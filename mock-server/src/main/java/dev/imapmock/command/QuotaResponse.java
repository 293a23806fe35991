package dev.imapmock.command;

import dev.imapmock.protocol.ImapStrings;
import dev.imapmock.protocol.QuotaResource;
import dev.imapmock.server.Session;
import dev.imapmock.store.Quota;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The account's one quota root as GETQUOTA, GETQUOTAROOT and SETQUOTA show it (RFC 9208 §4.1):
 * named as the server's quirks say ({@code "User quota"}, as in Dovecot's usual configuration,
 * unless a profile or the builder names another), and listing each resource the server offers
 * that has a limit. An account without such a limit has no quota root: a QUOTA response needs at
 * least one resource (RFC 9208 §9, {@code quota-list}).
 */
final class QuotaResponse {
    private QuotaResponse() {
    }

    /** {@return the name of every account's quota root on the session's server} */
    static String root(Session session) {
        return session.quirks().quotaRoot();
    }

    /** True when the account has a quota root on this server: a limit on a resource it offers. */
    static boolean exists(Session session, Quota.Usage usage) {
        for (QuotaResource r : QuotaResource.values()) {
            if (r.offeredBy(session.extensions()) && limit(r, usage) != Quota.NONE) {
                return true;
            }
        }
        return false;
    }

    /** The root's name as an astring: {@code "User quota"}, {@code ""}. */
    static String rootWire(Session session) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImapStrings.writeAString(out, root(session));
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** Writes {@code * QUOTA "User quota" (STORAGE used limit MESSAGE used limit)}; the root must {@link #exists}. */
    static void write(Session session, Quota.Usage usage) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (QuotaResource r : QuotaResource.values()) {
            long limit = limit(r, usage);
            if (!r.offeredBy(session.extensions()) || limit == Quota.NONE) {
                continue;
            }
            long used = r == QuotaResource.STORAGE ? kib(usage.bytes()) : usage.messages();
            sb.append(sb.length() == 0 ? "" : " ").append(r.name()).append(' ').append(used).append(' ')
                    .append(r == QuotaResource.STORAGE ? kib(limit) : limit);
        }
        session.out().untagged("QUOTA " + rootWire(session) + " (" + sb + ")");
    }

    /** Octets in STORAGE's unit of 1024 octets (RFC 9208 §5.1), rounded up, as Dovecot rounds usage and limits. */
    static long kib(long octets) {
        return octets / 1024 + (octets % 1024 == 0 ? 0 : 1);
    }

    private static long limit(QuotaResource r, Quota.Usage usage) {
        return switch (r) {
            case STORAGE -> usage.maxBytes();
            case MESSAGE -> usage.maxMessages();
        };
    }
}
