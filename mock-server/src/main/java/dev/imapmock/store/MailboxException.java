package dev.imapmock.store;

/**
 * A mailbox operation the store refuses; the command layer answers it as a tagged NO with the
 * response code (RFC 5530) of its {@link #reason()}. The store is unchanged when it is thrown.
 * Carries no stack trace.
 */
public final class MailboxException extends RuntimeException {

    /** Why the store refused, so the command layer can pick the response code. */
    public enum Reason {
        /** The mailbox does not exist: {@code [NONEXISTENT]}. */
        NONEXISTENT,
        /** A mailbox of that name exists already: {@code [ALREADYEXISTS]}. */
        ALREADY_EXISTS,
        /** The mailbox holds no messages ({@code \Noselect}), so it cannot take any: {@code [CANNOT]}. */
        NOT_SELECTABLE,
        /** The operation can never succeed on this mailbox, such as deleting INBOX: {@code [CANNOT]}. */
        CANNOT,
        /** The name is empty, too long, or has a control character: {@code [CANNOT]}. */
        INVALID_NAME,
        /** The change would exceed a quota or a {@link StoreLimits} limit: {@code [OVERQUOTA]}. */
        OVERQUOTA
    }

    /** Why the store refused; part of the serialized form. */
    private final Reason reason;

    /**
     * A refusal.
     *
     * @param reason      why, which picks the response code
     * @param humanReason the text after the response code, for a person; ASCII
     */
    public MailboxException(Reason reason, String humanReason) {
        super(humanReason, null, false, false);
        this.reason = reason;
    }

    /**
     * Why the store refused.
     *
     * @return the reason, never null when the store threw it
     */
    public Reason reason() {
        return reason;
    }
}
