package dev.imapmock.protocol;

import java.util.List;

/**
 * A FETCH command's arguments after the sequence set: the data items, the CHANGEDSINCE modifier
 * of RFC 7162 §3.1.4 ({@link #ALL} when absent), the VANISHED modifier of §3.2.6 and the PARTIAL
 * modifier of RFC 9394 §4 (null when absent).
 */
public record FetchRequest(List<FetchItem> items, long changedSince, boolean vanished, PartialRange partial) {
    /** {@code changedSince} of a FETCH without CHANGEDSINCE. */
    public static final long ALL = -1;

    /**
     * Copies the items.
     *
     * @param items the data items, in the order asked
     * @param changedSince the CHANGEDSINCE mod-sequence, or {@link #ALL}
     * @param vanished true for the VANISHED modifier (UID FETCH with QRESYNC)
     * @param partial the PARTIAL range, or null
     */
    public FetchRequest {
        items = List.copyOf(items);
    }

    /**
     * True when the FETCH has CHANGEDSINCE: only messages changed after it are answered.
     *
     * @return true when {@code changedSince} is not {@link #ALL}
     */
    public boolean onlyChanged() {
        return changedSince != ALL;
    }

    /**
     * True when the MODSEQ item was asked for by name.
     *
     * @return true when MODSEQ is among the items
     */
    public boolean asksModSeq() {
        return items.contains(new FetchItem.Simple(FetchItem.Attribute.MODSEQ));
    }
}
