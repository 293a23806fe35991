package dev.imapmock.protocol;

import dev.imapmock.protocol.ResponseWriter.Status;

/**
 * A command that cannot be decoded or whose arguments do not fit its grammar. Answered with a
 * tagged {@code BAD} (untagged when no tag could be read) carrying {@link #getMessage()}, which
 * is written for the person reading the client's log. The reader may also refuse a command it
 * will not read to its end with a {@code NO} and a response code, as APPENDLIMIT's
 * {@code NO [TOOBIG]} (RFC 7889 §4).
 */
public class ProtocolException extends RuntimeException {
    /** The answer's condition: BAD, or NO for a refusal. */
    private final Status status;
    /** The response code without brackets, or null. */
    private final String code;

    /**
     * A syntax error: a tagged {@code BAD} without a response code.
     *
     * @param humanReason the text for the client's log; ASCII, no CR or LF, no Java names
     */
    public ProtocolException(String humanReason) {
        this(Status.BAD, null, humanReason);
    }

    private ProtocolException(Status status, String code, String humanReason) {
        super(humanReason, null, false, false);
        this.status = status;
        this.code = code;
    }

    /**
     * A tagged {@code BAD} with a response code, such as LITERAL-'s {@code BAD [TOOBIG]}.
     *
     * @param code the response code without brackets, e.g. {@code TOOBIG}
     * @param humanReason the text for the client's log
     * @return the exception, to throw
     */
    public static ProtocolException bad(String code, String humanReason) {
        return new ProtocolException(Status.BAD, code, humanReason);
    }

    /**
     * A tagged {@code NO} with a response code: the command is well formed, but refused unread.
     *
     * @param code the response code without brackets, e.g. {@code TOOBIG}
     * @param humanReason the text for the client's log
     * @return the exception, to throw
     */
    public static ProtocolException no(String code, String humanReason) {
        return new ProtocolException(Status.NO, code, humanReason);
    }

    /**
     * BAD, or NO for a refusal.
     *
     * @return {@link Status#BAD}, or {@link Status#NO} when made by {@link #no(String, String)}
     */
    public Status status() {
        return status;
    }

    /**
     * The response code, or null.
     *
     * @return the response code without brackets, or null when the answer carries none
     */
    public String code() {
        return code;
    }
}
