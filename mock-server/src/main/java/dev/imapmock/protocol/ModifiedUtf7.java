package dev.imapmock.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The modified UTF-7 of mailbox names (RFC 3501 §5.1.3, on top of RFC 2152).
 *
 * <p>Printable US-ASCII other than {@code &} stands for itself, {@code &} is written {@code &-},
 * and every run of other characters is written {@code &}, the modified BASE64 of its UTF-16BE
 * code units ({@code ,} instead of {@code /}, no padding), {@code -}. Every name has exactly one
 * encoding, so {@link #decode} rejects everything {@link #encode} would not have produced: that is
 * what lets the server compare encoded names and find the same mailbox.
 */
public final class ModifiedUtf7 {
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    private ModifiedUtf7() {
    }

    /**
     * Decodes a mailbox name as sent on the wire.
     *
     * @throws ProtocolException when {@code wire} is not the one canonical encoding of some name:
     *     raw characters outside printable US-ASCII, an {@code &} never closed by {@code -}, a
     *     character outside the modified BASE64 alphabet, left-over or non-zero padding bits, a
     *     printable US-ASCII character or a lone surrogate in an encoded run, or two encoded runs
     *     with nothing between them.
     * @param wire the name as sent, modified UTF-7 (RFC 3501 section 5.1.3)
     * @return the name in Unicode
     */
    public static String decode(String wire) {
        StringBuilder out = new StringBuilder(wire.length());
        boolean previousWasEncodedRun = false;
        int i = 0;
        while (i < wire.length()) {
            char c = wire.charAt(i);
            if (c == '&') {
                int end = wire.indexOf('-', i + 1);
                if (end < 0) {
                    throw invalid(wire, "the \"&\" at position " + (i + 1) + " is never closed by \"-\"");
                }
                if (end == i + 1) {
                    out.append('&');
                    previousWasEncodedRun = false;
                } else {
                    if (previousWasEncodedRun) {
                        throw invalid(wire, "two encoded parts follow each other at position " + (i + 1)
                                + "; they must be written as one");
                    }
                    decodeRun(wire, i + 1, end, out);
                    previousWasEncodedRun = true;
                }
                i = end + 1;
            } else if (isPrintableAscii(c)) {
                out.append(c);
                previousWasEncodedRun = false;
                i++;
            } else {
                throw invalid(wire, "the character " + describe(c) + " at position " + (i + 1)
                        + " must be written in modified BASE64");
            }
        }
        return out.toString();
    }

    /**
     * Encodes a mailbox name for the wire.
     *
     * @throws IllegalArgumentException when {@code name} holds a lone surrogate, which no
     *     encoding can carry back
     * @param name the name in Unicode
     * @return the modified UTF-7 form, which {@link #decode(String)} turns back into {@code name}
     */
    public static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (isPrintableAscii(c)) {
                out.append(c);
                i++;
            } else {
                int end = i;
                while (end < name.length() && !isPrintableAscii(name.charAt(end))) {
                    end++;
                }
                String run = name.substring(i, end);
                checkSurrogates(run);
                String base64 = BASE64.encodeToString(run.getBytes(StandardCharsets.UTF_16BE));
                out.append('&').append(base64.replace('/', ',')).append('-');
                i = end;
            }
        }
        return out.toString();
    }

    private static void decodeRun(String wire, int start, int end, StringBuilder out) {
        int bits = 0;
        int bitCount = 0;
        StringBuilder run = new StringBuilder();
        for (int i = start; i < end; i++) {
            int value = base64Value(wire.charAt(i));
            if (value < 0) {
                throw invalid(wire, "the character " + describe(wire.charAt(i)) + " at position " + (i + 1)
                        + " is not modified BASE64");
            }
            bits = (bits << 6) | value;
            bitCount += 6;
            if (bitCount >= 16) {
                bitCount -= 16;
                char unit = (char) ((bits >>> bitCount) & 0xFFFF);
                bits &= (1 << bitCount) - 1;
                if (isPrintableAscii(unit)) {
                    throw invalid(wire, "the encoded part at position " + start + " encodes " + describe(unit)
                            + ", which must be written as itself");
                }
                run.append(unit);
            }
        }
        if (bitCount >= 6 || bits != 0) {
            throw invalid(wire, "the encoded part at position " + start
                    + " does not end on a whole UTF-16 character");
        }
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < run.length() && Character.isLowSurrogate(run.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid(wire, "the encoded part at position " + start + " holds half of a surrogate pair");
            }
        }
        out.append(run);
    }

    private static void checkSurrogates(String run) {
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < run.length() && Character.isLowSurrogate(run.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("mailbox name holds a lone surrogate " + describe(c));
            }
        }
    }

    private static int base64Value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        if (c == ',') {
            return 63;
        }
        return -1;
    }

    private static boolean isPrintableAscii(char c) {
        return c >= 0x20 && c <= 0x7e;
    }

    private static String describe(char c) {
        if (c > 0x20 && c < 0x7f) {
            return "\"" + c + "\"";
        }
        return String.format("U+%04X", (int) c);
    }

    private static ProtocolException invalid(String wire, String reason) {
        return new ProtocolException("Mailbox name \"" + printable(wire) + "\" is not valid modified UTF-7: " + reason);
    }

    /** The name as it can be shown in a one-line message: control and 8-bit characters escaped. */
    private static String printable(String wire) {
        StringBuilder sb = new StringBuilder();
        int limit = Math.min(wire.length(), 200);
        for (int i = 0; i < limit; i++) {
            char c = wire.charAt(i);
            if (isPrintableAscii(c) && c != '"' && c != '\\') {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        if (wire.length() > limit) {
            sb.append("...");
        }
        return sb.toString();
    }
}
