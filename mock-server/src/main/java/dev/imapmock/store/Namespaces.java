package dev.imapmock.store;

import java.util.Objects;

/**
 * How a user's view of the store is laid out (RFC 2342): the hierarchy delimiter between the
 * levels of every name, and where other users' mailboxes and the shared mailboxes appear. The
 * personal namespace has the empty prefix; a mailbox {@code box} of user {@code alice} is
 * {@code Other Users/alice/box} to the users its ACL lets see it, and a mailbox {@code news} of
 * the shared namespace is {@code Shared/news}. Prefixes end with the delimiter.
 *
 * <p>The delimiter is one for the whole store, as with Dovecot's one inbox namespace: it is the
 * character LIST, LSUB and NAMESPACE tell, and the store's names use it between their levels as
 * they are on the wire, so that a name in the Java API ({@link Mailbox#name()}) is the name a
 * client sees. A name does not change when it is read with another delimiter; the other
 * character ({@code /} under {@code .}) is an ordinary character of one level.
 *
 * @param otherUsers the prefix of other users' mailboxes, such as {@code "Other Users/"}
 * @param shared     the prefix of the shared mailboxes, such as {@code "Shared/"}
 * @param delimiter  the hierarchy delimiter, such as {@code /}
 */
public record Namespaces(String otherUsers, String shared, char delimiter) {
    /** {@code Other Users/} and {@code Shared/} with the delimiter {@code /}, the default. */
    public static final Namespaces DEFAULT = new Namespaces("Other Users/", "Shared/");

    /**
     * Checks the delimiter and the prefixes.
     *
     * @param otherUsers the prefix of other users' mailboxes, ending with the delimiter
     * @param shared     the prefix of the shared mailboxes, ending with the delimiter
     * @param delimiter  the hierarchy delimiter: one printable ASCII character other than
     *                   {@code *}, {@code %}, {@code "} and {@code \}
     * @throws IllegalArgumentException when the delimiter is not such a character, when a prefix
     *                                  is empty, does not end with the delimiter, starts with it or
     *                                  INBOX, or when the two overlap
     */
    public Namespaces {
        Objects.requireNonNull(otherUsers, "otherUsers");
        Objects.requireNonNull(shared, "shared");
        checkDelimiter(delimiter);
        check(otherUsers, delimiter);
        check(shared, delimiter);
        if (otherUsers.startsWith(shared) || shared.startsWith(otherUsers)) {
            throw new IllegalArgumentException("Namespace prefixes overlap: " + otherUsers + " and " + shared);
        }
    }

    /**
     * The prefixes with the delimiter {@code /}.
     *
     * @param otherUsers the prefix of other users' mailboxes, ending with {@code /}
     * @param shared     the prefix of the shared mailboxes, ending with {@code /}
     * @throws IllegalArgumentException as {@link #Namespaces(String, String, char)}
     */
    public Namespaces(String otherUsers, String shared) {
        this(otherUsers, shared, Account.DELIMITER);
    }

    /**
     * {@code Other Users} and {@code Shared}, each followed by {@code delimiter}: the default
     * prefixes under another delimiter ({@code Other Users.} under {@code .}, as Dovecot's
     * example configuration has them with {@code separator = .}).
     *
     * @param delimiter the hierarchy delimiter
     * @return the namespaces
     * @throws IllegalArgumentException when the delimiter is not allowed, see {@link #checkDelimiter}
     */
    public static Namespaces defaults(char delimiter) {
        return delimiter == Account.DELIMITER ? DEFAULT
                : new Namespaces("Other Users" + delimiter, "Shared" + delimiter, delimiter);
    }

    /**
     * Refuses what cannot be a hierarchy delimiter: LIST tells it as a quoted character (RFC 3501
     * §7.2.2), so it is printable ASCII, and it is neither a LIST wildcard ({@code *}, {@code %})
     * nor a character that needs quoting ({@code "}, {@code \}).
     *
     * @param delimiter the character
     * @throws IllegalArgumentException when it is not allowed, with the reason
     */
    public static void checkDelimiter(char delimiter) {
        if (delimiter <= 0x20 || delimiter >= 0x7f || delimiter == '*' || delimiter == '%' || delimiter == '"'
                || delimiter == '\\') {
            throw new IllegalArgumentException("A hierarchy delimiter is one printable ASCII character other than"
                    + " space, *, %, \" and \\, not " + (delimiter > 0x20 && delimiter < 0x7f ? String.valueOf(delimiter)
                    : String.format("U+%04X", (int) delimiter)));
        }
    }

    private static void check(String prefix, char delimiter) {
        String empty = String.valueOf(delimiter) + delimiter;
        if (prefix.length() < 2 || prefix.charAt(prefix.length() - 1) != delimiter
                || prefix.charAt(0) == delimiter || prefix.contains(empty)
                || Account.canonical(prefix, delimiter).startsWith(Account.INBOX + delimiter)) {
            throw new IllegalArgumentException("A namespace prefix is a name ending with '" + delimiter
                    + "', not INBOX: " + prefix);
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
     * @return the prefix without the final delimiter
     */
    public static String root(String prefix) {
        return prefix.substring(0, prefix.length() - 1);
    }

    /** The three namespaces of RFC 2342 §5. */
    public enum Kind {
        /** The user's own mailboxes. */
        PERSONAL,
        /** Other users' mailboxes, under {@code <prefix><user><delimiter>}. */
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
