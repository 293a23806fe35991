package dev.imapmock.command;

import dev.imapmock.store.Account;

/**
 * A LIST/LSUB mailbox pattern (RFC 3501 §6.3.8): {@code *} matches anything, {@code %} anything
 * but the hierarchy delimiter. INBOX as the first level matches in any case.
 */
final class ListPattern {
    private final String pattern;

    ListPattern(String reference, String pattern) {
        this.pattern = Account.canonical(reference + pattern);
    }

    boolean matches(String name) {
        return matches(name, 0, 0);
    }

    /** Iterative on literal runs, recursive only at wildcards; patterns are short. */
    private boolean matches(String name, int n, int p) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*' || c == '%') {
                for (int end = n; end <= name.length(); end++) {
                    if (matches(name, end, p + 1)) {
                        return true;
                    }
                    if (end < name.length() && c == '%' && name.charAt(end) == Account.DELIMITER) {
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
