package dev.imapmock.protocol;

import java.util.List;

/**
 * A parsed SORT command: the sort criteria, most significant first, and the search that picks
 * the messages, whose {@link SearchProgram#returns()} are those of ESORT's {@code RETURN (...)}
 * (RFC 5267 §3) and whose charset SORT always names (RFC 5256 §3).
 */
public record SortProgram(List<SortCriterion> criteria, SearchProgram search) {

    /**
     * Copies the criteria.
     *
     * @param criteria the sort criteria, most significant first, at least one
     * @param search the search that picks the messages
     */
    public SortProgram {
        criteria = List.copyOf(criteria);
    }
}
