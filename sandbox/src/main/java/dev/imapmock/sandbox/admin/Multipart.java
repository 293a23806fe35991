package dev.imapmock.sandbox.admin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578): its parts' names, file names and bytes. Only
 * what an upload form or {@code curl -F} sends: no nested multiparts, no transfer encodings.
 */
final class Multipart {
    /** One part: the form field's name, the file name (or null), the octets. */
    record Part(String name, String filename, byte[] bytes) {
        /** How an error message names the part: its file name, else its field name and number. */
        String label(int index) {
            return filename != null ? filename : "part " + (index + 1) + (name == null ? "" : " (" + name + ")");
        }
    }

    private Multipart() {
    }

    /** The boundary parameter of a Content-Type header; a 400 when there is none. */
    static String boundary(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String b = p.substring(9);
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                if (!b.isEmpty() && b.length() <= 70) {
                    return b;
                }
            }
        }
        throw new ApiException(400, "multipart/form-data needs a boundary parameter in Content-Type");
    }

    /** The parts of {@code body}, in order; a 400 when the body is not well-formed. */
    static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw new ApiException(400, "The multipart body never shows its boundary");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int after = pos + delimiter.length;
            if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
                break;
            }
            int headerStart = skipLineEnd(body, after);
            if (headerStart < 0) {
                throw new ApiException(400, "The multipart body ends inside part " + (parts.size() + 1));
            }
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerStart);
            int bodyStart;
            if (headerEnd < 0) {
                throw new ApiException(400, "Part " + (parts.size() + 1) + " of the multipart body has no end of header");
            }
            bodyStart = headerEnd + 4;
            byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int end = indexOf(body, next, bodyStart);
            if (end < 0) {
                throw new ApiException(400, "Part " + (parts.size() + 1) + " of the multipart body is never closed");
            }
            String header = new String(body, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
            parts.add(new Part(param(header, "name"), param(header, "filename"),
                    Arrays.copyOfRange(body, bodyStart, end)));
            pos = end + 2;
        }
        return parts;
    }

    private static int skipLineEnd(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (i + 1 < b.length && b[i] == '\r' && b[i + 1] == '\n') {
            return i + 2;
        }
        return -1;
    }

    /** A parameter of the part's Content-Disposition, quoted or not; null when absent. */
    private static String param(String header, String name) {
        for (String line : header.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                continue;
            }
            for (String piece : line.substring(line.indexOf(':') + 1).split(";")) {
                String p = piece.strip();
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(name)) {
                    String v = p.substring(eq + 1).strip();
                    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                        v = v.substring(1, v.length() - 1).replace("\\\"", "\"");
                    }
                    return v;
                }
            }
        }
        return null;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
