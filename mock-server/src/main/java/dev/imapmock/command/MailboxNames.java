package dev.imapmock.command;

import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Mailbox names between the wire and the store: decoded text in the store, INBOX in canonical
 * case; on the wire as the session spells them ({@link Session#names()}): modified UTF-7
 * (RFC 3501 §5.1.3), or UTF-8 once the session speaks it (RFC 6855 §3, RFC 9051 §5.1). Every
 * name that reaches or leaves the wire goes through here, so the handlers need not know which.
 */
final class MailboxNames {
    private MailboxNames() {
    }

    /**
     * Decodes a name the client sent. A name this session's encoding cannot spell is well-formed
     * syntax (an astring) naming no mailbox there can be, so it is refused with NO, as Dovecot
     * does, not BAD.
     */
    static String decode(Session session, String wire) {
        try {
            return Account.canonical(session.names().decode(wire), session.store().delimiter());
        } catch (ProtocolException e) {
            throw CommandException.no(e.getMessage());
        }
    }

    /** Decodes a name or a LIST pattern; null when this session's encoding cannot spell it. */
    static String decodeOrNull(Session session, String wire) {
        try {
            return session.names().decode(wire);
        } catch (ProtocolException e) {
            return null;
        }
    }

    /** A stored name as the client expects it: an astring in this session's encoding. */
    static String wire(Session session, String name) {
        return session.names().astring(name);
    }

    /** A name where the grammar wants a string, not an astring (NAMESPACE's prefixes): quoted. */
    static String string(Session session, String name) {
        return session.names().string(name);
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

    /**
     * The hierarchy delimiter as LIST, LSUB and NAMESPACE tell it: a quoted character,
     * {@code "/"} unless the store has another (RFC 3501 §7.2.2).
     */
    static String delimiter(Session session) {
        return "\"" + session.store().delimiter() + "\"";
    }

    /** A LIST or LSUB attribute list: {@code (\Noselect \HasChildren)}, {@code ()}. */
    static String attributes(List<String> attributes) {
        return "(" + String.join(" ", attributes) + ")";
    }
}
