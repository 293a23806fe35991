package dev.imapmock.command;

import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;

/**
 * The object identifiers of RFC 8474 as the wire shows them ({@code objectid} is 1 to 255 of
 * letters, digits, {@code -} and {@code _}). MAILBOXID comes from the UIDVALIDITY the mailbox was
 * created with, so it stays through RENAME and is never reused; EMAILID from the store's identity
 * of the message, kept by COPY and MOVE; THREADID from the Message-ID that starts the message's
 * thread (References, In-Reply-To, its own), so every message of a thread shares it, in any
 * mailbox; a message with none of them is a thread of its own.
 */
final class ObjectIds {
    private ObjectIds() {
    }

    static String mailboxId(Mailbox mailbox) {
        return "F" + Long.toHexString(mailbox.uidValidity());
    }

    static String emailId(Message message) {
        return "M" + Long.toHexString(message.emailId());
    }

    static String threadId(Message message) {
        return "T" + Long.toHexString(threadNumber(message));
    }

    /**
     * The thread as a 64-bit number (also Gmail's X-GM-THRID): a hash of the Message-ID that
     * starts the thread, or the message's own EMAILID when it names none.
     */
    static long threadNumber(Message message) {
        String root = message.header().threadRoot();
        if (root == null) {
            return message.emailId();
        }
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < root.length(); i++) {
            hash = (hash ^ root.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }
}
