package dev.imapmock.thread;

import java.util.ArrayList;
import java.util.List;

/**
 * The message identifiers of RFC 5322 §3.6.4 as THREAD compares them (RFC 5256 §3): each
 * {@code <id-left@id-right>} in a header value, in a normal form so that quoting does not make two
 * identifiers differ ({@code <"abc"@example.org>} is {@code abc@example.org}). The normal form is
 * the text between the angle brackets with quoted strings unquoted (their backslash escapes
 * undone) and white space outside them removed. Text between identifiers (phrases, comments,
 * commas) is skipped; a bracketed text without {@code @}, or with an empty side of it, is not an
 * identifier and is skipped too. Comparison is case-sensitive (RFC 5256 §3, REFERENCES step 1).
 */
public final class MessageIds {
    private MessageIds() {
    }

    /**
     * Every valid identifier in {@code value}, in order; empty for null or a value without one.
     *
     * @param value a header value (Message-ID, References, In-Reply-To), or null
     * @return the identifiers in normal form, a new modifiable list
     */
    public static List<String> all(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        int p = 0;
        while (true) {
            int open = value.indexOf('<', p);
            if (open < 0) {
                return ids;
            }
            StringBuilder id = new StringBuilder();
            int q = open + 1;
            boolean closed = false;
            while (q < value.length()) {
                char c = value.charAt(q);
                if (c == '>') {
                    closed = true;
                    break;
                }
                if (c == '"') {
                    q = quoted(value, q + 1, id);
                    continue;
                }
                if (c == '<') {
                    break;
                }
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                    id.append(c);
                }
                q++;
            }
            if (closed && valid(id)) {
                ids.add(id.toString());
                p = q + 1;
            } else {
                p = open + 1;
            }
        }
    }

    /**
     * The first valid identifier in {@code value}, or null.
     *
     * @param value a header value, or null
     * @return the identifier in normal form, or null when there is none
     */
    public static String first(String value) {
        List<String> ids = all(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Copies a quoted string's content from just after its opening quote; the index after its end. */
    private static int quoted(String value, int q, StringBuilder id) {
        while (q < value.length()) {
            char c = value.charAt(q);
            if (c == '"') {
                return q + 1;
            }
            if (c == '\\' && q + 1 < value.length()) {
                q++;
                c = value.charAt(q);
            }
            id.append(c);
            q++;
        }
        return q;
    }

    private static boolean valid(CharSequence id) {
        String s = id.toString();
        int at = s.lastIndexOf('@');
        return at > 0 && at < s.length() - 1;
    }
}
