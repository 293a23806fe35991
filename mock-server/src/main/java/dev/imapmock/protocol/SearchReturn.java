package dev.imapmock.protocol;

/**
 * A result option of {@code SEARCH RETURN (...)} (RFC 4466 §2.6): MIN, MAX, ALL and COUNT of
 * ESEARCH (RFC 4731 §3.1), SAVE of SEARCHRES (RFC 5182 §2), PARTIAL of PARTIAL (RFC 9394 §3.1,
 * its range in {@link SearchProgram#partial()}) and UPDATE of CONTEXT=SEARCH and CONTEXT=SORT (RFC 5267 §4). All
 * but SAVE ask for an {@code * ESEARCH} response.
 */
public enum SearchReturn {
    /** The lowest matching number. */
    MIN,
    /** The highest matching number. */
    MAX,
    /** Every matching number, as a sequence set. */
    ALL,
    /** How many messages match. */
    COUNT,
    /** Remember the result for {@code $}. */
    SAVE,
    /** A range of the matching numbers, by position. */
    PARTIAL,
    /** Keep the search live: tell the client of messages that start or stop matching. */
    UPDATE
}
