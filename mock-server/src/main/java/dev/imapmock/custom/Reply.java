package dev.imapmock.custom;

import java.util.Objects;

/**
 * How a custom command ends: the tagged {@code OK}, {@code NO} or {@code BAD}, with an optional
 * response code (RFC 3501 §7.1) and a human-readable text. Immutable.
 *
 * @param status OK, NO or BAD
 * @param code   the response code without brackets, such as {@code ALERT} or {@code UIDNEXT 4},
 *               or null for none
 * @param text   the text
 */
public record Reply(Status status, String code, String text) {

    /** The three endings of a command. */
    public enum Status {
        /** The command succeeded. */
        OK,
        /** The command failed. */
        NO,
        /** The command was not understood, or not allowed now. */
        BAD
    }

    /**
     * Refuses a null status or text and a code or text with CR, LF or {@code ]} in the code, which
     * would break the response's framing.
     *
     * @param status OK, NO or BAD
     * @param code   the response code, or null
     * @param text   the text
     */
    public Reply {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        if (code != null && (code.isEmpty() || code.indexOf(']') >= 0 || !oneLine(code))) {
            throw new IllegalArgumentException("A response code is one line without ']': " + code);
        }
        if (!oneLine(text)) {
            throw new IllegalArgumentException("A response text is one line of printable characters");
        }
    }

    /**
     * {@code OK text}.
     *
     * @param text the text
     * @return the reply
     */
    public static Reply ok(String text) {
        return new Reply(Status.OK, null, text);
    }

    /**
     * {@code OK [code] text}.
     *
     * @param code the response code
     * @param text the text
     * @return the reply
     */
    public static Reply ok(String code, String text) {
        return new Reply(Status.OK, code, text);
    }

    /**
     * {@code NO text}.
     *
     * @param text the text
     * @return the reply
     */
    public static Reply no(String text) {
        return new Reply(Status.NO, null, text);
    }

    /**
     * {@code NO [code] text}.
     *
     * @param code the response code
     * @param text the text
     * @return the reply
     */
    public static Reply no(String code, String text) {
        return new Reply(Status.NO, code, text);
    }

    /**
     * {@code BAD text}.
     *
     * @param text the text
     * @return the reply
     */
    public static Reply bad(String text) {
        return new Reply(Status.BAD, null, text);
    }

    private static boolean oneLine(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
