package dev.imapmock.store;

/**
 * Limits on what an account may hold; 0 means no limit. An APPEND, COPY, MOVE or delivery that
 * would exceed one is refused as a whole with {@link MailboxException.Reason#OVERQUOTA}. The two
 * account limits are where each account's {@link Quota} starts.
 *
 * @param maxMessagesPerMailbox messages one mailbox may hold
 * @param maxAccountBytes       octets all messages of one account may hold together
 * @param maxAccountMessages    messages all mailboxes of one account may hold together
 */
public record StoreLimits(int maxMessagesPerMailbox, long maxAccountBytes, long maxAccountMessages) {
    /** No limit at all, the default. */
    public static final StoreLimits NONE = new StoreLimits(0, 0, 0);

    /**
     * Checks the limits.
     *
     * @param maxMessagesPerMailbox messages one mailbox may hold, 0 for no limit
     * @param maxAccountBytes       octets all messages of one account may hold together, 0 for no limit
     * @param maxAccountMessages    messages all mailboxes of one account may hold together, 0 for no limit
     * @throws IllegalArgumentException when a limit is negative
     */
    public StoreLimits {
        if (maxMessagesPerMailbox < 0 || maxAccountBytes < 0 || maxAccountMessages < 0) {
            throw new IllegalArgumentException("Store limits must not be negative: " + maxMessagesPerMailbox
                    + " messages per mailbox, " + maxAccountBytes + " octets, " + maxAccountMessages
                    + " messages per account");
        }
    }

    /**
     * Limits without an account-wide message limit.
     *
     * @param maxMessagesPerMailbox messages one mailbox may hold, 0 for no limit
     * @param maxAccountBytes       octets all messages of one account may hold together, 0 for no limit
     * @throws IllegalArgumentException when a limit is negative
     */
    public StoreLimits(int maxMessagesPerMailbox, long maxAccountBytes) {
        this(maxMessagesPerMailbox, maxAccountBytes, 0);
    }
}
