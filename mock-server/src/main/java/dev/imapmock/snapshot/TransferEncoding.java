package dev.imapmock.snapshot;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Content-Transfer-Encodings written back (RFC 2045 §6.7, §6.8) and the Q encoding of RFC 2047 §4.2. */
final class TransferEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private TransferEncoding() {
    }

    /** Base64 in lines of {@code lineLength} (rounded down to a multiple of 4), each ended by {@code eol}. */
    static byte[] base64(byte[] data, int lineLength, String eol, boolean trailingBreak) {
        int length = Math.max(4, lineLength / 4 * 4);
        String encoded = Base64.getEncoder().encodeToString(data);
        StringBuilder sb = new StringBuilder(encoded.length() + encoded.length() / length * 2 + 2);
        for (int i = 0; i < encoded.length(); i += length) {
            if (i > 0) {
                sb.append(eol);
            }
            sb.append(encoded, i, Math.min(encoded.length(), i + length));
        }
        if (trailingBreak) {
            sb.append(eol);
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Quoted-printable with soft breaks before 76 characters; CRLF or LF in {@code data} are hard breaks. */
    static byte[] quotedPrintable(byte[] data, String eol) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / 8);
        int column = 0;
        for (int i = 0; i < data.length; i++) {
            int b = data[i] & 0xff;
            boolean crlf = b == '\r' && i + 1 < data.length && data[i + 1] == '\n';
            if (crlf || b == '\n') {
                out.writeBytes(eol.getBytes(StandardCharsets.US_ASCII));
                column = 0;
                if (crlf) {
                    i++;
                }
                continue;
            }
            boolean atLineEnd = i + 1 == data.length || data[i + 1] == '\r' || data[i + 1] == '\n';
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !atLineEnd);
            int width = literal ? 1 : 3;
            if (column + width > 75) {
                out.write('=');
                out.writeBytes(eol.getBytes(StandardCharsets.US_ASCII));
                column = 0;
            }
            if (literal) {
                out.write(b);
            } else {
                out.write('=');
                out.write(HEX[b >> 4]);
                out.write(HEX[b & 15]);
            }
            column += width;
        }
        return out.toByteArray();
    }

    /** The Q encoding of an encoded word: {@code _} for space, {@code =XX} for anything not plainly safe. */
    static String qEncode(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (byte x : data) {
            int b = x & 0xff;
            if (b == ' ') {
                sb.append('_');
            } else if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) {
                sb.append((char) b);
            } else {
                sb.append('=').append(HEX[b >> 4]).append(HEX[b & 15]);
            }
        }
        return sb.toString();
    }
}
