package dev.imapmock.journal;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the journal keeps of each command, and how tests read, wait for and clear it. */
@Timeout(30)
class JournalTest {
    private ImapMockServer server;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
        for (int i = 1; i <= 30; i++) {
            server.deliver("alice", "INBOX", ("Subject: " + i + "\r\n\r\nbody " + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachCommandIsRecordedWithConnectionIndexUserMailboxAndOutcome() {
        try (RawClient c = RawClient.connect(server)) {
            c.command("a1", "LOGIN alice secret");
            c.command("a2", "SELECT INBOX");
            c.command("a3", "FROB");
        }
        List<ReceivedCommand> commands = server.journal().commands();
        assertThat(commands).extracting(ReceivedCommand::line)
                .containsExactly("a1 LOGIN alice ***", "a2 SELECT INBOX", "a3 FROB");
        ReceivedCommand select = commands.get(1);
        assertThat(select.connection()).isEqualTo(1);
        assertThat(select.index()).isEqualTo(2);
        assertThat(select.user()).isEqualTo("alice");
        assertThat(select.mailbox()).isNull();
        assertThat(select.outcome()).hasToString("OK [READ-WRITE] Select completed.");
        assertThat(commands.get(2).mailbox()).isEqualTo("INBOX");
        assertThat(commands.get(2).outcome()).hasToString("BAD Unknown command FROB");
    }

    @Test
    void secretsNeverReachTheJournal() {
        try (RawClient c = RawClient.connect(server)) {
            c.command("a1", "LOGIN alice wrong");
            c.sendRaw("a2 LOGIN \"alice\" {6+}\r\nsecret\r\n".getBytes(StandardCharsets.US_ASCII));
            c.readUntilTagged("a2");
        }
        try (RawClient c = RawClient.connect(server)) {
            c.command("b1", "AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==");
        }
        assertThat(server.journal().toString()).doesNotContain("wrong", "AGFsaWNlAHNlY3JldA==", "secret");
        assertThat(server.journal().commands()).extracting(ReceivedCommand::line)
                .containsExactly("a1 LOGIN alice ***", "a2 LOGIN \"alice\" ***", "b1 AUTHENTICATE PLAIN ***");
    }

    @Test
    void theFirstResponseLinesAreKeptWithLiteralsShortened() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("a1", "SELECT INBOX");
            c.send("a2 FETCH 1 BODY[]");
            c.readUntilTagged("a2");
            c.command("a3", "FETCH 1:* (FLAGS)");
        }
        List<ReceivedCommand> commands = server.journal().commands();
        assertThat(commands.get(1).responses()).startsWith("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)")
                .contains("* 30 EXISTS");
        assertThat(commands.get(2).responses())
                .containsExactly("* 1 FETCH (BODY[] {22}\u2026 FLAGS (\\Seen \\Recent))");
        assertThat(commands.get(3).responses()).hasSize(21).endsWith("\u2026");
    }

    @Test
    void aCommandCutOffByTheClientIsRecordedAsDisconnected() throws Exception {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("a1", "SELECT INBOX");
            c.send("a2 IDLE");
            assertThat(c.readLine()).isEqualTo("+ idling");
        }
        ReceivedCommand idle = server.journal().awaitCommand("IDLE", Duration.ofSeconds(10));
        assertThat(idle.outcome().status()).isEqualTo("DISCONNECTED");
        assertThat(idle.responses()).containsExactly("+ idling");
    }

    @Test
    void awaitCommandReturnsACommandThatArrivesLater() throws Exception {
        CompletableFuture<ReceivedCommand> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return server.journal().awaitCommand("noop", Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try (RawClient c = RawClient.connect(server)) {
            c.command("x", "NOOP");
        }
        assertThat(waiting.get(10, TimeUnit.SECONDS).tag()).isEqualTo("x");
    }

    @Test
    void awaitCommandFailsAtTheTimeoutNamingWhatArrived() {
        try (RawClient c = RawClient.connect(server)) {
            c.command("a1", "CAPABILITY");
        }
        assertThatThrownBy(() -> server.journal().awaitCommand("SELECT", Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Waited 100 ms for a SELECT command but it never arrived; received: [a1 CAPABILITY]");
    }

    @Test
    void closingTheServerWakesEveryWaiter() {
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                server.journal().awaitCommand("SELECT", Duration.ofMinutes(5));
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        server.close();
        assertThat(waiting.join()).isInstanceOf(IllegalStateException.class)
                .hasMessage("The server closed while waiting for a SELECT command");
    }

    @Test
    void clearForgetsEverything() {
        try (RawClient c = RawClient.connect(server)) {
            c.command("a1", "NOOP");
        }
        server.journal().clear();
        assertThat(server.journal().commands()).isEmpty();
    }

    @Test
    void aJournalKeepsTheMostRecentCommandsUpToItsCapacity() {
        try (ImapMockServer small = ImapMockServer.builder().user("alice", "secret").journalCapacity(3).build().start();
             RawClient c = RawClient.connect(small)) {
            for (int i = 1; i <= 5; i++) {
                c.command("n" + i, "NOOP");
            }
            assertThat(small.journal().commands()).extracting(ReceivedCommand::tag).containsExactly("n3", "n4", "n5");
        }
    }

    @Test
    void listenersHearEveryNewCommandInOrderUntilTheyStop() {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        Journal.Subscription subscription = server.journal().listen(c -> heard.add(c.line()));
        try (RawClient c = RawClient.connect(server)) {
            c.command("a1", "LOGIN alice secret");
            c.command("a2", "NOOP");
            subscription.close();
            subscription.close();
            c.command("a3", "NOOP");
        }
        assertThat(heard).containsExactly("a1 LOGIN alice ***", "a2 NOOP");
        assertThat(server.journal().commands()).hasSize(3);
    }
}
