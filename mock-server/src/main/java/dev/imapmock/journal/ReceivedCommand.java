package dev.imapmock.journal;

import java.time.Instant;
import java.util.List;

/**
 * One command as the server received it, with how it ended. Passwords and SASL responses are
 * masked before the command is recorded, so no report can show them.
 *
 * @param connection the connection's number, from 1 in the order clients connected to the listener of
 *                   its {@code protocol}: IMAP connection 1 and SMTP connection 1 are two clients
 * @param index      the command's number within its connection, from 1; 0 for the entry named
 *                   {@code PREAUTH} that a pre-authenticated connection's greeting makes
 * @param tag        the tag, or null when none could be read
 * @param name       the command name upper-cased; {@code UID FETCH} is distinct from {@code FETCH};
 *                   null when none could be read
 * @param arguments  the arguments as text (masked where secret)
 * @param user       the user the connection was logged in as when the command arrived, or null
 * @param mailbox    the mailbox selected when the command arrived, or null
 * @param outcome    how the server answered
 * @param time       when the command arrived
 * @param responses  the first lines of the untagged responses (and continuation requests) the
 *                   command got, before its tagged response: at most 20 lines of 200 characters,
 *                   literal data shown as <code>{n}…</code>
 * @param faults     the names of the fault rules that fired on the command, in rule order
 * @param authentication for LOGIN and AUTHENTICATE (and PREAUTH, with mechanism {@code PREAUTH}),
 *                   the mechanism and the OAuth2 token label
 *                   used, whether the login succeeded or not; null for other commands
 * @param protocol   the protocol the command came in by: {@link Protocol#IMAP} for the server's own
 *                   commands, {@link Protocol#SMTP} for those of a listener beside it (the sandbox's)
 */
public record ReceivedCommand(int connection, int index, String tag, String name, String arguments,
                              String user, String mailbox, Outcome outcome, Instant time, List<String> responses,
                              List<String> faults, Authentication authentication, Protocol protocol) {

    /**
     * The protocols a journal hears. An SMTP command has no tag; its outcome's status is {@code OK} for
     * a 2xx or 3xx reply, {@code NO} for 4xx and 5xx, {@code BAD} for the syntax errors 500, 501 and
     * 555, and its code is the reply code with the enhanced status code ({@code 550 5.1.1}).
     */
    public enum Protocol {
        /** The server's own IMAP commands. */
        IMAP,
        /** The commands of an SMTP listener beside the server. */
        SMTP
    }

    /**
     * An IMAP command.
     *
     * @param connection the connection's number
     * @param index the command's number within its connection
     * @param tag the tag, or null
     * @param name the command name upper-cased, or null
     * @param arguments the arguments as text, masked
     * @param user the user logged in, or null
     * @param mailbox the mailbox selected, or null
     * @param outcome how the server answered
     * @param time when the command arrived
     * @param responses the first lines of the untagged responses
     * @param faults the names of the fault rules that fired
     * @param authentication the login attempt, or null
     */
    public ReceivedCommand(int connection, int index, String tag, String name, String arguments,
                           String user, String mailbox, Outcome outcome, Instant time, List<String> responses,
                           List<String> faults, Authentication authentication) {
        this(connection, index, tag, name, arguments, user, mailbox, outcome, time, responses, faults,
                authentication, Protocol.IMAP);
    }

    /**
     * An IMAP command that is no login attempt.
     *
     * @param connection the connection's number
     * @param index the command's number within its connection
     * @param tag the tag, or null
     * @param name the command name upper-cased, or null
     * @param arguments the arguments as text, masked
     * @param user the user logged in, or null
     * @param mailbox the mailbox selected, or null
     * @param outcome how the server answered
     * @param time when the command arrived
     * @param responses the first lines of the untagged responses
     * @param faults the names of the fault rules that fired
     */
    public ReceivedCommand(int connection, int index, String tag, String name, String arguments,
                           String user, String mailbox, Outcome outcome, Instant time, List<String> responses,
                           List<String> faults) {
        this(connection, index, tag, name, arguments, user, mailbox, outcome, time, responses, faults, null,
                Protocol.IMAP);
    }

    /**
     * How a login was attempted: {@code mechanism} is the SASL mechanism's name, or {@code LOGIN}
     * for the LOGIN command; {@code user} the user it named (null when the exchange ended before
     * naming one); {@code tokenLabel} the label of the OAuth2 token presented when the server knows
     * it, else null. The token itself is never recorded.
     */
    public record Authentication(String mechanism, String user, String tokenLabel) {
    }

    /**
     * Copies the lists (null is empty); a null protocol is {@link Protocol#IMAP}.
     *
     * @param connection the connection's number
     * @param index the command's number within its connection
     * @param tag the tag, or null
     * @param name the command name upper-cased, or null
     * @param arguments the arguments as text, masked
     * @param user the user logged in, or null
     * @param mailbox the mailbox selected, or null
     * @param outcome how the server answered
     * @param time when the command arrived
     * @param responses the first lines of the untagged responses, or null for none
     * @param faults the names of the fault rules that fired, or null for none
     * @param authentication the login attempt, or null
     * @param protocol the protocol, or null for IMAP
     */
    public ReceivedCommand {
        responses = responses == null ? List.of() : List.copyOf(responses);
        faults = faults == null ? List.of() : List.copyOf(faults);
        protocol = protocol == null ? Protocol.IMAP : protocol;
    }

    /**
     * An IMAP command without recorded responses that no fault rule fired on.
     *
     * @param connection the connection's number
     * @param index the command's number within its connection
     * @param tag the tag, or null
     * @param name the command name upper-cased, or null
     * @param arguments the arguments as text, masked
     * @param user the user logged in, or null
     * @param mailbox the mailbox selected, or null
     * @param outcome how the server answered
     * @param time when the command arrived
     */
    public ReceivedCommand(int connection, int index, String tag, String name, String arguments,
                           String user, String mailbox, Outcome outcome, Instant time) {
        this(connection, index, tag, name, arguments, user, mailbox, outcome, time, List.of(), List.of(), null,
                Protocol.IMAP);
    }

    /**
     * How the server answered: {@code OK}, {@code NO}, {@code BAD}, or {@code DISCONNECTED} when
     * the connection ended before the command completed; {@code PREAUTH} for the greeting of a
     * pre-authenticated connection, with its CAPABILITY code and text.
     */
    public record Outcome(String status, String code, String text) {
        @Override
        public String toString() {
            return status + (code == null ? "" : " [" + code + "]") + (text == null ? "" : " " + text);
        }
    }

    /**
     * True when the name matches, ignoring case.
     *
     * @param commandName the name to compare
     * @return whether it is this command's name
     */
    public boolean is(String commandName) {
        return name != null && name.equalsIgnoreCase(commandName);
    }

    /**
     * The command as the client sent it, masked: {@code a1 LOGIN alice ***}.
     *
     * @return the line, without CRLF
     */
    public String line() {
        return (tag == null ? "" : tag + " ") + (name == null ? "" : name) + (arguments.isEmpty() ? "" : " " + arguments);
    }

    @Override
    public String toString() {
        return (protocol == Protocol.IMAP ? "" : protocol + " ") + "#" + connection + "." + index + " " + line() + " -> " + outcome
                + (faults.isEmpty() ? "" : " (faults: " + String.join("; ", faults) + ")");
    }
}
