package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @ImapServer(strictClient = true)} and the assertions on the client checks' report. */
@Timeout(60)
class StrictClientTest {

    @Kit.Fixture
    @ImapServer(strictClient = true)
    static class Strict {
        @Test
        void selectsBeforeLogin(ImapMockServer server) {
            try (TinyClient c = TinyClient.connect(server.port())) {
                c.send("SELECT INBOX");
            }
        }

        @Test
        void behaves(ImapMockServer server) {
            try (TinyClient c = TinyClient.connect(server.port())) {
                c.send("CAPABILITY");
                c.send("LOGOUT");
            }
        }
    }

    @Test
    void aStrictServerFailsTheTestOfAClientThatBreaksARuleAndOnlyThatOne() {
        var results = Kit.run(Strict.class);
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        assertThat(Kit.onlyFailure(results)).isInstanceOf(AssertionError.class).hasMessage(
                "Expected no protocol violations from the IMAP client, but the server found 1:\n"
                        + "  violation command-in-wrong-state (RFC 3501 §3) connection 1: a1 SELECT INBOX"
                        + " - SELECT is not valid in the not authenticated state");
    }

    @Kit.Fixture
    @ImapServer(clientPollingSeconds = 600)
    static class Polling {
        @Test
        void pollsThreeTimes(ImapMockServer server) {
            try (TinyClient c = TinyClient.connect(server.port())) {
                c.send("LOGIN user password");
                c.send("SELECT INBOX");
                c.send("NOOP");
                c.send("NOOP");
                c.send("NOOP");
                c.send("LOGOUT");
            }
            ImapAssertions.assertThat(server.clientReport()).hasNoWastefulPatterns();
        }

        @Test
        @ImapServer(clientPollingSeconds = -2)
        void misconfigured() {
        }
    }

    @Test
    void clientPollingSecondsSetsThePollingIntervalAndAValueBelowOneIsAConfigurationError() {
        var results = Kit.run(Polling.class);
        results.testEvents().assertStatistics(s -> s.started(2).failed(2));
        assertThat(Kit.failures(results)).hasSize(2)
                .anySatisfy(t -> assertThat(t).isInstanceOf(AssertionError.class).hasMessageContaining(
                        "3 polls less than 600 seconds apart although the server offers IDLE"))
                .anySatisfy(t -> assertThat(t).hasMessageContaining(
                        "clientPollingSeconds must be 1 or more (or -1 to inherit), not -2"));
    }

    @Test
    void namingARuleThatIsNoWastefulPatternIsRefusedSoATypoCannotPass() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            assertThatThrownBy(() -> ImapAssertions.assertThat(server.clientReport()).hasNoWastefulPatterns("reselct"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("hasNoWastefulPatterns: reselct is not a wasteful pattern; they are reselect,"
                            + " one-fetch-per-message,");
            assertThatThrownBy(() -> ImapAssertions.assertThat(server.journal()).hasNoWastefulPatterns("line-too-long"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ImapAssertions.assertThat(server.clientReport()).hasFinding("nope"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("hasFinding: nope is not a rule of the client checks; they are"
                            + " literal-before-continuation,");
        }
    }

    @Test
    void assertionsOnTheReportAndOnTheJournal() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
             TinyClient c = TinyClient.connect(server.port())) {
            c.send("LOGIN alice secret");
            c.send("SELECT INBOX");
            c.send("SELECT INBOX");
            Journal journal = server.journal();
            ImapAssertions.assertThat(server.clientReport()).hasNoViolations().hasFinding("reselect")
                    .hasNoWastefulPatterns("one-fetch-per-message");
            ImapAssertions.assertThat(journal).hasNoViolations();
            assertThatThrownBy(() -> ImapAssertions.assertThat(journal).hasNoWastefulPatterns())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("wasteful reselect (RFC 3501 §6.1.2) connection 1: SELECT INBOX");
        }
    }
}
