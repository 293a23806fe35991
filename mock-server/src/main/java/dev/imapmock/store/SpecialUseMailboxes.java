package dev.imapmock.store;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which mailboxes an account starts with for which special use (RFC 6154): each one is created
 * with the account and carries its uses in LIST. The uses belong to the name, as in Dovecot's
 * {@code special_use} configuration: a mailbox renamed away from a configured name loses them,
 * and one created or renamed to that name gets them. Immutable; {@link #with} and
 * {@link #without} return new values.
 *
 * <pre>{@code
 * SpecialUseMailboxes.defaults()                       // Sent, Drafts, Trash, Junk, Archive
 * SpecialUseMailboxes.none().with("Sent Items", SpecialUse.SENT).with("Deleted Items", SpecialUse.TRASH)
 * SpecialUseMailboxes.defaults().without(SpecialUse.JUNK)
 * }</pre>
 *
 * @param mailboxes each mailbox name (decoded, {@code /} between levels) with its uses, in the
 *                  order the mailboxes are created
 */
public record SpecialUseMailboxes(Map<String, Set<SpecialUse>> mailboxes) {
    private static final SpecialUseMailboxes NONE = new SpecialUseMailboxes(Map.of());
    private static final SpecialUseMailboxes DEFAULTS = new SpecialUseMailboxes(defaultMap());

    /**
     * Checks and copies the mailboxes; names are stored canonical ({@code INBOX} in upper case) and
     * the map and its sets become unmodifiable.
     *
     * @param mailboxes each mailbox name with its uses, in the order the mailboxes are created
     * @throws IllegalArgumentException when a name is not a valid mailbox name, is INBOX, is given
     *                                  twice, or has no use
     */
    public SpecialUseMailboxes {
        Objects.requireNonNull(mailboxes, "mailboxes");
        Map<String, Set<SpecialUse>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Set<SpecialUse>> e : mailboxes.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "mailbox name");
            Set<SpecialUse> uses = Objects.requireNonNull(e.getValue(), "uses of " + name);
            check(name);
            name = Account.canonical(name);
            if (copy.containsKey(name)) {
                throw new IllegalArgumentException("Special-use mailbox given twice: " + name);
            }
            if (uses.isEmpty()) {
                throw new IllegalArgumentException("Special-use mailbox " + name + " needs at least one use");
            }
            for (SpecialUse use : uses) {
                Objects.requireNonNull(use, "use of " + name);
            }
            copy.put(name, Collections.unmodifiableSet(EnumSet.copyOf(uses)));
        }
        mailboxes = Collections.unmodifiableMap(copy);
    }

    /**
     * {@return {@code Sent}, {@code Drafts}, {@code Trash}, {@code Junk} and {@code Archive}, each with
     * its use, as Dovecot's example configuration has them}
     */
    public static SpecialUseMailboxes defaults() {
        return DEFAULTS;
    }

    /** The defaults in one map, checked once each (five {@code with} calls check fifteen). */
    private static Map<String, Set<SpecialUse>> defaultMap() {
        Map<String, Set<SpecialUse>> map = new LinkedHashMap<>();
        map.put("Sent", EnumSet.of(SpecialUse.SENT));
        map.put("Drafts", EnumSet.of(SpecialUse.DRAFTS));
        map.put("Trash", EnumSet.of(SpecialUse.TRASH));
        map.put("Junk", EnumSet.of(SpecialUse.JUNK));
        map.put("Archive", EnumSet.of(SpecialUse.ARCHIVE));
        return map;
    }

    /** {@return no special-use mailbox at all} */
    public static SpecialUseMailboxes none() {
        return NONE;
    }

    /**
     * These mailboxes and one more, {@code name}, with {@code uses}; it comes last in creation order.
     *
     * @param name a mailbox name, {@code /} between levels
     * @param uses its uses, at least one
     * @return a new value; this one is unchanged
     * @throws IllegalArgumentException when {@code name} is given already, is not a valid mailbox
     *                                  name or is INBOX, or when no use is given
     */
    public SpecialUseMailboxes with(String name, SpecialUse... uses) {
        Objects.requireNonNull(name, "name");
        if (mailboxes.containsKey(Account.canonical(name))) {
            throw new IllegalArgumentException("Special-use mailbox given twice: " + name);
        }
        Set<SpecialUse> set = EnumSet.noneOf(SpecialUse.class);
        for (SpecialUse use : uses) {
            set.add(Objects.requireNonNull(use, "use"));
        }
        Map<String, Set<SpecialUse>> more = new LinkedHashMap<>(mailboxes);
        more.put(name, set);
        return new SpecialUseMailboxes(more);
    }

    /**
     * These mailboxes without {@code use}; a mailbox left with no use is left out.
     *
     * @param use the use to take away
     * @return a new value; this one is unchanged
     */
    public SpecialUseMailboxes without(SpecialUse use) {
        Objects.requireNonNull(use, "use");
        Map<String, Set<SpecialUse>> fewer = new LinkedHashMap<>();
        for (Map.Entry<String, Set<SpecialUse>> e : mailboxes.entrySet()) {
            Set<SpecialUse> uses = EnumSet.noneOf(SpecialUse.class);
            uses.addAll(e.getValue());
            uses.remove(use);
            if (!uses.isEmpty()) {
                fewer.put(e.getKey(), uses);
            }
        }
        return new SpecialUseMailboxes(fewer);
    }

    /** The uses configured for {@code name} (canonical), empty when it has none. */
    Set<SpecialUse> usesOf(String name) {
        return mailboxes.getOrDefault(name, Set.of());
    }

    private static void check(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A special-use mailbox needs a name");
        }
        if (Account.canonical(name).equals(Account.INBOX)) {
            throw new IllegalArgumentException("INBOX can't be a special-use mailbox: " + name);
        }
        try {
            Account.validate(name, Account.DELIMITER);
        } catch (MailboxException e) {
            throw new IllegalArgumentException("Special-use mailbox name is not valid: " + e.getMessage());
        }
    }
}
