package dev.imapmock.store;

/**
 * Receives a mailbox's changes. Called while the mailbox's lock is held, so an implementation
 * must only queue the event and return at once.
 */
@FunctionalInterface
public interface MailboxListener {
    /**
     * Takes one change, in the order the mailbox made them.
     *
     * @param event what changed
     */
    void onEvent(MailboxEvent event);
}
