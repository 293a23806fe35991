package dev.imapmock.command;

import dev.imapmock.store.Account;

/**
 * A LIST/LSUB mailbox pattern (RFC 3501 §6.3.8): {@code *} matches anything, {@code %} anything
 * but the hierarchy delimiter. INBOX as the first level matches in any case.
 */
final class ListPattern {
    private final String pattern;
    private final char delimiter;
    /**
     * The pattern with its leading "inbox" in INBOX's case when it is followed by a wildcard or a
     * delimiter ({@code inbox*}, {@code Inbox/%}), else null: such a pattern matches INBOX and its
     * children in any case, as in Dovecot.
     */
    private final String inboxPattern;

    ListPattern(String reference, String pattern, char delimiter) {
        this.delimiter = delimiter;
        this.pattern = Account.canonical(reference + pattern, delimiter);
        this.inboxPattern = inboxCased(this.pattern, delimiter);
    }

    /** {@return the hierarchy delimiter {@code %} stops at} */
    char delimiter() {
        return delimiter;
    }

    boolean matches(String name) {
        if (matches(pattern, name, 0, 0)) {
            return true;
        }
        return inboxPattern != null && (name.equals(Account.INBOX) || name.startsWith(Account.INBOX + delimiter))
                && matches(inboxPattern, name, 0, 0);
    }

    private static String inboxCased(String pattern, char delimiter) {
        int n = Account.INBOX.length();
        if (pattern.length() <= n || pattern.startsWith(Account.INBOX)
                || !pattern.regionMatches(true, 0, Account.INBOX, 0, n)) {
            return null;
        }
        char next = pattern.charAt(n);
        return next == '*' || next == '%' || next == delimiter ? Account.INBOX + pattern.substring(n) : null;
    }

    /** Iterative on literal runs, recursive only at wildcards; patterns are short. */
    private boolean matches(String pattern, String name, int n, int p) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*' || c == '%') {
                for (int end = n; end <= name.length(); end++) {
                    if (matches(pattern, name, end, p + 1)) {
                        return true;
                    }
                    if (end < name.length() && c == '%' && name.charAt(end) == delimiter) {
                        return false;
                    }
                }
                return false;
            }
            if (n >= name.length() || name.charAt(n) != c) {
                return false;
            }
            n++;
            p++;
        }
        return n == name.length();
    }
}
