package dev.imapmock.sasl;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.imapmock.sasl.SaslTranscriptTest.b64;
import static dev.imapmock.sasl.SaslTranscriptTest.xoauth2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which mechanisms are offered, how they follow TLS, and the failed-login limit. */
@Timeout(20)
class SaslPolicyTest {

    @Test
    void configuredMechanismsAreOfferedInTheOrderGiven() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret")
                .saslMechanisms("SCRAM-SHA-256", "cram-md5").build().start();
             RawClient c = RawClient.connect(server)) {
            assertThat(c.command("a1", "CAPABILITY").get(0)).isEqualTo("* CAPABILITY "
                    + Capabilities.BEFORE_LOGIN.replace("AUTH=PLAIN AUTH=LOGIN", "AUTH=SCRAM-SHA-256 AUTH=CRAM-MD5"));
            assertThat(c.command("a2", "AUTHENTICATE PLAIN " + b64("\0alice\0secret")))
                    .containsExactly("a2 NO Unsupported authentication mechanism.");
        }
    }

    @Test
    void unknownMechanismNamesAreRefusedByTheBuilder() {
        assertThatThrownBy(() -> ImapMockServer.builder().saslMechanisms("PLAIN", "GSSAPI"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No SASL mechanism named GSSAPI; the mechanisms are"
                        + " [PLAIN, LOGIN, CRAM-MD5, SCRAM-SHA-1, SCRAM-SHA-1-PLUS, SCRAM-SHA-256,"
                        + " SCRAM-SHA-256-PLUS, XOAUTH2, OAUTHBEARER]");
        assertThatThrownBy(() -> ImapMockServer.builder().token("nobody", "t").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Token for an unknown user: nobody");
    }

    @Test
    void requireTlsHidesMechanismsThatSendSecretsInClearUntilTls() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").token("alice", "ya29.test")
                .saslMechanisms("PLAIN", "CRAM-MD5", "XOAUTH2").tls().requireTls().build().start();
             RawClient c = RawClient.connect(server)) {
            assertThat(c.command("a1", "CAPABILITY").get(0)).endsWith(" STARTTLS LOGINDISABLED AUTH=CRAM-MD5");
            assertThat(c.command("a2", "AUTHENTICATE XOAUTH2 " + xoauth2("alice", "ya29.test")))
                    .containsExactly("a2 NO [PRIVACYREQUIRED] Plaintext authentication disabled.");
            c.command("a3", "STARTTLS");
            c.startTls(server.tls().clientSslContext());
            assertThat(c.command("a4", "CAPABILITY").get(0)).endsWith(" AUTH=PLAIN AUTH=CRAM-MD5 AUTH=XOAUTH2");
            assertThat(c.command("a5", "AUTHENTICATE XOAUTH2 " + xoauth2("alice", "ya29.test")))
                    .last().asString().startsWith("a5 OK ");
        }
    }

    @Test
    void theFailedLoginLimitSaysByeAfterTheLastNo() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").maxFailedLogins(2).build().start();
             RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: a1 LOGIN alice wrong
                    S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: a2 NOOP
                    S: a2 OK NOOP completed.
                    C: a3 AUTHENTICATE PLAIN %s
                    S: a3 NO [AUTHENTICATIONFAILED] Authentication failed.
                    S: * BYE Too many failed login attempts; closing
                    """.formatted(b64("\0alice\0wrong")));
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void withoutALimitFailuresNeverCloseTheConnection() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
             RawClient c = RawClient.connect(server)) {
            for (int i = 0; i < 5; i++) {
                assertThat(c.command("a" + i, "LOGIN alice wrong")).containsExactly("a" + i
                        + " NO [AUTHENTICATIONFAILED] Authentication failed.");
            }
            c.assertStillWorks("b1");
        }
    }

    @Test
    void aTokenCanExpireAtTheNthLogin() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").token("alice", "ya29.test")
                .build().start()) {
            server.tokens().expireAtLogin("ya29.test", 2);
            try (RawClient c = RawClient.connect(server)) {
                assertThat(c.command("a1", "AUTHENTICATE XOAUTH2 " + xoauth2("alice", "ya29.test")))
                        .last().asString().startsWith("a1 OK ");
            }
            try (RawClient c = RawClient.connect(server)) {
                c.send("b1 AUTHENTICATE XOAUTH2 " + xoauth2("alice", "ya29.test"));
                assertThat(c.readLine()).isEqualTo("+ " + SaslTranscriptTest.XOAUTH2_ERROR);
                c.send("");
                assertThat(c.readLine()).isEqualTo("b1 NO [EXPIRED] Invalid credentials (Failure): the token has expired");
            }
            assertThat(server.tokens().list()).containsExactly(
                    new dev.imapmock.store.OAuthTokens.Token("alice", "alice#1", dev.imapmock.store.OAuthTokens.State.EXPIRED));
        }
    }
}
