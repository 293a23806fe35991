package dev.imapmock.cli;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import dev.imapmock.tls.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --tls-key ec|rsa} and the builder's {@code tlsKeyAlgorithm(...)}. */
@Timeout(30)
class TlsKeyOptionTest {

    private static String refusal(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tlsKeyRsaPresentsAnRsaCertificateThatItsPemTrusts(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("cert.pem");
        Options options = Options.parse(new String[] {"--port", "0", "--tls-port", "0", "--tls-key", "rsa",
                "--user", "alice:secret"});
        assertThat(options.tlsKey()).isEqualTo(KeyAlgorithm.RSA);
        try (ImapMockServer server = Launcher.build(options, new PrintStream(new ByteArrayOutputStream())).start()) {
            Files.writeString(pem, server.tls().certificatePem());   // what --tls-cert-out writes
            X509Certificate certificate;
            try (InputStream in = Files.newInputStream(pem)) {
                certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            try (RawClient c = RawClient.tls("localhost", server.tlsPort(), context)) {
                assertThat(c.readLine()).startsWith("* OK [CAPABILITY IMAP4rev1 ");
                assertThat(c.tlsSession().getPeerCertificates()[0].getPublicKey().getAlgorithm()).isEqualTo("RSA");
            }
        }
        assertThat(Options.parse(new String[] {"--tls", "--tls-key", "EC"}).tlsKey()).isEqualTo(KeyAlgorithm.EC);
        assertThat(Options.parse(new String[] {"--tls"}).tlsKey()).isNull();
    }

    @Test
    void tlsKeyIsRefusedWithoutTlsWithAKeystoreAndForAnotherAlgorithm() {
        assertThat(refusal("--tls-key", "dsa")).isEqualTo("imapmock: --tls-key needs ec or rsa, not dsa (see --help)\n");
        assertThat(refusal("--tls-key", "rsa")).isEqualTo("imapmock: --tls-key needs --tls or --tls-port (see --help)\n");
        assertThat(refusal("--tls", "--tls-key", "rsa", "--keystore", "k.p12", "--keystore-password-env", "KS"))
                .isEqualTo("imapmock: --tls-key chooses the key of the generated certificate; with --keystore the"
                        + " keystore's certificate is presented instead, so give one of them (see --help)\n");
        assertThat(Options.HELP).contains("--tls-key ec|rsa");
    }

    @Test
    void theBuilderRefusesAKeyAlgorithmWithoutTlsOrBesideACertificateOfTheUsers() {
        assertThatThrownBy(() -> ImapMockServer.builder().tlsKeyAlgorithm(KeyAlgorithm.RSA).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tlsKeyAlgorithm() needs tls() or tlsPort(): the server does not speak TLS");
        assertThatThrownBy(() -> ImapMockServer.builder().tls().tlsKeyAlgorithm(KeyAlgorithm.RSA)
                .tlsContext(SSLContext.getDefault()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tlsKeyAlgorithm() chooses the key of the generated certificate, but tlsContext() gives a"
                        + " certificate of its own; give one of them");
        try (ImapMockServer fresh = ImapMockServer.builder().tls().tlsKeyAlgorithm(KeyAlgorithm.RSA)
                .tlsFreshCertificate().build().start();
             ImapMockServer shared = ImapMockServer.builder().tls().tlsKeyAlgorithm(KeyAlgorithm.RSA).build().start()) {
            assertThat(fresh.tls().certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
            assertThat(fresh.tls().certificate()).isNotEqualTo(shared.tls().certificate());
        }
    }
}
