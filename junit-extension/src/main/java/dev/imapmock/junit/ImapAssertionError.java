package dev.imapmock.junit;

import org.opentest4j.AssertionFailedError;

/** A failed journal assertion; it already shows the transcript, so the extension adds none. */
final class ImapAssertionError extends AssertionFailedError {
    ImapAssertionError(String message) {
        super(message);
    }

    ImapAssertionError(String message, Object expected, Object actual) {
        super(message, expected, actual);
    }
}
