package dev.imapmock.store;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One account's usage against its {@link StoreLimits}. Thread-safe: mailboxes of one account
 * reserve octets under their own locks, so the account's total is kept with compare-and-set.
 */
final class Quota {
    private final StoreLimits limits;
    private final AtomicLong bytes = new AtomicLong();

    Quota(StoreLimits limits) {
        this.limits = limits;
    }

    StoreLimits limits() {
        return limits;
    }

    /** Reserves room for {@code added} in a mailbox holding {@code mailboxSize} messages, or refuses all of it. */
    void reserve(int mailboxSize, List<Mailbox.NewMessage> added) {
        int maxMessages = limits.maxMessagesPerMailbox();
        if (maxMessages > 0 && (long) mailboxSize + added.size() > maxMessages) {
            throw new MailboxException(MailboxException.Reason.OVERQUOTA,
                    "Mailbox is full (the limit is " + maxMessages + " messages)");
        }
        long size = 0;
        for (Mailbox.NewMessage m : added) {
            size += m.bytes().length;
        }
        long maxBytes = limits.maxAccountBytes();
        while (true) {
            long used = bytes.get();
            if (maxBytes > 0 && used + size > maxBytes) {
                throw new MailboxException(MailboxException.Reason.OVERQUOTA,
                        "Account is over its quota (the limit is " + maxBytes + " octets)");
            }
            if (bytes.compareAndSet(used, used + size)) {
                return;
            }
        }
    }

    /** Gives back the octets of removed messages. */
    void release(List<Message> removed) {
        long size = 0;
        for (Message m : removed) {
            size += m.size();
        }
        bytes.addAndGet(-size);
    }
}
