package dev.imapmock.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an RFC 5322 address list into ENVELOPE addresses the way Dovecot does: display names
 * with their quotes removed and words joined by one space, a trailing comment as the name of a
 * bare addr-spec, {@code MISSING_MAILBOX}/{@code MISSING_DOMAIN} for absent halves, groups as
 * start and end markers, and the rest of the list dropped at the first thing that does not parse.
 * Encoded words are left alone.
 */
final class AddressParser extends HeaderScanner {
    static final String MISSING_MAILBOX = "MISSING_MAILBOX";
    static final String MISSING_DOMAIN = "MISSING_DOMAIN";

    private String lastComment;

    private AddressParser(String s) {
        super(s);
    }

    static List<Address> parse(String value) {
        return new AddressParser(value).list();
    }

    private List<Address> list() {
        List<Address> out = new ArrayList<>(2);
        while (true) {
            skipCfws();
            if (pos >= s.length()) {
                return out;
            }
            if (peek() == ',') {
                pos++;
                continue;
            }
            if (!address(out)) {
                return out;
            }
            skipCfws();
            if (peek() != ',') {
                return out;
            }
        }
    }

    private boolean address(List<Address> out) {
        int save = pos;
        List<String> words = phrase();
        skipCfws();
        if (!words.isEmpty() && peek() == ':') {
            pos++;
            out.add(Address.groupStart(String.join(" ", words)));
            boolean ok = true;
            while (true) {
                skipCfws();
                if (pos >= s.length()) {
                    break;
                }
                char c = peek();
                if (c == ';') {
                    pos++;
                    break;
                }
                if (c == ',') {
                    pos++;
                    continue;
                }
                if (!mailbox(out)) {
                    ok = false;
                    break;
                }
            }
            out.add(Address.groupEnd());
            return ok;
        }
        pos = save;
        return mailbox(out);
    }

    private boolean mailbox(List<Address> out) {
        int save = pos;
        List<String> words = phrase();
        skipCfws();
        if (peek() == '<') {
            pos++;
            String name = words.isEmpty() ? null : humanName(String.join(" ", words));
            skipCfws();
            String adl = peek() == '@' ? route() : null;
            skipCfws();
            String local = localPart();
            skipCfws();
            String domain = "";
            if (peek() == '@') {
                pos++;
                domain = domain();
                skipCfws();
            }
            if (peek() == '>') {
                pos++;
            }
            out.add(new Address(name, adl, orMissing(local, MISSING_MAILBOX), orMissing(domain, MISSING_DOMAIN)));
            return true;
        }
        pos = save;
        lastComment = null;
        skipCfws();
        lastComment = null;
        String local = localPart();
        skipCfws();
        String domain = "";
        if (peek() == '@') {
            pos++;
            domain = domain();
            skipCfws();
        }
        if (local.isEmpty() && domain.isEmpty()) {
            return false;
        }
        String name = lastComment == null ? null : humanName(lastComment);
        out.add(new Address(name, null, orMissing(local, MISSING_MAILBOX), orMissing(domain, MISSING_DOMAIN)));
        return true;
    }

    /** An obsolete source route {@code @a,@b:}, returned without its colon and white space. */
    private String route() {
        StringBuilder sb = new StringBuilder();
        while (pos < s.length() && peek() != ':' && peek() != '>') {
            char c = s.charAt(pos);
            if (c == '(') {
                skipCfws();
                continue;
            }
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                sb.append(c);
            }
            pos++;
        }
        if (peek() == ':') {
            pos++;
        }
        return sb.toString();
    }

    /** Words of a phrase: atoms (dots included, for obs-phrase) and unquoted quoted-strings. */
    private List<String> phrase() {
        List<String> words = new ArrayList<>(3);
        while (true) {
            skipCfws();
            if (pos >= s.length()) {
                return words;
            }
            char c = peek();
            if (c == '"') {
                words.add(quoted());
            } else if (isAtext(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (isAtext(peek()) || peek() == '.')) {
                    pos++;
                }
                words.add(s.substring(start, pos));
            } else {
                return words;
            }
        }
    }

    private String localPart() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            skipCfws();
            if (pos >= s.length()) {
                return sb.toString();
            }
            char c = peek();
            if (c == '"') {
                sb.append(quoted());
            } else if (isAtext(c)) {
                while (pos < s.length() && isAtext(peek())) {
                    sb.append(s.charAt(pos++));
                }
            } else {
                return sb.toString();
            }
            skipCfws();
            if (peek() != '.') {
                return sb.toString();
            }
            sb.append('.');
            pos++;
        }
    }

    private String domain() {
        StringBuilder sb = new StringBuilder();
        skipCfws();
        if (peek() == '[') {
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) {
                    c = s.charAt(pos++);
                } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    continue;
                }
                sb.append(c);
                if (c == ']') {
                    break;
                }
            }
            return sb.toString();
        }
        while (true) {
            while (pos < s.length() && isAtext(peek())) {
                sb.append(s.charAt(pos++));
            }
            skipCfws();
            if (peek() != '.') {
                return sb.toString();
            }
            sb.append('.');
            pos++;
            skipCfws();
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private static String orMissing(String value, String missing) {
        return value.isEmpty() ? missing : value;
    }

    private static String humanName(String name) {
        String n = EnvelopeBuilder.forHumans(name);
        return n.isEmpty() ? null : n;
    }

    /** RFC 5322 atext, plus octets above 127 (8-bit names exist in the wild). */
    private static boolean isAtext(char c) {
        if (c > 0x7f) {
            return true;
        }
        if (c <= ' ' || c == 0x7f) {
            return false;
        }
        return "()<>[]:;@\\,.\"".indexOf(c) < 0;
    }

    @Override
    protected void onComment(String text) {
        lastComment = text;
    }
}
