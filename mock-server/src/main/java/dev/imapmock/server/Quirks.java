package dev.imapmock.server;

import dev.imapmock.Extension;
import dev.imapmock.Profile;

import java.util.List;
import java.util.Objects;

/**
 * How a server departs from ImapMock's own answers to look like one provider (see
 * {@code dev.imapmock.Profile}): configuration the handlers read, never handlers of their own.
 *
 * @param greeting     the text of the greeting after {@code * OK }, or null for ImapMock's
 *                     {@code [CAPABILITY ...] ImapMock ready.}; a greeting of a profile carries
 *                     no CAPABILITY code unless its text has one
 * @param beforeLogin  the extensions CAPABILITY names before login, in this order, or null for
 *                     all offered ones in the order of {@link Extension}
 * @param afterLogin   the same after login
 * @param recent       false when no message is ever {@code \Recent} (RFC 3501 §2.3.2 lets a server
 *                     that cannot tell say so): SELECT and STATUS answer 0, as Gmail does
 * @param loginRefusal when not null, LOGIN and the password mechanisms of AUTHENTICATE are refused
 *                     with {@code NO} and this text whatever the credentials, as a provider that
 *                     takes OAuth2 only answers
 * @param quotaRoot    the name of every account's quota root (RFC 9208 §3.2): {@code "User quota"}
 *                     as Dovecot's, {@code ""} as Gmail's
 */
public record Quirks(String greeting, List<Extension> beforeLogin, List<Extension> afterLogin, boolean recent,
                     String loginRefusal, String quotaRoot) {
    /** ImapMock's own behaviour. */
    public static final Quirks NONE = new Quirks(null, null, null, true, null, Profile.DEFAULT_QUOTA_ROOT);

    /**
     * Copies the extension lists.
     *
     * @param greeting the text of the greeting after {@code * OK }, or null for ImapMock's
     * @param beforeLogin the extensions CAPABILITY names before login, in this order, or null for the order of {@link
     *     Extension}
     * @param afterLogin the same after login
     * @param recent false when no message is ever {@code \Recent}
     * @param loginRefusal when not null, LOGIN and the password mechanisms are refused with this text
     * @param quotaRoot the name of every account's quota root
     * @throws NullPointerException when {@code quotaRoot} is null
     */
    public Quirks {
        Objects.requireNonNull(quotaRoot, "quotaRoot");
        beforeLogin = beforeLogin == null ? null : List.copyOf(beforeLogin);
        afterLogin = afterLogin == null ? null : List.copyOf(afterLogin);
    }
}
