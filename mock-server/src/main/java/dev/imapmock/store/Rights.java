package dev.imapmock.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * An immutable set of {@link Right}s, as an ACL entry, MYRIGHTS or LISTRIGHTS holds it.
 *
 * <p>RFC 4314 §2.1.1 keeps RFC 2086's {@code c} and {@code d} as virtual rights. This server takes
 * the first of the RFC's two readings, as Dovecot does: {@code c} is {@code k} and {@code x}, and
 * {@code d} is {@code e} and {@code t}. Parsing expands them; {@link #toString()} adds {@code c}
 * when any of {@code k x} is held and {@code d} when any of {@code e t} is, as ACL and MYRIGHTS
 * responses must.
 */
public final class Rights {
    /** No right at all. */
    public static final Rights NONE = new Rights(EnumSet.noneOf(Right.class));
    /** Every right: what an owner has on a mailbox whose ACL does not name it. */
    public static final Rights ALL = new Rights(EnumSet.allOf(Right.class));

    private final EnumSet<Right> rights;

    private Rights(EnumSet<Right> rights) {
        this.rights = rights;
    }

    /**
     * The given rights.
     *
     * @param rights the rights, none or more
     * @return the set
     */
    public static Rights of(Right... rights) {
        EnumSet<Right> set = EnumSet.noneOf(Right.class);
        for (Right r : rights) {
            set.add(r);
        }
        return new Rights(set);
    }

    /**
     * The rights named by {@code letters} (RFC 4314 §7's {@code rights}), {@code c} and {@code d}
     * expanded; the empty string is no right.
     *
     * @param letters the rights' letters in any order, repeats allowed
     * @return the set
     * @throws IllegalArgumentException when a letter names no right
     */
    public static Rights parse(String letters) {
        EnumSet<Right> set = EnumSet.noneOf(Right.class);
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            switch (c) {
                case 'c' -> {
                    set.add(Right.CREATE);
                    set.add(Right.DELETE_MAILBOX);
                }
                case 'd' -> {
                    set.add(Right.EXPUNGE);
                    set.add(Right.DELETE_MESSAGES);
                }
                default -> {
                    Right r = Right.of(c);
                    if (r == null) {
                        throw new IllegalArgumentException("Invalid ACL right: " + c);
                    }
                    set.add(r);
                }
            }
        }
        return new Rights(set);
    }

    /**
     * {@return whether {@code right} is among these}
     *
     * @param right a right
     */
    public boolean has(Right right) {
        return rights.contains(right);
    }

    /** {@return whether no right is held} */
    public boolean isEmpty() {
        return rights.isEmpty();
    }

    /**
     * {@return these rights and those of {@code other}}
     *
     * @param other more rights
     */
    public Rights plus(Rights other) {
        EnumSet<Right> set = EnumSet.copyOf(rights);
        set.addAll(other.rights);
        return new Rights(set);
    }

    /**
     * {@return these rights without those of {@code other}}
     *
     * @param other the rights to take away
     */
    public Rights minus(Rights other) {
        EnumSet<Right> set = EnumSet.copyOf(rights);
        set.removeAll(other.rights);
        return new Rights(set);
    }

    /** {@return the rights as a set} */
    public Set<Right> asSet() {
        return EnumSet.copyOf(rights);
    }

    /**
     * Whether a session with these rights may change the selected mailbox at all: SELECT answers
     * {@code [READ-ONLY]} without any of {@code w s t e}, as Dovecot does.
     *
     * @return true when some flag change or expunge is allowed
     */
    public boolean writable() {
        return has(Right.WRITE) || has(Right.SEEN) || has(Right.DELETE_MESSAGES) || has(Right.EXPUNGE);
    }

    /**
     * The flags a STORE, APPEND or COPY may leave on a message with these rights: where a flag's
     * right is missing ({@code s} for {@code \Seen}, {@code t} for {@code \Deleted}, {@code w} for
     * the others and keywords) the flag stays as it was, so the change is ignored silently
     * (RFC 4314 §4, STORE and APPEND).
     *
     * @param before   the flags before the change ({@link Flags#NONE} for a new message)
     * @param proposed the flags the client asked for
     * @return the flags to store
     */
    public Flags constrain(Flags before, Flags proposed) {
        if (has(Right.WRITE) && has(Right.SEEN) && has(Right.DELETE_MESSAGES)) {
            return proposed;
        }
        // Without w every flag but \Seen and \Deleted stays as it was; those two follow s and t.
        Flags result = has(Right.WRITE) ? proposed : before.withBitsOf(proposed, Flags.SEEN | Flags.DELETED);
        if (!has(Right.SEEN)) {
            result = result.withBitsOf(before, Flags.SEEN);
        }
        if (!has(Right.DELETE_MESSAGES)) {
            result = result.withBitsOf(before, Flags.DELETED);
        }
        return result;
    }

    /**
     * The letters in {@link Right} order, then {@code c} and {@code d} where one of their members
     * is held (RFC 4314 §2.1.1), as ACL and MYRIGHTS write them: {@code lrwstipekxacd}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(rights.size() + 2);
        for (Right r : rights) {
            sb.append(r.letter());
        }
        if (has(Right.CREATE) || has(Right.DELETE_MAILBOX)) {
            sb.append('c');
        }
        if (has(Right.EXPUNGE) || has(Right.DELETE_MESSAGES)) {
            sb.append('d');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rights other && rights.equals(other.rights);
    }

    @Override
    public int hashCode() {
        return rights.hashCode();
    }
}
