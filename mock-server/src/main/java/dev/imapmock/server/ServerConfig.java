package dev.imapmock.server;

import dev.imapmock.Extension;
import dev.imapmock.protocol.ReaderLimits;
import dev.imapmock.sasl.Mechanism;
import dev.imapmock.sasl.Mechanisms;
import dev.imapmock.tls.TlsConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Settings of one server, fixed at start.
 *
 * @param host           the address to bind
 * @param port           the port to bind, 0 for a free one
 * @param limits         what the command reader accepts
 * @param idleTimeout    how long a connection may stay silent before {@code * BYE Autologout}
 *                       (RFC 3501 §5.4 asks for at least 30 minutes in production)
 * @param maxConnections connections served at once; more are greeted with {@code * BYE}; 0 for no limit
 * @param clock          the source of internal dates, UIDVALIDITY seeds and journal times
 * @param extensions     the extensions offered; each one missing behaves as never implemented
 * @param tls            how the server speaks TLS, or null when it never does
 * @param tlsPort        the port of implicit TLS (RFC 8314 §3.3), 0 for a free one, or -1 for none
 * @param requireTls     true when LOGIN and the mechanisms that send a secret in clear are refused
 *                       before TLS (RFC 3501 §6.2.3)
 * @param mechanisms     the SASL mechanisms offered, in {@code AUTH=} order
 * @param maxFailedLogins failed LOGIN and AUTHENTICATE commands a connection may make before the
 *                       server says {@code * BYE} and closes it; 0 for no limit
 * @param preauth        the connections greeted with {@code * PREAUTH} and as whom; {@link Preauth#NONE} for none
 * @param rev2Only       true when the server speaks IMAP4rev2 only (RFC 9051): IMAP4rev1 leaves the
 *                       greeting and CAPABILITY, and rev2's rules apply from the first command
 * @param quirks         how the server imitates a provider ({@code dev.imapmock.Profile})
 */
public record ServerConfig(String host, int port, ReaderLimits limits, Duration idleTimeout,
                           int maxConnections, Clock clock, Set<Extension> extensions,
                           TlsConfig tls, int tlsPort, boolean requireTls, List<Mechanism> mechanisms,
                           int maxFailedLogins, Preauth preauth, boolean rev2Only, Quirks quirks) {
    /**
     * Which connections start authenticated (RFC 9051 §7.1.4, RFC 3501 §7.1.4) and as whom.
     *
     * @param user        the user they are logged in as, or null for none
     * @param connections tells by the connection's number (from 1) whether it is one of them
     */
    public record Preauth(String user, java.util.function.IntPredicate connections) {
        /** No connection starts authenticated (a class rather than a lambda: the first lambda costs a fresh JVM a bootstrap). */
        public static final Preauth NONE = new Preauth(null, new Nobody());

        private static final class Nobody implements java.util.function.IntPredicate {
            @Override
            public boolean test(int connection) {
                return false;
            }
        }

        /**
         * The user connection {@code number} starts logged in as, or null when it starts with a login.
         *
         * @param number the connection's number, from 1
         * @return the user, or null
         */
        public String userFor(int number) {
            return user != null && connections.test(number) ? user : null;
        }
    }

    /**
     * Fills in the defaults and copies the collections.
     *
     * @param host the address to bind
     * @param port the port to bind, 0 for a free one
     * @param limits what the command reader accepts
     * @param idleTimeout how long a connection may stay silent before {@code * BYE Autologout}
     * @param maxConnections connections served at once; more are greeted with {@code * BYE}; 0 for no limit
     * @param clock the source of internal dates, UIDVALIDITY seeds and journal times
     * @param extensions the extensions offered; each one missing behaves as never implemented
     * @param tls how the server speaks TLS, or null when it never does
     * @param tlsPort the port of implicit TLS, 0 for a free one, or -1 for none
     * @param requireTls true when LOGIN and the mechanisms that send a secret in clear are refused before TLS
     * @param mechanisms the SASL mechanisms offered, in {@code AUTH=} order
     * @param maxFailedLogins failed logins a connection may make before {@code * BYE}; 0 for no limit
     * @param preauth the connections greeted with {@code * PREAUTH} and as whom; null for none
     * @param rev2Only true when the server speaks IMAP4rev2 only
     * @param quirks how the server imitates a provider; null for none
     * @throws IllegalArgumentException when rev2Only is set without IMAP4rev2, or TLS is asked for (implicit TLS,
     *     STARTTLS, requireTls) without {@code tls}
     */
    public ServerConfig {
        preauth = preauth == null ? Preauth.NONE : preauth;
        quirks = quirks == null ? Quirks.NONE : quirks;
        if (rev2Only && !extensions.contains(Extension.IMAP4REV2)) {
            throw new IllegalArgumentException("rev2Only needs the IMAP4rev2 extension, which is turned off");
        }
        mechanisms = List.copyOf(mechanisms);
        extensions = Collections.unmodifiableSet(extensions.isEmpty()
                ? EnumSet.noneOf(Extension.class) : EnumSet.copyOf(extensions));
        if (tls == null && (tlsPort >= 0 || requireTls || extensions.contains(Extension.STARTTLS))) {
            throw new IllegalArgumentException("Implicit TLS, STARTTLS and requireTls need a TLS configuration");
        }
    }

    /**
     * A server without the quirks of a provider.
     *
     * @param host the address to bind
     * @param port the port to bind, 0 for a free one
     * @param limits what the command reader accepts
     * @param idleTimeout how long a connection may stay silent before {@code * BYE Autologout}
     * @param maxConnections connections served at once; more are greeted with {@code * BYE}; 0 for no limit
     * @param clock the source of internal dates, UIDVALIDITY seeds and journal times
     * @param extensions the extensions offered; each one missing behaves as never implemented
     * @param tls how the server speaks TLS, or null when it never does
     * @param tlsPort the port of implicit TLS, 0 for a free one, or -1 for none
     * @param requireTls true when LOGIN and the mechanisms that send a secret in clear are refused before TLS
     * @param mechanisms the SASL mechanisms offered, in {@code AUTH=} order
     * @param maxFailedLogins failed logins a connection may make before {@code * BYE}; 0 for no limit
     * @throws IllegalArgumentException when rev2Only is set without IMAP4rev2, or TLS is asked for (implicit TLS,
     *     STARTTLS, requireTls) without {@code tls}
     */
    public ServerConfig(String host, int port, ReaderLimits limits, Duration idleTimeout,
                        int maxConnections, Clock clock, Set<Extension> extensions,
                        TlsConfig tls, int tlsPort, boolean requireTls, List<Mechanism> mechanisms,
                        int maxFailedLogins) {
        this(host, port, limits, idleTimeout, maxConnections, clock, extensions, tls, tlsPort, requireTls,
                mechanisms, maxFailedLogins, Preauth.NONE, false, Quirks.NONE);
    }

    /**
     * A server without the quirks of a provider, with its PREAUTH and IMAP4rev2-only settings.
     *
     * @param host the address to bind
     * @param port the port to bind, 0 for a free one
     * @param limits what the command reader accepts
     * @param idleTimeout how long a connection may stay silent before {@code * BYE Autologout}
     * @param maxConnections connections served at once; more are greeted with {@code * BYE}; 0 for no limit
     * @param clock the source of internal dates, UIDVALIDITY seeds and journal times
     * @param extensions the extensions offered; each one missing behaves as never implemented
     * @param tls how the server speaks TLS, or null when it never does
     * @param tlsPort the port of implicit TLS, 0 for a free one, or -1 for none
     * @param requireTls true when LOGIN and the mechanisms that send a secret in clear are refused before TLS
     * @param mechanisms the SASL mechanisms offered, in {@code AUTH=} order
     * @param maxFailedLogins failed logins a connection may make before {@code * BYE}; 0 for no limit
     * @param preauth the connections greeted with {@code * PREAUTH} and as whom; null for none
     * @param rev2Only true when the server speaks IMAP4rev2 only
     * @throws IllegalArgumentException when rev2Only is set without IMAP4rev2, or TLS is asked for (implicit TLS,
     *     STARTTLS, requireTls) without {@code tls}
     */
    public ServerConfig(String host, int port, ReaderLimits limits, Duration idleTimeout,
                        int maxConnections, Clock clock, Set<Extension> extensions,
                        TlsConfig tls, int tlsPort, boolean requireTls, List<Mechanism> mechanisms,
                        int maxFailedLogins, Preauth preauth, boolean rev2Only) {
        this(host, port, limits, idleTimeout, maxConnections, clock, extensions, tls, tlsPort, requireTls,
                mechanisms, maxFailedLogins, preauth, rev2Only, Quirks.NONE);
    }

    /**
     * A server that never speaks TLS.
     *
     * @param host the address to bind
     * @param port the port to bind, 0 for a free one
     * @param limits what the command reader accepts
     * @param idleTimeout how long a connection may stay silent before {@code * BYE Autologout}
     * @param maxConnections connections served at once; more are greeted with {@code * BYE}; 0 for no limit
     * @param clock the source of internal dates, UIDVALIDITY seeds and journal times
     * @param extensions the extensions offered; each one missing behaves as never implemented
     */
    public ServerConfig(String host, int port, ReaderLimits limits, Duration idleTimeout,
                        int maxConnections, Clock clock, Set<Extension> extensions) {
        this(host, port, limits, idleTimeout, maxConnections, clock, extensions, null, -1, false,
                Mechanisms.resolve(Mechanisms.DEFAULT), 0, Preauth.NONE, false, Quirks.NONE);
    }

    /**
     * The largest message APPEND takes, in octets: the literal limit, which one command's
     * literals share (so with MULTIAPPEND it bounds all messages of one command together).
     * Advertised as {@code APPENDLIMIT=n} (RFC 7889 §2) when the server offers APPENDLIMIT.
     *
     * @return the limit in octets, at most {@code Integer.MAX_VALUE - 8}
     */
    public long appendLimit() {
        return Math.min(limits.maxLiteralSize(), Integer.MAX_VALUE - 8);
    }

    /**
     * True when the server offers {@code extension}.
     *
     * @param extension the extension asked about
     * @return true when it is among {@link #extensions()}
     */
    public boolean offers(Extension extension) {
        return extensions.contains(extension);
    }
}
