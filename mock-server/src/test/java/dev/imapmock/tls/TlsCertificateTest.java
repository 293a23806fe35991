package dev.imapmock.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The generated certificate, proven by three parsers: the JDK's {@code CertificateFactory},
 * {@code keytool -printcert} and {@code openssl x509}/{@code openssl verify} (each when the
 * machine has the tool; skipped with a message otherwise).
 */
@Timeout(60)
class TlsCertificateTest {

    private static X509Certificate generated() {
        return TlsIdentity.shared().chain().get(0);
    }

    @Test
    void derEncodesObjectIdentifiersLengthsAndTimesAsX690Says() {
        // ecdsa-with-SHA256, RFC 5758 §3.2: 06 08 2A 86 48 CE 3D 04 03 02
        assertThat(HexFormat.of().formatHex(Der.oid("1.2.840.10045.4.3.2"))).isEqualTo("06082a8648ce3d040302");
        assertThat(HexFormat.of().formatHex(Der.oid("2.5.29.17"))).isEqualTo("0603551d11");
        assertThat(Der.octetString(new byte[127])).startsWith((byte) 0x04, (byte) 0x7F).hasSize(129);
        assertThat(Der.octetString(new byte[128])).startsWith((byte) 0x04, (byte) 0x81, (byte) 0x80).hasSize(131);
        assertThat(Der.octetString(new byte[256])).startsWith((byte) 0x04, (byte) 0x82, (byte) 0x01, (byte) 0x00);
        assertThat(HexFormat.of().formatHex(Der.integer(BigInteger.valueOf(128)))).isEqualTo("02020080");
        assertThat(new String(Der.time(Instant.parse("2049-12-31T23:59:59Z")), StandardCharsets.US_ASCII))
                .isEqualTo("\u0017\r491231235959Z");
        assertThat(new String(Der.time(Instant.parse("2050-01-01T00:00:00Z")), StandardCharsets.US_ASCII))
                .isEqualTo("\u0018\u000f20500101000000Z");
    }

