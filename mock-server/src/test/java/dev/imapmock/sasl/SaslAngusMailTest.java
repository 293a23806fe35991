package dev.imapmock.sasl;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.Angus;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Angus Mail logging in with each mechanism it implements: PLAIN, LOGIN and XOAUTH2. */
@Timeout(30)
class SaslAngusMailTest {
    private ImapMockServer server;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").token("alice", "ya29.test").build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Store store(String mechanism) throws Exception {
        Properties props = Angus.properties(server);
        props.setProperty("mail.imap.auth.mechanisms", mechanism);
        props.setProperty("mail.imap.auth.xoauth2.disable", "false");
        return Session.getInstance(props).getStore("imap");
    }

    private ReceivedCommand lastLogin() {
        return server.journal().commands("AUTHENTICATE").get(server.journal().commands("AUTHENTICATE").size() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "LOGIN"})
    void passwordMechanismsLogIn(String mechanism) throws Exception {
        Store store = store(mechanism);
        store.connect("alice", "secret");
        try {
            assertThat(store.getFolder("INBOX").exists()).isTrue();
        } finally {
            store.close();
        }
        assertThat(lastLogin().authentication()).isEqualTo(new ReceivedCommand.Authentication(mechanism, "alice", null));
        assertThat(lastLogin().outcome().status()).isEqualTo("OK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "LOGIN"})
    void wrongPasswordIsAnAuthenticationFailure(String mechanism) throws Exception {
        Store store = store(mechanism);
        assertThatThrownBy(() -> store.connect("alice", "wrong")).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("Authentication failed.");
    }

    @Test
    void xoauth2LogsInWithTheTokenAsPassword() throws Exception {
        Store store = store("XOAUTH2");
        store.connect("alice", "ya29.test");
        store.close();
        assertThat(lastLogin().authentication()).isEqualTo(new ReceivedCommand.Authentication("XOAUTH2", "alice", "alice#1"));
        assertThat(server.journal().commands()).extracting(ReceivedCommand::toString).noneMatch(s -> s.contains("ya29"));
    }

    @Test
    void expiredTokenFailsSoTheAppRefreshesAndLogsInWithTheNewOne() throws Exception {
        server.tokens().expire("ya29.test");
        Store store = store("XOAUTH2");
        assertThatThrownBy(() -> store.connect("alice", "ya29.test")).isInstanceOf(AuthenticationFailedException.class);
        assertThat(lastLogin().outcome().code()).isEqualTo("EXPIRED");
        server.tokens().add("alice", "ya29.refreshed");
        Store again = store("XOAUTH2");
        again.connect("alice", "ya29.refreshed");
        again.close();
        assertThat(lastLogin().authentication().tokenLabel()).isEqualTo("alice#2");
    }
}
