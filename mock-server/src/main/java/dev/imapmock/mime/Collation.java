package dev.imapmock.mime;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How SORT and THREAD compare strings: the i;unicode-casemap collation of RFC 5051, which Dovecot
 * uses for them (and which I18NLEVEL=1 asks for). Each character is replaced by its titlecase,
 * the result is decomposed (Unicode normalization form KD), and the results compare code point by
 * code point, which is the order of their UTF-8 octets. For US-ASCII this is i;ascii-casemap, the
 * collation RFC 5256 §3 names; beyond it, {@code Ärger} sorts among the A's (A, then a combining
 * diaeresis), as in Dovecot, not after Z. Pure and thread-safe.
 */
public final class Collation {
    private Collation() {
    }

    /**
     * The form of {@code text} that {@link #compareKeys} compares; computed once per message and key.
     *
     * @param text the text to collate, such as a base subject or a display name
     * @return the text title-cased code point by code point, then decomposed (NFKD)
     */
    public static String key(String text) {
        if (AsciiMatch.isAscii(text)) {
            // US-ASCII is its own NFKD, and an ASCII letter's titlecase is its upper case.
            return text.toUpperCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            sb.appendCodePoint(Character.toTitleCase(cp));
            i += Character.charCount(cp);
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFKD);
    }

    /**
     * {@code text} case-folded for equality: upper-cased, then lower-cased, so that letters whose
     * cases do not map back one to one (such as the three sigmas) meet. THREAD groups base subjects
     * by this form (RFC 5256: ORDEREDSUBJECT, and step 5 of REFERENCES).
     *
     * @param text the text, such as a base subject
     * @return the folded text; equal for two texts that differ in case only
     */
    public static String fold(String text) {
        // For US-ASCII the upper-casing changes nothing the lower-casing would not undo.
        return AsciiMatch.isAscii(text) ? text.toLowerCase(Locale.ROOT)
                : text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * Compares two {@link #key keys} code point by code point; a prefix comes first.
     *
     * @param a a key made by {@link #key}
     * @param b another key
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    public static int compareKeys(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // UTF-16 units order as code points do except where a surrogate meets U+E000..U+FFFF:
                // there the code points decide (the text before i is the same in both).
                return Character.isSurrogate(x) || Character.isSurrogate(y)
                        ? Integer.compare(a.codePointAt(i), b.codePointAt(i))
                        : Integer.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * Compares two strings in this collation.
     *
     * @param a a string
     * @param b another string
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    public static int compare(String a, String b) {
        return compareKeys(key(a), key(b));
    }
}
