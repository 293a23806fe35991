package dev.imapmock.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keywords a mailbox has seen, each under the first spelling it came with. Keywords compare
 * case-insensitively, so {@code work} set after {@code Work} is the same keyword and is stored,
 * listed and fetched as {@code Work}; as in Dovecot, a keyword stays known to the mailbox once no
 * message carries it any more, so FLAGS and PERMANENTFLAGS only ever grow (RFC 3501 §7.2.6).
 *
 * <p>Changed under the owning mailbox's lock; {@link #names()} may be read without it.
 */
final class Keywords {
    private final Map<String, String> byLowerCase = new HashMap<>();
    private volatile List<String> names = List.of();

    /** Every keyword known, in the order first seen; an immutable snapshot. */
    List<String> names() {
        return names;
    }

    /**
     * {@code flags} with each keyword spelled as this mailbox first saw it; keywords new to the
     * mailbox are learnt. Returns {@code flags} itself when nothing needs respelling.
     */
    Flags canonical(Flags flags) {
        List<String> keywords = flags.keywords();
        if (keywords.isEmpty()) {
            return flags;
        }
        List<String> respelt = null;
        for (int i = 0; i < keywords.size(); i++) {
            String given = keywords.get(i);
            String known = learn(given);
            if (respelt == null && !known.equals(given)) {
                respelt = new ArrayList<>(keywords.subList(0, i));
            }
            if (respelt != null) {
                respelt.add(known);
            }
        }
        return respelt == null ? flags : flags.withKeywords(respelt);
    }

    private String learn(String keyword) {
        String key = keyword.toLowerCase(Locale.ROOT);
        String known = byLowerCase.putIfAbsent(key, keyword);
        if (known != null) {
            return known;
        }
        List<String> grown = new ArrayList<>(names.size() + 1);
        grown.addAll(names);
        grown.add(keyword);
        names = List.copyOf(grown);
        return keyword;
    }
}
