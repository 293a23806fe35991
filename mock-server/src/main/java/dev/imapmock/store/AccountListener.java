package dev.imapmock.store;

/**
 * Receives every change of an account. Called while the account's or a mailbox's lock is held,
 * so an implementation must only queue the event and return at once.
 */
@FunctionalInterface
public interface AccountListener {
    void onEvent(AccountEvent event);
}
