package dev.imapmock.command;

import dev.imapmock.protocol.ImapUrl;
import dev.imapmock.protocol.UrlAuth;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The INTERNAL mechanism of URLAUTH (RFC 4467 §7): a token is HMAC-SHA1 of the rump URL under
 * the mailbox's access key, in hex after Dovecot's version octet {@code 01} (42 hex digits,
 * more than the 32 §7 asks for). Keys are 64 octets from the session's seeded generator, made
 * when a mailbox's first URL is authorized, so tokens repeat from run to run. Checks an
 * authorized URL the way URLFETCH and CATENATE need, with Dovecot's reasons.
 */
final class UrlAuthority {
    static final String MECHANISM = "INTERNAL";
    private static final int KEY_LENGTH = 64;
    private static final byte VERSION = 0x01;

    private UrlAuthority() {
    }

    /** A URL that grants nothing, with the reason Dovecot gives. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** What an authorized URL names. */
    record Target(Mailbox mailbox, Message message) {
    }

    static boolean isInternal(String mechanism) {
        return mechanism.equalsIgnoreCase(MECHANISM);
    }

    /** The mailbox's key, made from the session's generator when it has none. */
    static byte[] key(Mailbox mailbox, Session session) {
        return mailbox.urlAuthKey(() -> {
            byte[] key = new byte[KEY_LENGTH];
            session.random().nextBytes(key);
            return key;
        });
    }

    /** The token for {@code rump} under {@code key}: {@code 01} and HMAC-SHA1, in lower-case hex. */
    static String token(byte[] key, String rump) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] digest = mac.doFinal(rump.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(new byte[] {VERSION}) + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this Java runtime", e);
        }
    }

    /**
     * What an authorized URL names, for {@code session}'s user (RFC 4467 §6.3): the mechanism,
     * the expiry against the server's clock, the access identifier, then the token against the
     * mailbox's key, then the message.
     *
     * @throws Refused when it grants the session nothing
     */
    static Target resolve(ImapUrl url, Session session) {
        UrlAuth auth = url.auth();
        if (auth == null || auth.isRump()) {
            throw new Refused("Invalid URL: Must be a full URLAUTH URL");
        }
        if (!isInternal(auth.mechanism())) {
            throw new Refused("Unsupported URLAUTH mechanism: " + auth.mechanism());
        }
        if (auth.expire() != null && session.clock().instant().isAfter(auth.expire())) {
            throw new Refused("URLAUTH has expired");
        }
        String user = session.account().user();
        boolean allowed = switch (auth.access().kind()) {
            case ANONYMOUS, AUTHUSER -> true;
            case USER -> auth.access().user().equalsIgnoreCase(user);
            // Only a submission server acting for the user may use these; this server has none.
            case SUBMIT -> false;
        };
        if (!allowed) {
            throw new Refused("No '" + auth.access() + "' access allowed for user " + user);
        }
        Optional<Account> owner = session.store().account(url.user());
        Mailbox mailbox = owner.map(a -> a.mailbox(url.mailbox())).orElse(null);
        if (owner.isEmpty() || mailbox == null || mailbox.isNoselect()) {
            throw new Refused("Invalid URLAUTH: Mailbox doesn't exist: " + url.mailbox());
        }
        byte[] key = mailbox.urlAuthKey();
        if (key == null || !MessageDigest.isEqual(token(key, auth.rump()).getBytes(StandardCharsets.US_ASCII),
                auth.token().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("URLAUTH verification failed");
        }
        if (url.uidValidity() != 0 && url.uidValidity() != mailbox.uidValidity()) {
            throw new Refused("Invalid URLAUTH: Invalid UIDVALIDITY");
        }
        Message message = mailbox.byUid(url.uid());
        if (message == null) {
            throw new Refused("Invalid URLAUTH: Message not found");
        }
        return new Target(mailbox, message);
    }
}
