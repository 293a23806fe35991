package dev.imapmock.store;

import java.util.Objects;

/**
 * Where other users' mailboxes and the shared mailboxes appear in a user's view of the store
 * (RFC 2342): the personal namespace has the empty prefix; a mailbox {@code box} of user
 * {@code alice} is {@code Other Users/alice/box} to the users its ACL lets see it, and a mailbox
 * {@code news} of the shared namespace is {@code Shared/news}. Prefixes end with the hierarchy
 * delimiter {@code /}.
 *
 * @param otherUsers the prefix of other users' mailboxes, such as {@code "Other Users/"}
 * @param shared     the prefix of the shared mailboxes, such as {@code "Shared/"}
 */
public record Namespaces(String otherUsers, String shared) {
    /** {@code Other Users/} and {@code Shared/}, the default. */
    public static final Namespaces DEFAULT = new Namespaces("Other Users/", "Shared/");

    /**
     * Checks the prefixes.
     *
     * @param otherUsers the prefix of other users' mailboxes, ending with {@code /}
     * @param shared     the prefix of the shared mailboxes, ending with {@code /}
     * @throws IllegalArgumentException when a prefix is empty, does not end with {@code /}, starts
     *                                  with {@code /} or INBOX, or when the two overlap
     */
    public Namespaces {
        Objects.requireNonNull(otherUsers, "otherUsers");
        Objects.requireNonNull(shared, "shared");
        check(otherUsers);
        check(shared);
        if (otherUsers.startsWith(shared) || shared.startsWith(otherUsers)) {
            throw new IllegalArgumentException("Namespace prefixes overlap: " + otherUsers + " and " + shared);
        }
    }

    private static void check(String prefix) {
        if (prefix.length() < 2 || prefix.charAt(prefix.length() - 1) != Account.DELIMITER
                || prefix.charAt(0) == Account.DELIMITER || prefix.indexOf("//") >= 0
                || Account.canonical(prefix).startsWith(Account.INBOX + Account.DELIMITER)) {
            throw new IllegalArgumentException("A namespace prefix is a name ending with '/', not INBOX: " + prefix);
        }
    }

    /**
     * Where {@code name}, as a user names it, lies.
     *
     * @param name a decoded mailbox name
     * @return the namespace and the part of the name after its prefix
     */
    public Place place(String name) {
        if (name.startsWith(otherUsers)) {
            return new Place(Kind.OTHER_USERS, name.substring(otherUsers.length()));
        }
        if (name.startsWith(shared)) {
            return new Place(Kind.SHARED, name.substring(shared.length()));
        }
        if (name.equals(root(otherUsers))) {
            return new Place(Kind.OTHER_USERS, null);
        }
        if (name.equals(root(shared))) {
            return new Place(Kind.SHARED, null);
        }
        return new Place(Kind.PERSONAL, name);
    }

    /**
     * A namespace prefix without its trailing delimiter: the name LIST shows for the level.
     *
     * @param prefix {@link #otherUsers()} or {@link #shared()}
     * @return the prefix without the final {@code /}
     */
    public static String root(String prefix) {
        return prefix.substring(0, prefix.length() - 1);
    }

    /** The three namespaces of RFC 2342 §5. */
    public enum Kind {
        /** The user's own mailboxes. */
        PERSONAL,
        /** Other users' mailboxes, under {@code <prefix><user>/}. */
        OTHER_USERS,
        /** Mailboxes of no user. */
        SHARED
    }

    /**
     * A name placed in its namespace.
     *
     * @param kind the namespace
     * @param rest the name after the namespace's prefix, or null for the prefix's own level
     */
    public record Place(Kind kind, String rest) {
    }
}
