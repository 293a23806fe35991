package dev.imapmock.store;

/** A mailbox operation the store refuses; the command layer answers it as a tagged NO. */
public final class MailboxException extends RuntimeException {

    /** Why the store refused, so the command layer can pick the response code. */
    public enum Reason { NONEXISTENT, ALREADY_EXISTS, NOT_SELECTABLE, CANNOT, INVALID_NAME, OVERQUOTA }

    private final Reason reason;

    public MailboxException(Reason reason, String humanReason) {
        super(humanReason, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
