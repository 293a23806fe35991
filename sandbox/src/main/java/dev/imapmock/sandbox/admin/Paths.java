package dev.imapmock.sandbox.admin;

import java.nio.charset.StandardCharsets;

/** Path segments as the API's URLs spell them: a mailbox name is one segment ({@code Archive%2F2024}). */
final class Paths {
    private Paths() {
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters. */
    static String segment(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
