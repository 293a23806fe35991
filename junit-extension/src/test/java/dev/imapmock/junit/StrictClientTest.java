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
