package dev.imapmock.sandbox.smtp;

/**
 * A command ends with this reply instead of the one it would have had. Thrown by the command handlers
 * and turned into the reply in one place, {@link SmtpSession}; carries no stack trace.
 */
final class SmtpException extends RuntimeException {
    private final transient Reply reply;

    SmtpException(int code, String status, String text) {
        super(code + " " + status + " " + text, null, false, false);
        this.reply = Reply.of(code, status, text);
    }

    Reply reply() {
        return reply;
    }
}
