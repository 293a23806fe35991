package dev.imapmock.store;

import java.util.List;

/**
 * One account's usage against its limits: the per-mailbox message limit of its
 * {@link StoreLimits}, and the account-wide octet and message limits, which start as the store's
 * and may change later (per-user configuration, SETQUOTA). The account-wide ones are what IMAP
 * calls the account's quota root (RFC 9208 §3).
 *
 * <p>With Gmail's labels ({@link #countOnce}) a message is counted once however many label
 * mailboxes show it, as Gmail's storage quota counts it: by its EMAILID, from its first copy in
 * until its last copy is gone.
 *
 * <p>Thread-safe. Mailboxes call it under their own lock and it never calls back into a mailbox,
 * so the lock order is always mailbox, then quota.
 */
public final class Quota {
    /** A limit that is not there. A limit of 0 is a limit: nothing may be added (SETQUOTA ... (STORAGE 0)). */
    public static final long NONE = -1;

    /** Dovecot's text for a refusal by the account's limits, which clients may show to the user. */
    static final String EXCEEDED = "Quota exceeded (mailbox for user is full)";

    private final int maxMessagesPerMailbox;
    private long maxBytes;
    private long maxMessages;
    private long bytes;
    private long messages;
    /** With labels, how many copies of each EMAILID the account holds; null counts each copy. */
    private java.util.Map<Long, Integer> copies;

    Quota(StoreLimits limits) {
        this(limits.maxMessagesPerMailbox(), limits.maxAccountBytes() == 0 ? NONE : limits.maxAccountBytes(),
                limits.maxAccountMessages() == 0 ? NONE : limits.maxAccountMessages());
    }

    private Quota(int maxMessagesPerMailbox, long maxBytes, long maxMessages) {
        this.maxMessagesPerMailbox = maxMessagesPerMailbox;
        this.maxBytes = maxBytes;
        this.maxMessages = maxMessages;
    }

    /** A quota with nothing used and the limits this one has now (SETQUOTA's included), for a scratch account. */
    synchronized Quota emptyCopy() {
        Quota copy = new Quota(maxMessagesPerMailbox, maxBytes, maxMessages);
        if (copies != null) {
            copy.copies = new java.util.HashMap<>();
        }
        return copy;
    }

    /**
     * From now on counts a message once by its EMAILID, however many mailboxes hold a copy (Gmail's
     * labels); what the account holds now is counted again that way.
     *
     * @param held every message the account's mailboxes hold now
     */
    synchronized void countOnce(List<Message> held) {
        copies = new java.util.HashMap<>();
        bytes = 0;
        messages = 0;
        stored(held);
    }

    /**
     * Counts in messages just stored, when a message is counted once: a copy of one the account
     * holds already adds nothing. Does nothing otherwise, where {@link #reserve} counted them.
     */
    synchronized void stored(List<Message> made) {
        if (copies == null) {
            return;
        }
        for (Message m : made) {
            if (copies.merge(m.emailId(), 1, Integer::sum) == 1) {
                bytes += m.size();
                messages++;
            }
        }
    }

    /** {@return what the account holds now and its account-wide limits, taken at one instant} */
    public synchronized Usage usage() {
        return new Usage(bytes, messages, maxBytes, maxMessages);
    }

    /**
     * Replaces the account-wide limits, each a number from 0 or {@link #NONE}. What the account holds
     * already stays, also when it is more than the new limits allow; only what is added later is refused.
     *
     * @param maxBytes    the octets all the account's messages may hold, or {@link #NONE}
     * @param maxMessages the messages all the account's mailboxes may hold, or {@link #NONE}
     * @throws IllegalArgumentException when a limit is below {@link #NONE}
     */
    public synchronized void limits(long maxBytes, long maxMessages) {
        if (maxBytes < NONE || maxMessages < NONE) {
            throw new IllegalArgumentException("Quota limits must not be negative: " + maxBytes + " octets, "
                    + maxMessages + " messages");
        }
        this.maxBytes = maxBytes;
        this.maxMessages = maxMessages;
    }

    /**
     * Reserves room for {@code added} in a mailbox holding {@code mailboxSize} messages, or refuses
     * all of it. With {@code moving}, {@code added} are copies of messages of this account that leave
     * it once they are in (MOVE): the account's usage does not change, so only the per-mailbox limit
     * can refuse them, as Dovecot checks no quota for a move inside one quota root. {@code mailboxSize}
     * must then leave out the originals that are in the same mailbox.
     */
    synchronized void reserve(int mailboxSize, List<Mailbox.NewMessage> added, boolean moving) {
        if (maxMessagesPerMailbox > 0 && (long) mailboxSize + added.size() > maxMessagesPerMailbox) {
            throw new MailboxException(MailboxException.Reason.OVERQUOTA,
                    "Mailbox is full (the limit is " + maxMessagesPerMailbox + " messages)");
        }
        List<Mailbox.NewMessage> counted = counted(added);
        long size = sizeOf(counted);
        if (!moving && ((maxMessages != NONE && messages + counted.size() > maxMessages)
                || (maxBytes != NONE && bytes + size > maxBytes))) {
            throw new MailboxException(MailboxException.Reason.OVERQUOTA, EXCEEDED);
        }
        if (copies == null) {
            bytes += size;
            messages += counted.size();
        }
    }

    /** Counts in messages that were in the account a moment ago (a recreated mailbox), whatever the limits. */
    synchronized void restore(List<Mailbox.NewMessage> added) {
        if (copies == null) {
            bytes += sizeOf(added);
            messages += added.size();
        }
    }

    /** Gives back the octets and message count of removed messages (with labels, of their last copies). */
    synchronized void release(List<Message> removed) {
        if (copies != null) {
            for (Message m : removed) {
                Integer left = copies.merge(m.emailId(), -1, Integer::sum);
                if (left != null && left <= 0) {
                    copies.remove(m.emailId());
                    bytes -= m.size();
                    messages--;
                }
            }
            return;
        }
        for (Message m : removed) {
            bytes -= m.size();
        }
        messages -= removed.size();
    }

    /** The messages of {@code added} that would count: all, or with labels those the account holds no copy of. */
    private List<Mailbox.NewMessage> counted(List<Mailbox.NewMessage> added) {
        if (copies == null) {
            return added;
        }
        List<Mailbox.NewMessage> counted = new java.util.ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Mailbox.NewMessage m : added) {
            if (m.emailId() == 0 || !copies.containsKey(m.emailId()) && seen.add(m.emailId())) {
                counted.add(m);
            }
        }
        return counted;
    }

    private static long sizeOf(List<Mailbox.NewMessage> added) {
        long size = 0;
        for (Mailbox.NewMessage m : added) {
            size += m.bytes().length;
        }
        return size;
    }

    /**
     * An account's usage and limits.
     *
     * @param bytes       octets of all its messages
     * @param messages    messages in all its mailboxes
     * @param maxBytes    the octet limit, or {@link #NONE}
     * @param maxMessages the message limit, or {@link #NONE}
     */
    public record Usage(long bytes, long messages, long maxBytes, long maxMessages) {
        /**
         * Whether some account-wide limit applies: then the account has a quota root.
         *
         * @return true when {@code maxBytes} or {@code maxMessages} is not {@link #NONE}
         */
        public boolean limited() {
            return maxBytes != NONE || maxMessages != NONE;
        }
    }
}
