package dev.imapmock.sasl;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The SCRAM exchange of RFC 5802 §5, over the hash a subclass names (SCRAM-SHA-1, RFC 5802;
 * SCRAM-SHA-256, RFC 7677), with or without channel binding ({@code -PLUS}): client-first
 * {@code gs2-header n=user,r=cnonce}, server-first {@code r=cnonce+snonce,s=salt,i=4096},
 * client-final {@code c=base64(gs2-header [cbind-data]),r=...,p=proof}, server-final
 * {@code v=signature} sent as a last challenge that the client answers with an empty response,
 * since IMAP4rev1 carries no data in the tagged OK (RFC 3501 §6.2.2).
 *
 * <p>The gs2-header's channel-binding flag (RFC 5802 §6, §7): a {@code -PLUS} mechanism takes
 * only {@code p=TYPE} with a type this connection can bind to, and {@code c=} must then carry
 * that binding's data. The plain mechanism takes {@code n} (the client binds no channel), and
 * {@code y} (the client could, but saw no {@code -PLUS}) only when this connection offers no
 * {@code -PLUS} variant: otherwise someone removed it from the list on the way, and the exchange
 * fails as a downgrade. {@code p=} with the plain mechanism fails too.
 *
 * <p>A wrong proof fails with {@code NO [AUTHENTICATIONFAILED]} at once, as Dovecot answers,
 * rather than an {@code e=invalid-proof} server-final. An unknown user gets a salt like any other
 * and fails at the proof (RFC 5802 §5.1). Passwords are taken as given, without SASLprep.
 */
abstract class Scram implements Mechanism {
    static final int ITERATIONS = 4096;

    /** The hash a SCRAM mechanism runs on, by its JCA names: H, HMAC and Hi of RFC 5802 §2.2. */
    record Hash(String name, String digest, String hmac, String pbkdf2, int bits) {
    }

    private final Hash hash;
    private final boolean plus;

    Scram(Hash hash, boolean plus) {
        this.hash = hash;
        this.plus = plus;
    }

    @Override
    public String name() {
        return "SCRAM-" + hash.name() + (plus ? "-PLUS" : "");
    }

    @Override
    public boolean sendsSecretInClear() {
        return false;
    }

    @Override
    public boolean bindsChannel() {
        return plus;
    }

    @Override
    public Exchange start(Credentials credentials, java.util.Random random, Link link) {
        return new Exchange() {
            private String gs2Header;
            private byte[] bindingData = new byte[0];
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
                int first = text.indexOf(',');
                int second = first < 0 ? -1 : text.indexOf(',', first + 1);
                if (second < 0) {
                    return malformed("a gs2-header such as n,, before client-first-message-bare");
                }
                String flag = text.substring(0, first);
                Step refused = channelBinding(flag);
                if (refused != null) {
                    return refused;
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
                saltedPassword = pbkdf2(hash, password.orElse(""), salt);
                serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS;
                return Step.challenge(serverFirst);
            }

            /** Null when the gs2-cbind-flag suits this mechanism on this connection; else the failure. */
            private Step channelBinding(String flag) {
                boolean asks = flag.startsWith("p=");
                if (!asks && !flag.equals("n") && !flag.equals("y")) {
                    return malformed("a gs2-header starting with n, y or p=TYPE");
                }
                if (!plus) {
                    if (asks) {
                        return new Step.Failure("AUTHENTICATIONFAILED", "Authentication failed: channel binding (p=)"
                                + " needs " + name() + "-PLUS");
                    }
                    if (flag.equals("y") && link.offers(name() + "-PLUS")) {
                        // RFC 5802 §6: the client could bind but saw no -PLUS, which this server offers.
                        return new Step.Failure("AUTHENTICATIONFAILED", "Authentication failed: the client saw no"
                                + " channel binding, but this server offers " + name() + "-PLUS (a downgrade,"
                                + " RFC 5802 section 6)");
                    }
                    return null;
                }
                Map<String, byte[]> bindings = link.channelBindings();
                if (!asks) {
                    return new Step.Failure("AUTHENTICATIONFAILED", "Authentication failed: " + name()
                            + " needs channel binding: the gs2-header must start with p=TYPE, one of "
                            + new TreeSet<>(bindings.keySet()));
                }
                String type = flag.substring(2);
                if (!isChannelBindingName(type)) {
                    return malformed("a channel binding type of letters, digits, dots and hyphens after p=");
                }
                byte[] data = bindings.get(type);
                if (data == null) {
                    return new Step.Failure("AUTHENTICATIONFAILED", "Authentication failed: channel binding type "
                            + type + " is not supported here; the types are " + new TreeSet<>(bindings.keySet()));
                }
                bindingData = data;
                return null;
            }

            private Step clientFinal(String text) {
                int proofAt = text.lastIndexOf(",p=");
                if (proofAt < 0) {
                    return malformed("c=...,r=...,p=proof");
                }
                String withoutProof = text.substring(0, proofAt);
                String[] attributes = withoutProof.split(",", -1);
                byte[] header = gs2Header.getBytes(StandardCharsets.UTF_8);
                byte[] cbindInput = new byte[header.length + bindingData.length];
                System.arraycopy(header, 0, cbindInput, 0, header.length);
                System.arraycopy(bindingData, 0, cbindInput, header.length, bindingData.length);
                String binding = "c=" + Base64.getEncoder().encodeToString(cbindInput);
                if (attributes.length < 2 || !attributes[1].equals("r=" + nonce)) {
                    return malformed("c=... and r= with the server's nonce");
                }
                if (!attributes[0].equals(binding)) {
                    return plus
                            ? new Step.Failure("AUTHENTICATIONFAILED", "Authentication failed: c= does not hold the"
                                    + " gs2-header and the channel binding data of this connection")
                            : malformed("c= with the base64 of the gs2-header");
                }
                byte[] proof;
                try {
                    proof = Base64.getDecoder().decode(text.substring(proofAt + 3));
                } catch (IllegalArgumentException e) {
                    return malformed("a base64 proof");
                }
                String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
                byte[] clientKey = hmac(hash, saltedPassword, "Client Key");
                byte[] storedKey = digest(hash, clientKey);
                byte[] signature = hmac(hash, storedKey, authMessage);
                if (proof.length != signature.length) {
                    return Step.failed();
                }
                byte[] recovered = new byte[proof.length];
                for (int i = 0; i < proof.length; i++) {
                    recovered[i] = (byte) (proof[i] ^ signature[i]);
                }
                if (password.isEmpty() || !MessageDigest.isEqual(digest(hash, recovered), storedKey)) {
                    return Step.failed();
                }
                byte[] serverSignature = hmac(hash, hmac(hash, saltedPassword, "Server Key"), authMessage);
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

    /** Hi(password, salt, i) of RFC 5802 §2.2, which is PBKDF2 with the HMAC as its PRF. */
    static byte[] pbkdf2(Hash hash, String password, byte[] salt) {
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance(hash.pbkdf2());
            return factory.generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, hash.bits()))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks " + hash.pbkdf2(), e);
        }
    }

    static byte[] hmac(Hash hash, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(hash.hmac());
            mac.init(new SecretKeySpec(key, hash.hmac()));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks " + hash.hmac(), e);
        }
    }

    static byte[] digest(Hash hash, byte[] data) {
        try {
            return MessageDigest.getInstance(hash.digest()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks " + hash.digest(), e);
        }
    }

    /** A channel-binding type as RFC 5056 §7 names them: letters, digits, dots and hyphens, at least one. */
    private static boolean isChannelBindingName(String type) {
        if (type.isEmpty()) {
            return false;
        }
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }
}
