package dev.imapmock.protocol;

import dev.imapmock.mime.SectionSpec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * An IMAP URL naming one message or part of it (RFC 5092 §5 {@code imessagepart}), as CATENATE's
 * URL parts use it (RFC 4469 §3): {@code imap://user@host/INBOX;UIDVALIDITY=1/;UID=3/;SECTION=1.2/;PARTIAL=0.100},
 * the absolute path {@code /INBOX/;UID=3}, or {@code ;UID=3} relative to the selected mailbox.
 * Percent escapes are undone as UTF-8 (§3.3). With URLAUTH (RFC 4467 §3) an absolute URL may end
 * in {@code ;EXPIRE=date-time;URLAUTH=access[:mechanism:token]}. Parsing only: which message it
 * names, and whether its token is right, is the caller's to find.
 *
 * @param user        the user of an {@code imap://} URL, or null
 * @param mailbox     the mailbox name, or null for the selected mailbox
 * @param uidValidity the UIDVALIDITY the URL requires, or 0 when it names none
 * @param uid         the message's UID
 * @param section     the body section, or null for the whole message
 * @param partial     the octet range ({@code ;PARTIAL=}, RFC 5550), or null
 * @param auth        the {@code ;EXPIRE=} and {@code ;URLAUTH=} part, or null when it has none
 */
public record ImapUrl(String user, String mailbox, long uidValidity, long uid, SectionSpec section,
                      FetchItem.Partial partial, UrlAuth auth) {

    /** A URL that names no message: answered {@code NO [BADURL url]} with {@link #getMessage()}. */
    public static final class Invalid extends RuntimeException {
        /**
         * An invalid URL.
         *
         * @param reason the text after {@code NO [BADURL url]}, for the client's log
         */
        public Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Parses {@code url}.
     *
     * @throws Invalid when it is not an IMAP URL of one message, or uses what this server does
     *     not take here ({@code ;URLAUTH=}, a search, a list of messages)
     * @param url the URL as sent
     * @return the parsed URL, not yet checked against the store
     */
    public static ImapUrl parse(String url) {
        return parse(url, false);
    }

    /**
     * Parses {@code url}, which may carry a URLAUTH part when {@code urlAuth}.
     *
     * @throws Invalid as {@link #parse(String)}; with {@code urlAuth}, also when the URLAUTH part
     *     is malformed or follows a URL that is not {@code imap://user@host/...}
     * @param url the URL as sent
     * @param urlAuth true where a URLAUTH part is allowed (GENURLAUTH, URLFETCH)
     * @return the parsed URL, not yet checked against the store
     */
    public static ImapUrl parse(String url, boolean urlAuth) {
        String rest = url;
        UrlAuth auth = null;
        int marker = url.toUpperCase(Locale.ROOT).indexOf(";URLAUTH=");
        if (urlAuth && marker >= 0) {
            if (!url.regionMatches(true, 0, "imap://", 0, 7)) {
                throw new Invalid("Invalid IMAP URL: ;URLAUTH= needs an absolute URL, imap://user@host/mailbox/;UID=n");
            }
            String head = url.substring(0, marker);
            Instant expire = null;
            int e = head.toUpperCase(Locale.ROOT).lastIndexOf(";EXPIRE=");
            if (e >= 0) {
                expire = dateTime(head.substring(e + ";EXPIRE=".length()));
                head = head.substring(0, e);
            }
            auth = UrlAuth.parse(url.substring(0, marker + ";URLAUTH=".length()), expire,
                    url.substring(marker + ";URLAUTH=".length()));
            rest = head;
        }
        String user = null;
        if (rest.regionMatches(true, 0, "imap://", 0, 7)) {
            int slash = rest.indexOf('/', 7);
            String authority = slash < 0 ? rest.substring(7) : rest.substring(7, slash);
            int at = authority.lastIndexOf('@');
            if (at <= 0) {
                throw new Invalid("Invalid IMAP URL: an imap:// URL needs the user, as in imap://user@host/INBOX/;UID=1");
            }
            user = decode(authority.substring(0, at).split(";", 2)[0]);
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        String mailbox = null;
        long uidValidity = 0;
        if (rest.startsWith("/")) {
            int end = rest.indexOf("/;", 1);
            if (end < 0) {
                throw new Invalid("Invalid IMAP URL: no ;UID= after the mailbox");
            }
            String box = rest.substring(1, end);
            int v = box.toUpperCase(Locale.ROOT).indexOf(";UIDVALIDITY=");
            if (v >= 0) {
                uidValidity = number(box.substring(v + ";UIDVALIDITY=".length()), "UIDVALIDITY");
                box = box.substring(0, v);
            }
            if (box.isEmpty()) {
                throw new Invalid("Invalid IMAP URL: the mailbox name is empty");
            }
            mailbox = decode(box);
            rest = rest.substring(end + 1);
        } else if (user != null || !rest.startsWith(";")) {
            throw new Invalid("Invalid IMAP URL: expected imap://user@host/mailbox/;UID=n, /mailbox/;UID=n or ;UID=n");
        }
        String[] fields = rest.split("/", -1);
        long uid = 0;
        SectionSpec section = null;
        FetchItem.Partial partial = null;
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            String upper = field.toUpperCase(Locale.ROOT);
            if (i == 0) {
                if (!upper.startsWith(";UID=")) {
                    throw new Invalid("Invalid IMAP URL: expected ;UID=n after the mailbox");
                }
                uid = number(field.substring(";UID=".length()), "UID");
            } else if (upper.startsWith(";SECTION=") && section == null && partial == null) {
                section = section(decode(field.substring(";SECTION=".length())));
            } else if (upper.startsWith(";PARTIAL=") && partial == null) {
                partial = partial(field.substring(";PARTIAL=".length()));
            } else if (upper.contains(";URLAUTH=") || upper.contains(";EXPIRE=")) {
                throw new Invalid("Invalid IMAP URL: ;URLAUTH= is not allowed here");
            } else {
                throw new Invalid("Invalid IMAP URL: unexpected \"" + ArgParsing.shorten(field) + "\"");
            }
        }
        return new ImapUrl(user, mailbox, uidValidity, uid, section, partial, auth);
    }

    /** RFC 4467 §3: {@code expire = ";EXPIRE=" date-time}, an RFC 3339 date-time. */
    private static Instant dateTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid("Invalid IMAP URL: invalid date-time for ;EXPIRE=, such as 2030-01-31T12:00:00Z");
        }
    }

    private static long number(String digits, String what) {
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || digits.charAt(0) == '0') {
            throw new Invalid("Invalid IMAP URL: " + what + " must be a number from 1 to 4294967295");
        }
        long n = Long.parseLong(digits);
        if (n > 0xFFFFFFFFL) {
            throw new Invalid("Invalid IMAP URL: " + what + " must be a number from 1 to 4294967295");
        }
        return n;
    }

    /** A section as in BODY[...] (RFC 5092 §5 {@code enc-section}), read by FETCH's own parser. */
    private static SectionSpec section(String text) {
        try {
            FetchItem item = FetchParser.parseItem("BODY.PEEK[" + text + "]");
            if (item instanceof FetchItem.BodySection body && body.partial() == null) {
                return body.section();
            }
        } catch (ProtocolException e) {
            // answered below
        }
        throw new Invalid("Invalid IMAP URL: ;SECTION= takes a section as BODY[] does, such as 1.2 or HEADER");
    }

    /** RFC 5550 §3: {@code ;PARTIAL=origin[.length]}; without a length, to the end. */
    private static FetchItem.Partial partial(String range) {
        int dot = range.indexOf('.');
        String origin = dot < 0 ? range : range.substring(0, dot);
        if (origin.isEmpty() || !origin.chars().allMatch(c -> c >= '0' && c <= '9') || origin.length() > 10) {
            throw new Invalid("Invalid IMAP URL: ;PARTIAL= takes origin.length, such as 0.1024");
        }
        long count = dot < 0 ? Long.MAX_VALUE : -1;
        if (dot >= 0) {
            String length = range.substring(dot + 1);
            if (length.isEmpty() || length.length() > 10 || !length.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Long.parseLong(length) == 0) {
                throw new Invalid("Invalid IMAP URL: ;PARTIAL= takes origin.length, such as 0.1024");
            }
            count = Long.parseLong(length);
        }
        return new FetchItem.Partial(Long.parseLong(origin), count);
    }

    /** Undoes percent escapes, reading the octets as UTF-8 (RFC 5092 §3.3). */
    static String decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new Invalid("Invalid IMAP URL: a % must be followed by two hex digits");
                }
                out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
