package dev.imapmock.mime;

import java.io.ByteArrayOutputStream;

/** Rewriting one field of a header in place, for the transfer-encoding changes of BINARY. */
final class HeaderFields {
    private static final String TRANSFER_ENCODING = "content-transfer-encoding";

    private HeaderFields() {
    }

    /**
     * Writes the header in {@code m[from, to)} to {@code out} with its Content-Transfer-Encoding
     * field, folded lines and all, replaced by {@code field} (a whole line with its CRLF); a
     * header without one gets {@code field} before its closing empty line.
     */
    static void replaceTransferEncoding(byte[] m, int from, int to, byte[] field, ByteArrayOutputStream out) {
        int pos = from;
        boolean written = false;
        while (pos < to) {
            int next = lineEnd(m, pos, to);
            while (next < to && (m[next] == ' ' || m[next] == '\t')) {
                next = lineEnd(m, next, to);
            }
            boolean emptyLine = m[pos] == '\n' || (m[pos] == '\r' && pos + 1 < to && m[pos + 1] == '\n');
            if (isTransferEncodingField(m, pos, next)) {
                if (!written) {
                    out.writeBytes(field);
                }
                written = true;
            } else {
                if (emptyLine && !written) {
                    out.writeBytes(field);
                    written = true;
                }
                out.write(m, pos, next - pos);
            }
            pos = next;
        }
        if (!written) {
            out.writeBytes(field);
        }
    }

    private static int lineEnd(byte[] m, int from, int end) {
        int i = from;
        while (i < end && m[i] != '\n') {
            i++;
        }
        return Math.min(i + 1, end);
    }

    private static boolean isTransferEncodingField(byte[] m, int from, int to) {
        int i = from;
        for (int k = 0; k < TRANSFER_ENCODING.length(); k++, i++) {
            if (i >= to || Character.toLowerCase((char) (m[i] & 0xff)) != TRANSFER_ENCODING.charAt(k)) {
                return false;
            }
        }
        while (i < to && (m[i] == ' ' || m[i] == '\t')) {
            i++;
        }
        return i < to && m[i] == ':';
    }
}
