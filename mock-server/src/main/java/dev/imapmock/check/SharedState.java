package dev.imapmock.check;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** What the checks of all connections of one server share: patterns that span connections. Thread-safe. */
final class SharedState {
    /** For each "user/mailbox", how many full flag syncs (FETCH 1:* without CHANGEDSINCE) it had. */
    final ConcurrentMap<String, Integer> fullSyncs = new ConcurrentHashMap<>();

    void clear() {
        fullSyncs.clear();
    }
}
