package dev.imapmock.sandbox.smtp;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link SmtpServer} listens and what it accepts. Immutable; each {@code with...} method returns
 * a changed copy.
 *
 * @param host           the address to bind
 * @param port           the port, 0 for a free one
 * @param hostName       the name the server gives itself in its greeting, EHLO reply and Received
 *                       headers
 * @param catchAll       the user that receives mail for unknown recipients, or null to refuse them
 *                       with {@code 550 5.1.1}
 * @param maxMessageSize the largest message accepted, in octets (advertised as SIZE, RFC 1870)
 * @param maxRecipients  the most RCPT commands accepted in one transaction (RFC 5321 §4.5.3.1.8 asks
 *                       for at least 100)
 * @param idleTimeout    how long a connection may stay silent before the server closes it with 421
 *                       (RFC 5321 §4.5.3.2.7 suggests 5 minutes)
 * @param clock          the time in Received headers
 */
public record SmtpSettings(String host, int port, String hostName, String catchAll, long maxMessageSize,
                           int maxRecipients, Duration idleTimeout, Clock clock) {
    /** The default largest message: 32 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 32L * 1024 * 1024;

    /**
     * Refuses nulls, a port out of range and limits below 1.
     *
     * @param host the address to bind
     * @param port the port, 0 for a free one
     * @param hostName the name in the greeting, EHLO reply and Received headers
     * @param catchAll the user for unknown recipients, or null
     * @param maxMessageSize the largest message, in octets
     * @param maxRecipients the most recipients per transaction
     * @param idleTimeout how long a connection may stay silent
     * @param clock the time in Received headers
     */
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("SMTP port out of range: " + port);
        }
        if (maxMessageSize < 1 || maxRecipients < 1) {
            throw new IllegalArgumentException("maxMessageSize and maxRecipients must be at least 1");
        }
    }

    /**
     * Listens on {@code host:port} as {@code localhost}, refusing unknown recipients, 32 MiB at most.
     *
     * @param host the address to bind
     * @param port the port, 0 for a free one
     * @return the settings
     */
    public static SmtpSettings of(String host, int port) {
        return new SmtpSettings(host, port, "localhost", null, DEFAULT_MAX_MESSAGE_SIZE, 100,
                Duration.ofMinutes(5), Clock.systemUTC());
    }

    /**
     * These settings with unknown recipients' mail going to {@code user}.
     *
     * @param user the user, or null to refuse unknown recipients
     * @return the new settings
     */
    public SmtpSettings withCatchAll(String user) {
        return new SmtpSettings(host, port, hostName, user, maxMessageSize, maxRecipients, idleTimeout, clock);
    }

    /**
     * These settings with another largest message.
     *
     * @param octets the size, at least 1
     * @return the new settings
     */
    public SmtpSettings withMaxMessageSize(long octets) {
        return new SmtpSettings(host, port, hostName, catchAll, octets, maxRecipients, idleTimeout, clock);
    }

    /**
     * These settings with another most recipients per transaction.
     *
     * @param max the count, at least 1
     * @return the new settings
     */
    public SmtpSettings withMaxRecipients(int max) {
        return new SmtpSettings(host, port, hostName, catchAll, maxMessageSize, max, idleTimeout, clock);
    }

    /**
     * These settings with another idle timeout.
     *
     * @param timeout how long a connection may stay silent
     * @return the new settings
     */
    public SmtpSettings withIdleTimeout(Duration timeout) {
        return new SmtpSettings(host, port, hostName, catchAll, maxMessageSize, maxRecipients, timeout, clock);
    }

    /**
     * These settings with another clock.
     *
     * @param clock the time in Received headers
     * @return the new settings
     */
    public SmtpSettings withClock(Clock clock) {
        return new SmtpSettings(host, port, hostName, catchAll, maxMessageSize, maxRecipients, idleTimeout, clock);
    }
}
