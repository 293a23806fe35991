package dev.imapmock.sasl;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * CRAM-MD5 (RFC 2195): the server sends {@code <nonce@host>}, the client answers
 * {@code user SP hex(HMAC-MD5(password, challenge))}. The server speaks first, so an initial
 * response is refused; the password never crosses the wire, so it is offered before TLS.
 */
final class CramMd5 implements Mechanism {
    @Override
    public String name() {
        return "CRAM-MD5";
    }

    @Override
    public boolean clientFirst() {
        return false;
    }

    @Override
    public boolean sendsSecretInClear() {
        return false;
    }

    @Override
    public Exchange start(Credentials credentials, java.util.Random random, Link link) {
        String challenge = "<" + Long.toUnsignedString(random.nextLong()) + ".imapmock@localhost>";
        return new Exchange() {
            @Override
            public Step start(byte[] initial) {
                return Step.challenge(challenge);
            }

            @Override
            public Step next(byte[] response) {
                String text = new String(response, StandardCharsets.UTF_8);
                int space = text.lastIndexOf(' ');
                if (space <= 0) {
                    return new Step.Failure("AUTHENTICATIONFAILED",
                            "Authentication failed: the CRAM-MD5 response must be user SP digest");
                }
                String user = text.substring(0, space);
                Optional<String> password = credentials.password(user);
                byte[] expected = HexFormat.of().formatHex(hmac(password.orElse(""), challenge))
                        .getBytes(StandardCharsets.US_ASCII);
                byte[] given = text.substring(space + 1).getBytes(StandardCharsets.US_ASCII);
                return password.isPresent() && MessageDigest.isEqual(expected, given)
                        ? new Step.Success(user, null) : Step.failed();
            }
        };
    }

    static byte[] hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key.isEmpty() ? new byte[1] : key.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks HmacMD5", e);
        }
    }
}
