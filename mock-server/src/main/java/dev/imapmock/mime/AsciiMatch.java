package dev.imapmock.mime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Case-insensitive substring tests on octets, for needles that are already lowered
 * ({@code toLowerCase(Locale.ROOT)}) and ASCII: the octets' ASCII letters are folded, every other
 * octet compares as it is. These are what let SEARCH compare a message's bytes without decoding
 * them into a string first; the callers decide when that gives the string comparison's answer.
 */
final class AsciiMatch {
    /** Eight octets at a time, in the order they are in the array. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private AsciiMatch() {
    }

    /**
     * Whether {@code octets[from, to)} hold {@code lowerNeedle}; an empty needle is everywhere.
     * Candidates for the needle's first character are found eight octets at a time: or'ing 0x20
     * into each octet folds a letter's two cases and turns no other octet into it, and the octets
     * equal to that character are the zero octets of the exclusive or, which {@code (x - 0x01..)
     * & ~x & 0x80..} flags (the lowest one exactly, some above it falsely, each candidate being
     * checked in full).
     */
    static boolean contains(byte[] octets, int from, int to, String lowerNeedle) {
        int n = lowerNeedle.length();
        if (n == 0) {
            return true;
        }
        char first = lowerNeedle.charAt(0);
        long fold = first >= 'a' && first <= 'z' ? 0x20 * ONES : 0;
        long pattern = first * ONES;
        int last = to - n;
        int i = from;
        for (; i + 7 <= last; i += 8) {
            long x = ((long) WORDS.get(octets, i) | fold) ^ pattern;
            long candidates = (x - ONES) & ~x & HIGH_BITS;
            while (candidates != 0) {
                if (matchesAt(octets, i + (Long.numberOfTrailingZeros(candidates) >>> 3), lowerNeedle)) {
                    return true;
                }
                candidates &= candidates - 1;
            }
        }
        for (; i <= last; i++) {
            if (matchesAt(octets, i, lowerNeedle)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the needle starts at {@code at}, where it fits in the array. */
    private static boolean matchesAt(byte[] octets, int at, String lowerNeedle) {
        for (int k = 0, n = lowerNeedle.length(); k < n; k++) {
            if (lower(octets[at + k]) != lowerNeedle.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@return whether every octet of {@code octets[from, to)} is ASCII} */
    static boolean isAscii(byte[] octets, int from, int to) {
        int i = from;
        long any = 0;
        for (; i + 8 <= to; i += 8) {
            any |= (long) WORDS.get(octets, i);
        }
        for (; i < to; i++) {
            any |= octets[i];
        }
        return (any & HIGH_BITS) == 0;
    }

    /**
     * Whether the octets {@code [from, to)}, without their CR and LF, hold {@code lowerNeedle}
     * (which holds neither): for a header field or value, what unfolding makes of it. With
     * {@code looseAddress}, spaces, tabs, quotes and backslashes are left out too.
     */
    static boolean containsSkippingLineBreaks(byte[] octets, int from, int to, String lowerNeedle,
            boolean looseAddress) {
        int n = lowerNeedle.length();
        if (n == 0) {
            return true;
        }
        char first = lowerNeedle.charAt(0);
        for (int i = from; i < to; i++) {
            if (lower(octets[i]) != first) {
                continue;
            }
            int k = 1;
            int j = i + 1;
            while (k < n && j < to) {
                byte b = octets[j++];
                if (b == '\r' || b == '\n'
                        || (looseAddress && (b == ' ' || b == '\t' || b == '"' || b == '\\'))) {
                    continue;
                }
                if (lower(b) != lowerNeedle.charAt(k)) {
                    break;
                }
                k++;
            }
            if (k == n) {
                return true;
            }
        }
        return false;
    }

    /** {@return whether every character of {@code s} is ASCII} */
    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** {@return whether {@code s} is a non-empty run of lower-case ASCII letters and digits} */
    static boolean isLetterOrDigitRun(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static char lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (char) (b + ('a' - 'A')) : (char) b;
    }
}
