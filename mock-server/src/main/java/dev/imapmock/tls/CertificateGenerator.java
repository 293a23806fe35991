package dev.imapmock.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes self-signed X.509 v3 certificates (RFC 5280) for a fresh P-256 or RSA-2048 key
 * ({@link KeyAlgorithm}), in the JDK alone:
 * the JDK has no public certificate builder, and the server's jar carries no crypto library.
 *
 * <p>The shape is the one Go's {@code httptest} server and {@code openssl req -x509} give a
 * certificate that is its own trust anchor: basicConstraints {@code CA:TRUE} (so that OpenSSL,
 * and with it curl and Python, accepts it as the root it trusts), keyUsage digitalSignature and
 * keyCertSign, extendedKeyUsage serverAuth, and the host names and addresses as subject
 * alternative names, which is what clients check (RFC 6125 §6.4; the common name is ignored once
 * there are any). Stateless and thread-safe.
 */
public final class CertificateGenerator {
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String UNIT = "2.5.4.11";
    private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private CertificateGenerator() {
    }

    /**
     * What to certify. {@code notAfter} in the past gives an expired certificate, on purpose.
     * {@code unit}, an organizational unit, may be null.
     */
    public record Spec(String commonName, String unit, List<String> dnsNames, List<InetAddress> addresses,
                       Instant notBefore, Instant notAfter) {
        /**
         * Copies the lists and refuses a validity that ends before it starts.
         *
         * @param commonName the subject's common name
         * @param unit the organizational unit, or null
         * @param dnsNames the host names
         * @param addresses the IP addresses
         * @param notBefore the start of the validity
         * @param notAfter the end of the validity
         */
        public Spec {
            dnsNames = List.copyOf(dnsNames);
            addresses = List.copyOf(addresses);
            if (!notAfter.isAfter(notBefore)) {
                throw new IllegalArgumentException("A certificate's validity must end after it starts");
            }
        }
    }

    /** A key pair and the certificate of its public key. */
    public record Generated(KeyPair keyPair, X509Certificate certificate) {
    }

    /**
     * Generates a P-256 key pair and a self-signed certificate for it that is its own trust
     * anchor; a few milliseconds.
     *
     * @param spec what to certify
     * @return the key pair and the certificate
     */
    public static Generated generate(Spec spec) {
        return generate(spec, KeyAlgorithm.EC);
    }

    /**
     * As {@link #generate(Spec)}, for a key of {@code algorithm} (RSA: some hundred milliseconds).
     *
     * @param spec what to certify
     * @param algorithm the key's algorithm
     * @return the key pair and the certificate
     */
    public static Generated generate(Spec spec, KeyAlgorithm algorithm) {
        return make(spec, algorithm, null);
    }

    /**
     * Generates a key pair and an end-entity certificate for it (CA:FALSE, digitalSignature)
     * issued by {@code issuer}, a certificate of {@link #generate} whose key signs it; the new
     * key is of the issuer's algorithm.
     *
     * @param spec what to certify
     * @param issuer the issuing certificate and its key
     * @return the key pair and the certificate
     */
    public static Generated issue(Spec spec, Generated issuer) {
        return make(spec, KeyAlgorithm.of(issuer.keyPair().getPrivate()), issuer);
    }

