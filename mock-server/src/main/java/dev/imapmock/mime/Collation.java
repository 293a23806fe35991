package dev.imapmock.mime;

import java.text.Normalizer;

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
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.appendCodePoint(Character.toTitleCase(cp)));
        return Normalizer.normalize(sb, Normalizer.Form.NFKD);
    }

    /**
     * Compares two {@link #key keys} code point by code point; a prefix comes first.
     *
     * @param a a key made by {@link #key}
     * @param b another key
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    public static int compareKeys(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
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
