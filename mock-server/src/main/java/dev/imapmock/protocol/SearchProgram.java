package dev.imapmock.protocol;

import java.util.Set;

/**
 * A parsed SEARCH command: the charset the client named ({@code null} when it named none), the
 * one key that combines all its criteria, the result options of {@code RETURN (...)} and whether
 * a MODSEQ key occurs anywhere in it.
 *
 * <p>{@code returns} is empty for a SEARCH without RETURN, answered with {@code * SEARCH};
 * {@code RETURN ()} means {@code RETURN (ALL)} (RFC 4731 §3.1), so it is never empty when the
 * client wrote RETURN. {@code partial} is the range of {@code RETURN (PARTIAL range)} (RFC 9394
 * §3.1), null when RETURN holds no PARTIAL.
 */
public record SearchProgram(String charset, SearchKey key, Set<SearchReturn> returns, PartialRange partial,
                            boolean usesModSeq) {

    /**
     * Copies the result options.
     *
     * @param charset the charset the client named, or null when it named none
     * @param key the one key that combines all criteria
     * @param returns the result options of RETURN; empty for a SEARCH without RETURN
     * @param partial the PARTIAL range of RETURN, or null when there is none
     * @param usesModSeq true when a MODSEQ key occurs anywhere in {@code key}
     */
    public SearchProgram {
        returns = Set.copyOf(returns);
    }

    /**
     * A program without PARTIAL.
     *
     * @param charset the charset the client named, or null when it named none
     * @param key the one key that combines all criteria
     * @param returns the result options of RETURN; empty for a SEARCH without RETURN
     * @param usesModSeq true when a MODSEQ key occurs anywhere in {@code key}
     */
    public SearchProgram(String charset, SearchKey key, Set<SearchReturn> returns, boolean usesModSeq) {
        this(charset, key, returns, null, usesModSeq);
    }

    /**
     * True when the answer is an {@code * ESEARCH} response: RETURN asked for MIN, MAX, ALL, COUNT
     * or PARTIAL, or for UPDATE, whose first answer is the one it will update (RFC 5267 §4.2).
     *
     * @return true when the answer is ESEARCH, false for the classic {@code * SEARCH}
     */
    public boolean esearch() {
        return returns.contains(SearchReturn.MIN) || returns.contains(SearchReturn.MAX)
                || returns.contains(SearchReturn.ALL) || returns.contains(SearchReturn.COUNT)
                || returns.contains(SearchReturn.PARTIAL) || returns.contains(SearchReturn.UPDATE);
    }


    /**
     * True when the search is to be kept live (RFC 5267 §4.2).
     *
     * @return true when RETURN holds UPDATE
     */
    public boolean updates() {
        return returns.contains(SearchReturn.UPDATE);
    }

    /**
     * True when the result is to be remembered for {@code $}.
     *
     * @return true when RETURN holds SAVE
     */
    public boolean saves() {
        return returns.contains(SearchReturn.SAVE);
    }
}
