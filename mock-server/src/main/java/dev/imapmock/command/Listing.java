package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;
import dev.imapmock.store.MailStore;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Namespaces;
import dev.imapmock.store.Right;
import dev.imapmock.store.Rights;
import dev.imapmock.store.SpecialUse;

import java.util.Collection;
import java.util.Set;
import java.util.TreeMap;

/**
 * The names LIST can show to the session's user, taken once per command: the user's own mailboxes,
 * and with ACL the other users' and the shared mailboxes the user may look up (RFC 4314 {@code l}),
 * each under its namespace prefix (see {@link Mailboxes}). The levels above such a mailbox that the
 * user may not see, the namespace's own level ({@code Other Users}) and each user's
 * ({@code Other Users/alice}) are names without a mailbox, so LIST shows them {@code \Noselect}.
 */
final class Listing {
    private final Session session;
    private final TreeMap<String, Entry> entries = new TreeMap<>();

    /** A listed name: its mailbox (null for a level without one) and the user's rights on it. */
    record Entry(Mailbox mailbox, Rights rights) {
    }

    private Listing(Session session) {
        this.session = session;
    }

    /** {@return what the session's user can list now} */
    static Listing of(Session session) {
        Listing listing = new Listing(session);
        for (Mailbox m : session.account().mailboxes()) {
            listing.entries.put(m.name(), new Entry(m, Rights.ALL));
        }
        if (session.offers(Extension.ACL)) {
            MailStore store = session.store();
            Namespaces namespaces = store.namespaces();
            for (String user : store.users()) {
                Account other = store.account(user).orElse(null);
                if (other != null && other != session.account()) {
                    listing.addVisible(other, namespaces.otherUsers() + user + namespaces.delimiter());
                }
            }
            Account shared = store.sharedIfAny();
            if (shared != null) {
                listing.addVisible(shared, namespaces.shared());
            }
        }
        return listing;
    }

    private void addVisible(Account account, String prefix) {
        String user = session.account().user();
        for (Mailbox m : account.mailboxes()) {
            if (!m.acl().grantsOthers() || account.user() == null && m.name().equals(Account.INBOX)) {
                continue;
            }
            Rights rights = m.acl().rightsOf(user);
            if (rights.has(Right.LOOKUP)) {
                String name = prefix + m.name();
                entries.put(name, new Entry(m, rights));
                char delimiter = session.store().delimiter();
                for (int slash = name.lastIndexOf(delimiter); slash > 0;
                     slash = name.lastIndexOf(delimiter, slash - 1)) {
                    entries.putIfAbsent(name.substring(0, slash), new Entry(null, Rights.NONE));
                }
            }
        }
    }

    /** {@return every name, in no particular order} */
    Collection<String> names() {
        return entries.keySet();
    }

    /** {@return the mailbox listed as {@code name}, or null} */
    Mailbox mailbox(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.mailbox();
    }

    /** {@return whether the user may read the mailbox listed as {@code name}, for LIST-STATUS} */
    boolean readable(String name) {
        Entry e = entries.get(name);
        return e != null && e.mailbox() != null && e.rights().has(Right.READ);
    }

    /** {@return whether a listed name lies below {@code name}} */
    boolean hasChildren(String name) {
        String prefix = name + session.store().delimiter();
        String next = entries.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    /** {@return the special uses of {@code name}: the user's own mailboxes have them, the others none} */
    Set<SpecialUse> specialUses(String name) {
        Mailbox m = mailbox(name);
        return m != null && m.account() != session.account() ? Set.of() : session.account().specialUses(name);
    }
}
