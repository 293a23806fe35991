package dev.imapmock.server;

import dev.imapmock.Extension;
import dev.imapmock.protocol.ReaderLimits;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
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
 */
public record ServerConfig(String host, int port, ReaderLimits limits, Duration idleTimeout,
                           int maxConnections, Clock clock, Set<Extension> extensions) {
    public ServerConfig {
        extensions = Collections.unmodifiableSet(extensions.isEmpty()
                ? EnumSet.noneOf(Extension.class) : EnumSet.copyOf(extensions));
    }

    /** True when the server offers {@code extension}. */
    public boolean offers(Extension extension) {
        return extensions.contains(extension);
    }
}
