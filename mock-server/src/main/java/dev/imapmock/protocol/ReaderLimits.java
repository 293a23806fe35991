package dev.imapmock.protocol;

/**
 * What the command reader accepts: the longest command line (without literals), the largest
 * literal, and the deepest nesting of parenthesized lists.
 */
public record ReaderLimits(int maxLineLength, long maxLiteralSize, int maxNesting) {
    public static final ReaderLimits DEFAULT = new ReaderLimits(64 * 1024, 64L * 1024 * 1024, 100);

    public ReaderLimits {
        if (maxLineLength < 1024 || maxLiteralSize < 1 || maxNesting < 1) {
            throw new IllegalArgumentException("limits too small: line " + maxLineLength
                    + ", literal " + maxLiteralSize + ", nesting " + maxNesting);
        }
    }
}
