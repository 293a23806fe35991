package dev.imapmock.command;

import dev.imapmock.protocol.MessageSetArg;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Resolves a sequence set or UID set against a session's view (RFC 3501 §6.4.8, §9) into the
 * sequence numbers it names, in ascending order. Costs O(log n) per range plus the messages
 * named, never a scan of the mailbox.
 */
final class MessageSet {
    private MessageSet() {
    }

    /**
     * The sequence numbers a message set argument names in the session's selected mailbox.
     * {@code $} names the messages of the saved search result that are still in the view, in a UID
     * command and in one without alike (RFC 5182 §2.1); it is never out of range.
     */
    static List<Integer> resolve(MessageSetArg set, boolean uid, Session session) {
        SelectedMailbox view = session.selected();
        return set instanceof MessageSetArg.Numbers numbers ? resolve(numbers.set(), uid, view)
                : byUid(session.savedSearch(), view);
    }

    /** {@link #changedSince(SequenceSet, boolean, SelectedMailbox, long)} for a message set argument. */
    static List<Integer> changedSince(MessageSetArg set, boolean uid, Session session, long modSeq) {
        SelectedMailbox view = session.selected();
        return set instanceof MessageSetArg.Numbers numbers ? changedSince(numbers.set(), uid, view, modSeq)
                : changedSince(session.savedSearch(), true, view, modSeq);
    }

    /**
     * The sequence numbers a set names. With {@code uid}, the numbers are UIDs: {@code *} is the
     * highest UID, and UIDs that name no message are skipped. Without, a number above the message
     * count is an error, as is {@code *} in an empty mailbox.
     */
    static List<Integer> resolve(SequenceSet set, boolean uid, SelectedMailbox view) {
        return uid ? byUid(set, view) : bySequence(set, view);
    }

    /**
     * The sequence numbers a set names whose message changed after mod-sequence {@code modSeq}
     * (FETCH CHANGEDSINCE, RFC 7162 §3.1.4), ascending. Costs O(log n) per changed message,
     * however much of the mailbox the set names.
     */
    static List<Integer> changedSince(SequenceSet set, boolean uid, SelectedMailbox view, long modSeq) {
        if (!uid) {
            check(set, view);
        }
        long largest = uid ? view.highestUid() : view.exists();
        List<Integer> seqs = new ArrayList<>();
        for (Message m : view.mailbox().changedSince(modSeq)) {
            int seq = view.sequenceOf(m.uid());
            if (seq > 0 && set.contains(uid ? m.uid() : seq, largest)) {
                seqs.add(seq);
            }
        }
        Collections.sort(seqs);
        return seqs;
    }

    private static void check(SequenceSet set, SelectedMailbox view) {
        int exists = view.exists();
        if (set.highestNumber() > exists || (exists == 0 && set.usesStar())) {
            throw new ProtocolException("Invalid message sequence number: the mailbox has "
                    + exists + (exists == 1 ? " message" : " messages"));
        }
    }

    private static List<Integer> bySequence(SequenceSet set, SelectedMailbox view) {
        int exists = view.exists();
        check(set, view);
        List<Integer> seqs = new ArrayList<>();
        for (SequenceSet.Range r : set.ranges(exists)) {
            for (long seq = r.first(); seq <= r.last(); seq++) {
                seqs.add((int) seq);
            }
        }
        return seqs;
    }

    private static List<Integer> byUid(SequenceSet set, SelectedMailbox view) {
        List<Integer> seqs = new ArrayList<>();
        int exists = view.exists();
        for (SequenceSet.Range r : set.ranges(view.highestUid())) {
            for (int seq = view.firstSequenceAtOrAbove(r.first()); seq <= exists; seq++) {
                if (view.bySequence(seq).uid() > r.last()) {
                    break;
                }
                seqs.add(seq);
            }
        }
        return seqs;
    }
}
