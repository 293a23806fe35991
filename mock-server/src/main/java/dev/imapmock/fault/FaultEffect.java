package dev.imapmock.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * What a rule does when it fires. A closed set; {@link #allowedIn(Phase)} says in which phases
 * each one makes sense, and registering a rule that combines them otherwise fails at once.
 */
public sealed interface FaultEffect {

    /**
     * True when this effect can happen in {@code phase}.
     *
     * @param phase the phase of the rule
     * @return whether the effect can happen then
     */
    boolean allowedIn(Phase phase);

    /**
     * A tagged {@code NO} or {@code BAD} with an optional response code. After the command is read
     * it replaces running the command; before the response, the command has run (its changes
     * stay) but the client only sees this answer.
     */
    record Respond(String status, String code, String text) implements FaultEffect {
        /**
         * Normalises the status to upper case and refuses anything but {@code NO} or {@code BAD}.
         *
         * @param status {@code NO} or {@code BAD}, in any case
         * @param code the response code without brackets, or null for none
         * @param text the human-readable text
         */
        public Respond {
            status = Objects.requireNonNull(status, "status").toUpperCase(Locale.ROOT);
            if (!status.equals("NO") && !status.equals("BAD")) {
                throw new IllegalArgumentException("A fault answers NO or BAD, not " + status);
            }
            Objects.requireNonNull(text, "text");
            if (code != null && code.isEmpty()) {
                code = null;
            }
        }

        /**
         * Parses {@code NO [CODE args] text} or {@code BAD text}.
         *
         * @param answer the answer without tag
         * @return the effect
         */
        public static Respond parse(String answer) {
            String s = Objects.requireNonNull(answer, "answer").strip();
            int space = s.indexOf(' ');
            String status = space < 0 ? s : s.substring(0, space);
            String rest = space < 0 ? "" : s.substring(space + 1).strip();
            String code = null;
            if (rest.startsWith("[")) {
                int close = rest.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("Response code without ]: " + answer);
                }
                code = rest.substring(1, close);
                rest = rest.substring(close + 1).strip();
            }
            return new Respond(status, code, rest.isEmpty() ? "Failed" : rest);
        }

        @Override
        public boolean allowedIn(Phase phase) {
            return phase instanceof Phase.AfterRead || phase instanceof Phase.BeforeResponse;
        }

        @Override
        public String toString() {
            return "respond " + status + (code == null ? "" : " [" + code + "]") + " " + text;
        }
    }

    /** {@code * BYE text}, then an orderly close. */
    record Bye(String text) implements FaultEffect {
        /**
         * Refuses a null text.
         *
         * @param text the text after {@code * BYE}
         */
        public Bye {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public boolean allowedIn(Phase phase) {
            return !(phase instanceof Phase.Waiting || phase instanceof Phase.Handshake);
        }

        @Override
        public String toString() {
            return "bye " + text;
        }
    }

    /** Closes the connection without a word; with {@code reset}, as a TCP reset (SO_LINGER 0). */
    record Disconnect(boolean reset) implements FaultEffect {
        @Override
        public boolean allowedIn(Phase phase) {
            return !(phase instanceof Phase.Waiting);
        }

        @Override
        public String toString() {
            return reset ? "reset" : "disconnect";
        }
    }

    /** Waits, then goes on as if nothing happened. */
    record Delay(Latency latency) implements FaultEffect {
        /**
         * Refuses a null latency.
         *
         * @param latency how long to wait
         */
        public Delay {
            Objects.requireNonNull(latency, "latency");
        }

        @Override
        public boolean allowedIn(Phase phase) {
            return !(phase instanceof Phase.Waiting);
        }

        @Override
        public String toString() {
            return "delay " + latency;
        }
    }

    /** Sends what follows at no more than {@code bytesPerSecond}. */
    record Throttle(long bytesPerSecond) implements FaultEffect {
        /**
         * Refuses a rate below 1.
         *
         * @param bytesPerSecond the rate
         */
        public Throttle {
            if (bytesPerSecond <= 0) {
                throw new IllegalArgumentException("bytesPerSecond must be positive: " + bytesPerSecond);
            }
        }

        @Override
        public boolean allowedIn(Phase phase) {
            return shapes(phase);
        }

        @Override
        public String toString() {
            return "throttle " + bytesPerSecond;
        }
    }

    /**
     * Sends what follows in writes of at most {@code maxChunk} octets, also cut between CR and LF
     * and inside literal announcements such as {@code {123}}, with {@code pause} between writes.
     */
    record Slice(int maxChunk, Duration pause) implements FaultEffect {
        /**
         * Refuses a chunk below 1 octet or a negative pause.
         *
         * @param maxChunk the largest write
         * @param pause the pause between writes
         */
        public Slice {
            if (maxChunk <= 0) {
                throw new IllegalArgumentException("maxChunk must be positive: " + maxChunk);
            }
            Objects.requireNonNull(pause, "pause");
        }

        @Override
        public boolean allowedIn(Phase phase) {
            return shapes(phase);
        }

        @Override
        public String toString() {
            return "slice " + maxChunk + (pause.isZero() ? "" : " " + Faults.text(pause));
        }
    }

    /**
     * Sends nothing more until the rule is removed or {@link FaultRule#release() released}, the
     * latch (when given) reaches zero, or the server closes (which ends the connection).
     */
    record Stall(CountDownLatch latch) implements FaultEffect {
        @Override
        public boolean allowedIn(Phase phase) {
            return !(phase instanceof Phase.Waiting);
        }

        @Override
        public String toString() {
            return "stall";
        }
    }

    /**
     * Sends these lines as they are (each without CRLF; untagged ones start with {@code *}):
     * before the real response when the phase comes before it, after it otherwise.
     */
    record Inject(List<String> lines) implements FaultEffect {
        /**
         * Copies the lines and refuses one with CR or LF in it.
         *
         * @param lines the lines, without CRLF
         */
        public Inject {
            lines = List.copyOf(lines);
            for (String line : lines) {
                if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("An injected line holds CR or LF: " + line);
                }
            }
        }

        @Override
        public boolean allowedIn(Phase phase) {
            return !(phase instanceof Phase.Waiting || phase instanceof Phase.Handshake);
        }

        @Override
        public String toString() {
            return "inject " + String.join(" | ", lines);
        }
    }

    /** Sends these octets as they are, then closes the connection. */
    record Garbage(byte[] bytes) implements FaultEffect {
        /**
         * Copies the octets.
         *
         * @param bytes the octets to send
         */
        public Garbage {
            bytes = bytes.clone();
        }

        /**
         * {@return a copy of the octets}
         */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean allowedIn(Phase phase) {
            return !(phase instanceof Phase.Waiting);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Garbage g && java.util.Arrays.equals(bytes, g.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "garbage " + Faults.escape(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * Replaces the mailbox the command names (or the selected one) with a fresh one holding the
     * same messages under a new UIDVALIDITY; sessions that had it selected are told BYE.
     */
    record BumpUidValidity() implements FaultEffect {
        @Override
        public boolean allowedIn(Phase phase) {
            return phase instanceof Phase.AfterRead || phase instanceof Phase.AfterTagged;
        }

        @Override
        public String toString() {
            return "bump-uidvalidity";
        }
    }

    /** Deletes the mailbox the command names (or the selected one), as another client might. */
    record RemoveMailbox() implements FaultEffect {
        @Override
        public boolean allowedIn(Phase phase) {
            return phase instanceof Phase.AfterRead || phase instanceof Phase.AfterTagged;
        }

        @Override
        public String toString() {
            return "remove-mailbox";
        }
    }

    /** Ends a connection silent for {@code after} with {@code * BYE Autologout; idle for too long}. */
    record Autologout(Duration after) implements FaultEffect {
        /**
         * Refuses a time that is not positive.
         *
         * @param after how long the connection must be silent
         */
        public Autologout {
            Objects.requireNonNull(after, "after");
            if (after.isNegative() || after.isZero()) {
                throw new IllegalArgumentException("Autologout time must be positive: " + after);
            }
        }

        @Override
        public boolean allowedIn(Phase phase) {
            return phase instanceof Phase.Waiting;
        }

        @Override
        public String toString() {
            return "autologout " + Faults.text(after);
        }
    }

    /**
     * The TLS handshake fails with a fatal alert (RFC 8446 §6.2, RFC 5246 §7.2.2): the server reads
     * the client's first record, its ClientHello, answers with the alert and closes.
     */
    record TlsAlert(int description) implements FaultEffect {
        /** The alerts a test may want, by the RFC's names. */
        static final java.util.Map<String, Integer> NAMES = java.util.Map.of(
                "handshake_failure", 40, "bad_certificate", 42, "certificate_expired", 45,
                "certificate_unknown", 46, "protocol_version", 70, "insufficient_security", 71,
                "internal_error", 80, "unrecognized_name", 112);

        /**
         * Refuses a number outside 0 to 255.
         *
         * @param description the alert's number (RFC 8446 §6)
         */
        public TlsAlert {
            if (description < 0 || description > 255) {
                throw new IllegalArgumentException("A TLS alert is a number from 0 to 255: " + description);
            }
        }

        /**
         * An alert by name ({@code handshake_failure}) or number ({@code 40}).
         *
         * @param name the alert's name or number
         * @return the effect
         */
        public static TlsAlert named(String name) {
            Integer known = NAMES.get(name.toLowerCase(Locale.ROOT).replace('-', '_'));
            if (known != null) {
                return new TlsAlert(known);
            }
            try {
                return new TlsAlert(Integer.parseInt(name));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a TLS alert: " + name + "; names are "
                        + new java.util.TreeSet<>(NAMES.keySet()) + ", or a number");
            }
        }

        @Override
        public boolean allowedIn(Phase phase) {
            return phase instanceof Phase.Handshake;
        }

        @Override
        public String toString() {
            for (java.util.Map.Entry<String, Integer> e : NAMES.entrySet()) {
                if (e.getValue() == description) {
                    return "tls-alert " + e.getKey();
                }
            }
            return "tls-alert " + description;
        }
    }

    /**
     * The handshake presents another certificate than the server's, so that a test proves the
     * application refuses it: one that expired (a day ago), one for another host
     * ({@code imapmock.invalid} only), or one nobody trusts (self-signed with a key of its own).
     * The first two are issued by the server's generated certificate, so a client that trusts
     * {@code server.tls()} gets as far as the date or the name and fails there.
     */
    record Certificate(CertificateFault kind) implements FaultEffect {
        /**
         * Refuses a null kind.
         *
         * @param kind the certificate to present
         */
        public Certificate {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public boolean allowedIn(Phase phase) {
            return phase instanceof Phase.Handshake;
        }

        @Override
        public String toString() {
            return "certificate " + kind.fileName();
        }
    }

    private static boolean shapes(Phase phase) {
        return !(phase instanceof Phase.AfterTagged || phase instanceof Phase.WhileIdle
                || phase instanceof Phase.Waiting || phase instanceof Phase.Handshake);
    }
}
