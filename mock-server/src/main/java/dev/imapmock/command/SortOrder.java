package dev.imapmock.command;

import dev.imapmock.mime.Collation;
import dev.imapmock.mime.Envelope;
import dev.imapmock.mime.SortValues;
import dev.imapmock.protocol.SortCriterion;
import dev.imapmock.protocol.SortKey;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.store.Message;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Puts messages in the order of SORT criteria (RFC 5256 §3): by the first key, messages equal in
 * it by the next, REVERSE turning one key's order around, and messages equal in every key by
 * ascending sequence number, whatever REVERSE says. Each message's values are computed once.
 */
final class SortOrder {
    private SortOrder() {
    }

    /** {@code seqs} (sequence numbers of {@code view}) in sort order, as a new array. */
    static int[] sort(List<SortCriterion> criteria, int[] seqs, SelectedMailbox view) {
        Comparable<?>[][] values = new Comparable<?>[seqs.length][];
        Integer[] order = new Integer[seqs.length];
        for (int i = 0; i < seqs.length; i++) {
            values[i] = values(criteria, view.bySequence(seqs[i]));
            order[i] = i;
        }
        Comparator<Integer> byKeys = (a, b) -> {
            for (int k = 0; k < criteria.size(); k++) {
                int c = compare(values[a][k], values[b][k]);
                if (c != 0) {
                    return criteria.get(k).reverse() ? -c : c;
                }
            }
            return Integer.compare(seqs[a], seqs[b]);
        };
        Arrays.sort(order, byKeys);
        int[] sorted = new int[seqs.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = seqs[order[i]];
        }
        return sorted;
    }

    /**
     * The same order as a comparator of messages, for a SORT kept live; it computes the values on
     * each comparison, so it suits the few comparisons of putting new messages in place.
     */
    static Comparator<Message> comparator(List<SortCriterion> criteria) {
        return (a, b) -> {
            for (SortCriterion criterion : criteria) {
                int c = compare(value(criterion.key(), a), value(criterion.key(), b));
                if (c != 0) {
                    return criterion.reverse() ? -c : c;
                }
            }
            return Long.compare(a.uid(), b.uid());
        };
    }

    private static int compare(Comparable<?> a, Comparable<?> b) {
        if (a instanceof String x && b instanceof String y) {
            return Collation.compareKeys(x, y);
        }
        return Long.compare((Long) a, (Long) b);
    }

    /** One value per criterion: a Long for dates and sizes, a collation key for strings. */
    private static Comparable<?>[] values(List<SortCriterion> criteria, Message m) {
        Comparable<?>[] values = new Comparable<?>[criteria.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = value(criteria.get(k).key(), m);
        }
        return values;
    }

    /** The value of one key for one message (RFC 5256 §3, RFC 5957 §3). */
    static Comparable<?> value(SortKey key, Message m) {
        Envelope envelope = key == SortKey.ARRIVAL || key == SortKey.DATE || key == SortKey.SIZE
                || key == SortKey.SUBJECT ? null : m.envelope();
        return switch (key) {
            case ARRIVAL -> m.internalDateEpochSecond();
            case DATE -> SentDate.epochSecond(m);
            case SIZE -> (long) m.size();
            case SUBJECT -> Collation.key(SortValues.subject(m.header()));
            case FROM -> Collation.key(SortValues.firstMailbox(envelope.from()));
            case TO -> Collation.key(SortValues.firstMailbox(envelope.to()));
            case CC -> Collation.key(SortValues.firstMailbox(envelope.cc()));
            case DISPLAYFROM -> Collation.key(SortValues.displayName(envelope.from()));
            case DISPLAYTO -> Collation.key(SortValues.displayName(envelope.to()));
        };
    }
}
