package dev.imapmock.server;

import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.store.Message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * A SEARCH or SORT kept live by {@code RETURN (UPDATE)} (RFC 5267 §4.2): its tag, whether it was a
 * UID command, what matches now and a test that tells whether the message with a sequence number
 * matches. Used by the session's own thread (and IDLE's, never at once) only.
 *
 * <p>A live SEARCH has no order: its ADDTO and REMOVEFROM carry position 0, as Dovecot sends them
 * (RFC 5267 §4.3 lets a server without an order use 0). A live SORT keeps its result in sort order
 * and gives positions, counted from 1 in the result as it stands when the client reaches that item
 * of the response (every earlier item applied): {@code REMOVEFROM (p a,b)} takes out a and b,
 * which stand at p and right after it, {@code ADDTO (p a,b)} puts a at p and b right after it.
 * Removals come first, each run of neighbouring messages in one item, then additions, in order of
 * position. Sort values depend on headers, dates and sizes, never on flags, so a message that
 * stays in the result never moves.
 */
public final class LiveSearch {
    private final String tag;
    private final boolean uid;
    private final IntPredicate matches;
    /** The UIDs found, for a SEARCH; null for a SORT. */
    private final TreeSet<Long> uids;
    /** The messages found in sort order, for a SORT; null for a SEARCH. */
    private final List<Message> sorted;
    private final Comparator<Message> order;

    /**
     * A live SEARCH.
     *
     * @param matches tells, for a sequence number of the view, whether its message matches the search
     * @param found   the UIDs the search found
     * @param tag the tag of the SEARCH, which its ESEARCH updates carry
     * @param uid true for UID SEARCH, whose updates name UIDs
     */
    public LiveSearch(String tag, boolean uid, IntPredicate matches, Collection<Long> found) {
        this.tag = tag;
        this.uid = uid;
        this.matches = matches;
        this.uids = new TreeSet<>(found);
        this.sorted = null;
        this.order = null;
    }

    /**
     * A live SORT.
     *
     * @param found the messages the sort found, in {@code order}
     * @param order the sort order, ties broken by UID (which is mailbox order)
     * @param tag the tag of the SORT, which its ESEARCH updates carry
     * @param uid true for UID SORT, whose updates name UIDs
     * @param matches tells, for a sequence number of the view, whether its message matches the search
     */
    public LiveSearch(String tag, boolean uid, IntPredicate matches, List<Message> found, Comparator<Message> order) {
        this.tag = tag;
        this.uid = uid;
        this.matches = matches;
        this.uids = null;
        this.sorted = new ArrayList<>(found);
        this.order = order;
    }

    /**
     * The tag of the command that asked for UPDATE; CANCELUPDATE names it.
     *
     * @return the tag
     */
    public String tag() {
        return tag;
    }

    /**
     * Forgets expunged messages ({@code {uid, seq}} pairs, seq as the client knows it before the
     * expunges) and returns the REMOVEFROM update for those it held, or null when it held none.
     */
    String expunged(List<long[]> gone) {
        List<Long> removedUids = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        for (long[] g : gone) {
            removedUids.add(g[0]);
            numbers.add(uid ? g[0] : g[1]);
        }
        if (sorted == null) {
            List<Long> removed = new ArrayList<>();
            for (int i = 0; i < removedUids.size(); i++) {
                if (uids.remove(removedUids.get(i))) {
                    removed.add(numbers.get(i));
                }
            }
            return removed.isEmpty() ? null : head().append(" REMOVEFROM (0 ").append(SequenceSet.of(removed))
                    .append(')').toString();
        }
        StringBuilder line = head();
        return removeSorted(removedUids, numbers, line) ? line.toString() : null;
    }

