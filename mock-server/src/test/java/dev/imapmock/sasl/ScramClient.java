package dev.imapmock.sasl;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The client side of SCRAM (RFC 5802 §3, §7), written from the RFC independently of the server's
 * code, with the JDK's MessageDigest, Mac and PBKDF2: {@code hash} is {@code "SHA-1"} or
 * {@code "SHA-256"}, {@code gs2Header} such as {@code "n,,"}, {@code "y,,"} or
 * {@code "p=tls-server-end-point,,"}, {@code cbindData} the channel-binding data sent in {@code c=}
 * after the header (empty without channel binding).
 */
final class ScramClient {
    private final String hash;
    private final String gs2Header;
    private final byte[] cbindData;
    private final String user;
    private final String password;
    private final String clientNonce;
    private String authMessage;
    private byte[] saltedPassword;

    ScramClient(String hash, String gs2Header, byte[] cbindData, String user, String password, String clientNonce) {
        this.hash = hash;
        this.gs2Header = gs2Header;
        this.cbindData = cbindData.clone();
        this.user = user;
        this.password = password;
        this.clientNonce = clientNonce;
    }

    /** SCRAM-SHA-256 without channel binding. */
    ScramClient(String user, String password, String clientNonce) {
        this("SHA-256", "n,,", new byte[0], user, password, clientNonce);
    }

    String clientFirst() {
        return gs2Header + bare();
    }

    private String bare() {
        return "n=" + user + ",r=" + clientNonce;
    }

    private String hmacName() {
        return "Hmac" + hash.replace("-", "");
    }

    String clientFinal(String serverFirst) throws Exception {
        String nonce = null;
        byte[] salt = null;
        int iterations = 0;
        for (String attribute : serverFirst.split(",")) {
            switch (attribute.charAt(0)) {
                case 'r' -> nonce = attribute.substring(2);
                case 's' -> salt = Base64.getDecoder().decode(attribute.substring(2));
                case 'i' -> iterations = Integer.parseInt(attribute.substring(2));
                default -> throw new IllegalArgumentException(attribute);
            }
        }
        int bits = MessageDigest.getInstance(hash).getDigestLength() * 8;
        saltedPassword = SecretKeyFactory.getInstance("PBKDF2With" + hmacName())
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, bits)).getEncoded();
        byte[] header = gs2Header.getBytes(StandardCharsets.UTF_8);
        byte[] cbindInput = new byte[header.length + cbindData.length];
        System.arraycopy(header, 0, cbindInput, 0, header.length);
        System.arraycopy(cbindData, 0, cbindInput, header.length, cbindData.length);
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(cbindInput) + ",r=" + nonce;
        authMessage = bare() + "," + serverFirst + "," + withoutProof;
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] signature = hmac(MessageDigest.getInstance(hash).digest(clientKey), authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    String expectedServerFinal() throws Exception {
        return "v=" + Base64.getEncoder().encodeToString(hmac(hmac(saltedPassword, "Server Key"), authMessage));
    }

    private byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance(hmacName());
        mac.init(new SecretKeySpec(key, hmacName()));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
