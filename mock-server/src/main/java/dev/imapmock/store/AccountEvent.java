package dev.imapmock.store;

/**
 * A change anywhere in one account, for the sessions that asked to hear of them (NOTIFY, RFC
 * 5465). Sent only to an account's {@link AccountListener}s, so an account nobody watches pays a
 * single emptiness check per change.
 */
public sealed interface AccountEvent {

    /** A message of {@code mailbox} arrived, left or changed flags. */
    record MessageChange(Mailbox mailbox, MailboxEvent event) implements AccountEvent {
    }

    /**
     * A mailbox was created ({@code oldName} null, {@code exists}), renamed from {@code oldName},
     * or deleted ({@code exists} false).
     */
    record NameChange(String name, String oldName, boolean exists) implements AccountEvent {
    }

    /**
     * Annotations (RFC 5464) changed: of the mailbox {@code mailbox}, or of the server when it is
     * the empty string; {@code entries} names the entries whose value changed, in name order.
     */
    record MetadataChange(String mailbox, java.util.List<String> entries) implements AccountEvent {
    }

    /** {@code name} was subscribed ({@code subscribed}) or unsubscribed. */
    record SubscriptionChange(String name, boolean subscribed) implements AccountEvent {
    }
}
