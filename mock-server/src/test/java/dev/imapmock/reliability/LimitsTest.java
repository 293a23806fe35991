package dev.imapmock.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each configured limit answers cleanly and leaves the connection (or the server) usable. */
@Timeout(30)
class LimitsTest {

    @Test
    void aLineOverTheLimitIsRefusedAndTheConnectionGoesOn() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").maxLineLength(4096).build().start();
             RawClient c = RawClient.connect(server)) {
            c.send("a NOOP " + "x".repeat(1 << 20));
            assertThat(c.readLine()).isEqualTo("a BAD Command line too long (the limit is 4096 octets)");
            assertThat(c.command("b", "NOOP")).containsExactly("b OK NOOP completed.");
        }
    }

    @Test
    void aLiteralOverTheLimitGetsNoContinuationButABad() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").maxLiteralSize(1000).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.send("a APPEND INBOX {1001}");
            assertThat(c.readLine()).startsWith("a BAD Literal too big (1001 octets; the limit is 1000)");
            c.send("b APPEND INBOX {2147483648}");
            assertThat(c.readLine()).startsWith("b BAD Literal too big");
            c.send("c APPEND INBOX {99999999999999}");
            assertThat(c.readLine()).startsWith("c BAD");
            assertThat(c.command("d", "NOOP")).last().asString().startsWith("d OK");
        }
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").maxNesting(5).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.send("a SEARCH " + "(".repeat(7) + "ALL" + ")".repeat(7));
            assertThat(c.readLine()).isEqualTo("a BAD Too deeply nested parentheses (the limit is 5)");
            c.send("b SEARCH " + "(".repeat(100_000));
            assertThat(c.readLine()).startsWith("b BAD");
            assertThat(c.command("c", "SEARCH ((ALL))")).last().asString().startsWith("c OK");
        }
    }

    @Test
    void connectionsOverTheLimitGetByeAndAreClosed() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").maxConnections(2).build().start();
             RawClient first = RawClient.connect(server);
             RawClient second = RawClient.connect(server)) {
            try (RawClient third = new RawClient(server.host(), server.port())) {
                assertThat(third.readLine()).isEqualTo("* BYE Too many connections");
                assertThat(third.closedByServer()).isTrue();
            }
            List<Thread> firstThread = ServerThreads.connections(server.port()).stream()
                    .filter(t -> t.getName().endsWith("-conn-1")).toList();
            first.command("z", "LOGOUT");
            assertThat(first.closedByServer()).isTrue();
            // Wait for the connection's thread itself to end, not for a time.
            assertThat(ServerThreads.awaitEnd(firstThread, System.nanoTime() + 5_000_000_000L)).isEmpty();
            try (RawClient fourth = RawClient.connect(server)) {
                assertThat(fourth.command("n", "NOOP")).last().asString().startsWith("n OK");
            }
            assertThat(second.command("n", "NOOP")).last().asString().startsWith("n OK");
        }
    }

    @Test
    void anIdleConnectionIsLoggedOutWithBye() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret")
                .idleTimeout(Duration.ofMillis(300)).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(c.readLine()).isEqualTo("* BYE Autologout; idle for too long");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void anIdlingConnectionIsLoggedOutWithByeToo() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret")
                .idleTimeout(Duration.ofMillis(300)).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.send("i IDLE");
            assertThat(c.readLine()).isEqualTo("+ idling");
            assertThat(c.readLine()).isEqualTo("* BYE Autologout; idle for too long");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void appendAndCopyOverTheMessageLimitAnswerOverquota() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").maxMessagesPerMailbox(2)
                .build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(append(c, "a", "INBOX", Mail.plain("one", "q1"))).startsWith("a OK [APPENDUID ");
            assertThat(append(c, "b", "INBOX", Mail.plain("two", "q2"))).startsWith("b OK [APPENDUID ");
            assertThat(append(c, "c", "INBOX", Mail.plain("three", "q3")))
                    .isEqualTo("c NO [OVERQUOTA] Mailbox is full (the limit is 2 messages)");
            c.command("d", "CREATE Other");
            assertThat(append(c, "e", "Other", Mail.plain("one", "q4"))).startsWith("e OK");
            c.command("f", "SELECT INBOX");
            assertThat(c.command("g", "COPY 1:2 Other")).last().asString().startsWith("g NO [OVERQUOTA]");
            assertThat(c.command("h", "MOVE 1:2 Other")).last().asString().startsWith("h NO [OVERQUOTA]");
            assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").size()).isEqualTo(2);
            assertThat(server.store().account("alice").orElseThrow().mailbox("Other").size()).isEqualTo(1);
            assertThat(c.command("i", "MOVE 1 Other")).last().asString().startsWith("i OK");
        }
    }

    @Test
    void appendOverTheAccountSizeAnswersOverquotaUntilSomethingIsExpunged() {
        byte[] mail = Mail.plain("sized", "s1");
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret")
                .maxAccountBytes(2L * mail.length).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("a", "CREATE Other");
            assertThat(append(c, "b", "INBOX", mail)).startsWith("b OK");
            assertThat(append(c, "c", "Other", mail)).startsWith("c OK");
            assertThat(append(c, "d", "INBOX", mail))
                    .isEqualTo("d NO [OVERQUOTA] Quota exceeded (mailbox for user is full)");
            c.command("e", "SELECT Other");
            assertThat(c.command("f", "COPY 1 INBOX")).last().asString().startsWith("f NO [OVERQUOTA]");
            c.command("g", "STORE 1 +FLAGS.SILENT (\\Deleted)");
            assertThat(c.command("h", "EXPUNGE")).contains("* 1 EXPUNGE");
            assertThat(append(c, "i", "INBOX", mail)).startsWith("i OK");
        }
    }

    private static String append(RawClient c, String tag, String mailbox, byte[] message) {
        c.sendRaw((tag + " APPEND " + mailbox + " {" + message.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
        c.sendRaw(message);
        c.send("");
        List<String> lines = c.readUntilTagged(tag);
        return lines.get(lines.size() - 1);
    }
}
