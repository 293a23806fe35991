package dev.imapmock.protocol;

import dev.imapmock.protocol.ResponseWriter.Status;

/** What the command reader made of one command: a decoded command or a malformed one. */
public sealed interface ReadResult permits Command, ReadResult.Malformed {

    /**
     * The tag, or null when none could be read (answered with an untagged BAD).
     *
     * @return the tag, or null when none could be read
     */
    String tag();

    /**
     * A command that could not be decoded, or that the reader refused before reading it to its
     * end. {@code name} is the command name when it was read (else null); {@code text} is the
     * line as far as it was kept, for the journal. {@code fatal} means the reader could not stay
     * in step with the client (it announced more literal data than can be skipped), so the
     * connection must close after answering. {@code status} is BAD, or NO for a refusal such as
     * {@code NO [TOOBIG]}; {@code code} is the response code or null.
     */
    record Malformed(String tag, String name, String reason, String text, boolean fatal, Status status, String code)
            implements ReadResult {
        /**
         * A BAD without a response code.
         *
         * @param tag the tag, or null when none could be read
         * @param name the command name when it was read, else null
         * @param reason the text for the client's log
         * @param text the line as far as it was kept, for the journal
         * @param fatal true when the connection must close after the answer
         */
        public Malformed(String tag, String name, String reason, String text, boolean fatal) {
            this(tag, name, reason, text, fatal, Status.BAD, null);
        }

        /**
         * A BAD without a response code, after which the reader is in step with the client.
         *
         * @param tag the tag, or null when none could be read
         * @param name the command name when it was read, else null
         * @param reason the text for the client's log
         * @param text the line as far as it was kept, for the journal
         */
        public Malformed(String tag, String name, String reason, String text) {
            this(tag, name, reason, text, false);
        }
    }
}
