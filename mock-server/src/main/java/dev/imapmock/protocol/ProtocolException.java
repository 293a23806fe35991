package dev.imapmock.protocol;

/**
 * A command that cannot be decoded or whose arguments do not fit its grammar. Answered with a
 * tagged {@code BAD} (untagged when no tag could be read) carrying {@link #getMessage()}, which
 * is written for the person reading the client's log.
 */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String humanReason) {
        super(humanReason, null, false, false);
    }
}
