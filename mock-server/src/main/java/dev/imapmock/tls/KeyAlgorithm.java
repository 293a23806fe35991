package dev.imapmock.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * The key of a generated certificate and how the certificate is signed with it. The certificate
 * generated for one algorithm is made once per JVM and shared by the servers that use it.
 */
public enum KeyAlgorithm {
    /** A P-256 key, signed ecdsa-with-SHA256 (RFC 5758 §3.2): small and fast; the default. */
    EC("EC", "SHA256withECDSA", "1.2.840.10045.4.3.2", false),
    /**
     * An RSA key of 2048 bits, signed sha256WithRSAEncryption (RFC 4055 §5): for clients or
     * policies that take RSA only. Making the key costs a few hundred milliseconds, once.
     */
    RSA("RSA", "SHA256withRSA", "1.2.840.113549.1.1.11", true);

    private final String keyAlgorithm;
    private final String signatureAlgorithm;
    private final String signatureOid;
    private final boolean nullParameters;

    KeyAlgorithm(String keyAlgorithm, String signatureAlgorithm, String signatureOid, boolean nullParameters) {
        this.keyAlgorithm = keyAlgorithm;
        this.signatureAlgorithm = signatureAlgorithm;
        this.signatureOid = signatureOid;
        this.nullParameters = nullParameters;
    }

    /**
     * The JCA name of the signature this key makes, such as {@code SHA256withRSA}.
     *
     * @return the name
     */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The algorithm of a key, such as {@code RSA}; for the JCA name a key reports. */
    static KeyAlgorithm of(java.security.Key key) {
        for (KeyAlgorithm a : values()) {
            if (a.keyAlgorithm.equals(key.getAlgorithm())) {
                return a;
            }
        }
        throw new IllegalArgumentException("No certificate can be generated for a " + key.getAlgorithm() + " key");
    }

    KeyPair generateKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
        if (this == EC) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    /**
     * The AlgorithmIdentifier of the signature: RFC 4055 §5 wants NULL parameters for
     * sha256WithRSAEncryption, RFC 5758 §3.2 none for ecdsa-with-SHA256.
     */
    byte[] signatureIdentifier() {
        return nullParameters ? Der.sequence(Der.oid(signatureOid), Der.nul()) : Der.sequence(Der.oid(signatureOid));
    }
}
