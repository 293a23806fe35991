package dev.imapmock.command;

import dev.imapmock.store.Message;

/**
 * The sent date of RFC 5256 §2.2, which SORT DATE and THREAD order by: the Date header's moment
 * (its zone applied, a missing zone read as UTC), and the internal date when the message has no
 * Date header or one that cannot be read, as Dovecot falls back.
 */
final class SentDate {
    private SentDate() {
    }

    /** Seconds since the epoch. */
    static long epochSecond(Message message) {
        return message.header().sentEpochSecond(message.internalDateEpochSecond());
    }
}
