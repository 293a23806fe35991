package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import dev.imapmock.ServerTls;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.tls.CertificateGenerator;
import dev.imapmock.tls.TlsIdentity;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The TLS and authentication attributes of {@code @ImapServer} beyond {@code tls}: requireTls,
 * tlsPort, tlsProtocols, a keystore with its password named by a property or variable,
 * saslMechanisms and maxFailedLogins, each proven with Angus Mail as an application would connect.
 */
@Timeout(60)
class TlsAndAuthAttributesTest {
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();
    static final String PASSWORD_PROPERTY = "imapmock.test.keystore.password";
    static final String KEYSTORE_FILE = "target/test-keystores/server.p12";
    static final String KEYSTORE_RESOURCE = "test-keystores/server.p12";
    private static X509Certificate keystoreCertificate;

    /**
     * Writes a PKCS#12 keystore, with a certificate of its own for localhost, both as a file under
     * target/ and as a classpath resource, so no private key is committed.
     */
    @BeforeAll
    static void writeKeystore() throws Exception {
        CertificateGenerator.Generated generated = CertificateGenerator.generate(TlsIdentity.localhostSpec(
                "keystore", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30))));
        keystoreCertificate = generated.certificate();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", generated.keyPair().getPrivate(), "changeit".toCharArray(),
                new X509Certificate[] {generated.certificate()});
        Path classes = Path.of(TlsAndAuthAttributesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Path file : List.of(Path.of(KEYSTORE_FILE), classes.resolve(KEYSTORE_RESOURCE))) {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, "changeit".toCharArray());
            }
        }
        System.setProperty(PASSWORD_PROPERTY, "changeit");
    }

    @AfterAll
    static void forgetPassword() {
        System.clearProperty(PASSWORD_PROPERTY);
    }

    private static Properties starttls(ImapMockServer server, ServerTls tls) {
        Properties props = new Properties();
        props.setProperty("mail.imap.host", "localhost");
        props.setProperty("mail.imap.port", Integer.toString(server.port()));
        props.setProperty("mail.imap.starttls.enable", "true");
        props.setProperty("mail.imap.starttls.required", "true");
        props.setProperty("mail.imap.ssl.checkserveridentity", "true");
        props.put("mail.imap.ssl.socketFactory", tls.clientSslContext().getSocketFactory());
        return props;
    }

    private static Properties imaps(ImapMockServer server, SSLSocketFactory factory) {
        Properties props = new Properties();
        props.setProperty("mail.imaps.host", "localhost");
        props.setProperty("mail.imaps.port", Integer.toString(server.tlsPort()));
        props.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        props.setProperty("mail.imaps.connectiontimeout", "5000");
        props.setProperty("mail.imaps.timeout", "5000");
        props.put("mail.imaps.ssl.socketFactory", factory);
        return props;
    }

    private static List<String> mechanisms(ImapMockServer server) {
        return server.journal().commands("AUTHENTICATE").stream()
                .map(c -> c.authentication().mechanism()).toList();
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret", requireTls = true)
    static class RequiringTls {
        @Test
        void aClearConnectionShowsLoginDisabledAndRefusesLogin(ImapMockServer server) {
            try (TinyClient c = TinyClient.connect(server.port())) {
                SEEN.put("clear-capability", c.send("CAPABILITY").get(0));
                SEEN.put("clear-login", c.send("LOGIN alice secret"));
            }
        }

        @Test
        void angusMailWithStarttlsRequiredLogsIn(ImapMockServer server, ServerTls tls) throws Exception {
            Store store = Session.getInstance(starttls(server, tls)).getStore("imap");
            store.connect("alice", "secret");
            store.close();
            SEEN.put("starttls-commands", server.journal().commands().stream().map(ReceivedCommand::name).toList());
            SEEN.put("imaps-too", server.tlsPort() > 0);
        }
    }

    @Test
    void requireTlsAdvertisesLoginDisabledAndAngusMailLogsInAfterStarttls() {
        SEEN.clear();
        Kit.assertAllPassed(Kit.run(RequiringTls.class), 2);
        assertThat((String) SEEN.get("clear-capability")).contains(" STARTTLS LOGINDISABLED")
                .doesNotContain("AUTH=PLAIN").doesNotContain("AUTH=LOGIN");
        assertThat(SEEN.get("clear-login")).asList().last().isEqualTo("a2 NO [PRIVACYREQUIRED] Plaintext authentication"
                + " disallowed on non-secure (SSL/TLS) connections.");
        @SuppressWarnings("unchecked")
        List<String> commands = (List<String>) SEEN.get("starttls-commands");
        assertThat(commands).startsWith("STARTTLS").contains("AUTHENTICATE");
        assertThat(SEEN.get("imaps-too")).isEqualTo(true);
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret", tlsPort = 0)
    static class ImplicitTlsOnly {
        @Test
        void thePlainPortOffersNoStarttlsAndImapsWorks(ImapMockServer server, ServerTls tls) throws Exception {
            try (TinyClient c = TinyClient.connect(server.port())) {
                SEEN.put("plain-capability", c.send("CAPABILITY").get(0));
            }
            Store store = Session.getInstance(imaps(server, tls.clientSslContext().getSocketFactory())).getStore("imaps");
            store.connect("alice", "secret");
            store.close();
            SEEN.put("imaps-port", server.tlsPort());
        }
    }

    @Test
    void aTlsPortAloneGivesImplicitTlsOnAFreePortAndNoStarttls() {
        SEEN.clear();
        Kit.assertAllPassed(Kit.run(ImplicitTlsOnly.class), 1);
        assertThat((String) SEEN.get("plain-capability")).doesNotContain("STARTTLS").contains("AUTH=PLAIN");
        assertThat((Integer) SEEN.get("imaps-port")).isPositive();
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret", tlsProtocols = "TLSv1.2")
    static class OldProtocolOnly {
        @Test
        void onlyTls12IsNegotiated(ImapMockServer server, ServerTls tls) throws Exception {
            Properties props = imaps(server, tls.clientSslContext().getSocketFactory());
            props.setProperty("mail.imaps.ssl.protocols", "TLSv1.3");
            Store refusing = Session.getInstance(props).getStore("imaps");
            assertThatThrownBy(() -> refusing.connect("alice", "secret")).isInstanceOf(MessagingException.class);
            props.setProperty("mail.imaps.ssl.protocols", "TLSv1.2 TLSv1.3");
            Store store = Session.getInstance(props).getStore("imaps");
            store.connect("alice", "secret");
            store.close();
            try (SSLSocket socket = (SSLSocket) tls.clientSslContext().getSocketFactory()
                    .createSocket("127.0.0.1", server.tlsPort())) {
                socket.startHandshake();
                SEEN.put("protocol", socket.getSession().getProtocol());
            }
        }
    }

    @Test
    void tlsProtocolsLimitWhatAngusMailCanNegotiate() {
        SEEN.clear();
        Kit.assertAllPassed(Kit.run(OldProtocolOnly.class), 1);
        assertThat(SEEN.get("protocol")).isEqualTo("TLSv1.2");
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret", keystore = KEYSTORE_RESOURCE, keystorePasswordProperty = PASSWORD_PROPERTY)
    static class KeystoreOnTheClasspath {
        @Test
        void presentsTheKeystoresCertificate(ImapMockServer server, ServerTls tls) throws Exception {
            SEEN.put("resource-certificate", tls.certificate());
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("server", keystoreCertificate);
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            Store store = Session.getInstance(imaps(server, context.getSocketFactory())).getStore("imaps");
            store.connect("alice", "secret");
            store.close();
        }

        @Test
        @ImapServer(keystore = KEYSTORE_FILE, keystorePasswordProperty = PASSWORD_PROPERTY)
        void aMethodGivesAKeystoreFileOfItsOwn(ServerTls tls) {
            SEEN.put("file-certificate", tls.certificate());
        }
    }

    @Test
    void aKeystoreFromTheClasspathOrAFileIsPresentedWithItsPasswordFromAProperty() {
        SEEN.clear();
        Kit.assertAllPassed(Kit.run(KeystoreOnTheClasspath.class), 2);
        assertThat(SEEN.get("resource-certificate")).isEqualTo(keystoreCertificate);
        assertThat(SEEN.get("file-certificate")).isEqualTo(keystoreCertificate);
    }

    @Kit.Fixture
    @ImapServer(keystore = KEYSTORE_FILE, keystorePasswordEnv = "IMAPMOCK_TEST_UNSET_PASSWORD_VARIABLE")
    static class KeystorePasswordVariableUnset {
        @Test
        void test() {
            SEEN.put("unreachable", true);
        }
    }

    @Test
    void anUnsetPasswordVariableFailsNamingTheVariable() {
        Throwable failure = Kit.onlyFailure(Kit.run(KeystorePasswordVariableUnset.class));
        assertThat(failure).hasMessageEndingWith("keystore " + KEYSTORE_FILE + ": the environment variable"
                + " IMAPMOCK_TEST_UNSET_PASSWORD_VARIABLE that should hold its password is not set");
    }

    @Kit.Fixture
    @ImapServer(keystore = KEYSTORE_FILE)
    static class KeystoreWithoutPassword {
        @Test
        void test() {
            SEEN.put("unreachable", true);
        }
    }

    @Kit.Fixture
    @ImapServer(keystore = "no/such/keystore.p12", keystorePasswordProperty = PASSWORD_PROPERTY)
    static class MissingKeystore {
        @Test
        void test() {
            SEEN.put("unreachable", true);
        }
    }

    @Kit.Fixture
    @ImapServer(keystore = KEYSTORE_FILE, keystorePasswordProperty = "imapmock.test.wrong.password")
    static class WrongKeystorePassword {
        @Test
        void test() {
            SEEN.put("unreachable", true);
        }
    }

    @Test
    void aKeystoreNeedsOnePasswordNameAndAReadableFileAndNeverShowsThePassword() {
        assertThat(Kit.onlyFailure(Kit.run(KeystoreWithoutPassword.class))).hasMessageEndingWith(
                ": keystore needs exactly one of keystorePasswordEnv and keystorePasswordProperty, naming where its"
                        + " password is (a password never stands in the annotation)");
        assertThat(Kit.onlyFailure(Kit.run(MissingKeystore.class))).hasMessageEndingWith(
                ": No keystore no/such/keystore.p12: neither a classpath resource nor a file");
        System.setProperty("imapmock.test.wrong.password", "not-the-password");
        try {
            assertThat(Kit.onlyFailure(Kit.run(WrongKeystorePassword.class)))
                    .hasMessageContaining("Can't read the keystore " + KEYSTORE_FILE + " as PKCS#12")
                    .hasMessageNotContaining("not-the-password");
        } finally {
            System.clearProperty("imapmock.test.wrong.password");
        }
        assertThat(SEEN).doesNotContainKey("unreachable");
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret", saslMechanisms = {"LOGIN", "CRAM-MD5"}, maxFailedLogins = 2)
    static class MechanismsAndLimit {
        @Test
        void angusMailUsesTheOneMechanismBothOffer(ImapMockServer server) throws Exception {
            Properties props = new Properties();
            props.setProperty("mail.imap.host", "127.0.0.1");
            props.setProperty("mail.imap.port", Integer.toString(server.port()));
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("alice", "secret");
            store.close();
            SEEN.put("mechanisms", mechanisms(server));
            try (TinyClient c = TinyClient.connect(server.port())) {
                SEEN.put("capability", c.send("CAPABILITY").get(0));
            }
        }

        @Test
        void theSecondFailedLoginEndsTheConnection(ImapMockServer server) {
            try (TinyClient c = TinyClient.connect(server.port())) {
                SEEN.put("first-failure", c.send("LOGIN alice wrong"));
                SEEN.put("second-failure", c.send("LOGIN alice wrong"));
                SEEN.put("after-limit", c.send("NOOP"));
            }
        }

        @Test
        @ImapServer(maxFailedLogins = 0)
        void aMethodLiftsTheLimitAndKeepsTheMechanisms(ImapMockServer server) throws Exception {
            Properties props = new Properties();
            props.setProperty("mail.imap.host", "127.0.0.1");
            props.setProperty("mail.imap.port", Integer.toString(server.port()));
            for (int i = 0; i < 3; i++) {
                Store store = Session.getInstance(props).getStore("imap");
                assertThatThrownBy(() -> store.connect("user", "wrong")).isInstanceOf(AuthenticationFailedException.class);
            }
            try (TinyClient c = TinyClient.connect(server.port())) {
                c.send("LOGIN user wrong");
                c.send("LOGIN user wrong");
                SEEN.put("unlimited", c.send("LOGIN user wrong"));
            }
        }
    }

    @Test
    void saslMechanismsChooseWhatIsOfferedAndMaxFailedLoginsEndsTheConnection() {
        SEEN.clear();
        Kit.assertAllPassed(Kit.run(MechanismsAndLimit.class), 3);
        assertThat(SEEN.get("mechanisms")).isEqualTo(List.of("LOGIN"));
        assertThat((String) SEEN.get("capability")).endsWith(" AUTH=LOGIN AUTH=CRAM-MD5");
        assertThat(SEEN.get("first-failure")).isEqualTo(List.of("a1 NO [AUTHENTICATIONFAILED] Authentication failed."));
        assertThat(SEEN.get("second-failure")).isEqualTo(List.of("a2 NO [AUTHENTICATIONFAILED] Authentication failed."));
        assertThat(SEEN.get("after-limit")).isEqualTo(List.of("* BYE Too many failed login attempts; closing"));
        assertThat(SEEN.get("unlimited")).isEqualTo(List.of("a3 NO [AUTHENTICATIONFAILED] Authentication failed."));
    }

    @Kit.Fixture
    @ImapServer(saslMechanisms = "DIGEST-MD5")
    static class UnknownMechanism {
        @Test
        void test() {
            SEEN.put("unreachable", true);
        }
    }

    @Kit.Fixture
    @ImapServer(maxFailedLogins = -2)
    static class NegativeLimit {
        @Test
        void test() {
            SEEN.put("unreachable", true);
        }
    }

    @Test
    void anUnknownMechanismOrANegativeLimitIsAConfigurationError() {
        assertThat(Kit.onlyFailure(Kit.run(UnknownMechanism.class)))
                .hasMessageContaining(": saslMechanisms: No SASL mechanism named DIGEST-MD5; the mechanisms are [PLAIN,");
        assertThat(Kit.onlyFailure(Kit.run(NegativeLimit.class)))
                .hasMessageEndingWith(": maxFailedLogins must be 0 (no limit) or more, not -2");
    }
}
