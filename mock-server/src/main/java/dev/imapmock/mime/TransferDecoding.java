package dev.imapmock.mime;

import java.io.ByteArrayOutputStream;

/**
 * Strict decoders of the two Content-Transfer-Encodings that change octets (RFC 2045 §6.7, §6.8),
 * for FETCH BINARY, which must give a part's octets exactly. Unlike the lenient decoding behind
 * SEARCH, data that is not valid in its encoding is a {@link MalformedException}, answered
 * {@code NO [PARSE]} as Dovecot 2.3 answers it.
 */
final class TransferDecoding {
    /** Encoded data that breaks its encoding's rules; the message says where. */
    static final class MalformedException extends RuntimeException {
        MalformedException(String reason) {
            super(reason, null, false, false);
        }
    }

    private TransferDecoding() {
    }

    /**
     * RFC 2045 §6.8: the 64 symbols, white space and line breaks ignored, {@code =} padding only at
     * the end of the last quantum, nothing but white space after it.
     */
    static byte[] base64(byte[] m, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((to - from) * 3 / 4 + 1);
        int buffer = 0;
        int symbols = 0;
        int padding = 0;
        for (int i = from; i < to; i++) {
            int c = m[i] & 0xff;
            if (c == '\r' || c == '\n' || c == ' ' || c == '\t') {
                continue;
            }
            if (c == '=') {
                padding++;
                if (symbols % 4 < 2 || symbols % 4 + padding > 4) {
                    throw new MalformedException("misplaced '=' padding in base64");
                }
                continue;
            }
            int v = symbol(c);
            if (v < 0) {
                throw new MalformedException("invalid character in base64");
            }
            if (padding > 0) {
                throw new MalformedException("base64 data after the '=' padding");
            }
            buffer = (buffer << 6) | v;
            symbols++;
            if (symbols % 4 == 0) {
                out.write(buffer >> 16);
                out.write(buffer >> 8);
                out.write(buffer);
                buffer = 0;
            }
        }
        int left = symbols % 4;
        if (left != 0 && left + padding != 4) {
            throw new MalformedException("base64 data ends in the middle of a quantum");
        }
        if (left == 2) {
            out.write(buffer >> 4);
        } else if (left == 3) {
            out.write(buffer >> 10);
            out.write(buffer >> 2);
        }
        return out.toByteArray();
    }

    private static int symbol(int c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    /**
     * RFC 2045 §6.7: {@code =XX} (hex digits in either case) is an octet, {@code =} before the line
     * break (white space may stand between) a soft line break; white space before a hard line break
     * is transport padding and dropped (rule 3). Any other {@code =} is malformed.
     */
    static byte[] quotedPrintable(byte[] m, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int pendingSpace = 0;
        for (int i = from; i < to; i++) {
            int c = m[i] & 0xff;
            if (c == ' ' || c == '\t') {
                pendingSpace++;
                continue;
            }
            if (c == '\r' || c == '\n') {
                pendingSpace = 0;
                out.write(c);
                continue;
            }
            out.write(m, i - pendingSpace, pendingSpace);
            pendingSpace = 0;
            if (c != '=') {
                out.write(c);
                continue;
            }
            if (i + 2 < to && hex(m[i + 1]) >= 0 && hex(m[i + 2]) >= 0) {
                out.write(hex(m[i + 1]) * 16 + hex(m[i + 2]));
                i += 2;
                continue;
            }
            int j = i + 1;
            while (j < to && (m[j] == ' ' || m[j] == '\t')) {
                j++;
            }
            if (j < to && (m[j] == '\n' || (m[j] == '\r' && j + 1 < to && m[j + 1] == '\n'))) {
                i = m[j] == '\r' ? j + 1 : j;
                continue;
            }
            throw new MalformedException("an '=' in quoted-printable is neither =XX nor a soft line break");
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
