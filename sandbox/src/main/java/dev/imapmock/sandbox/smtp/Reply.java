package dev.imapmock.sandbox.smtp;

import java.util.List;

/**
 * One SMTP reply (RFC 5321 §4.2): a code, the enhanced status code of RFC 3463 (null for the greeting,
 * EHLO, HELO and 354, which carry none), and one or more text lines.
 */
record Reply(int code, String status, List<String> lines) {

    Reply {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A reply has at least one line");
        }
    }

    static Reply of(int code, String status, String text) {
        return new Reply(code, status, List.of(text));
    }

    /** A reply without an enhanced status code. */
    static Reply bare(int code, List<String> lines) {
        return new Reply(code, null, lines);
    }

    /** The lines as sent, without their CRLF: every line but the last has a hyphen after the code. */
    List<String> wireLines() {
        String prefix = status == null ? "" : status + " ";
        String[] out = new String[lines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = code + (i == out.length - 1 ? " " : "-") + prefix + lines.get(i);
        }
        return List.of(out);
    }

    /** True for the replies to a command that the client got wrong in form (RFC 5321 §4.2.2: 500, 501, 555). */
    boolean syntaxError() {
        return code == 500 || code == 501 || code == 555;
    }

    String lastLine() {
        return lines.get(lines.size() - 1);
    }
}
