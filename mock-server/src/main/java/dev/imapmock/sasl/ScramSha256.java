package dev.imapmock.sasl;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * SCRAM-SHA-256 (RFC 7677, with the exchange of RFC 5802 §5): client-first {@code n,,n=user,r=cnonce},
 * server-first {@code r=cnonce+snonce,s=salt,i=4096}, client-final {@code c=biws,r=...,p=proof},
 * server-final {@code v=signature} sent as a last challenge that the client answers with an empty
 * response, since IMAP4rev1 carries no data in the tagged OK (RFC 3501 §6.2.2).
 *
 * <p>No channel binding ({@code -PLUS} is not offered): a client that asks for it with {@code p=}
 * fails. A wrong proof fails with {@code NO [AUTHENTICATIONFAILED]} at once, as Dovecot answers,
 * rather than an {@code e=invalid-proof} server-final. An unknown user gets a salt like any other
 * and fails at the proof (RFC 5802 §5.1). Passwords are taken as given, without SASLprep.
 */
final class ScramSha256 implements Mechanism {
    static final int ITERATIONS = 4096;

    @Override
    public String name() {
        return "SCRAM-SHA-256";
    }

    @Override
    public boolean sendsSecretInClear() {
        return false;
    }

    @Override
    public Exchange start(Credentials credentials, java.util.Random random) {
        return new Exchange() {
            private String gs2Header;
            private String clientFirstBare;
            private String serverFirst;
            private String nonce;
            private String user;
            private byte[] saltedPassword;
            private Optional<String> password;
            private String serverFinal;

            @Override
            public Step start(byte[] initial) {
                return initial == null || initial.length == 0 ? new Step.Challenge(new byte[0]) : next(initial);
            }

            @Override
            public Step next(byte[] response) {
                String text = new String(response, StandardCharsets.UTF_8);
                if (serverFinal != null) {
                    return response.length == 0 ? new Step.Success(user, null) : malformed("an empty response");
                }
                return serverFirst == null ? clientFirst(text) : clientFinal(text);
            }

            private Step clientFirst(String text) {
                // gs2-header = gs2-cbind-flag "," [ authzid ] ","  (RFC 5802 §7)
                if (text.startsWith("p=")) {
                    return new Step.Failure("AUTHENTICATIONFAILED",
                            "Authentication failed: channel binding is not supported (no SCRAM-SHA-256-PLUS)");
                }
                int first = text.indexOf(',');
                int second = first < 0 ? -1 : text.indexOf(',', first + 1);
                if (second < 0 || !(text.startsWith("n,") || text.startsWith("y,"))) {
                    return malformed("gs2-header n,, before client-first-message-bare");
                }
                gs2Header = text.substring(0, second + 1);
                String authzid = text.substring(first + 1, second);
                clientFirstBare = text.substring(second + 1);
                String[] attributes = clientFirstBare.split(",", -1);
                if (attributes.length < 2 || !attributes[0].startsWith("n=") || !attributes[1].startsWith("r=")
                        || attributes[1].length() == 2) {
                    return malformed("n=user,r=nonce");
                }
                user = saslName(attributes[0].substring(2));
                if (user == null) {
                    return malformed("a user name with =2C and =3D only as escapes");
                }
                if (!authzid.isEmpty() && !(authzid.startsWith("a=") && user.equals(saslName(authzid.substring(2))))) {
                    return new Step.Failure("AUTHORIZATIONFAILED", "Can't act as another user");
                }
                byte[] serverNonce = new byte[18];
                random.nextBytes(serverNonce);
                nonce = attributes[1].substring(2) + Base64.getEncoder().encodeToString(serverNonce);
                password = credentials.password(user);
                byte[] salt = new byte[16];
                random.nextBytes(salt);
                saltedPassword = pbkdf2(password.orElse(""), salt);
                serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS;
                return Step.challenge(serverFirst);
            }

            private Step clientFinal(String text) {
                int proofAt = text.lastIndexOf(",p=");
                if (proofAt < 0) {
                    return malformed("c=...,r=...,p=proof");
                }
                String withoutProof = text.substring(0, proofAt);
                String[] attributes = withoutProof.split(",", -1);
                String binding = "c=" + Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
                if (attributes.length < 2 || !attributes[0].equals(binding) || !attributes[1].equals("r=" + nonce)) {
                    return malformed("c= with the gs2-header and r= with the server's nonce");
                }
                byte[] proof;
                try {
                    proof = Base64.getDecoder().decode(text.substring(proofAt + 3));
                } catch (IllegalArgumentException e) {
                    return malformed("a base64 proof");
                }
                String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
                byte[] clientKey = hmac(saltedPassword, "Client Key");
                byte[] storedKey = sha256(clientKey);
                byte[] signature = hmac(storedKey, authMessage);
                if (proof.length != signature.length) {
                    return Step.failed();
                }
                byte[] recovered = new byte[proof.length];
                for (int i = 0; i < proof.length; i++) {
                    recovered[i] = (byte) (proof[i] ^ signature[i]);
                }
                if (password.isEmpty() || !MessageDigest.isEqual(sha256(recovered), storedKey)) {
                    return Step.failed();
                }
                byte[] serverSignature = hmac(hmac(saltedPassword, "Server Key"), authMessage);
                serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
                return Step.challenge(serverFinal);
            }
        };
    }

    private static Step malformed(String expected) {
        return new Step.Failure("AUTHENTICATIONFAILED", "Authentication failed: the SCRAM message must have " + expected);
    }

    /** RFC 5802 §5.1: {@code =2C} is a comma, {@code =3D} an equals sign, any other {@code =} an error. */
    private static String saslName(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '=') {
                String escape = value.startsWith("=2C", i) ? "," : value.startsWith("=3D", i) ? "=" : null;
                if (escape == null) {
                    return null;
                }
                sb.append(escape);
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static byte[] pbkdf2(String password, byte[] salt) {
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            return factory.generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks PBKDF2WithHmacSHA256", e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks HmacSHA256", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }
}
