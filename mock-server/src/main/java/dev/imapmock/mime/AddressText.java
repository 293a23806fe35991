package dev.imapmock.mime;

import java.util.List;

/**
 * An address list written back in the one normal form that SEARCH FROM, TO, CC and BCC match
 * against (RFC 3501 §6.4.4 leaves the comparison to the server; this is Dovecot's form):
 * {@code Name <@route:mailbox@host>} for every mailbox, even one without a name
 * ({@code <a@b>}), members joined by {@code ", "}, a group as {@code Team: <a@b>, <c@d>;} and
 * an empty one as {@code Team:;}. Comments, CFWS and the quotes of the header are gone, so
 * {@code <user (x)@ (y) host>} reads {@code <user@host>}. A name or local part that is not all
 * atext is quoted, with {@code "}, {@code \} and {@code '} escaped; a name holding an encoded
 * word is written as it is, for the caller to decode.
 */
final class AddressText {
    private AddressText() {
    }

    static void write(List<Address> list, StringBuilder sb) {
        boolean first = true;
        boolean inGroup = false;
        for (Address a : list) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            if (a.host() != null) {
                mailbox(a, sb);
            } else if (!inGroup) {
                if (a.mailbox().isEmpty()) {
                    sb.append("\"\"");
                } else {
                    phrase(a.mailbox(), sb);
                }
                sb.append(": ");
                first = true;
                inGroup = true;
            } else {
                int n = sb.length();
                if (n >= 2 && sb.charAt(n - 2) == ',') {
                    sb.setLength(n - 2);
                } else if (n >= 1 && sb.charAt(n - 1) == ' ') {
                    sb.setLength(n - 1);
                }
                sb.append(';');
                inGroup = false;
            }
        }
    }

    private static void mailbox(Address a, StringBuilder sb) {
        String name = a.name();
        if (name != null && !name.isEmpty()) {
            phrase(name, sb);
            sb.append(' ');
        }
        sb.append('<');
        if (a.adl() != null) {
            sb.append(a.adl()).append(':');
        }
        if (a.mailbox().isEmpty()) {
            sb.append("\"\"");
        } else {
            quoteUnlessAtoms(a.mailbox(), false, sb);
        }
        sb.append('@').append(a.host()).append('>');
    }

    private static void phrase(String words, StringBuilder sb) {
        if (words.contains("=?")) {
            // RFC 2047 §5: an encoded word may not stand inside a quoted string.
            sb.append(words);
        } else {
            quoteUnlessAtoms(words, true, sb);
        }
    }

    /** {@code value} as it is when all atext (and dots, unless {@code dotIsSpecial}), else quoted. */
    private static void quoteUnlessAtoms(String value, boolean dotIsSpecial, StringBuilder sb) {
        boolean plain = true;
        boolean escapes = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!HeaderScanner.isAtext(c) && (dotIsSpecial || c != '.')) {
                plain = false;
            }
            if (c == '"' || c == '\\' || c == '\'') {
                escapes = true;
            }
        }
        if (plain) {
            sb.append(value);
            return;
        }
        sb.append('"');
        if (!escapes) {
            sb.append(value);
        } else {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\' || c == '\'') {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
