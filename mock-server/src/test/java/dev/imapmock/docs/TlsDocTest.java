package dev.imapmock.docs;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.DocSnippets;
import dev.imapmock.testing.RawClient;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java and JUnit snippets of docs/tls-and-auth.md, compiled and run; the page must hold them as they are here. */
@Timeout(30)
class TlsDocTest {
    private static final String PAGE = "tls-and-auth.md";
    private static final String ANGUS = "dev.imapmock.access.TlsAngusMailTest";

    @Test
    void startsAServerWithStarttlsImapsAndRequiredTlsAndTrustsIt() throws Exception {
        // --- tls: java
        try (ImapMockServer server = ImapMockServer.builder()
                .user("alice", "secret")
                .tls()              // STARTTLS on server.port()
                .tlsPort(0)         // implicit TLS (imaps) on server.tlsPort(), a free port
                .requireTls()       // LOGINDISABLED until the connection speaks TLS
                .build()
                .start()) {
            SSLContext context = server.tls().clientSslContext();       // trusts this server and nothing else
            X509TrustManager trustManager = server.tls().trustManager();
            KeyStore trustStore = server.tls().trustStore();            // the certificate as a trusted entry
            String pem = server.tls().certificatePem();                 // for clients outside the JVM
            // --- tls: end
            try (RawClient c = RawClient.tls(server.host(), server.tlsPort(), context)) {
                assertThat(c.readLine()).startsWith("* OK [CAPABILITY IMAP4rev1 ");
            }
            trustManager.checkServerTrusted(server.tls().chain().toArray(new java.security.cert.X509Certificate[0]),
                    "ECDHE_ECDSA");
            assertThat(trustStore.getCertificateAlias(server.tls().certificate())).isNotNull();
            assertThat(CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))))
                    .isEqualTo(server.tls().certificate());
        }
    }

    @Test
    void thePageHoldsEverySnippet() {
        DocSnippets.assertPageHolds(PAGE, DocSnippets.region(TlsDocTest.class, "tls", "java"));
        DocSnippets.assertPageHolds(PAGE, DocSnippets.region(TlsDocTest.class, "tls", "junit"));
        DocSnippets.assertPageHolds(PAGE, DocSnippets.region(ANGUS, "tls", "angus-starttls"));
        DocSnippets.assertPageHolds(PAGE, DocSnippets.region(ANGUS, "tls", "angus-imaps"));
    }

    // --- tls: junit
    @Nested
    class AppOverImaps {
        private final ImapMockServer server = ImapMockServer.builder()
                .user("alice", "secret")
                .tlsPort(0)
                .build()
                .start();

        @AfterEach
        void stop() {
            server.close();
        }

        @Test
        void readsTheInboxOverImaps() throws Exception {
            // The application's production settings, with only host, port and trust changed:
            Properties props = new Properties();
            props.setProperty("mail.imaps.host", server.host());
            props.setProperty("mail.imaps.port", Integer.toString(server.tlsPort()));
            props.setProperty("mail.imaps.ssl.checkserveridentity", "true");
            props.put("mail.imaps.ssl.socketFactory", server.tls().clientSslContext().getSocketFactory());

            Store store = Session.getInstance(props).getStore("imaps");
            store.connect("alice", "secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isZero();
            store.close();
            assertThat(server.journal().commands("AUTHENTICATE")).hasSize(1);
        }
    }
    // --- tls: end
}
