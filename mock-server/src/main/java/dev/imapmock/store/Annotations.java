package dev.imapmock.store;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The annotations of one mailbox or of the server (RFC 5464 §3): entry names such as
 * {@code /shared/comment} with values of any octets. Entry names are case-insensitive (RFC 5464
 * §3.2) and kept in lower case; callers pass names that are already valid. Both {@code /private}
 * and {@code /shared} entries live here: an account has one user, so its private entries are that
 * user's view, and its shared ones are what every user would see. Thread-safe; every change is
 * all or nothing.
 */
public final class Annotations {
    private final TreeMap<String, byte[]> entries = new TreeMap<>();
    /** Told, after a change and outside the lock, the names of the entries whose value changed. */
    private final java.util.function.Consumer<java.util.Set<String>> changed;

    /** Annotations nobody hears the changes of. */
    public Annotations() {
        this(names -> { });
    }

    /**
     * Annotations whose changes {@code changed} hears of (NOTIFY's metadata events).
     *
     * @param changed told the names of the entries whose value a {@link #set} changed, none empty
     */
    Annotations(java.util.function.Consumer<java.util.Set<String>> changed) {
        this.changed = changed;
    }

    /**
     * The canonical form of an entry name: lower case.
     *
     * @param entry an entry name
     * @return the name in lower case
     */
    public static String canonical(String entry) {
        return entry.toLowerCase(Locale.ROOT);
    }

    /**
     * The value of one entry.
     *
     * @param entry the entry name, any case
     * @return a copy of its value, or null when it has none
     */
    public synchronized byte[] get(String entry) {
        byte[] value = entries.get(canonical(entry));
        return value == null ? null : value.clone();
    }

    /**
     * The entry and those below it down to {@code depth} levels (RFC 5464 §4.2.2): 0 for the entry
     * alone, 1 for its children too, {@link Integer#MAX_VALUE} for all below it.
     *
     * @param entry the entry name, any case
     * @param depth how many levels below the entry to go
     * @return the entries that have a value, in name order, each value a copy
     */
    public synchronized SortedMap<String, byte[]> find(String entry, int depth) {
        String name = canonical(entry);
        SortedMap<String, byte[]> found = new TreeMap<>();
        byte[] own = entries.get(name);
        if (own != null) {
            found.put(name, own.clone());
        }
        if (depth <= 0) {
            return found;
        }
        String prefix = name + "/";
        for (Map.Entry<String, byte[]> e : entries.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (levels(e.getKey(), prefix.length()) <= depth) {
                found.put(e.getKey(), e.getValue().clone());
            }
        }
        return found;
    }

    /** The levels of {@code name} from {@code from}: 1 for a child, 2 for a grandchild. */
    private static int levels(String name, int from) {
        int levels = 1;
        for (int i = from; i < name.length(); i++) {
            if (name.charAt(i) == '/') {
                levels++;
            }
        }
        return levels;
    }

    /**
     * Sets and removes entries at once (RFC 5464 §4.3): a null value removes its entry. Refused as
     * a whole when a limit is exceeded, changing nothing.
     *
     * @param changes entry names (any case) and their new values, null to remove, applied in order
     * @param limits  what this mailbox or the server may hold
     * @throws MetadataException when {@code limits} refuse a change: a private entry when they
     *                           allow none, a value too large, or more entries than allowed
     */
    public void set(Map<String, byte[]> changes, MetadataLimits limits) {
        java.util.Set<String> names = apply(changes, limits);
        if (!names.isEmpty()) {
            changed.accept(names);
        }
    }

    private synchronized java.util.Set<String> apply(Map<String, byte[]> changes, MetadataLimits limits) {
        TreeMap<String, byte[]> after = new TreeMap<>(entries);
        for (Map.Entry<String, byte[]> change : changes.entrySet()) {
            String name = canonical(change.getKey());
            if (!limits.privateEntries() && (name.equals("/private") || name.startsWith("/private/"))) {
                throw new MetadataException(MetadataException.Reason.NOPRIVATE, 0,
                        "Private annotations are not supported");
            }
            byte[] value = change.getValue();
            if (value == null) {
                after.remove(name);
                continue;
            }
            if (value.length > limits.maxValueSize()) {
                throw new MetadataException(MetadataException.Reason.MAXSIZE, limits.maxValueSize(),
                        "Value of " + name + " is too large (" + value.length + " octets; the limit is "
                                + limits.maxValueSize() + ")");
            }
            after.put(name, value.clone());
        }
        if (after.size() > limits.maxEntries() && after.size() > entries.size()) {
            throw new MetadataException(MetadataException.Reason.TOOMANY, limits.maxEntries(),
                    "Too many annotations (the limit is " + limits.maxEntries() + ")");
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String name : after.keySet()) {
            if (!Arrays.equals(after.get(name), entries.get(name))) {
                names.add(name);
            }
        }
        for (String name : entries.keySet()) {
            if (!after.containsKey(name)) {
                names.add(name);
            }
        }
        entries.clear();
        entries.putAll(after);
        return names;
    }

    /**
     * How many entries have a value.
     *
     * @return the number of entries
     */
    public synchronized int size() {
        return entries.size();
    }

    /**
     * Every entry, for a snapshot.
     *
     * @return the entries in name order, each value a copy
     */
    public synchronized Map<String, byte[]> all() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            copy.put(e.getKey(), e.getValue().clone());
        }
        return copy;
    }

    /** Replaces every entry with {@code content}, without limits (restoring a snapshot, copying INBOX's). */
    synchronized void replace(Map<String, byte[]> content) {
        entries.clear();
        for (Map.Entry<String, byte[]> e : content.entrySet()) {
            entries.put(canonical(e.getKey()), Arrays.copyOf(e.getValue(), e.getValue().length));
        }
    }

    /** Removes every entry (the mailbox was deleted). */
    synchronized void clear() {
        entries.clear();
    }
}
