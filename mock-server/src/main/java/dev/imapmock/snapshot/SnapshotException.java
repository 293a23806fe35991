package dev.imapmock.snapshot;

/** A snapshot that could not be completed; the message names the mailbox and message at fault. */
final class SnapshotException extends Exception {
    SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }

    SnapshotException(String message) {
        super(message);
    }
}
