package dev.imapmock.server;

import dev.imapmock.protocol.SequenceSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * A SEARCH kept live by {@code RETURN (UPDATE)} (RFC 5267 §4.2): its tag, whether it was a UID
 * SEARCH, the UIDs that match now and a test that tells whether the message with a sequence number
 * matches. Used by the session's own thread (and IDLE's, never at once) only.
 */
public final class LiveSearch {
    private final String tag;
    private final boolean uid;
    private final IntPredicate matches;
    private final TreeSet<Long> uids;

    /**
     * @param matches tells, for a sequence number of the view, whether its message matches the search
     * @param found   the UIDs the search found
     */
    public LiveSearch(String tag, boolean uid, IntPredicate matches, Collection<Long> found) {
        this.tag = tag;
        this.uid = uid;
        this.matches = matches;
        this.uids = new TreeSet<>(found);
    }

    public String tag() {
        return tag;
    }

    /** Forgets an expunged message; true when it was in the result. */
    boolean remove(long uid) {
        return uids.remove(uid);
    }

    /**
     * Tests the messages that changed (UIDs ascending, all in the view) and returns the update for
     * those that started or stopped matching, or null when none did. Dovecot's form: REMOVEFROM
     * before ADDTO, both with position 0 (RFC 5267 §4.3 lets a server without an order use 0).
     */
    String update(Collection<Long> changed, SelectedMailbox view) {
        List<Long> added = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        for (long u : changed) {
            int seq = view.sequenceOf(u);
            if (seq < 0) {
                continue;
            }
            boolean now = matches.test(seq);
            if (now && uids.add(u)) {
                added.add(uid ? u : seq);
            } else if (!now && uids.remove(u)) {
                removed.add(uid ? u : seq);
            }
        }
        return line(removed, added);
    }

    /** The update line for {@code removed} and {@code added} numbers, null when both are empty. */
    String line(List<Long> removed, List<Long> added) {
        if (removed.isEmpty() && added.isEmpty()) {
            return null;
        }
        // A tag holds no '"' or '\' (RFC 3501 §9), so it quotes as is.
        StringBuilder sb = new StringBuilder("ESEARCH (TAG \"").append(tag).append("\")");
        if (uid) {
            sb.append(" UID");
        }
        if (!removed.isEmpty()) {
            sb.append(" REMOVEFROM (0 ").append(SequenceSet.of(removed)).append(')');
        }
        if (!added.isEmpty()) {
            sb.append(" ADDTO (0 ").append(SequenceSet.of(added)).append(')');
        }
        return sb.toString();
    }

    /** The number to report for a message: its UID for a UID SEARCH, else its sequence number. */
    long number(long u, int seq) {
        return uid ? u : seq;
    }
}
