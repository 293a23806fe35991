package dev.imapmock.store;

/**
 * Receives every change of an account. Called while the account's or a mailbox's lock is held,
 * so an implementation must only queue the event and return at once.
 */
@FunctionalInterface
public interface AccountListener {
    /**
     * Takes one change, in the order the account made them.
     *
     * @param event what changed
     */
    void onEvent(AccountEvent event);
}
