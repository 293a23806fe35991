package dev.imapmock.sasl;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.OAuthTokens;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.imapmock.sasl.SaslTranscriptTest.xoauth2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fault "a token expires at the n-th login", in Java ({@code faults().expireTokenAtLogin})
 * and in the fault-file form ({@code token TOKEN expires-at-login N}, which {@code @ImapFault}
 * takes too): the logins before it succeed, the n-th answers as an expired token does.
 */
@Timeout(20)
class TokenExpiryFaultTest {
    private static final String EXPIRED = "NO [EXPIRED] Invalid credentials (Failure): the token has expired";

    private static ImapMockServer server() {
        return ImapMockServer.builder().user("alice", "secret").token("alice", "ya29.test").build().start();
    }

    private static void logsIn(ImapMockServer server, String tag) {
        try (RawClient c = RawClient.connect(server)) {
            assertThat(c.command(tag, "AUTHENTICATE XOAUTH2 " + xoauth2("alice", "ya29.test")))
                    .last().asString().startsWith(tag + " OK ");
        }
    }

    private static void isExpired(ImapMockServer server, String tag) {
        try (RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: %s AUTHENTICATE XOAUTH2 %s
                    S: + %s
                    C:\s
                    S: %s %s
                    """.formatted(tag, xoauth2("alice", "ya29.test"), SaslTranscriptTest.XOAUTH2_ERROR, tag, EXPIRED));
            c.assertStillWorks("n1");
        }
    }

    @Test
    void inJavaTheTokenExpiresAtTheNthLoginAndClearingTheRulesLeavesIt() {
        try (ImapMockServer server = server()) {
            server.faults().expireTokenAtLogin("ya29.test", 3);
            logsIn(server, "a1");
            server.faults().clear();
            logsIn(server, "a2");
            isExpired(server, "a3");
            isExpired(server, "a4");
            assertThat(server.tokens().list()).containsExactly(
                    new OAuthTokens.Token("alice", "alice#1", OAuthTokens.State.EXPIRED));
            server.tokens().renew("ya29.test");
            logsIn(server, "a5");
        }
    }

    @Test
    void theFaultFileLineFormDoesTheSame() {
        try (ImapMockServer server = server()) {
            assertThat(server.faults().load("""
                    # the access token runs out at the second login
                    token ya29.test expires-at-login 2
                    """)).isEmpty();
            logsIn(server, "b1");
            isExpired(server, "b2");
        }
    }

    @Test
    void aBadTokenLineIsRefusedAndTheFileAddsNothing() {
        try (ImapMockServer server = server()) {
            assertThatThrownBy(() -> server.faults().load("on NOOP bye Later\ntoken ya29.other expires-at-login 1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("text:2: No such token");
            assertThatThrownBy(() -> server.faults().load("token ya29.test expires-at-login 0"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("text:1: The login at which a token expires is 1 or later, not 0");
            assertThatThrownBy(() -> server.faults().load("token ya29.test expires 1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("text:1: a token line is token TOKEN expires-at-login N, not ... expires");
            assertThatThrownBy(() -> server.faults().expireTokenAtLogin("ya29.other", 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("No such token");
            assertThat(server.faults().rules()).isEmpty();
            logsIn(server, "c1");
            logsIn(server, "c2");
        }
    }
}
