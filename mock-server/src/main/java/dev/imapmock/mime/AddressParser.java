package dev.imapmock.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an RFC 5322 address list (§3.4 and the obsolete forms of §4.4) into ENVELOPE addresses,
 * making Dovecot's choices where the RFC leaves room:
 * <ul>
 *   <li>CFWS goes wherever the grammar allows it: around the '@', around the dots of a local
 *       part (obs-local-part) or a domain (obs-domain), inside angle brackets;</li>
 *   <li>a display name is its words without quotes, joined by one space, comments dropped;
 *       encoded words are left alone; names are returned untidied (see {@link EnvelopeBuilder});</li>
 *   <li>a bare addr-spec takes the text of the last comment inside it as its name;</li>
 *   <li>an obs-route goes into the adl, as {@code @a,@b} (empty elements and CFWS dropped), or
 *       {@code INVALID_ROUTE} when no ':' closes it;</li>
 *   <li>a group is a start marker, its members and an end marker (obs-group-list included);</li>
 *   <li>an empty member (obs-mbox-list, obs-addr-list) or one without a mailbox or domain gives
 *       {@code MISSING_MAILBOX} / {@code MISSING_DOMAIN}; an angle address that does not parse
 *       gives host {@code SYNTAX_ERROR}; a quoted local part without a domain becomes a name;
 *       words without '@' or '<' become a name; the list ends at the first thing after a
 *       member that is not a comma.</li>
 * </ul>
 * One deliberate difference: Dovecot 2.3 reads an obs-local-part only as RFC 822 did (CFWS before
 * a dot, atoms after it) and gives {@code MISSING_MAILBOX} or {@code SYNTAX_ERROR} for the rest;
 * we also take CFWS after a dot and quoted words anywhere in it, as the obs-local-part of RFC 5322
 * §4.4 says, when an '@' follows ({@code first . "last" @example.com} is {@code first.last}).
 * Where Dovecot is lenient beyond the RFC ({@code a.@b}, {@code a..b@c}), we are too.
 *
 * <p>Each step answers {@link #MORE}, {@link #END} or {@link #BAD}, and the recovery from a
 * malformed value follows from those answers exactly as Dovecot's does; a value is read once,
 * with one scratch buffer, and only the strings of the result are allocated.
 */
final class AddressParser extends HeaderScanner {
    static final String MISSING_MAILBOX = "MISSING_MAILBOX";
    static final String MISSING_DOMAIN = "MISSING_DOMAIN";
    static final String SYNTAX_ERROR = "SYNTAX_ERROR";
    static final String INVALID_ROUTE = "INVALID_ROUTE";

    private final List<Address> out = new ArrayList<>(2);
    /** Scratch text of the phrase, local part, route or domain being read. */
    private final StringBuilder text = new StringBuilder(32);

    private String name;
    private String route;
    private String mailbox;
    private String domain;
    private boolean invalid;
    /** Whether the local part just read used obs-local-part forms Dovecot does not read. */
    private boolean obsolete;
    /** Whether it had exactly one dot between every two words, as RFC 5322 wants. */
    private boolean strict;
    private int commentFrom = -1;
    private int commentTo;

    private AddressParser(String s) {
        super(s);
    }

    /** The addresses of one header value; an empty list when it holds none (NIL). */
    static List<Address> parse(String value) {
        AddressParser p = new AddressParser(value);
        if (p.skipCfws() == MORE) {
            p.list();
        }
        return p.out;
    }

    /** address-list = address *("," address) / obs-addr-list (RFC 5322 §3.4, §4.4). */
    private void list() {
        while (member(true) != END && peek() == ',') {
            pos++;
            int r = skipCfws();
            if (r != MORE) {
                if (r == BAD) {
                    add();
                }
                return;
            }
        }
    }

    /**
     * One mailbox, or one group when {@code groupAllowed}, added to the result whatever it holds.
     * The phrase in front decides: a colon after it makes a group, an angle bracket a name-addr,
     * anything else an addr-spec.
     */
    private int member(boolean groupAllowed) {
        int start = pos;
        text.setLength(0);
        int r = phrase(text);
        if (r == MORE && groupAllowed && peek() == ':') {
            return group(text.toString());
        }
        if (r == MORE && peek() == '<') {
            name = text.length() == 0 ? null : text.toString();
            if (angleAddr() == BAD) {
                domain = SYNTAX_ERROR;
            }
            add();
            return pos < length ? MORE : END;
        }
        pos = start;
        return addrSpec();
    }

    /** group = display-name ":" [group-list] ";" [CFWS]; at the colon. */
    private int group(String groupName) {
        pos++;
        int r = skipCfws();
        out.add(Address.groupStart(groupName));
        if (r == MORE && peek() != ';') {
            while (true) {
                member(false);
                if (peek() != ',') {
                    break;
                }
                pos++;
                if (skipCfws() != MORE) {
                    r = BAD;
                    break;
                }
            }
        }
        if (r != BAD) {
            if (peek() == ';') {
                pos++;
                r = skipCfws();
            } else {
                r = BAD;
            }
        }
        out.add(Address.groupEnd());
        return r == END ? END : MORE;
    }

    /** angle-addr = "<" [obs-route] addr-spec ">" (RFC 5322 §3.4, §4.4); at the bracket. */
    private int angleAddr() {
        pos++;
        if (skipCfws() != MORE) {
            return BAD;
        }
        if (peek() == '@') {
            if (route() == MORE && peek() == ':') {
                pos++;
            } else {
                route = INVALID_ROUTE;
                if (pos >= length) {
                    return BAD;
                }
            }
            if (skipCfws() != MORE) {
                return BAD;
            }
        }
        if (peek() != '>') {
            if (localPart() != MORE) {
                return BAD;
            }
            if (peek() == '@' && domain() != MORE) {
                return BAD;
            }
        }
        if (peek() != '>') {
            return BAD;
        }
        pos++;
        return skipCfws();
    }

    /** obs-domain-list = *(CFWS / ",") "@" domain *("," [CFWS] ["@" domain]) (RFC 5322 §4.4). */
    private int route() {
        text.setLength(0);
        while (pos < length && peek() == '@') {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append('@');
            int r = domainInto(text);
            if (r != MORE) {
                return r;
            }
            while (skipCfws() == MORE && peek() == ',') {
                pos++;
            }
        }
        if (pos >= length) {
            return END;
        }
        route = text.toString();
        return MORE;
    }

    /**
     * A bare addr-spec, or whatever stands where one should. What Dovecot makes of a member that
     * is not one: words without '@' become a name, a lone word a mailbox without domain.
     */
    private int addrSpec() {
        commentFrom = -1;
        boolean quotedLocal = peek() == '"';
        int r = localPart();
        if (r != MORE) {
            invalid = true;
        }
        boolean domainRead = false;
        if (r != END && peek() == '@') {
            domainRead = true;
            int r2 = domain();
            if (r2 != MORE) {
                r = r2;
            }
        }
        if (commentFrom >= 0 && commentTo > commentFrom) {
            name = commentText(commentFrom, commentTo);
        } else if (!domainRead) {
            int before = text.length() + 1;
            text.append(' ');
            phrase(text);
            if (text.length() != before) {
                mailbox = null;
                name = text.toString();
            } else if (!quotedLocal) {
                domain = "";
            }
            invalid = true;
            r = BAD;
        }
        if (invalid && name == null && mailbox != null && domain == null) {
            name = mailbox;
            mailbox = null;
        }
        add();
        return r;
    }

    /**
     * local-part = dot-atom / quoted-string / obs-local-part (RFC 5322 §3.4.1, §4.4), into
     * {@link #mailbox} unless it fails. Dots may lead, trail or repeat, as Dovecot allows. The
     * obs-local-part forms Dovecot does not read (CFWS after a dot, quoted words after the first
     * word or before a dot) are taken only when an '@' follows them, so that text which is no
     * address at all ends up where Dovecot puts it.
     */
    private int localPart() {
        int start = pos;
        int from = commentFrom;
        int to = commentTo;
        obsolete = false;
        strict = true;
        int r = localPart(true);
        if (obsolete && (!strict || r != MORE || peek() != '@')) {
            pos = start;
            commentFrom = from;
            commentTo = to;
            r = localPart(false);
        }
        if (r != BAD) {
            mailbox = text.toString();
        }
        return r;
    }

    private int localPart(boolean rfc5322) {
        text.setLength(0);
        int r = BAD;
        if (peek() == '"') {
            r = quotedInto(text);
            if (!rfc5322 || r != MORE || peek() != '.') {
                return r;
            }
            obsolete = true;
        }
        boolean afterWord = r == MORE;
        do {
            int dots = 0;
            while (peek() == '.') {
                text.append('.');
                pos++;
                if (pos >= length) {
                    return END;
                }
                r = MORE;
                dots++;
            }
            if (dots > 1 || (dots == 1 && (!afterWord || peek() == '@'))) {
                strict = false;
            }
            if (peek() == '@') {
                break;
            }
            r = rfc5322 && afterWord && dots == 1 ? wordAfterDot() : atomInto(text);
            afterWord = true;
        } while (r == MORE && peek() == '.');
        return r;
    }

    /**
     * obs-local-part = word *("." word) (RFC 5322 §4.4): the word after the dot between two
     * words, CFWS allowed before it.
     */
    private int wordAfterDot() {
        if (isAtext(peek())) {
            return atomInto(text);
        }
        int save = pos;
        int savedFrom = commentFrom;
        int savedTo = commentTo;
        if (skipCfws() == MORE && (peek() == '"' || isAtext(peek()))) {
            obsolete = true;
            return peek() == '"' ? quotedInto(text) : atomInto(text);
        }
        pos = save;
        commentFrom = savedFrom;
        commentTo = savedTo;
        return BAD;
    }

    /** The domain after an '@', into {@link #domain} unless it fails. */
    private int domain() {
        text.setLength(0);
        int r = domainInto(text);
        if (r != BAD) {
            domain = text.toString();
        }
        return r;
    }

    /** domain = dot-atom / domain-literal / obs-domain (RFC 5322 §3.4.1, §4.4); at the '@'. */
    private int domainInto(StringBuilder sb) {
        pos++;
        if (skipCfws() != MORE) {
            return BAD;
        }
        return peek() == '[' ? domainLiteral(sb) : dotAtom(sb);
    }

    /** Atoms separated by dots with CFWS around them; no atom may be empty. */
    private int dotAtom(StringBuilder sb) {
        while (true) {
            int r = atomInto(sb);
            if (r != MORE || peek() != '.') {
                return r;
            }
            pos++;
            sb.append('.');
            if (skipCfws() != MORE) {
                return BAD;
            }
        }
    }

    /** A domain literal kept as written, brackets, white space and quoted-pairs included. */
    private int domainLiteral(StringBuilder sb) {
        int start = pos++;
        while (pos < length) {
            char c = s.charAt(pos);
            if (c == '[') {
                return BAD;
            }
            if (c == ']') {
                pos++;
                sb.append(s, start, pos);
                return skipCfws();
            }
            if (c == '\\' && ++pos >= length) {
                return BAD;
            }
            pos++;
        }
        return BAD;
    }

    /**
     * phrase = 1*word / obs-phrase (RFC 5322 §3.2.5, §4.1): words and dots, joined by one space.
     * May read nothing (the phrase before {@code <a@b>} is empty).
     */
    private int phrase(StringBuilder sb) {
        if (pos >= length) {
            return END;
        }
        if (peek() == '.') {
            return BAD;
        }
        while (true) {
            int r = peek() == '"' ? quotedInto(sb) : atomOrDotsInto(sb);
            if (r != MORE) {
                return r;
            }
            char c = peek();
            if (c != '"' && c != '.' && !isAtext(c)) {
                return MORE;
            }
            sb.append(' ');
        }
    }

    private int atomOrDotsInto(StringBuilder sb) {
        int start = pos;
        while (pos < length && (isAtext(s.charAt(pos)) || s.charAt(pos) == '.')) {
            pos++;
        }
        sb.append(s, start, pos);
        return skipCfws();
    }

    private int atomInto(StringBuilder sb) {
        int start = pos;
        while (pos < length && isAtext(s.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            return BAD;
        }
        sb.append(s, start, pos);
        return skipCfws();
    }

    /** Adds the mailbox read so far, with the MISSING_ markers for absent halves, and starts afresh. */
    private void add() {
        out.add(new Address(name, route, mailbox == null ? MISSING_MAILBOX : mailbox,
                domain == null || domain.isEmpty() ? MISSING_DOMAIN : domain));
        name = null;
        route = null;
        mailbox = null;
        domain = null;
        invalid = false;
    }

    private char peek() {
        return pos < length ? s.charAt(pos) : '\0';
    }

    @Override
    protected void onComment(int from, int to) {
        commentFrom = from;
        commentTo = to;
    }
}
