package dev.imapmock.check;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Arg;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a connection saw the client do, as the checks get it. Built by the connection's thread;
 * immutable.
 */
public sealed interface ClientEvent {

    /**
     * A literal announced at a line's end ({@code {n}} or {@code {n+}}), before the reader decides
     * whether it takes it.
     */
    record Literal(long size, boolean synchronizing) implements ClientEvent {
    }

    /**
     * The server is about to send {@code +} for a synchronizing literal; {@code dataWaiting} is
     * true when octets of the literal had already arrived (RFC 3501 §7.5: the client must wait).
     */
    record Continuation(boolean dataWaiting) implements ClientEvent {
    }

    /** IDLE's {@code +} went out; the session idles from {@code time} on. */
    record IdleStarted(Instant time) implements ClientEvent {
    }

    /** The line that ended an IDLE, at {@code time}: {@code DONE}, or anything else the client sent. */
    record IdleLine(String line, Instant time) implements ClientEvent {
    }

    /**
     * A command and its outcome.
     *
     * @param tag            the tag, or null when none could be read
     * @param name           the command name upper-cased, or null when none could be read
     * @param line           tag, name and arguments as the journal shows them (secrets masked)
     * @param args           the decoded arguments; empty when the command was malformed
     * @param malformed      true when the reader refused it
     * @param status         OK, NO or BAD
     * @param time           when it arrived (the server clock)
     * @param known          true when the server has a command of this name
     * @param allowed        true when that command is allowed in the state the session was in
     * @param state          the state the session was in, in words ("not authenticated")
     * @param user           the logged-in user before the command, or null
     * @param selectedBefore the selected mailbox before the command, or null
     * @param selectedAfter  the selected mailbox after it, or null
     * @param pipelined      true when the command had arrived before the previous one's answer was sent
     * @param lineOctets     octets of the command outside its literals
     * @param secure         true when the connection spoke TLS when the command arrived
     * @param loginDisabled  true when the server showed LOGINDISABLED at that time
     * @param enabled        the extensions the session had ENABLEd (or turned on) before the command;
     *                       IMAP4rev2 on a rev2-only server, where it is on from the start
     * @param responses      the untagged responses it got
     */
    record Command(String tag, String name, String line, List<Arg> args, boolean malformed, String status,
                   Instant time, boolean known, boolean allowed, String state, String user,
                   String selectedBefore, String selectedAfter, boolean pipelined, long lineOctets,
                   boolean secure, boolean loginDisabled, Set<Extension> enabled,
                   List<String> responses) implements ClientEvent {
        /**
         * Copies the lists and the set.
         *
         * @param tag the tag, or null
         * @param name the command name upper-cased, or null
         * @param line tag, name and arguments as the journal shows them (secrets masked)
         * @param args the decoded arguments; empty when the command was malformed
         * @param malformed true when the reader refused it
         * @param status OK, NO or BAD
         * @param time when it arrived (the server clock)
         * @param known true when the server has a command of this name
         * @param allowed true when that command is allowed in the state the session was in
         * @param state the state the session was in, in words ("not authenticated")
         * @param user the logged-in user before the command, or null
         * @param selectedBefore the selected mailbox before the command, or null
         * @param selectedAfter the selected mailbox after it, or null
         * @param pipelined true when the command had arrived before the previous one's answer was sent
         * @param lineOctets octets of the command outside its literals
         * @param secure true when the connection spoke TLS when the command arrived
         * @param loginDisabled true when the server showed LOGINDISABLED at that time
         * @param enabled the extensions the session had ENABLEd (or turned on) before the command;
         *                IMAP4rev2 on a rev2-only server, where it is on from the start
         * @param responses the untagged responses it got
         */
        public Command {
            args = List.copyOf(args);
            enabled = Set.copyOf(enabled);
            responses = List.copyOf(responses);
        }

        /**
         * {@return whether this is the command {@code commandName}}
         *
         * @param commandName the upper-case name, such as {@code UID FETCH}
         */
        public boolean is(String commandName) {
            return name != null && name.equals(commandName);
        }

        /** {@return whether the command was answered {@code OK}} */
        public boolean ok() {
            return "OK".equals(status);
        }
    }

    /**
     * The connection ended at {@code time}; {@code byServer} when the server ended it (it closed,
     * said BYE, or the client stayed silent too long), not the client.
     */
    record Closed(boolean byServer, Instant time) implements ClientEvent {
    }
}
