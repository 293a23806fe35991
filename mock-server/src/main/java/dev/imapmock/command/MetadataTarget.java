package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.server.Session;
import dev.imapmock.store.Annotations;
import dev.imapmock.store.MetadataLimits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * The annotations (RFC 5464) a GETMETADATA or SETMETADATA names: the server's for the empty name,
 * else a mailbox's. In the user's own mailboxes and the server's one store holds both
 * {@code /shared} and {@code /private} entries (one user per account); in another user's mailbox,
 * reached through ACL, {@code /shared} entries are the mailbox's and {@code /private} ones the
 * reading user's own, as Dovecot keeps them. Like Dovecot, any right on the mailbox lets a user read
 * and set its annotations.
 *
 * @param shared the store of {@code /shared} entries
 * @param own    the store of {@code /private} entries
 */
record MetadataTarget(Annotations shared, Annotations own) {

    /**
     * The annotations the mailbox named {@code wire} (modified UTF-7) stands for, or the server's
     * for the empty name (RFC 5464 §4.2, §4.3). Mailbox annotations need METADATA; with
     * METADATA-SERVER alone only the server has annotations.
     *
     * @throws CommandException NO without METADATA for a mailbox name, {@code NO [NONEXISTENT]} for
     *                          a name that is not a selectable mailbox the user has a right on
     */
    static MetadataTarget of(Session session, String wire) {
        if (wire.isEmpty()) {
            Annotations server = session.account().annotations();
            return new MetadataTarget(server, server);
        }
        if (!session.offers(Extension.METADATA)) {
            throw CommandException.no("Only server annotations are supported (mailbox name \"\")");
        }
        String name = MailboxNames.decode(session, wire);
        Mailboxes.Target target = Mailboxes.resolve(session, name);
        if (!target.selectable() || target.rights().isEmpty()) {
            throw CommandException.no("NONEXISTENT", "Mailbox doesn't exist: " + name);
        }
        Annotations annotations = target.mailbox().annotations();
        if (target.account() == session.account()) {
            return new MetadataTarget(annotations, annotations);
        }
        return new MetadataTarget(annotations, target.mailbox().privateAnnotations(session.account().user()));
    }

    private Annotations storeOf(String entry) {
        return Annotations.canonical(entry).startsWith("/private") ? own : shared;
    }

    /** {@return the value of {@code entry}, or null} */
    byte[] get(String entry) {
        return storeOf(entry).get(entry);
    }

    /** {@return the entry and those below it, as {@link Annotations#find}} */
    SortedMap<String, byte[]> find(String entry, int depth) {
        return storeOf(entry).find(entry, depth);
    }

    /**
     * Sets the values, all or nothing: when the two stores differ and the second refuses its part,
     * the first gets its old values back.
     *
     * @throws dev.imapmock.store.MetadataException when a limit refuses a change
     */
    void set(Map<String, byte[]> changes, MetadataLimits limits) {
        if (shared == own) {
            shared.set(changes, limits);
            return;
        }
        Map<String, byte[]> forShared = new LinkedHashMap<>();
        Map<String, byte[]> forOwn = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : changes.entrySet()) {
            (storeOf(e.getKey()) == own ? forOwn : forShared).put(e.getKey(), e.getValue());
        }
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (String entry : forShared.keySet()) {
            before.put(entry, shared.get(entry));
        }
        shared.set(forShared, limits);
        try {
            own.set(forOwn, limits);
        } catch (RuntimeException e) {
            shared.set(before, limits);
            throw e;
        }
    }
}
