package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import dev.imapmock.ServerTls;
import dev.imapmock.journal.ReceivedCommand;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @ImapServer(tls = true, tokens = ...)}: a server an application reaches over imaps with OAuth2. */
@Timeout(60)
class TlsAndTokensTest {
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @Kit.Fixture
    @ImapServer(users = "alice:secret", tls = true, tokens = "alice:ya29.test")
    static class OverImapsWithAToken {
        @Test
        void angusMailConnectsOverImapsWithTheTokenTrustingTheInjectedCertificate(ImapMockServer server, ServerTls tls)
                throws Exception {
            Properties props = new Properties();
            props.setProperty("mail.imaps.host", "localhost");
            props.setProperty("mail.imaps.port", Integer.toString(server.tlsPort()));
            props.setProperty("mail.imaps.ssl.checkserveridentity", "true");
            props.setProperty("mail.imaps.auth.mechanisms", "XOAUTH2");
            props.setProperty("mail.imaps.auth.xoauth2.disable", "false");
            props.put("mail.imaps.ssl.socketFactory", tls.clientSslContext().getSocketFactory());
            Store store = Session.getInstance(props).getStore("imaps");
            store.connect("alice", "ya29.test");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            SEEN.put("count", inbox.getMessageCount());
            inbox.close(false);
            store.close();
            List<ReceivedCommand> logins = server.journal().commands("AUTHENTICATE");
            SEEN.put("authentication", logins.get(0).authentication());
            SEEN.put("pem", tls.certificatePem());
        }

        @Test
        @ImapServer(users = "bob:pw", tokens = "bob:other")
        void aMethodAnnotationKeepsTheClasssTlsAndReplacesItsUsersAndTokens(ImapMockServer server, ServerTls tls) {
            SEEN.put("method-tls", server.tlsPort() > 0 && tls != null);
        }
    }

    @Test
    void tlsAndTokensComeFromTheAnnotation() {
        SEEN.clear();
        Kit.assertAllPassed(Kit.run(OverImapsWithAToken.class), 2);
        assertThat(SEEN.get("count")).isEqualTo(0);
        assertThat(SEEN.get("authentication")).isEqualTo(new ReceivedCommand.Authentication("XOAUTH2", "alice", "alice#1"));
        assertThat((String) SEEN.get("pem")).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(SEEN.get("method-tls")).isEqualTo(true);
    }

    @Kit.Fixture
    @ImapServer
    static class WithoutTls {
        @Test
        void injectingServerTlsFails(ServerTls tls) {
            SEEN.put("unreachable", tls);
        }
    }

    @Test
    void injectingServerTlsIntoAServerWithoutTlsSaysHowToGetIt() {
        Throwable failure = Kit.onlyFailure(Kit.run(WithoutTls.class));
        assertThat(failure).hasMessageEndingWith(": the server does not speak TLS; use @ImapServer(tls = true)");
    }

    @Kit.Fixture
    @ImapServer(tokens = "no-colon")
    static class BadToken {
        @Test
        void test() {
            SEEN.put("unreachable", true);
        }
    }

    @Test
    void aTokenSpecWithoutAUserIsRefusedWithoutRepeatingIt() {
        Throwable failure = Kit.onlyFailure(Kit.run(BadToken.class));
        assertThat(failure).hasMessageContaining("cannot parse a token; expected \"user:token\"")
                .hasMessageNotContaining("no-colon");
    }
}
