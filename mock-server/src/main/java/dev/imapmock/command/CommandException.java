package dev.imapmock.command;

import dev.imapmock.protocol.ResponseWriter.Status;

/** A command refused with a tagged NO or BAD, an optional response code and a human text. */
public final class CommandException extends RuntimeException {
    /** The answer's condition, NO or BAD. */
    private final Status status;
    /** The response code without brackets, or null. */
    private final String code;

    private CommandException(Status status, String code, String text) {
        super(text, null, false, false);
        this.status = status;
        this.code = code;
    }

    /**
     * A tagged {@code NO} without a response code.
     *
     * @param text the human-readable text, ASCII, for the client's log
     * @return the exception, to throw
     */
    public static CommandException no(String text) {
        return new CommandException(Status.NO, null, text);
    }

    /**
     * A tagged {@code NO [code]}.
     *
     * @param code the response code without brackets, e.g. {@code TRYCREATE} or {@code NONEXISTENT}
     * @param text the human-readable text, ASCII, for the client's log
     * @return the exception, to throw
     */
    public static CommandException no(String code, String text) {
        return new CommandException(Status.NO, code, text);
    }

    /**
     * A tagged {@code BAD} without a response code: the command is not valid here, though well formed.
     *
     * @param text the human-readable text, ASCII, for the client's log
     * @return the exception, to throw
     */
    public static CommandException bad(String text) {
        return new CommandException(Status.BAD, null, text);
    }

    /**
     * A tagged {@code BAD [code]}.
     *
     * @param code the response code without brackets, e.g. {@code UIDREQUIRED}
     * @param text the human-readable text, ASCII, for the client's log
     * @return the exception, to throw
     */
    public static CommandException bad(String code, String text) {
        return new CommandException(Status.BAD, code, text);
    }

    /**
     * The condition of the tagged answer.
     *
     * @return {@link Status#NO} or {@link Status#BAD}
     */
    public Status status() {
        return status;
    }

    /**
     * The response code of the tagged answer.
     *
     * @return the code without brackets, or null for none
     */
    public String code() {
        return code;
    }
}
