package dev.imapmock.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * When a rule's effects happen in the life of a connection or a command. A closed set: every
 * effect names the phases it makes sense in (see {@link FaultEffect}).
 */
public sealed interface Phase {

    /** Before the greeting leaves: delay it, replace it with {@code * BYE}, or cut the connection. */
    static Phase greeting() {
        return new Greeting();
    }

    /** Once the command is read, before it runs: a tagged answer here replaces running it. */
    static Phase afterRead() {
        return new AfterRead();
    }

    /** The command has run; before the first octet of its response leaves. */
    static Phase beforeResponse() {
        return new BeforeResponse();
    }

    /** After {@code octets} octets of the response have left. */
    static Phase afterBytes(long octets) {
        return new AfterBytes(octets);
    }

    /** After {@code octets} octets of the first literal (of the response) that is long enough. */
    static Phase inLiteral(long octets) {
        return new InLiteral(octets);
    }

    /** Right after the tagged reply has left. */
    static Phase afterTagged() {
        return new AfterTagged();
    }

    /** While the session idles (RFC 2177), {@code after} the server's {@code + idling}. */
    static Phase whileIdle(Duration after) {
        return new WhileIdle(after);
    }

    /** While the connection waits for the client's next command; only for auto-logout. */
    static Phase waiting() {
        return new Waiting();
    }

    /**
     * As TLS is about to begin: on the implicit-TLS port before the greeting, after STARTTLS's
     * tagged OK. The rule can make the handshake fail or choose the certificate presented.
     */
    static Phase handshake() {
        return new Handshake();
    }

    record Greeting() implements Phase {
    }

    record AfterRead() implements Phase {
    }

    record BeforeResponse() implements Phase {
    }

    record AfterBytes(long octets) implements Phase {
        public AfterBytes {
            if (octets < 0) {
                throw new IllegalArgumentException("Octets must not be negative: " + octets);
            }
        }
    }

    record InLiteral(long octets) implements Phase {
        public InLiteral {
            if (octets < 0) {
                throw new IllegalArgumentException("Octets must not be negative: " + octets);
            }
        }
    }

    record AfterTagged() implements Phase {
    }

    record WhileIdle(Duration after) implements Phase {
        public WhileIdle {
            Objects.requireNonNull(after, "after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("Negative time: " + after);
            }
        }
    }

    record Waiting() implements Phase {
    }

    record Handshake() implements Phase {
    }
}
