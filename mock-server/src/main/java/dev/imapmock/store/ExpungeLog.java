package dev.imapmock.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The UIDs a mailbox expunged, each with the mod-sequence of its expunge, so that QRESYNC can
 * tell a client exactly what vanished since the state it cached (RFC 7162 §3.2.5.2, §3.2.6).
 *
 * <p>Bounded: it remembers the most recent {@link #CAPACITY} expunged UIDs, far more than a test
 * makes. Asked about a mod-sequence older than it remembers, it says so, and the caller reports
 * every UID that is no longer there instead, the superset RFC 7162 §3.2.5.2 allows.
 *
 * <p>Guarded by the owning mailbox's lock.
 */
final class ExpungeLog {
    /** How many expunged UIDs a mailbox remembers. */
    static final int CAPACITY = 1_000_000;

    private record Entry(long modSeq, long[] uids) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private int size;
    /** Expunges at or below this mod-sequence may have been forgotten. */
    private long forgottenThrough;

    void add(long modSeq, List<Long> uids) {
        long[] array = new long[uids.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = uids.get(i);
        }
        entries.addLast(new Entry(modSeq, array));
        size += array.length;
        while (size > CAPACITY && entries.size() > 1) {
            Entry oldest = entries.removeFirst();
            size -= oldest.uids().length;
            forgottenThrough = oldest.modSeq();
        }
    }

    /**
     * The UIDs expunged after {@code modSeq}, ascending; null when the log no longer reaches back
     * that far.
     */
    List<Long> since(long modSeq) {
        if (modSeq < forgottenThrough) {
            return null;
        }
        List<Long> uids = new ArrayList<>();
        Iterator<Entry> newestFirst = entries.descendingIterator();
        while (newestFirst.hasNext()) {
            Entry e = newestFirst.next();
            if (e.modSeq() <= modSeq) {
                break;
            }
            for (long uid : e.uids()) {
                uids.add(uid);
            }
        }
        Collections.sort(uids);
        return uids;
    }
}
