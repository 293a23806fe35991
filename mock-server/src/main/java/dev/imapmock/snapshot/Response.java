package dev.imapmock.snapshot;

import dev.imapmock.protocol.Arg;

import java.util.List;
import java.util.Locale;

/**
 * One response from the server (RFC 3501 §7): a continuation ({@code +}), a status (tagged or
 * untagged OK, NO, BAD, BYE, PREAUTH) with its text, or untagged data as arguments.
 *
 * @param tag    the command's tag, {@code *} for untagged, {@code +} for a continuation
 * @param status OK, NO, BAD, BYE or PREAUTH in upper case for a status response, else null
 * @param text   a status response's text with its response code, or a continuation's text; for
 *               data, empty
 * @param data   untagged data as arguments ({@code 3 FETCH (...)}, {@code LIST (...) "/" INBOX});
 *               empty for a status or continuation
 */
record Response(String tag, String status, String text, List<Arg> data) {
    static final String UNTAGGED = "*";
    static final String CONTINUATION = "+";

    boolean isContinuation() {
        return tag.equals(CONTINUATION);
    }

    boolean isUntagged() {
        return tag.equals(UNTAGGED);
    }

    boolean isOk() {
        return "OK".equals(status);
    }

    /** The first atom of untagged data in upper case ({@code LIST}, {@code CAPABILITY}), or "". */
    String dataName() {
        return data.isEmpty() || !(data.get(0) instanceof Arg.Atom a) ? "" : a.text().toUpperCase(Locale.ROOT);
    }

    /** For {@code * n NAME ...} (EXISTS, FETCH, EXPUNGE), NAME in upper case; else "". */
    String numberedName() {
        return data.size() >= 2 && data.get(1) instanceof Arg.Atom a && isNumber(dataName())
                ? a.text().toUpperCase(Locale.ROOT) : "";
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return tag + " " + (status != null ? status + " " + text : data.toString());
    }
}
