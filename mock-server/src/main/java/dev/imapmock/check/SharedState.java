package dev.imapmock.check;

import dev.imapmock.journal.Journal;

import java.util.HashMap;
import java.util.Map;

/**
 * What the checks of all connections of one server share: patterns that span connections.
 * Forgotten when the journal is cleared, as the findings are. Thread-safe.
 */
final class SharedState {
    private final Journal journal;
    /** For each "user/mailbox", how many full flag syncs (FETCH 1:* without CHANGEDSINCE) it had. */
    private final Map<String, Integer> fullSyncs = new HashMap<>();
    private long clears;

    SharedState(Journal journal) {
        this.journal = journal;
        this.clears = journal.clears();
    }

    /** Counts one more full sync of {@code key} ("user/mailbox") and returns how many it had, this one included. */
    synchronized int fullSync(String key) {
        long now = journal.clears();
        if (now != clears) {
            clears = now;
            fullSyncs.clear();
        }
        return fullSyncs.merge(key, 1, Integer::sum);
    }

    synchronized void clear() {
        fullSyncs.clear();
    }
}
