package dev.imapmock.fault;

import java.io.IOException;

/** The connection was closed on purpose by a fault rule, or a fault wait ended as the server closed. */
public final class InjectedDisconnect extends IOException {
    /**
     * The connection closed; {@code message} says why.
     *
     * @param message what happened
     */
    public InjectedDisconnect(String message) {
        super(message);
    }
}
