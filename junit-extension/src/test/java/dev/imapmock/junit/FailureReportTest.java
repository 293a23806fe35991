package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.junit.ImapServer.Lifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

@Timeout(60)
class FailureReportTest {
    static final Map<String, ImapMockServer> SEEN = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret", fixtures = "mail/alice")
    static class FailsAfterASession {
        @Test
        void failsWhileAClientIsConnected(ImapMockServer server) throws InterruptedException {
            SEEN.put("server", server);
            TinyClient client = TinyClient.connect(server.port());
            client.send("LOGIN alice secret");
            client.send("SELECT INBOX");
            client.send("FROBNICATE");
            // The server journals a command just after answering it.
            server.journal().awaitCommand("FROBNICATE", Duration.ofSeconds(5));
            fail("the app did something wrong");
        }
    }

    @Test
    void aFailedTestCarriesTheSessionTranscriptWithPasswordsMasked() {
        Throwable failure = Kit.onlyFailure(Kit.run(FailsAfterASession.class));
        ImapMockServer server = SEEN.get("server");
        List<ReceivedCommand> commands = server.journal().commands();

        assertThat(failure).hasMessage("the app did something wrong");
        assertThat(failure.getSuppressed()).hasSize(1);
        String expected = "IMAP session transcript of 127.0.0.1:" + server.port() + " (3 commands, passwords masked):\n"
                + commands.stream().map(c -> "  " + c).collect(Collectors.joining("\n"));
        assertThat(failure.getSuppressed()[0]).hasMessage(expected);
        assertThat(expected)
                .contains("#1.1 a1 LOGIN alice *** -> OK")
                .contains("#1.2 a2 SELECT INBOX -> OK")
                .contains("#1.3 a3 FROBNICATE -> BAD")
                .doesNotContain("secret");
    }

    @Test
    void aFailedTestLeavesNoThreadAndNoPortBehind() throws IOException {
        Kit.onlyFailure(Kit.run(FailsAfterASession.class));
        int port = SEEN.get("server").port();
        assertNothingLeft(port);
    }

    @Kit.Fixture
    @ImapServer(lifecycle = Lifecycle.PER_CLASS)
    static class PerClassFails {
        @Test
        void fails(ImapMockServer server) throws InterruptedException {
            SEEN.put("server", server);
            TinyClient.connect(server.port()).send("NOOP");
            server.journal().awaitCommand("NOOP", Duration.ofSeconds(5));
            fail("boom");
        }
    }

    @Test
    void aPerClassServerIsClosedAfterAFailedClass() throws IOException {
        Throwable failure = Kit.onlyFailure(Kit.run(PerClassFails.class));
        assertThat(failure.getSuppressed()[0].getMessage()).contains("#1.1 a1 NOOP -> OK");
        assertNothingLeft(SEEN.get("server").port());
    }

    @Kit.Fixture
    @ImapServer
    static class FailsWithAJournalAssertion {
        @Test
        void fails(ImapMockServer server) {
            ImapAssertions.assertThat(server.journal()).received("LOGIN");
        }
    }

    @Test
    void aJournalAssertionFailureIsNotGivenASecondTranscript() {
        Throwable failure = Kit.onlyFailure(Kit.run(FailsWithAJournalAssertion.class));
        assertThat(failure).hasMessage("Expected the IMAP server to have received LOGIN, but it did not.\n"
                + "It received no commands at all.");
        assertThat(failure.getSuppressed()).isEmpty();
    }

    @Kit.Fixture
    @ImapServer
    static class NoCommands {
        @Test
        void fails() {
            fail("before any client");
        }
    }

    @Test
    void anEmptyTranscriptSaysSo() {
        Throwable failure = Kit.onlyFailure(Kit.run(NoCommands.class));
        assertThat(failure.getSuppressed()[0].getMessage())
                .matches("IMAP session transcript of 127\\.0\\.0\\.1:\\d+ \\(0 commands, passwords masked\\):\n"
                        + "  \\(no commands received\\)");
    }

    private static void assertNothingLeft(int port) throws IOException {
        List<String> left = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.equals("imapmock-accept-" + port) || name.startsWith("imapmock-" + port + "-"))
                .collect(Collectors.toList());
        assertThat(left).as("server threads still alive").isEmpty();
        // A refused connection proves nothing listens; binding again could collide with any
        // client socket that happens to hold the same ephemeral port.
        assertThatThrownBy(() -> {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            }
        }).isInstanceOf(java.net.ConnectException.class);
    }
}
