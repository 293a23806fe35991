package dev.imapmock.command;

import dev.imapmock.protocol.ResponseWriter.Status;

/** A command refused with a tagged NO or BAD, an optional response code and a human text. */
public final class CommandException extends RuntimeException {
    private final Status status;
    private final String code;

    private CommandException(Status status, String code, String text) {
        super(text, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static CommandException no(String text) {
        return new CommandException(Status.NO, null, text);
    }

    public static CommandException no(String code, String text) {
        return new CommandException(Status.NO, code, text);
    }

    public static CommandException bad(String text) {
        return new CommandException(Status.BAD, null, text);
    }

    public static CommandException bad(String code, String text) {
        return new CommandException(Status.BAD, code, text);
    }

    public Status status() {
        return status;
    }

    public String code() {
        return code;
    }
}