    /**
     * Tests the messages that changed (UIDs ascending, all in the view) and returns the update for
     * those that started or stopped matching, or null when none did. REMOVEFROM comes before ADDTO.
     */
    String update(Collection<Long> changed, SelectedMailbox view) {
        List<Long> addedUids = new ArrayList<>();
        List<Long> removedUids = new ArrayList<>();
        List<Long> removedNumbers = new ArrayList<>();
        for (long u : changed) {
            int seq = view.sequenceOf(u);
            if (seq < 0) {
                continue;
            }
            boolean now = matches.test(seq);
            boolean was = sorted == null ? uids.contains(u) : indexOf(u) >= 0;
            if (now && !was) {
                addedUids.add(u);
            } else if (!now && was) {
                removedUids.add(u);
                removedNumbers.add(uid ? u : seq);
            }
        }
        if (addedUids.isEmpty() && removedUids.isEmpty()) {
            return null;
        }
        StringBuilder line = head();
        if (sorted == null) {
            uids.removeAll(removedUids);
            uids.addAll(addedUids);
            if (!removedNumbers.isEmpty()) {
                line.append(" REMOVEFROM (0 ").append(SequenceSet.of(removedNumbers)).append(')');
            }
            if (!addedUids.isEmpty()) {
                line.append(" ADDTO (0 ").append(SequenceSet.of(numbers(addedUids, view))).append(')');
            }
            return line.toString();
        }
        removeSorted(removedUids, removedNumbers, line);
        addSorted(addedUids, view, line);
        return line.toString();
    }

    /** Takes the messages out of the sorted result and writes their REMOVEFROM items; true if any. */
    private boolean removeSorted(List<Long> removedUids, List<Long> numbers, StringBuilder line) {
        boolean[] gone = new boolean[sorted.size()];
        List<Long> byIndex = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < removedUids.size(); i++) {
            int index = indexOf(removedUids.get(i));
            if (index >= 0) {
                gone[index] = true;
                any = true;
            }
        }
        if (!any) {
            return false;
        }
        List<Message> kept = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            if (!gone[i]) {
                kept.add(sorted.get(i++));
                continue;
            }
            int position = kept.size() + 1;
            byIndex.clear();
            while (i < sorted.size() && gone[i]) {
                byIndex.add(numbers.get(removedUids.indexOf(sorted.get(i).uid())));
                i++;
            }
            line.append(" REMOVEFROM (").append(position).append(' ').append(SequenceSet.inOrder(byIndex)).append(')');
        }
        sorted.clear();
        sorted.addAll(kept);
        return true;
    }

    /** Puts the messages into the sorted result and writes their ADDTO items, by position. */
    private void addSorted(List<Long> addedUids, SelectedMailbox view, StringBuilder line) {
        if (addedUids.isEmpty()) {
            return;
        }
        List<Message> added = new ArrayList<>(addedUids.size());
        for (long u : addedUids) {
            added.add(view.bySequence(view.sequenceOf(u)));
        }
        added.sort(order);
        boolean[] isNew = new boolean[sorted.size() + added.size()];
        List<Message> merged = new ArrayList<>(isNew.length);
        int a = 0;
        int o = 0;
        while (a < added.size() || o < sorted.size()) {
            if (o == sorted.size() || (a < added.size() && order.compare(added.get(a), sorted.get(o)) < 0)) {
                isNew[merged.size()] = true;
                merged.add(added.get(a++));
            } else {
                merged.add(sorted.get(o++));
            }
        }
        int i = 0;
        while (i < merged.size()) {
            if (!isNew[i]) {
                i++;
                continue;
            }
            int position = i + 1;
            List<Long> run = new ArrayList<>();
            while (i < merged.size() && isNew[i]) {
                Message m = merged.get(i++);
                run.add(uid ? m.uid() : view.sequenceOf(m.uid()));
            }
            line.append(" ADDTO (").append(position).append(' ').append(SequenceSet.inOrder(run)).append(')');
        }
        sorted.clear();
        sorted.addAll(merged);
    }

    private int indexOf(long u) {
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).uid() == u) {
                return i;
            }
        }
        return -1;
    }

    private List<Long> numbers(List<Long> addedUids, SelectedMailbox view) {
        List<Long> numbers = new ArrayList<>(addedUids.size());
        for (long u : addedUids) {
            numbers.add(uid ? u : view.sequenceOf(u));
        }
        return numbers;
    }

    /** {@code ESEARCH (TAG "t")}, with {@code UID} for a UID command. */
    private StringBuilder head() {
        // A tag holds no '"' or '\' (RFC 3501 §9), so it quotes as is.
        StringBuilder sb = new StringBuilder("ESEARCH (TAG \"").append(tag).append("\")");
        if (uid) {
            sb.append(" UID");
        }
        return sb;
    }
}
