package dev.imapmock.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The permanent flags of a message: system flags as bits and keywords by name. Immutable; a
 * message swaps its whole {@code Flags} value, so a reader never sees half of a change. The
 * session flag {@code \Recent} is not stored here: it belongs to the session that was told of
 * the message first (RFC 3501 §2.3.2).
 */
public final class Flags {
    /** The bit of {@code \Answered}: the message has been answered. */
    public static final int ANSWERED = 1;
    /** The bit of {@code \Flagged}: the message is marked for attention. */
    public static final int FLAGGED = 2;
    /** The bit of {@code \Deleted}: EXPUNGE, CLOSE and UID EXPUNGE remove the message. */
    public static final int DELETED = 4;
    /** The bit of {@code \Seen}: the message has been read. */
    public static final int SEEN = 8;
    /** The bit of {@code \Draft}: the message is a draft. */
    public static final int DRAFT = 16;

    private static final String[] SYSTEM_NAMES = {"\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"};

    /** No flag set; shared by every message without flags. */
    public static final Flags NONE = new Flags(0, List.of());

    private final int system;
    private final List<String> keywords;
    /** The flags as FETCH writes them, computed on first use; a benign race may compute it twice. */
    private String wire;

    private Flags(int system, List<String> keywords) {
        this.system = system;
        this.keywords = keywords;
    }

    /**
     * Builds flags from IMAP names: system flags in any case, anything else a keyword (kept as
     * given; keywords compare case-insensitively, as Dovecot does). {@code \Recent} is ignored.
     * The names are not checked against IMAP's flag syntax: that is the caller's task.
     *
     * @param names flag names, such as {@code \Seen} or {@code $Forwarded}; a keyword given twice
     *              in different cases is kept once, as first given
     * @return the flags, {@link #NONE} when there are none
     */
    public static Flags of(Collection<String> names) {
        int system = 0;
        Set<String> keywords = new LinkedHashSet<>();
        for (String name : names) {
            int bit = systemBit(name);
            if (bit != 0) {
                system |= bit;
            } else if (!name.equalsIgnoreCase("\\Recent") && !containsIgnoreCase(keywords, name)) {
                keywords.add(name);
            }
        }
        return create(system, new ArrayList<>(keywords));
    }

    /**
     * The bit of a system flag name.
     *
     * @param name a flag name, such as {@code \SEEN}, compared case-insensitively
     * @return one of {@link #ANSWERED}, {@link #FLAGGED}, {@link #DELETED}, {@link #SEEN} and
     *         {@link #DRAFT}; 0 when the name is not a system flag ({@code \Recent} included)
     */
    public static int systemBit(String name) {
        for (int i = 0; i < SYSTEM_NAMES.length; i++) {
            if (SYSTEM_NAMES[i].equalsIgnoreCase(name)) {
                return 1 << i;
            }
        }
        return 0;
    }

    /**
     * Whether a system flag is set.
     *
     * @param systemBit a system flag's bit, such as {@link #SEEN}; with several bits or-ed, whether
     *                  any of them is set
     * @return true when set
     */
    public boolean has(int systemBit) {
        return (system & systemBit) != 0;
    }

    /**
     * Whether {@code name} is set: a system flag or a keyword, case-insensitive.
     *
     * @param name a flag name
     * @return true when set
     */
    public boolean has(String name) {
        int bit = systemBit(name);
        return bit != 0 ? has(bit) : containsIgnoreCase(keywords, name);
    }

    /** {@return the keywords, in the order first stored, as an unmodifiable list; no system flag} */
    public List<String> keywords() {
        return keywords;
    }

    /**
     * These flags and those of {@code other} (STORE +FLAGS); a keyword both have is kept once, in
     * this value's spelling.
     *
     * @param other the flags to add
     * @return the union
     */
    public Flags plus(Flags other) {
        List<String> merged = new ArrayList<>(keywords);
        for (String k : other.keywords) {
            if (!containsIgnoreCase(merged, k)) {
                merged.add(k);
            }
        }
        return create(system | other.system, merged);
    }

    /**
     * These flags without those of {@code other} (STORE -FLAGS); keywords compare case-insensitively.
     *
     * @param other the flags to take away
     * @return the difference
     */
    public Flags minus(Flags other) {
        List<String> left = new ArrayList<>();
        for (String k : keywords) {
            if (!containsIgnoreCase(other.keywords, k)) {
                left.add(k);
            }
        }
        return create(system & ~other.system, left);
    }

    /** These system flags with {@code keywords} (distinct, case-insensitively) instead of this value's. */
    Flags withKeywords(List<String> keywords) {
        return create(system, new ArrayList<>(keywords));
    }

    /**
     * These flags with system flags set.
     *
     * @param systemBit one or more system flag bits, or-ed
     * @return the flags with those bits set; this value when they are set already
     */
    public Flags with(int systemBit) {
        return (system & systemBit) == systemBit ? this : create(system | systemBit, keywords);
    }

    /**
     * These flags with the system flags of {@code mask} as {@code other} has them, and this value's
     * keywords.
     *
     * @param other the flags to take the masked system flags from
     * @param mask  system flag bits ({@link #SEEN}, {@link #DELETED} ...), or-ed
     * @return the mixed flags
     */
    public Flags withBitsOf(Flags other, int mask) {
        int bits = (system & ~mask) | (other.system & mask);
        return bits == system ? this : create(bits, keywords);
    }

    /**
     * {@return flag names in canonical order, system flags first ({@code \Answered}, {@code \Flagged},
     * {@code \Deleted}, {@code \Seen}, {@code \Draft}), then keywords as first stored; a new list}
     */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < SYSTEM_NAMES.length; i++) {
            if ((system & (1 << i)) != 0) {
                names.add(SYSTEM_NAMES[i]);
            }
        }
        names.addAll(keywords);
        return names;
    }

    private static Flags create(int system, List<String> keywords) {
        if (system == 0 && keywords.isEmpty()) {
            return NONE;
        }
        return new Flags(system, keywords.isEmpty() ? List.of() : Collections.unmodifiableList(keywords));
    }

    private static boolean containsIgnoreCase(Collection<String> names, String name) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Flags f) || f.system != system || f.keywords.size() != keywords.size()) {
            return false;
        }
        for (String k : keywords) {
            if (!containsIgnoreCase(f.keywords, k)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = system;
        for (String k : keywords) {
            h += k.toLowerCase(Locale.ROOT).hashCode();
        }
        return h;
    }

    /** The space-separated flag names, as a FETCH FLAGS list holds them. */
    @Override
    public String toString() {
        String w = wire;
        if (w == null) {
            w = String.join(" ", names());
            wire = w;
        }
        return w;
    }
}
