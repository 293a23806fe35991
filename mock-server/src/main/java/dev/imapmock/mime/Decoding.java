package dev.imapmock.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Undoing the encodings of mail for SEARCH: RFC 2047 encoded words, base64 and quoted-printable
 * bodies, and charsets. Every method is lenient: what cannot be decoded is kept as it was.
 */
final class Decoding {
    private Decoding() {
    }

    /**
     * Decodes the RFC 2047 encoded words of an unstructured header value (Q and B, any charset
     * the JDK knows; an unknown charset leaves the word as sent). White space between two encoded
     * words is dropped, and adjacent words in one charset are decoded together so that a character
     * split across them survives.
     */
    static String decodeEncodedWords(String value) {
        if (!value.contains("=?")) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        Charset pendingCharset = null;
        int pos = 0;
        int textStart = 0;
        while (pos < value.length()) {
            int start = value.indexOf("=?", pos);
            if (start < 0) {
                break;
            }
            int q1 = value.indexOf('?', start + 2);
            int q2 = q1 < 0 ? -1 : value.indexOf('?', q1 + 1);
            int end = q2 < 0 ? -1 : value.indexOf("?=", q2 + 1);
            if (end < 0 || q2 != q1 + 2) {
                pos = start + 2;
                continue;
            }
            String charsetName = value.substring(start + 2, q1);
            int star = charsetName.indexOf('*');
            if (star >= 0) {
                charsetName = charsetName.substring(0, star);
            }
            char encoding = Character.toUpperCase(value.charAt(q1 + 1));
            Charset charset = charset(charsetName);
            if (charset == null || (encoding != 'Q' && encoding != 'B')) {
                pos = end + 2;
                continue;
            }
            String between = value.substring(textStart, start);
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (!adjacent) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(between);
            }
            if (pendingCharset != null && !pendingCharset.equals(charset)) {
                flush(out, pending, pendingCharset);
            }
            pendingCharset = charset;
            String text = value.substring(q2 + 1, end);
            byte[] bytes = encoding == 'B'
                    ? base64(text.getBytes(StandardCharsets.ISO_8859_1), 0, text.length())
                    : quotedPrintable(text.getBytes(StandardCharsets.ISO_8859_1), 0, text.length(), true);
            pending.writeBytes(bytes);
            pos = end + 2;
            textStart = pos;
        }
        flush(out, pending, pendingCharset);
        out.append(value, textStart, value.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, Charset charset) {
        if (charset != null && pending.size() > 0) {
            out.append(new String(pending.toByteArray(), charset));
        }
        pending.reset();
    }

    /** The charset of that name, or null when the JDK has none. */
    static Charset charset(String name) {
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Decodes base64, skipping anything outside the alphabet and stopping at padding. */
    static byte[] base64(byte[] m, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((to - from) * 3 / 4 + 1);
        int buffer = 0;
        int bits = 0;
        for (int i = from; i < to; i++) {
            int c = m[i];
            int v;
            if (c >= 'A' && c <= 'Z') {
                v = c - 'A';
            } else if (c >= 'a' && c <= 'z') {
                v = c - 'a' + 26;
            } else if (c >= '0' && c <= '9') {
                v = c - '0' + 52;
            } else if (c == '+' || c == '-') {
                v = 62;
            } else if (c == '/' || c == '_') {
                v = 63;
            } else if (c == '=') {
                break;
            } else {
                continue;
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xff);
            }
        }
        return out.toByteArray();
    }

    /**
     * Decodes quoted-printable (RFC 2045 §6.7); with {@code encodedWord} also {@code _} as space
     * (RFC 2047 §4.2). Soft line breaks vanish; a malformed escape is kept as sent.
     */
    static byte[] quotedPrintable(byte[] m, int from, int to, boolean encodedWord) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            int c = m[i];
            if (c == '_' && encodedWord) {
                out.write(' ');
            } else if (c == '=' && i + 2 < to && hex(m[i + 1]) >= 0 && hex(m[i + 2]) >= 0) {
                out.write(hex(m[i + 1]) * 16 + hex(m[i + 2]));
                i += 2;
            } else if (c == '=' && i + 1 < to && (m[i + 1] == '\r' || m[i + 1] == '\n')) {
                i += m[i + 1] == '\r' && i + 2 < to && m[i + 2] == '\n' ? 2 : 1;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }

    /** Text of a body in the named charset; unknown or absent charsets read as UTF-8 or ISO-8859-1. */
    static String text(byte[] bytes, String charsetName) {
        return text(bytes, 0, bytes.length, charsetName);
    }

    /** As {@link #text(byte[], String)} for {@code bytes[from, to)}, without copying them first. */
    static String text(byte[] bytes, int from, int to, String charsetName) {
        Charset cs = charsetName == null ? null : charset(charsetName);
        if (cs == null || cs.equals(StandardCharsets.US_ASCII)) {
            return Headers.text(bytes, from, to);
        }
        return new String(bytes, from, to - from, cs);
    }
}
