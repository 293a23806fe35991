package dev.imapmock.check;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every rule id the checks report, with its kind, in the order docs/client-checks.md lists them.
 * The ids are part of the public contract: a test names them in {@code hasNoWastefulPatterns(...)}.
 * A check that reports an id missing here fails (and is logged), so the table cannot drift.
 */
final class Rules {
    static final Map<String, Finding.Kind> ALL = table(
            "literal-before-continuation", Finding.Kind.VIOLATION,
            "nonsync-literal-not-offered", Finding.Kind.VIOLATION,
            "nonsync-literal-too-big", Finding.Kind.VIOLATION,
            "command-in-wrong-state", Finding.Kind.VIOLATION,
            "command-during-idle", Finding.Kind.VIOLATION,
            "idle-too-long", Finding.Kind.VIOLATION,
            "raw-8bit-mailbox-name", Finding.Kind.VIOLATION,
            "line-too-long", Finding.Kind.VIOLATION,
            "pipelined-after-expunge", Finding.Kind.VIOLATION,
            "login-before-tls", Finding.Kind.VIOLATION,
            "extension-not-enabled", Finding.Kind.VIOLATION,
            "reselect", Finding.Kind.WASTEFUL,
            "one-fetch-per-message", Finding.Kind.WASTEFUL,
            "search-then-fetch-each", Finding.Kind.WASTEFUL,
            "polling-instead-of-idle", Finding.Kind.WASTEFUL,
            "full-resync-despite-condstore", Finding.Kind.WASTEFUL,
            "headers-after-full-body", Finding.Kind.WASTEFUL,
            "full-body-refetched", Finding.Kind.WASTEFUL,
            "closed-without-logout", Finding.Kind.NOTE);

    private Rules() {
    }

    private static Map<String, Finding.Kind> table(Object... pairs) {
        Map<String, Finding.Kind> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Finding.Kind) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The finding, once its rule is known to be in the table with its kind. */
    static Finding checked(Finding finding) {
        if (ALL.get(finding.rule()) != finding.kind()) {
            throw new IllegalStateException("Rule " + finding.rule() + " (" + finding.kind()
                    + ") is not in the table of rules");
        }
        return finding;
    }
}
