package dev.imapmock.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * When a rule's effects happen in the life of a connection or a command. A closed set: every
 * effect names the phases it makes sense in (see {@link FaultEffect}).
 */
public sealed interface Phase {

    /**
     * Before the greeting leaves: delay it, replace it with {@code * BYE}, or cut the connection.
     *
     * @return the phase
     */
    static Phase greeting() {
        return new Greeting();
    }

    /**
     * Once the command is read, before it runs: a tagged answer here replaces running it.
     *
     * @return the phase
     */
    static Phase afterRead() {
        return new AfterRead();
    }

    /**
     * The command has run; before the first octet of its response leaves.
     *
     * @return the phase
     */
    static Phase beforeResponse() {
        return new BeforeResponse();
    }

    /**
     * After {@code octets} octets of the response have left.
     *
     * @param octets the octets sent first, not negative
     * @return the phase
     */
    static Phase afterBytes(long octets) {
        return new AfterBytes(octets);
    }

    /**
     * After {@code octets} octets of the first literal (of the response) that is long enough.
     *
     * @param octets the octets of the literal sent first, not negative
     * @return the phase
     */
    static Phase inLiteral(long octets) {
        return new InLiteral(octets);
    }

    /**
     * Right after the tagged reply has left.
     *
     * @return the phase
     */
    static Phase afterTagged() {
        return new AfterTagged();
    }

    /**
     * While the session idles (RFC 2177), {@code after} the server's {@code + idling}.
     *
     * @param after how long after {@code + idling}, not negative
     * @return the phase
     */
    static Phase whileIdle(Duration after) {
        return new WhileIdle(after);
    }

    /**
     * While the connection waits for the client's next command; only for auto-logout.
     *
     * @return the phase
     */
    static Phase waiting() {
        return new Waiting();
    }

    /**
     * As TLS is about to begin: on the implicit-TLS port before the greeting, after STARTTLS's
     * tagged OK. The rule can make the handshake fail or choose the certificate presented.
     *
     * @return the phase
     */
    static Phase handshake() {
        return new Handshake();
    }

    /** {@link Phase#greeting()}. */
    record Greeting() implements Phase {
    }

    /** {@link Phase#afterRead()}. */
    record AfterRead() implements Phase {
    }

    /** {@link Phase#beforeResponse()}. */
    record BeforeResponse() implements Phase {
    }

    /**
     * {@link Phase#afterBytes(long)}.
     *
     * @param octets the octets of the response sent first
     */
    record AfterBytes(long octets) implements Phase {
        /**
         * Refuses a negative count.
         *
         * @param octets the octets sent first
         */
        public AfterBytes {
            if (octets < 0) {
                throw new IllegalArgumentException("Octets must not be negative: " + octets);
            }
        }
    }

    /**
     * {@link Phase#inLiteral(long)}.
     *
     * @param octets the octets of the literal sent first
     */
    record InLiteral(long octets) implements Phase {
        /**
         * Refuses a negative count.
         *
         * @param octets the octets of the literal sent first
         */
        public InLiteral {
            if (octets < 0) {
                throw new IllegalArgumentException("Octets must not be negative: " + octets);
            }
        }
    }

    /** {@link Phase#afterTagged()}. */
    record AfterTagged() implements Phase {
    }

    /**
     * {@link Phase#whileIdle(Duration)}.
     *
     * @param after how long after the continuation request
     */
    record WhileIdle(Duration after) implements Phase {
        /**
         * Refuses a null or negative time.
         *
         * @param after how long after the continuation request
         */
        public WhileIdle {
            Objects.requireNonNull(after, "after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("Negative time: " + after);
            }
        }
    }

    /** {@link Phase#waiting()}. */
    record Waiting() implements Phase {
    }

    /** {@link Phase#handshake()}. */
    record Handshake() implements Phase {
    }
}
