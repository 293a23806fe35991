package dev.imapmock.fault;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exact octets and the timing class of every effect, seen by a raw client. */
@Timeout(20)
class FaultTranscriptTest {
    static final String GREETING = "* OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR CHILDREN ID IDLE NAMESPACE UNSELECT"
            + " UIDPLUS MOVE ENABLE CONDSTORE ESEARCH SEARCHRES WITHIN AUTH=PLAIN] ImapMock ready.";
    /** 100 octets of body after a 31-octet header: 131 octets in all. */
    static final String MESSAGE = "Subject: hello\r\nFrom: a@b.c\r\n\r\n" + "x".repeat(98) + "\r\n";

    private ImapMockServer server;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
        server.deliver("alice", "INBOX", MESSAGE.getBytes(StandardCharsets.US_ASCII));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void respondAnswersNoWithCodeInsteadOfRunningTheCommand() throws InterruptedException {
        FaultRule rule = server.faults().on("LOGIN").respond("NO [UNAVAILABLE] Down for maintenance");
        try (RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: a1 LOGIN alice secret
                    S: a1 NO [UNAVAILABLE] Down for maintenance
                    C: a2 SELECT INBOX
                    S: a2 BAD SELECT is not allowed in the not authenticated state
                    """);
            rule.remove();
            c.play("""
                    C: a3 LOGIN alice secret
                    S~ a3 OK \\[CAPABILITY .*\\] Logged in
                    """);
        }
        server.journal().await(c -> "a3".equals(c.tag()), "the second LOGIN", Duration.ofSeconds(5));
        List<ReceivedCommand> logins = server.journal().commands("LOGIN");
        assertThat(logins.get(0).outcome()).hasToString("NO [UNAVAILABLE] Down for maintenance");
        assertThat(logins.get(0).faults()).containsExactly(rule.name());
        assertThat(logins.get(1).faults()).isEmpty();
    }

    @Test
    void nthFiresOnlyOnThatOccurrence() {
        server.faults().on("STATUS").nth(2).respond("NO [UNAVAILABLE] Try later");
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 STATUS INBOX (MESSAGES)
                    S: * STATUS INBOX (MESSAGES 1)
                    S: a1 OK Status completed.
                    C: a2 STATUS INBOX (MESSAGES)
                    S: a2 NO [UNAVAILABLE] Try later
                    C: a3 STATUS INBOX (MESSAGES)
                    S: * STATUS INBOX (MESSAGES 1)
                    S: a3 OK Status completed.
                    """);
        }
    }

    @Test
    void byeSendsItsTextAndCloses() {
        server.faults().on("SELECT").bye("Server shutting down");
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.send("a1 SELECT INBOX");
            assertThat(c.readToEnd()).isEqualTo("* BYE Server shutting down\r\n");
        }
        assertThat(awaitCommand("SELECT").outcome().status()).isEqualTo("DISCONNECTED");
    }

    @Test
    void disconnectClosesWithoutAWord() {
        FaultRule rule = server.faults().on("SELECT").disconnect();
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.send("a1 SELECT INBOX");
            assertThat(c.readToEnd()).isEmpty();
        }
        ReceivedCommand select = awaitCommand("SELECT");
        assertThat(select.outcome().status()).isEqualTo("DISCONNECTED");
        assertThat(select.faults()).containsExactly(rule.name());
    }

    @Test
    void resetEndsTheStreamAtOnce() {
        server.faults().on("NOOP").reset();
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.send("a1 NOOP");
            assertThat(c.readToEnd()).isEmpty();
        }
    }

    @Test
    void delayHoldsTheAnswerThenAnswersNormally() {
        server.faults().on("NOOP").delay(Duration.ofMillis(500));
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            long start = System.nanoTime();
            c.play("""
                    C: a1 NOOP
                    S: a1 OK NOOP completed.
                    """);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void stallSendsNothingUntilTheRuleIsRemoved() {
        FaultRule stall = server.faults().on("NOOP").stall();
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.soTimeout(300).send("a1 NOOP");
            assertThatThrownBy(c::readLine).hasCauseInstanceOf(SocketTimeoutException.class);
            stall.remove();
            c.soTimeout(10_000);
            assertThat(c.readLine()).isEqualTo("a1 OK NOOP completed.");
        }
    }

    @Test
    void stallEndsWhenItsLatchIsReleased() {
        CountDownLatch latch = new CountDownLatch(1);
        server.faults().on("NOOP").stall(latch);
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.soTimeout(300).send("a1 NOOP");
            assertThatThrownBy(c::readLine).hasCauseInstanceOf(SocketTimeoutException.class);
            latch.countDown();
            c.soTimeout(10_000);
            assertThat(c.readLine()).isEqualTo("a1 OK NOOP completed.");
        }
    }

    @Test
    void closingTheServerReleasesStallsAndDelaysPromptly() throws InterruptedException {
        FaultRule stall = server.faults().on("NOOP").stall();
        FaultRule delay = server.faults().on("CAPABILITY").delay(Duration.ofMinutes(5));
        try (RawClient stalled = RawClient.login(server, "alice", "secret");
             RawClient delayed = RawClient.login(server, "alice", "secret")) {
            stalled.send("a1 NOOP");
            delayed.send("a1 CAPABILITY");
            awaitFired(stall, 1);
            awaitFired(delay, 1);
            long start = System.nanoTime();
            server.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(stalled.readToEnd()).isEmpty();
            assertThat(delayed.readToEnd()).isEmpty();
        }
    }

    @Test
    void throttleTakesAtLeastTheComputedTime() {
        server.faults().on("FETCH").throttle(200);
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            long start = System.nanoTime();
            List<String> lines = c.command("f", "FETCH 1 BODY.PEEK[]");
            long elapsed = System.nanoTime() - start;
            assertThat(lines).containsExactly("* 1 FETCH (BODY[] {131}", "Subject: hello", "From: a@b.c", "",
                    "x".repeat(98), ")", "f OK Fetch completed.");
            int octets = lines.stream().mapToInt(l -> l.length() + 2).sum();
            // At 200 octets a second, the ~180 octets of the answer take ~0.9 s.
            assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(Duration.ofMillis(octets * 1000L / 200 - 100));
        }
    }

    @Test
    void sliceKeepsTheOctetsExact() {
        server.faults().on("FETCH").slice(2, Duration.ofMillis(1));
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: f FETCH 1 (UID BODY.PEEK[HEADER])
                    S: * 1 FETCH (UID 1 BODY[HEADER] {31}
                    S: Subject: hello
                    S: From: a@b.c
                    S~ ^$
                    S: )
                    S: f OK Fetch completed.
                    """);
        }
    }

    @Test
    void injectAfterReadComesBeforeTheRealResponse() {
        server.faults().on("NOOP").inject("* 5 EXISTS", "* OK [ALERT] Maintenance at noon");
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 NOOP
                    S: * 5 EXISTS
                    S: * OK [ALERT] Maintenance at noon
                    S: a1 OK NOOP completed.
                    """);
        }
    }

    @Test
    void injectAfterTaggedComesAfterTheTaggedReply() {
        server.faults().on("NOOP").afterTagged().inject("* 1 EXPUNGE");
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 NOOP
                    S: a1 OK NOOP completed.
                    S: * 1 EXPUNGE
                    """);
        }
    }

    @Test
    void pushReachesAnIdlingSessionAtOnce() throws Exception {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: i IDLE
                    S: + idling
                    """);
            awaitCommandCount(2);
            assertThat(server.faults().push("* 1 FETCH (FLAGS (\\Seen))", "* OK [ALERT] Hello")).isEqualTo(1);
            c.play("""
                    S: * 1 FETCH (FLAGS (\\Seen))
                    S: * OK [ALERT] Hello
                    C: DONE
                    S: i OK Idle completed.
                    """);
        }
    }

    @Test
    void pushReachesASessionWaitingForItsNextCommand() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            server.faults().push("* BYE Going away");
            assertThat(c.readLine()).isEqualTo("* BYE Going away");
        }
    }

    @Test
    void garbageIsSentAsItIsThenTheConnectionCloses() {
        server.faults().on("NOOP").garbage(new byte[] {'*', ' ', 0, (byte) 0xff, '\r'});
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.send("a1 NOOP");
            assertThat(c.readToEnd()).isEqualTo("* \u0000\u00ff\r");
        }
    }

    @Test
    void afterBytesCutsTheResponseThere() {
        server.faults().on("FETCH").afterBytes(20).disconnect();
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.send("f FETCH 1 BODY[]");
            assertThat(c.readToEnd()).isEqualTo("* 1 FETCH (BODY[] {1");
        }
    }

    @Test
    void inLiteralCutsTheConnectionInsideTheMessage() {
        server.faults().on("FETCH").inLiteral(9).reset();
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.send("f FETCH 1 BODY[]");
            assertThat(c.readToEnd()).isEqualTo("* 1 FETCH (BODY[] {131}\r\nSubject: ");
        }
    }

    @Test
    void respondBeforeResponseRunsTheCommandButAnswersNo() {
        server.faults().on("APPEND").beforeResponse().respond("NO [SERVERBUG] Lost the answer");
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 APPEND INBOX {5+}
                    C: hello
                    S: a1 NO [SERVERBUG] Lost the answer
                    """);
        }
        assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").size()).isEqualTo(2);
    }

    @Test
    void overQuotaRefusesAppend() {
        server.faults().on("APPEND").overQuota();
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 APPEND INBOX {5+}
                    C: hello
                    S: a1 NO [OVERQUOTA] Quota exceeded
                    """);
        }
        assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").size()).isEqualTo(1);
    }

    @Test
    void bumpUidValidityGivesTheMailboxANewOne() {
        long before = server.store().account("alice").orElseThrow().mailbox("INBOX").uidValidity();
        server.faults().on("SELECT").once().bumpUidValidity();
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> lines = c.command("s", "SELECT INBOX");
            assertThat(lines).contains("* 1 EXISTS", "* OK [UIDNEXT 2] Predicted next UID")
                    .doesNotContain("* OK [UIDVALIDITY " + before + "] UIDs valid");
        }
        assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").uidValidity()).isNotEqualTo(before);
    }

    @Test
    void bumpUidValidityTellsSessionsThatSelectedTheMailboxBye() {
        try (RawClient watcher = RawClient.login(server, "alice", "secret");
             RawClient other = RawClient.login(server, "alice", "secret")) {
            watcher.command("s", "SELECT INBOX");
            server.faults().on("STATUS").bumpUidValidity();
            other.command("a1", "STATUS INBOX (UIDVALIDITY)");
            watcher.play("""
                    C: n NOOP
                    S: n OK NOOP completed.
                    S: * BYE Selected mailbox was deleted, have to disconnect.
                    """);
        }
    }

    @Test
    void removeMailboxMakesItDisappear() {
        server.store().account("alice").orElseThrow().create("Work");
        server.faults().on("SELECT").mailbox("Work").removeMailbox();
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: s SELECT Work
                    S: s NO [NONEXISTENT] Mailbox doesn't exist: Work
                    """);
        }
    }

    @Test
    void greetingByeRejectsTheConnection() {
        server.faults().onGreeting().bye("Too many connections");
        try (RawClient c = new RawClient(server.host(), server.port())) {
            assertThat(c.readToEnd()).isEqualTo("* BYE Too many connections\r\n");
        }
    }

    @Test
    void greetingDelayHoldsTheGreeting() {
        server.faults().onGreeting().delay(Duration.ofMillis(500));
        long start = System.nanoTime();
        try (RawClient c = new RawClient(server.host(), server.port())) {
            assertThat(c.readLine()).isEqualTo(GREETING);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void refuseConnectionsAfterServesOnlyTheFirstOnes() {
        server.faults().refuseConnectionsAfter(1);
        try (RawClient first = new RawClient(server.host(), server.port());
             RawClient second = new RawClient(server.host(), server.port())) {
            assertThat(first.readLine()).isEqualTo(GREETING);
            assertThat(second.readToEnd()).isEqualTo("* BYE Too many connections\r\n");
        }
    }

    @Test
    void autologoutEndsASilentConnection() {
        server.faults().autologoutAfter(Duration.ofMillis(300));
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            long start = System.nanoTime();
            assertThat(c.readToEnd()).isEqualTo("* BYE Autologout; idle for too long\r\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void whileIdleByeEndsTheIdlingSession() {
        server.faults().onIdle(Duration.ofMillis(200)).bye("Server restarting");
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: i IDLE
                    S: + idling
                    """);
            assertThat(c.readToEnd()).isEqualTo("* BYE Server restarting\r\n");
        }
    }

    @Test
    void whileIdleInjectSendsUnsolicitedData() {
        server.faults().onIdle().inject("* 2 EXISTS");
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: i IDLE
                    S: + idling
                    S: * 2 EXISTS
                    C: DONE
                    S: i OK Idle completed.
                    """);
        }
    }

    @Test
    void uidFetchIsNotFetch() {
        server.faults().on("UID FETCH").respond("NO [UNAVAILABLE] Not now");
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: f FETCH 1 UID
                    S: * 1 FETCH (UID 1)
                    S: f OK Fetch completed.
                    C: u UID FETCH 1 UID
                    S: u NO [UNAVAILABLE] Not now
                    """);
        }
    }

    @Test
    void assertAllFiredNamesTheRulesThatNeverFired() {
        server.faults().on("LOGIN").named("login down").respond("NO [UNAVAILABLE] Down");
        server.faults().on("EXPUNGE").named("expunge broken").respond("NO [SERVERBUG] Broken");
        try (RawClient c = RawClient.connect(server)) {
            c.command("a1", "LOGIN alice secret");
        }
        assertThatThrownBy(() -> server.faults().assertAllFired())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Fault rules that never fired: expunge broken");
    }

    private ReceivedCommand awaitCommand(String name) {
        try {
            return server.journal().awaitCommand(name, Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a rule fired {@code n} times; a rule counts when the command is read. */
    static void awaitFired(FaultRule rule, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (rule.firedCount() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(rule.name() + " fired " + rule.firedCount() + " times, not " + n);
            }
            Thread.sleep(5);
        }
    }

    private void awaitCommandCount(int n) throws InterruptedException {
        server.journal().await(c -> server.journal().commands().size() >= n, n + " commands", Duration.ofSeconds(5));
    }
}
