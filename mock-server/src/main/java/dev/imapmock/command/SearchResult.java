package dev.imapmock.command;

import java.util.Arrays;

/**
 * The messages one SEARCH found, with what RFC 7162 needs of their mod-sequences: those of the
 * first and the last message found and the highest of all. The sequence numbers themselves are
 * kept, in ascending order, only when asked for: a plain SEARCH writes them as it finds them.
 * Filled by one thread, then read.
 */
final class SearchResult {
    private int[] seqs;
    private int size;
    private int first;
    private int last;
    private long firstModSeq;
    private long lastModSeq;
    private long highestModSeq;

    /** @param keepNumbers true to keep every sequence number found, for {@link #seq} */
    SearchResult(boolean keepNumbers) {
        this.seqs = keepNumbers ? new int[16] : null;
    }

    /** Adds the next message found; {@code seq} is above every one added before. */
    void add(int seq, long modSeq) {
        if (seqs != null) {
            if (size == seqs.length) {
                seqs = Arrays.copyOf(seqs, size * 2);
            }
            seqs[size] = seq;
        }
        if (size++ == 0) {
            first = seq;
            firstModSeq = modSeq;
        }
        last = seq;
        lastModSeq = modSeq;
        highestModSeq = Math.max(highestModSeq, modSeq);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int count() {
        return size;
    }

    /** The {@code i}-th sequence number found, from 0; only when the numbers are kept. */
    int seq(int i) {
        return seqs[i];
    }

    int first() {
        return first;
    }

    int last() {
        return last;
    }

    long firstModSeq() {
        return firstModSeq;
    }

    long lastModSeq() {
        return lastModSeq;
    }

    long highestModSeq() {
        return highestModSeq;
    }
}
