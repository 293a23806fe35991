package dev.imapmock.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading header fields straight from message bytes. A header block is a byte range; a field is a
 * line that does not start with white space plus its continuation lines. A line without a colon is
 * a field without a name (Dovecot keeps such lines, so do we). Scanning stops at the first empty line.
 */
final class Headers {
    private Headers() {
    }

    /** Index just after the next LF at or after {@code p}, or {@code end}. */
    static int lineEnd(byte[] m, int p, int end) {
        for (int i = p; i < end; i++) {
            if (m[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    /** True when the line at {@code p} is empty (CRLF, LF, or a lone CR at the end). */
    static boolean isBlankLine(byte[] m, int p, int end) {
        return p < end && (m[p] == '\n' || (m[p] == '\r' && (p + 1 == end || m[p + 1] == '\n')));
    }

    /** End of the field starting at {@code p}: after its last continuation line. */
    static int fieldEnd(byte[] m, int p, int end) {
        int q = lineEnd(m, p, end);
        while (q < end && (m[q] == ' ' || m[q] == '\t')) {
            q = lineEnd(m, q, end);
        }
        return q;
    }

    /**
     * If the field at {@code p} is named {@code lowerName} (compared case-insensitively, white
     * space allowed before the colon), the index just after its colon; otherwise -1.
     */
    static int colonAfterName(byte[] m, int p, int fieldEnd, String lowerName) {
        int n = lowerName.length();
        if (p + n >= fieldEnd) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            int c = m[p + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerName.charAt(i)) {
                return -1;
            }
        }
        int q = p + n;
        while (q < fieldEnd && (m[q] == ' ' || m[q] == '\t')) {
            q++;
        }
        return q < fieldEnd && m[q] == ':' ? q + 1 : -1;
    }

    /** The name of the field at {@code p}, or null when its first line holds no colon. */
    static String name(byte[] m, int p, int fieldEnd) {
        int le = lineEnd(m, p, fieldEnd);
        for (int i = p; i < le; i++) {
            if (m[i] == ':') {
                int e = i;
                while (e > p && (m[e - 1] == ' ' || m[e - 1] == '\t')) {
                    e--;
                }
                return new String(m, p, e - p, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /**
     * The value of a field from just after its colon: leading blanks skipped, CR and LF removed
     * (folding white space kept), as Dovecot reports Content-ID, Date, Message-ID and the like.
     */
    static String valueWithoutLineBreaks(byte[] m, int colonEnd, int fieldEnd) {
        int p = colonEnd;
        while (p < fieldEnd && (m[p] == ' ' || m[p] == '\t')) {
            p++;
        }
        byte[] out = new byte[fieldEnd - p];
        int n = 0;
        for (int i = p; i < fieldEnd; i++) {
            if (m[i] != '\r' && m[i] != '\n') {
                out[n++] = m[i];
            }
        }
        return text(out, 0, n);
    }

    /** The first value of field {@code lowerName} among the fields of a field table, or null. */
    static String firstValue(byte[] m, int[] fields, String lowerName) {
        for (int i = 0, n = fields.length - 1; i < n; i++) {
            int colon = colonAfterName(m, fields[i], fields[i + 1], lowerName);
            if (colon >= 0) {
                return valueWithoutLineBreaks(m, colon, fields[i + 1]);
            }
        }
        return null;
    }

    /** Every value of field {@code lowerName} among the fields of a field table, in order. */
    static List<String> allValues(byte[] m, int[] fields, String lowerName) {
        List<String> values = new ArrayList<>(1);
        for (int i = 0, n = fields.length - 1; i < n; i++) {
            int colon = colonAfterName(m, fields[i], fields[i + 1], lowerName);
            if (colon >= 0) {
                values.add(valueWithoutLineBreaks(m, colon, fields[i + 1]));
            }
        }
        return values;
    }

    /**
     * Bytes of a header as text: ASCII and valid UTF-8 as such, anything else as ISO-8859-1, so
     * that no octet is lost.
     */
    static String text(byte[] m, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (m[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(m, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(m, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(m, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }
}
