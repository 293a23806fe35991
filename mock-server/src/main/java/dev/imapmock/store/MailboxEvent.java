package dev.imapmock.store;

/**
 * A change to a mailbox, delivered in order to every session that has it selected. Sessions turn
 * these into untagged EXISTS, EXPUNGE and FETCH responses when the protocol allows them.
 */
public sealed interface MailboxEvent {

    /** A message was added; the session learns of it as {@code * n EXISTS}. */
    record Appended(Message message) implements MailboxEvent {
    }

    /** A message was removed. */
    record Expunged(long uid) implements MailboxEvent {
    }

    /**
     * A message's flags changed. {@code origin} is the listener that made the change (it reports
     * the change itself, as STORE's own FETCH response) or null.
     */
    record FlagsChanged(long uid, MailboxListener origin) implements MailboxEvent {
    }

    /** The mailbox itself was deleted or renamed away from the session. */
    record Deleted() implements MailboxEvent {
    }
}
