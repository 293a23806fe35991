package dev.imapmock.server;

import dev.imapmock.protocol.ResponseWriter;
import dev.imapmock.store.Message;

import java.io.IOException;

/**
 * What a NOTIFY's SELECTED or SELECTED-DELAYED group asked to hear of the selected mailbox
 * (RFC 5465 §5, §6), as Dovecot answers it: flag changes made by other sessions are told only with
 * FlagChange, and with MessageNew's fetch attributes each new message's FETCH follows its EXISTS.
 * New and expunged messages are always told (EXISTS, EXPUNGE), so that sequence numbers stay
 * those the client knows.
 *
 * @param flagChanges true when the group names FlagChange
 * @param newMessages writes the FETCH of a new message, or null when MessageNew has no attributes
 */
public record SelectedNotify(boolean flagChanges, NewMessageFetch newMessages) {

    /** Writes the FETCH response MessageNew's attributes ask for, for one new message. */
    @FunctionalInterface
    public interface NewMessageFetch {
        /**
         * Writes {@code * seq FETCH (...)} for {@code message}.
         *
         * @param view    the selected mailbox
         * @param seq     the message's sequence number, just told by EXISTS
         * @param message the message
         * @param out     where responses go
         * @throws IOException when the client cannot be written to
         */
        void write(SelectedMailbox view, int seq, Message message, ResponseWriter out) throws IOException;
    }
}
