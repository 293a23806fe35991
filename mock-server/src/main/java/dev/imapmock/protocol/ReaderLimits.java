package dev.imapmock.protocol;

/**
 * What the command reader accepts: the longest command line (without literals), the largest
 * literal, and the deepest nesting of parenthesized lists.
 */
public record ReaderLimits(int maxLineLength, long maxLiteralSize, int maxNesting) {
    /** The limits when none are configured: 64 KiB lines, 64 MiB literals, 100 levels of parentheses. */
    public static final ReaderLimits DEFAULT = new ReaderLimits(64 * 1024, 64L * 1024 * 1024, 100);

    /**
     * Checks the limits.
     *
     * @param maxLineLength the longest command line in octets, literals not counted; at least 1024
     * @param maxLiteralSize the largest literal, and the most octets of literals one command may carry
     * @param maxNesting the deepest nesting of parenthesized lists, at least 1
     * @throws IllegalArgumentException when a limit is below its minimum
     */
    public ReaderLimits {
        if (maxLineLength < 1024 || maxLiteralSize < 1 || maxNesting < 1) {
            throw new IllegalArgumentException("limits too small: line " + maxLineLength
                    + ", literal " + maxLiteralSize + ", nesting " + maxNesting);
        }
    }
}
