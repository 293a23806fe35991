package dev.imapmock.server;

import dev.imapmock.store.MailboxException;

/** The response codes of RFC 5530 for the store's refusals. */
final class MailboxCodes {
    private MailboxCodes() {
    }

    static String of(MailboxException.Reason reason) {
        return switch (reason) {
            case NONEXISTENT -> "NONEXISTENT";
            case ALREADY_EXISTS -> "ALREADYEXISTS";
            case NOT_SELECTABLE, CANNOT, INVALID_NAME -> "CANNOT";
            case OVERQUOTA -> "OVERQUOTA";
        };
    }
}
