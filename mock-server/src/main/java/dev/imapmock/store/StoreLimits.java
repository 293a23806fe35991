package dev.imapmock.store;

/**
 * Limits on what an account may hold; 0 means no limit. An APPEND, COPY, MOVE or delivery that
 * would exceed one is refused as a whole with {@link MailboxException.Reason#OVERQUOTA}.
 *
 * @param maxMessagesPerMailbox messages one mailbox may hold
 * @param maxAccountBytes       octets all messages of one account may hold together
 */
public record StoreLimits(int maxMessagesPerMailbox, long maxAccountBytes) {
    public static final StoreLimits NONE = new StoreLimits(0, 0);

    public StoreLimits {
        if (maxMessagesPerMailbox < 0 || maxAccountBytes < 0) {
            throw new IllegalArgumentException("Store limits must not be negative: " + maxMessagesPerMailbox
                    + " messages, " + maxAccountBytes + " octets");
        }
    }
}
