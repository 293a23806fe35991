package dev.imapmock.server;

import dev.imapmock.protocol.ReaderLimits;

import java.time.Clock;
import java.time.Duration;

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
 */
public record ServerConfig(String host, int port, ReaderLimits limits, Duration idleTimeout,
                           int maxConnections, Clock clock) {
}
