package dev.imapmock.mime;

/**
 * A cursor over one header value with the lexical pieces RFC 5322 and RFC 2045 share: quoted
 * strings, comments and folding white space. Subclasses parse address lists and parameter lists.
 *
 * <p>Steps that can run into the end of the value or into malformed text say so with
 * {@link #MORE} (more text follows), {@link #END} (the value ended, cleanly) or {@link #BAD}
 * (an unclosed quoted string or comment; the cursor is then at the end).
 */
abstract class HeaderScanner {
    static final int MORE = 1;
    static final int END = 0;
    static final int BAD = -1;

    protected final String s;
    protected final int length;
    protected int pos;

    HeaderScanner(String s) {
        this.s = s;
        this.length = s.length();
    }

    /** A quoted string starting at {@code pos}, unescaped; an unclosed one runs to the end. */
    protected final String quoted() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < length) {
            char c = s.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && pos < length) {
                c = s.charAt(pos++);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Appends the quoted string starting at {@code pos} without its quotes and with each
     * quoted-pair (RFC 5322 §3.2.1) reduced to the character it quotes, then skips the CFWS after
     * it. Returns what {@link #skipCfws} returns, or {@link #BAD} when the closing quote is
     * missing; then only the text before the last quoted-pair has been appended, as in Dovecot.
     */
    protected final int quotedInto(StringBuilder sb) {
        pos++;
        int run = pos;
        while (pos < length) {
            char c = s.charAt(pos);
            if (c == '"') {
                sb.append(s, run, pos);
                pos++;
                return skipCfws();
            }
            if (c == '\\') {
                if (++pos >= length) {
                    return BAD;
                }
                sb.append(s, run, pos - 1);
                run = pos;
            }
            pos++;
        }
        return BAD;
    }

    /**
     * Skips white space and comments, handing each comment's raw text (between its outer
     * parentheses) to {@link #onComment}. Returns {@link #MORE}, {@link #END}, or {@link #BAD} for
     * a comment that is never closed.
     */
    protected final int skipCfws() {
        while (pos < length) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
            } else if (c == '(') {
                if (!comment()) {
                    return BAD;
                }
            } else {
                return MORE;
            }
        }
        return END;
    }

    /**
     * Called with the raw range of each comment {@link #skipCfws} passes; ignored by default. For
     * a comment that is never closed the range ends at its last backslash (empty without one):
     * Dovecot keeps of such a comment only the text before its last quoted-pair.
     */
    protected void onComment(int from, int to) {
    }

    /** The text of a comment's raw range: quoted-pairs reduced, nested comments kept as written. */
    protected final String commentText(int from, int to) {
        int escape = s.indexOf('\\', from);
        if (escape < 0 || escape >= to) {
            return s.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < to) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** RFC 5322 atext (§3.2.3), plus everything above 127: 8-bit names exist, and Dovecot reads them so. */
    static boolean isAtext(char c) {
        if (c > 0x7f) {
            return true;
        }
        if (c <= ' ' || c == 0x7f) {
            return false;
        }
        return switch (c) {
            case '(', ')', '<', '>', '[', ']', ':', ';', '@', '\\', ',', '.', '"' -> false;
            default -> true;
        };
    }

    /** Skips the comment starting at {@code pos} (RFC 5322 §3.2.2, nesting allowed); false if unclosed. */
    private boolean comment() {
        int from = ++pos;
        int lastEscape = from;
        int depth = 1;
        while (pos < length) {
            char c = s.charAt(pos++);
            if (c == '\\') {
                if (pos >= length) {
                    break;
                }
                lastEscape = pos - 1;
                pos++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                onComment(from, pos - 1);
                return true;
            }
        }
        onComment(from, lastEscape);
        return false;
    }
}