    @Test
    void theJdkParsesItAsASelfSignedV3CertificateForExactlyLocalhostAndLoopback() throws Exception {
        X509Certificate c = generated();
        assertThat(c.getVersion()).isEqualTo(3);
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(c.getPublicKey().getAlgorithm()).isEqualTo("EC");
        c.verify(c.getPublicKey());
        assertThat(c.getSubjectX500Principal()).isEqualTo(c.getIssuerX500Principal());
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=localhost,O=ImapMock");
        List<List<?>> names = new ArrayList<>();
        c.getSubjectAlternativeNames().forEach(n -> names.add(List.copyOf(n)));
        assertThat(names).containsExactly(List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(c.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);   // CA:TRUE, no path length limit
        assertThat(c.getKeyUsage()).startsWith(true, false, false, false, false, true, false);
        assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(c.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
        assertThat(c.getSerialNumber().signum()).isEqualTo(1);
        c.checkValidity();
        c.checkValidity(Date.from(Instant.now().plus(Duration.ofDays(3000))));
    }

    @Test
    void thePemParsesBackIntoTheSameCertificate() throws Exception {
        String pem = TlsIdentity.shared().pem();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("\n-----END CERTIFICATE-----\n");
        assertThat(pem.lines().filter(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 64);
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertThat(parsed).isEqualTo(generated());
    }

    @Test
    void theSharedIdentityIsMadeOncePerJvmAndAFreshOneHasItsOwnKey() {
        assertThat(TlsIdentity.shared()).isSameAs(TlsIdentity.shared());
        TlsIdentity fresh = TlsIdentity.generated();
        assertThat(fresh.chain().get(0)).isNotEqualTo(generated());
        assertThat(fresh.chain().get(0).getPublicKey()).isNotEqualTo(generated().getPublicKey());
    }

    @Test
    void anExpiredCertificateCanBeMadeOnPurpose() {
        Instant now = Instant.now();
        X509Certificate expired = TlsIdentity.generate(TlsIdentity.localhostSpec(now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(1)))).chain().get(0);
        assertThatThrownBy(expired::checkValidity).isInstanceOf(java.security.cert.CertificateExpiredException.class);
        assertThatThrownBy(() -> new CertificateGenerator.Spec("x", null, List.of(), List.of(), now, now))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDateFrom2050OnIsWrittenAsGeneralizedTimeAndReadBack() throws Exception {
        Instant notAfter = Instant.parse("2051-06-01T12:00:00Z");
        X509Certificate c = TlsIdentity.generate(new CertificateGenerator.Spec("far", null, List.of("far.example"),
                List.of(InetAddress.getByName("10.0.0.1")), Instant.parse("2024-01-01T00:00:00Z"), notAfter))
                .chain().get(0);
        assertThat(c.getNotAfter().toInstant()).isEqualTo(notAfter);
        assertThat(c.getNotBefore().toInstant()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void theExpiredAndOtherHostCertificatesOfFaultRulesAreIssuedByTheGeneratedOne() throws Exception {
        TlsIdentity identity = TlsIdentity.shared();
        X509Certificate ca = generated();
        X509Certificate expired = identity.expired().chain().get(0);
        assertThat(identity.expired().chain()).containsExactly(expired, ca);
        assertThat(identity.expired()).isSameAs(identity.expired());
        expired.verify(ca.getPublicKey());
        assertThat(expired.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(expired.getSubjectX500Principal().getName()).isEqualTo("CN=localhost,OU=expired,O=ImapMock");
        assertThat(expired.getBasicConstraints()).isEqualTo(-1);   // CA:FALSE
        assertThat(expired.getKeyUsage()).startsWith(true, false, false, false, false, false);
        assertThatThrownBy(expired::checkValidity).isInstanceOf(java.security.cert.CertificateExpiredException.class);

        X509Certificate other = identity.forOtherHost().chain().get(0);
        other.verify(ca.getPublicKey());
        other.checkValidity();
        assertThat(other.getSubjectAlternativeNames()).containsExactly(List.of(2, "imapmock.invalid"));

        X509Certificate untrusted = identity.untrusted().chain().get(0);
        untrusted.verify(untrusted.getPublicKey());
        assertThatThrownBy(() -> untrusted.verify(ca.getPublicKey())).isInstanceOf(java.security.SignatureException.class);
        assertThat(untrusted.getSubjectX500Principal()).isNotEqualTo(ca.getSubjectX500Principal());
    }

    @Test
    void opensslRefusesTheFaultCertificatesForTheirOneFlawEach(@TempDir Path dir) throws Exception {
        String openssl = which("openssl");
        assumeTrue(openssl != null, "openssl is not on the PATH; skipped");
        Path ca = dir.resolve("ca.pem");
        TlsIdentity.shared().writePem(ca);
        Path expired = dir.resolve("expired.pem");
        TlsIdentity.shared().expired().writePem(expired);
        Path other = dir.resolve("other.pem");
        TlsIdentity.shared().forOtherHost().writePem(other);
        assertThat(runFailing(openssl, "verify", "-CAfile", ca.toString(), expired.toString()))
                .contains("certificate has expired");
        assertThat(run(openssl, "verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", ca.toString(),
                other.toString())).isEqualTo(other + ": OK\n");
        assertThat(runFailing(openssl, "verify", "-verify_hostname", "localhost", "-CAfile", ca.toString(),
                other.toString())).contains("hostname mismatch");
    }

    @Test
    void keytoolPrintsTheCertificateWithItsNamesAndExtensions(@TempDir Path dir) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        assumeTrue(new File(keytool).canExecute(), "keytool not found at " + keytool + "; skipped");
        Path pem = dir.resolve("cert.pem");
        TlsIdentity.shared().writePem(pem);
        String out = run(keytool, "-printcert", "-v", "-file", pem.toString());
        assertThat(out).contains("Owner: CN=localhost, O=ImapMock", "Issuer: CN=localhost, O=ImapMock",
                "Signature algorithm name: SHA256withECDSA", "Version: 3",
                "DNSName: localhost", "IPAddress: 127.0.0.1", "IPAddress: 0:0:0:0:0:0:0:1",
                "CA:true", "DigitalSignature", "Key_CertSign", "serverAuth");
    }

    @Test
    void opensslReadsTheCertificateAndVerifiesItAgainstItself(@TempDir Path dir) throws Exception {
        String openssl = which("openssl");
        assumeTrue(openssl != null, "openssl is not on the PATH; skipped");
        Path pem = dir.resolve("cert.pem");
        TlsIdentity.shared().writePem(pem);
        String text = run(openssl, "x509", "-in", pem.toString(), "-noout", "-text");
        assertThat(text).contains("Version: 3 (0x2)", "Signature Algorithm: ecdsa-with-SHA256",
                "Subject: O = ImapMock, CN = localhost", "NIST CURVE: P-256",
                "X509v3 Basic Constraints: critical", "CA:TRUE",
                "X509v3 Key Usage: critical", "Digital Signature, Certificate Sign",
                "X509v3 Extended Key Usage:", "TLS Web Server Authentication",
                "X509v3 Subject Key Identifier:",
                "DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1");
        assertThat(run(openssl, "verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", pem.toString(),
                pem.toString())).isEqualTo(pem + ": OK\n");
        assertThat(run(openssl, "verify", "-verify_hostname", "localhost", "-CAfile", pem.toString(), pem.toString()))
                .isEqualTo(pem + ": OK\n");
        assertThat(run(openssl, "verify", "-verify_ip", "::1", "-CAfile", pem.toString(), pem.toString()))
                .isEqualTo(pem + ": OK\n");
        assertThat(runFailing(openssl, "verify", "-verify_hostname", "example.com", "-CAfile", pem.toString(),
                pem.toString())).contains("hostname mismatch");
    }

    private static X509Certificate rsa() {
        return TlsIdentity.shared(KeyAlgorithm.RSA).chain().get(0);
    }

    /** The AlgorithmIdentifier of sha256WithRSAEncryption with the NULL parameters RFC 4055 §5 asks for. */
    private static final byte[] SHA256_WITH_RSA_NULL = HexFormat.of().parseHex("300d06092a864886f70d01010b0500");

    @Test
    void anRsaCertificateIsRsa2048SignedSha256WithRsaEncryptionAndMadeOncePerJvm() throws Exception {
        X509Certificate c = rsa();
        assertThat(TlsIdentity.shared(KeyAlgorithm.RSA)).isSameAs(TlsIdentity.shared(KeyAlgorithm.RSA))
                .isNotSameAs(TlsIdentity.shared());
        assertThat(c.getVersion()).isEqualTo(3);
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(c.getSigAlgOID()).isEqualTo("1.2.840.113549.1.1.11");
        assertThat(c.getPublicKey()).isInstanceOfSatisfying(java.security.interfaces.RSAPublicKey.class,
                k -> assertThat(k.getModulus().bitLength()).isEqualTo(2048));
        c.verify(c.getPublicKey());
        byte[] der = c.getEncoded();
        int first = indexOf(der, SHA256_WITH_RSA_NULL, 0);
        assertThat(first).as("signature AlgorithmIdentifier in tbsCertificate").isPositive();
        assertThat(indexOf(der, SHA256_WITH_RSA_NULL, first + 1)).as("and in Certificate").isPositive();
        // digitalSignature, keyEncipherment, keyCertSign.
        assertThat(c.getKeyUsage()).startsWith(true, false, true, false, false, true, false);
        assertThat(c.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        List<List<?>> names = new ArrayList<>();
        c.getSubjectAlternativeNames().forEach(n -> names.add(List.copyOf(n)));
        assertThat(names).containsExactly(List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(TlsIdentity.shared(KeyAlgorithm.RSA).pem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(parsed).isEqualTo(c);

        TlsIdentity identity = TlsIdentity.shared(KeyAlgorithm.RSA);
        X509Certificate expired = identity.expired().chain().get(0);
        expired.verify(c.getPublicKey());
        assertThat(expired.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(expired.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(expired.getKeyUsage()).startsWith(true, false, true, false, false, false);
    }

    @Test
    void keytoolAndOpensslReadTheRsaCertificate(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("rsa.pem");
        TlsIdentity.shared(KeyAlgorithm.RSA).writePem(pem);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        assumeTrue(new File(keytool).canExecute(), "keytool not found at " + keytool + "; skipped");
        assertThat(run(keytool, "-printcert", "-v", "-file", pem.toString())).contains(
                "Owner: CN=localhost, O=ImapMock", "Signature algorithm name: SHA256withRSA",
                "Subject Public Key Algorithm: 2048-bit RSA key", "Version: 3", "DNSName: localhost",
                "IPAddress: 127.0.0.1", "CA:true", "DigitalSignature", "Key_Encipherment", "Key_CertSign", "serverAuth");
        String openssl = which("openssl");
        assumeTrue(openssl != null, "openssl is not on the PATH; skipped");
        assertThat(run(openssl, "x509", "-in", pem.toString(), "-noout", "-text")).contains("Version: 3 (0x2)",
                "Signature Algorithm: sha256WithRSAEncryption", "Public Key Algorithm: rsaEncryption",
                "Public-Key: (2048 bit)", "Subject: O = ImapMock, CN = localhost",
                "Digital Signature, Key Encipherment, Certificate Sign", "TLS Web Server Authentication",
                "DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1");
        assertThat(run(openssl, "verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", pem.toString(),
                pem.toString())).isEqualTo(pem + ": OK\n");
        assertThat(run(openssl, "verify", "-verify_hostname", "localhost", "-CAfile", pem.toString(), pem.toString()))
                .isEqualTo(pem + ": OK\n");
    }

    @Test
    void tlsServerEndPointHashesTheCertificateWithItsSignaturesHash() throws Exception {
        for (X509Certificate c : List.of(generated(), rsa())) {
            assertThat(ChannelBindings.serverEndPoint(c)).get().isEqualTo(
                    java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String which(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, tool);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Result r = exec(command);
        assertThat(r.status).as("exit status of %s; output: %s", List.of(command), r.output).isZero();
        return r.output;
    }

    private static String runFailing(String... command) throws IOException, InterruptedException {
        Result r = exec(command);
        assertThat(r.status).as("exit status of %s; output: %s", List.of(command), r.output).isNotZero();
        return r.output;
    }

    private record Result(int status, String output) {
    }

    private static Result exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
