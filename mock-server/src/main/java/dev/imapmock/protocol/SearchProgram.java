package dev.imapmock.protocol;

/**
 * A parsed SEARCH command: the charset the client named ({@code null} when it named none) and
 * the one key that combines all its criteria.
 */
public record SearchProgram(String charset, SearchKey key) {
}
