package dev.imapmock.command;

import dev.imapmock.protocol.ImapStrings;
import dev.imapmock.protocol.ModifiedUtf7;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.store.Account;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Mailbox names between the wire and the store: modified UTF-7 on the wire (RFC 3501 §5.1.3),
 * decoded text in the store, INBOX in canonical case.
 */
final class MailboxNames {
    private MailboxNames() {
    }

    /**
     * Decodes a name the client sent. A name that is not valid modified UTF-7 is well-formed
     * syntax (an astring) naming no mailbox there can be, so it is refused with NO, as Dovecot
     * does, not BAD.
     */
    static String decode(String wire) {
        try {
            return Account.canonical(ModifiedUtf7.decode(wire));
        } catch (ProtocolException e) {
            throw CommandException.no(e.getMessage());
        }
    }

    /** Decodes a name or a LIST pattern; null when it is not valid modified UTF-7. */
    static String decodeOrNull(String wire) {
        try {
            return ModifiedUtf7.decode(wire);
        } catch (ProtocolException e) {
            return null;
        }
    }

    /** A stored name as the client expects it: modified UTF-7, as an atom or quoted. */
    static String wire(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImapStrings.writeAString(out, ModifiedUtf7.encode(name));
        return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A name where the grammar wants a string, not an astring (NAMESPACE's prefixes): quoted. */
    static String string(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImapStrings.writeString(out, ModifiedUtf7.encode(name));
        return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The names in LIST's order: INBOX first, then the others in name order. */
    static List<String> inboxFirst(Collection<String> names) {
        List<String> ordered = new ArrayList<>(names);
        ordered.sort((a, b) -> {
            boolean ai = a.equals(Account.INBOX);
            boolean bi = b.equals(Account.INBOX);
            return ai != bi ? (ai ? -1 : 1) : a.compareTo(b);
        });
        return ordered;
    }

    /** A LIST or LSUB attribute list: {@code (\Noselect \HasChildren)}, {@code ()}. */
    static String attributes(List<String> attributes) {
        return "(" + String.join(" ", attributes) + ")";
    }
}
