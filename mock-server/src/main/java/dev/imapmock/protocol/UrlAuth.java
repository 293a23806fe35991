package dev.imapmock.protocol;

import java.time.Instant;
import java.util.Locale;

/**
 * The URLAUTH part of an IMAP URL (RFC 4467 §3): an optional {@code ;EXPIRE=} date-time, the
 * access identifier after {@code ;URLAUTH=} and, in an authorized URL, the mechanism and token
 * after it, {@code ;URLAUTH=anonymous:internal:01ab...}.
 *
 * @param rump      the URL as sent up to and including the access identifier, which the token is
 *                  computed over (RFC 4467 §7)
 * @param expire    when the URL stops working, or null when it names no time
 * @param access    who may fetch it
 * @param mechanism the mechanism as sent, such as {@code internal}, or null in a rump URL
 * @param token     the token as sent (hex digits), or null in a rump URL
 */
public record UrlAuth(String rump, Instant expire, Access access, String mechanism, String token) {

    /** RFC 4467 §3: {@code encoded-urlauth = 32*HEXDIG}. */
    private static final int MIN_TOKEN = 32;

    /**
     * True for a rump URL, which GENURLAUTH takes: no mechanism and token yet.
     *
     * @return true when there is no mechanism
     */
    public boolean isRump() {
        return mechanism == null;
    }

    /**
     * An access identifier (RFC 4467 §3): {@code anonymous}, {@code authuser}, {@code user+name}
     * or {@code submit+name}.
     *
     * @param kind which of the four
     * @param user the user named after {@code +}, or null for anonymous and authuser
     */
    public record Access(Kind kind, String user) {
        /** The four access identifiers. */
        public enum Kind {
            /** Anyone, logged in or not. */
            ANONYMOUS,
            /** Any user logged in to this server. */
            AUTHUSER,
            /** The named user only. */
            USER,
            /** The message submission server acting for the named user. */
            SUBMIT
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase(Locale.ROOT) + (user == null ? "" : "+" + user);
        }
    }

    /**
     * Reads what follows {@code ;URLAUTH=}.
     *
     * @param rumpPrefix the URL as sent up to and including {@code ;URLAUTH=}
     * @param expire     the {@code ;EXPIRE=} time, or null
     * @param text       {@code access} or {@code access:mechanism:token}
     * @throws ImapUrl.Invalid when the access identifier, mechanism or token is malformed
     */
    static UrlAuth parse(String rumpPrefix, Instant expire, String text) {
        int colon = text.indexOf(':');
        String accessText = colon < 0 ? text : text.substring(0, colon);
        Access access = access(accessText);
        String rump = rumpPrefix + accessText;
        if (colon < 0) {
            return new UrlAuth(rump, expire, access, null, null);
        }
        String verifier = text.substring(colon + 1);
        int second = verifier.indexOf(':');
        if (second <= 0) {
            throw new ImapUrl.Invalid("Invalid IMAP URL: ;URLAUTH= takes access:mechanism:token");
        }
        String mechanism = verifier.substring(0, second);
        String token = verifier.substring(second + 1);
        if (!mechanism.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.'))) {
            throw new ImapUrl.Invalid("Invalid IMAP URL: invalid URLAUTH mechanism name");
        }
        if (!token.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
            throw new ImapUrl.Invalid("Invalid IMAP URL: the URLAUTH token must be hex digits");
        }
        if (token.length() < MIN_TOKEN) {
            throw new ImapUrl.Invalid("Invalid IMAP URL: Too short URLAUTH token");
        }
        return new UrlAuth(rump, expire, access, mechanism, token);
    }

    private static Access access(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("anonymous")) {
            return new Access(Access.Kind.ANONYMOUS, null);
        }
        if (lower.equals("authuser")) {
            return new Access(Access.Kind.AUTHUSER, null);
        }
        for (Access.Kind kind : new Access.Kind[] {Access.Kind.USER, Access.Kind.SUBMIT}) {
            String prefix = kind.name().toLowerCase(Locale.ROOT) + "+";
            if (lower.startsWith(prefix)) {
                String user = ImapUrl.decode(text.substring(prefix.length()));
                if (user.isEmpty()) {
                    throw new ImapUrl.Invalid("Invalid IMAP URL: Empty URLAUTH access user for `" + kind.name()
                            .toLowerCase(Locale.ROOT) + "' application");
                }
                return new Access(kind, user);
            }
        }
        throw new ImapUrl.Invalid("Invalid IMAP URL: unknown URLAUTH access identifier \"" + ArgParsing.shorten(text)
                + "\"; expected anonymous, authuser, user+name or submit+name");
    }
}
