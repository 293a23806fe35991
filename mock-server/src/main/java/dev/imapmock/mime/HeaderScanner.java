package dev.imapmock.mime;

/**
 * A cursor over one header value with the lexical pieces RFC 5322 and RFC 2045 share: quoted
 * strings, comments and folding white space. Subclasses parse address lists and parameter lists.
 */
abstract class HeaderScanner {
    protected final String s;
    protected int pos;

    HeaderScanner(String s) {
        this.s = s;
    }

    /** A quoted string starting at {@code pos}, unescaped; an unclosed one runs to the end. */
    protected final String quoted() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && pos < s.length()) {
                c = s.charAt(pos++);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Skips white space and comments, handing each comment's text to {@link #onComment}. */
    protected final void skipCfws() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
            } else if (c == '(') {
                onComment(comment());
            } else {
                return;
            }
        }
    }

    /** Called with the text of each comment {@link #skipCfws} passes; ignored by default. */
    protected void onComment(String text) {
    }

    /** A comment starting at {@code pos} (nested ones included), without its outer parentheses. */
    private String comment() {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\\' && pos < s.length()) {
                sb.append(s.charAt(pos++));
                continue;
            }
            if (c == '(') {
                if (depth++ == 0) {
                    continue;
                }
            } else if (c == ')' && --depth == 0) {
                break;
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
