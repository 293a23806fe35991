package dev.imapmock.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Renders decoded arguments back to readable IMAP text, for the journal and for logs. */
final class ArgText {
    private static final int INLINE_LITERAL_LIMIT = 256;

    private ArgText() {
    }

    static String render(List<Arg> args) {
        StringBuilder sb = new StringBuilder();
        append(sb, args);
        return sb.toString();
    }

    private static void append(StringBuilder sb, List<Arg> args) {
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            append(sb, args.get(i));
        }
    }

    private static void append(StringBuilder sb, Arg arg) {
        if (arg instanceof Arg.Atom a) {
            sb.append(a.text());
        } else if (arg instanceof Arg.ListArg l) {
            sb.append('(');
            append(sb, l.items());
            sb.append(')');
        } else if (arg instanceof Arg.Literal l && (l.binary() || !printable(l.bytes()))) {
            sb.append(l.binary() ? "~{" : "{").append(l.bytes().length).append('}');
        } else {
            sb.append('"');
            for (char c : new String(arg.bytes(), StandardCharsets.UTF_8).toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
            sb.append('"');
        }
    }

    private static boolean printable(byte[] bytes) {
        if (bytes.length > INLINE_LITERAL_LIMIT) {
            return false;
        }
        for (byte b : bytes) {
            if (b == '\r' || b == '\n' || b == 0) {
                return false;
            }
        }
        return true;
    }
}