    private static Generated make(Spec spec, KeyAlgorithm algorithm, Generated issuer) {
        KeyAlgorithm signing = issuer == null ? algorithm : KeyAlgorithm.of(issuer.keyPair().getPrivate());
        try {
            KeyPair keys = algorithm.generateKeyPair();
            byte[] spki = keys.getPublic().getEncoded();
            byte[] name = spec.unit() == null
                    ? Der.sequence(
                            Der.set(Der.sequence(Der.oid(ORGANIZATION), Der.utf8String("ImapMock"))),
                            Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(spec.commonName()))))
                    : Der.sequence(
                            Der.set(Der.sequence(Der.oid(ORGANIZATION), Der.utf8String("ImapMock"))),
                            Der.set(Der.sequence(Der.oid(UNIT), Der.utf8String(spec.unit()))),
                            Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(spec.commonName()))));
            byte[] issuerName = issuer == null ? name : issuer.certificate().getSubjectX500Principal().getEncoded();
            byte[] signatureAlgorithm = signing.signatureIdentifier();
            byte[] serial = new byte[16];
            new SecureRandom().nextBytes(serial);
            serial[0] &= 0x7F;
            serial[0] |= 0x40;   // positive and 16 octets long, as RFC 5280 §4.1.2.2 asks
            byte[] tbs = Der.sequence(
                    Der.explicit(0, Der.integer(BigInteger.TWO)),
                    Der.integer(new BigInteger(serial)),
                    signatureAlgorithm,
                    issuerName,
                    Der.sequence(Der.time(spec.notBefore()), Der.time(spec.notAfter())),
                    name,
                    spki,
                    Der.explicit(3, Der.sequence(extensions(spec, spki, issuer, algorithm == KeyAlgorithm.RSA))));
            Signature signer = Signature.getInstance(signing.signatureAlgorithm());
            signer.initSign(issuer == null ? keys.getPrivate() : issuer.keyPair().getPrivate());
            signer.update(tbs);
            byte[] der = Der.sequence(tbs, signatureAlgorithm, Der.bitString(signer.sign()));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return new Generated(keys, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot make a " + algorithm + " certificate: " + e.getMessage(), e);
        }
    }

    /**
     * {@code rsa}: the key may also encipher keys, which TLS 1.2's RSA key exchange needs (RFC
     * 5246 §7.4.2), as {@code openssl req} gives an RSA certificate.
     */
    private static byte[][] extensions(Spec spec, byte[] spki, Generated issuer, boolean rsa)
            throws GeneralSecurityException {
        List<byte[]> names = new ArrayList<>();
        for (String dns : spec.dnsNames()) {
            names.add(Der.implicit(2, dns.getBytes(StandardCharsets.US_ASCII)));
        }
        for (InetAddress address : spec.addresses()) {
            names.add(Der.implicit(7, address.getAddress()));
        }
        List<byte[]> extensions = new ArrayList<>();
        if (issuer == null) {
            extensions.add(extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))));
            // digitalSignature (bit 0) and keyCertSign (bit 5): 1000 01xx, two unused bits; with
            // keyEncipherment (bit 2) for RSA: 1010 01xx.
            extensions.add(extension(KEY_USAGE, true, Der.bitString(new byte[] {(byte) (rsa ? 0xA4 : 0x84)}, 2)));
        } else {
            extensions.add(extension(BASIC_CONSTRAINTS, true, Der.sequence()));
            // digitalSignature (bit 0) alone: 1xxx xxxx, seven unused bits; with keyEncipherment
            // (bit 2) for RSA: 101x xxxx, five unused bits.
            extensions.add(extension(KEY_USAGE, true, rsa ? Der.bitString(new byte[] {(byte) 0xA0}, 5)
                    : Der.bitString(new byte[] {(byte) 0x80}, 7)));
            byte[] issuerKeyId = keyId(issuer.keyPair().getPublic().getEncoded());
            extensions.add(extension(AUTHORITY_KEY_IDENTIFIER, false, Der.sequence(Der.implicit(0, issuerKeyId))));
        }
        extensions.add(extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH))));
        extensions.add(extension(SUBJECT_KEY_IDENTIFIER, false, Der.octetString(keyId(spki))));
        extensions.add(extension(SUBJECT_ALT_NAME, false, Der.sequence(names.toArray(new byte[0][]))));
        return extensions.toArray(new byte[0][]);
    }

    /** RFC 5280 §4.2.1.2 (1): the SHA-1 of the subjectPublicKey bits. */
    private static byte[] keyId(byte[] spki) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-1").digest(Der.subjectPublicKeyBits(spki));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }
}
