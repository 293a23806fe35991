package dev.imapmock.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mailbox's access control list (RFC 4314 §2): identifiers with the rights granted to them, and
 * negative entries ({@code -bob}) with rights taken away. Thread-safe.
 *
 * <p>A user's rights are the union of the entries for the user, {@code anyone} and {@code
 * authenticated}, less the union of the matching negative entries (RFC 4314 §2). A new mailbox of
 * a user's account grants that user every right, under the user's name, as Dovecot's default
 * does; that entry can be changed or deleted like any other. A mailbox of the shared namespace
 * starts with no entry, so nobody sees it until rights are granted.
 */
public final class Acl {
    /** The identifier that applies to every user (RFC 4314 §2). */
    public static final String ANYONE = "anyone";
    /** The identifier that applies to every authenticated user, as in Dovecot. */
    public static final String AUTHENTICATED = "authenticated";

    private final String owner;
    private final LinkedHashMap<String, Rights> entries = new LinkedHashMap<>();
    /** Set while the ACL is the owner's default, so the common case costs one read. */
    private volatile boolean ownerOnly;

    /**
     * An ACL granting {@code owner} every right, or empty when {@code owner} is null.
     *
     * @param owner the user whose account holds the mailbox, or null for a shared mailbox
     */
    Acl(String owner) {
        this.owner = owner;
        if (owner != null) {
            entries.put(owner, Rights.ALL);
            ownerOnly = true;
        }
    }

    /**
     * The rights {@code user} has (RFC 4314 §2).
     *
     * @param user a user name
     * @return the rights, possibly none
     */
    public Rights rightsOf(String user) {
        if (ownerOnly) {
            return user.equals(owner) ? Rights.ALL : Rights.NONE;
        }
        synchronized (this) {
            Rights granted = Rights.NONE;
            Rights denied = Rights.NONE;
            for (String id : new String[] {user, ANYONE, AUTHENTICATED}) {
                Rights plus = entries.get(id);
                Rights minus = entries.get("-" + id);
                granted = plus == null ? granted : granted.plus(plus);
                denied = minus == null ? denied : denied.plus(minus);
            }
            return granted.minus(denied);
        }
    }

    /**
     * Sets the rights of {@code identifier}, replacing what it had (SETACL, RFC 4314 §3.1). Empty
     * rights keep the identifier in the list with no rights, as Dovecot keeps it.
     *
     * @param identifier a user name, {@code anyone}, {@code authenticated}, or one of those after
     *                   {@code -} for a negative entry
     * @param rights     the rights
     * @throws IllegalArgumentException when the identifier is empty or only {@code -}
     */
    public synchronized void set(String identifier, Rights rights) {
        check(identifier);
        entries.put(identifier, rights);
        ownerOnly = false;
    }

    /**
     * Adds rights to or takes them from {@code identifier}'s entry (SETACL with {@code +} or
     * {@code -}, RFC 4314 §3.1); an identifier without an entry starts with none.
     *
     * @param identifier as for {@link #set(String, Rights)}
     * @param change     the rights to add or take away
     * @param add        true to add, false to take away
     * @throws IllegalArgumentException when the identifier is empty or only {@code -}
     */
    public synchronized void modify(String identifier, Rights change, boolean add) {
        check(identifier);
        Rights before = entries.getOrDefault(identifier, Rights.NONE);
        entries.put(identifier, add ? before.plus(change) : before.minus(change));
        ownerOnly = false;
    }

    /**
     * Removes {@code identifier}'s entry (DELETEACL, RFC 4314 §3.2); nothing when it has none.
     *
     * @param identifier as for {@link #set(String, Rights)}
     * @throws IllegalArgumentException when the identifier is empty or only {@code -}
     */
    public synchronized void remove(String identifier) {
        check(identifier);
        entries.remove(identifier);
        ownerOnly = false;
    }

    /**
     * The entries in GETACL's order: the others in the order they were first set, then the
     * owner's, as Dovecot lists them.
     *
     * @return identifier and rights, a copy
     */
    public synchronized List<Map.Entry<String, Rights>> entries() {
        List<Map.Entry<String, Rights>> list = new ArrayList<>();
        for (Map.Entry<String, Rights> e : entries.entrySet()) {
            if (!e.getKey().equals(owner)) {
                list.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        Rights own = owner == null ? null : entries.get(owner);
        if (own != null) {
            list.add(Map.entry(owner, own));
        }
        return list;
    }

    /**
     * Whether some entry other than the owner's grants a right, so that the mailbox may be visible
     * to another user; cheap, for the listing of other users' mailboxes.
     *
     * @return false when only the owner can have rights
     */
    public boolean grantsOthers() {
        if (ownerOnly) {
            return false;
        }
        synchronized (this) {
            for (Map.Entry<String, Rights> e : entries.entrySet()) {
                if (!e.getKey().equals(owner) && !e.getKey().startsWith("-") && !e.getValue().isEmpty()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Replaces these entries with {@code parent}'s, as a mailbox created below another takes its
     * parent's ACL (as in Dovecot); the owner keeps its entry when the parent has another owner.
     *
     * @param parent the ACL of the new mailbox's parent
     */
    public void inheritFrom(Acl parent) {
        List<Map.Entry<String, Rights>> copy = new ArrayList<>(parent.entries());
        if (owner != null && !Objects.equals(owner, parent.owner)) {
            Rights own = rightsOf(owner);
            copy.removeIf(e -> e.getKey().equals(owner));
            copy.add(Map.entry(owner, own));
        }
        replace(copy);
    }

    /** {@return whether the ACL is a new mailbox's: the owner with every right, or empty without owner} */
    public boolean isDefault() {
        return ownerOnly || owner == null && entries().isEmpty();
    }

    /**
     * Replaces every entry, as {@link #entries()} listed them (a snapshot's restore).
     *
     * @param list identifiers and rights
     */
    synchronized void replace(List<Map.Entry<String, Rights>> list) {
        entries.clear();
        for (Map.Entry<String, Rights> e : list) {
            entries.put(e.getKey(), e.getValue());
        }
        ownerOnly = owner != null && entries.size() == 1 && Rights.ALL.equals(entries.get(owner));
    }

    private static void check(String identifier) {
        if (identifier.isEmpty() || identifier.equals("-")) {
            throw new IllegalArgumentException("An ACL identifier can't be empty");
        }
    }
}
