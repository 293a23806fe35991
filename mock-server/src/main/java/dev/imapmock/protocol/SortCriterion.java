package dev.imapmock.protocol;

/** One key of a SORT's criteria and whether REVERSE came before it (RFC 5256 §3). */
public record SortCriterion(SortKey key, boolean reverse) {
}
