package dev.imapmock.check;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.MutableClock;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.imapmock.check.CheckFixtures.rules;
import static dev.imapmock.check.CheckFixtures.selected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each client check, over a raw socket: one conversation that triggers it, and one that comes
 * close and must not. Findings are recorded before the command's answer leaves, so they are there
 * once the tagged response is read.
 */
@Timeout(20)
class ClientChecksTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

    private ImapMockServer server(Extension... with) {
        return CheckFixtures.started(ImapMockServer.builder().user("alice", "secret").clock(clock).with(with), 3, "");
    }


    @Test
    void literalDataBeforeTheContinuationIsAViolation() {
        try (ImapMockServer server = server(); RawClient c = RawClient.connect(server)) {
            c.sendAscii("a1 LOGIN {5}\r\nalice secret\r\n");
            assertThat(c.readUntilTagged("a1")).last().asString().startsWith("a1 OK");
            Finding f = server.clientReport().violations().get(0);
            assertThat(f.rule()).isEqualTo("literal-before-continuation");
            assertThat(f.rfc()).isEqualTo("RFC 3501 §7.5");
            assertThat(f.command()).isEqualTo("a1 LOGIN \"alice\" ***");
            assertThat(f.connection()).isEqualTo(1);
        }
    }

    @Test
    void aLineWithoutACommandNameIsAnsweredAndJudgedByNoCheck() {
        try (ImapMockServer server = server(); RawClient c = RawClient.connect(server)) {
            c.send("*");
            assertThat(c.readLine()).startsWith("* BAD");
            c.command("a1", "NOOP");
            assertThat(server.clientReport()).isEmpty();
        }
    }

    @Test
    void literalDataAfterTheContinuationIsFine() {
        try (ImapMockServer server = server(); RawClient c = RawClient.connect(server)) {
            c.sendAscii("a1 LOGIN {5}\r\n");
            assertThat(c.readLine()).startsWith("+ ");
            c.sendAscii("alice secret\r\n");
            assertThat(c.readUntilTagged("a1")).last().asString().startsWith("a1 OK");
            assertThat(server.clientReport()).isEmpty();
        }
    }

    @Test
    void aNonSynchronizingLiteralWithoutLiteralPlusIsAViolation() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").without(Extension.LITERAL_PLUS)
                .build().start(); RawClient c = RawClient.connect(server)) {
            c.sendAscii("a1 LOGIN {5+}\r\nalice secret\r\n");
            c.readUntilTagged("a1");
            assertThat(rules(server)).containsExactly("nonsync-literal-not-offered");
        }
    }

    @Test
    void aNonSynchronizingLiteralUnderLiteralPlusIsFine() {
        try (ImapMockServer server = server(); RawClient c = RawClient.connect(server)) {
            c.sendAscii("a1 LOGIN {5+}\r\nalice secret\r\n");
            c.readUntilTagged("a1");
            assertThat(server.clientReport()).isEmpty();
        }
    }

    @Test
    void aNonSynchronizingLiteralOver4096OctetsUnderLiteralMinusIsAViolationAnd4096IsNot() {
        try (ImapMockServer server = server(Extension.LITERAL_MINUS); RawClient c = selected(server)) {
            c.sendAscii("a1 APPEND INBOX {4096+}\r\nSubject: 3\r\n" + "z".repeat(4084) + "\r\n");
            c.readUntilTagged("a1");
            assertThat(server.clientReport()).isEmpty();
            c.sendAscii("a2 APPEND INBOX {4097+}\r\n" + "x".repeat(4097) + "\r\n");
            c.readUntilTagged("a2");
            assertThat(rules(server)).containsExactly("nonsync-literal-too-big");
        }
    }

    @Test
    void aCommandInTheWrongStateIsAViolationAndOneInTheRightStateIsNot() {
        try (ImapMockServer server = server(); RawClient c = RawClient.connect(server)) {
            c.command("a1", "CAPABILITY");
            assertThat(server.clientReport()).isEmpty();
            c.command("a2", "SELECT INBOX");
            Finding f = server.clientReport().get(0);
            assertThat(f.rule()).isEqualTo("command-in-wrong-state");
            assertThat(f.explanation()).isEqualTo("SELECT is not valid in the not authenticated state");
        }
    }

    @Test
    void aCommandWhileIdlingIsAViolationAndDoneIsNot() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.send("i1 IDLE");
            assertThat(c.readLine()).startsWith("+ ");
            c.send("DONE");
            c.readUntilTagged("i1");
            assertThat(server.clientReport()).isEmpty();
            c.send("i2 IDLE");
            assertThat(c.readLine()).startsWith("+ ");
            c.send("n1 NOOP");
            c.readUntilTagged("i2");
            assertThat(rules(server)).containsExactly("command-during-idle");
            assertThat(server.clientReport().get(0).command()).isEqualTo("i2 IDLE");
        }
    }

    @Test
    void anIdleOver29MinutesOfTheServerClockIsAViolationAnd28AreNot() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.send("i1 IDLE");
            assertThat(c.readLine()).startsWith("+ ");
            clock.advance(Duration.ofMinutes(28));
            c.send("DONE");
            c.readUntilTagged("i1");
            assertThat(server.clientReport()).isEmpty();
            c.send("i2 IDLE");
            assertThat(c.readLine()).startsWith("+ ");
            clock.advance(Duration.ofMinutes(30));
            c.send("DONE");
            c.readUntilTagged("i2");
            assertThat(rules(server)).containsExactly("idle-too-long");
            assertThat(server.clientReport().get(0).explanation()).startsWith("held IDLE for 30 minutes");
        }
    }

    @Test
    void aRaw8BitMailboxNameIsAViolationAndModifiedUtf7IsNot() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE \"&AMQ-rger\"");
            assertThat(server.clientReport()).isEmpty();
            c.send("c2 CREATE \"\u00c4rger2\"");
            c.readUntilTagged("c2");
            assertThat(rules(server)).containsExactly("raw-8bit-mailbox-name");
        }
    }

    @Test
    void aRaw8BitMailboxNameIsFineOnARev2OnlyServerWhichNeverRunsEnable() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(Extension.IMAP4REV2)
                .rev2Only().build().start(); RawClient c = new RawClient("127.0.0.1", server.port())) {
            assertThat(c.readLine()).startsWith("* OK [CAPABILITY IMAP4rev2 ");
            c.command("a1", "LOGIN alice secret");
            List<String> created = c.command("c1", "CREATE \"\u00c4rger\"");
            assertThat(created).last().asString().startsWith("c1 OK");
            c.command("s1", "SELECT \"\u00c4rger\"");
            assertThat(server.clientReport()).isEmpty();
        }
    }

    @Test
    void aRaw8BitMailboxNameIsFineAfterEnableImap4rev2AndAViolationInARev1SessionOfTheSameServer() {
        try (ImapMockServer server = server(Extension.IMAP4REV2); RawClient rev2 = RawClient.login(server, "alice", "secret");
             RawClient rev1 = RawClient.login(server, "alice", "secret")) {
            rev2.command("e1", "ENABLE IMAP4rev2");
            assertThat(rev2.command("c1", "CREATE \"\u00c4rger\"")).last().asString().startsWith("c1 OK");
            assertThat(server.clientReport()).isEmpty();
            rev1.command("c2", "CREATE \"\u00dcbel\"");
            assertThat(rules(server)).containsExactly("raw-8bit-mailbox-name");
            assertThat(server.clientReport().get(0).connection()).isEqualTo(2);
        }
    }

    @Test
    void aRaw8BitMailboxNameIsFineAfterEnableUtf8Accept() {
        try (ImapMockServer server = server(Extension.UTF8_ACCEPT); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("e1", "ENABLE UTF8=ACCEPT");
            assertThat(c.command("c1", "CREATE \"\u00d6l\"")).last().asString().startsWith("c1 OK");
            c.command("l1", "LIST \"\" \"\u00d6*\"");
            assertThat(server.clientReport()).isEmpty();
        }
    }

    @Test
    void aCommandLineOver8192OctetsIsAViolationAndOneJustUnderIsNot() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            String set = "1" + ",1".repeat(3990);
            c.command("f1", "FETCH " + set + " (FLAGS)");
            assertThat(server.clientReport()).isEmpty();
            c.command("f2", "FETCH " + set + ",1".repeat(100) + " (FLAGS)");
            assertThat(rules(server)).containsExactly("line-too-long");
        }
    }

    @Test
    void sequenceNumbersPipelinedBehindNoopAreAViolation() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.sendAscii("a1 NOOP\r\na2 FETCH 1 (FLAGS)\r\n");
            c.readUntilTagged("a2");
            assertThat(rules(server)).containsExactly("pipelined-after-expunge");
            assertThat(server.clientReport().get(0).command()).isEqualTo("a2 FETCH 1 (FLAGS)");
        }
    }

    @Test
    void pipeliningBehindFetchOrWithUidsIsFine() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.sendAscii("a1 FETCH 1 (FLAGS)\r\na2 STORE 1 +FLAGS (\\Seen)\r\n");
            c.readUntilTagged("a2");
            c.sendAscii("a3 NOOP\r\na4 UID FETCH 1 (FLAGS)\r\n");
            c.readUntilTagged("a4");
            c.command("a5", "NOOP");
            c.command("a6", "FETCH 2 (FLAGS)");
            assertThat(server.clientReport()).isEmpty();
        }
    }

    @Test
    void loginInClearWhereStartTlsIsOfferedIsAViolation() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").tls().build().start();
             RawClient c = RawClient.connect(server)) {
            c.command("a1", "LOGIN alice secret");
            assertThat(rules(server)).containsExactly("login-before-tls");
            assertThat(server.clientReport().get(0).rfc()).isEqualTo("RFC 3501 §6.2.1");
        }
    }

    @Test
    void loginInClearWhereTheServerOffersNoTlsIsFine() {
        try (ImapMockServer server = server(); RawClient c = RawClient.connect(server)) {
            c.command("a1", "LOGIN alice secret");
            c.command("a2", "LOGOUT");
            assertThat(server.clientReport()).isEmpty();
        }
    }

    @Test
    void qresyncWithoutEnableIsAViolationAndWithEnableIsNot() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s1", "SELECT INBOX (QRESYNC (1 1))");
            assertThat(rules(server)).containsExactly("extension-not-enabled");
            c.command("e1", "ENABLE QRESYNC");
            c.command("s2", "SELECT INBOX (QRESYNC (1 1))");
            assertThat(rules(server)).containsExactly("extension-not-enabled");
        }
    }

    @Test
    void closingWithoutLogoutIsANoteAndLogoutIsNot() throws InterruptedException {
        try (ImapMockServer server = server()) {
            try (RawClient c = RawClient.login(server, "alice", "secret")) {
                c.command("a1", "LOGOUT");
            }
            RawClient.login(server, "alice", "secret").close();
            List<Finding> notes = awaitNotes(server);
            assertThat(notes).extracting(Finding::rule).containsExactly("closed-without-logout");
            assertThat(notes.get(0).connection()).isEqualTo(2);
            assertThat(server.clientReport().violations()).isEmpty();
        }
    }

    /** Waits for the server's thread to see the connection end, which happens after the client closed. */
    private static List<Finding> awaitNotes(ImapMockServer server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.clientReport().notes().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return server.clientReport().notes();
    }

    @Test
    void selectingTheSelectedMailboxAgainIsWastefulWithACount() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.command("c1", "CREATE Other");
            c.command("s1", "SELECT Other");
            c.command("s2", "SELECT INBOX");
            assertThat(server.clientReport()).isEmpty();
            c.command("s3", "SELECT INBOX");
            c.command("s4", "SELECT INBOX");
            Finding f = server.clientReport().wasteful().get(0);
            assertThat(f.rule()).isEqualTo("reselect");
            assertThat(f.count()).isEqualTo(2);
            assertThat(server.clientReport()).hasSize(1);
            assertThat(server.clientReport().summary()).isEqualTo("""
                    Client checks: 0 violation(s), 1 wasteful pattern(s), 0 note(s)
                      wasteful reselect x1 (RFC 3501 §6.1.2): e.g. connection 1 SELECT INBOX - INBOX was selected \
                    again while already selected; NOOP or IDLE reports its changes without reopening it""");
        }
    }

    @Test
    void switchingBetweenSelectAndExamineOfOneMailboxIsNoReselectButExamineTwiceIs() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.command("x1", "EXAMINE INBOX");
            c.command("s1", "SELECT INBOX");
            assertThat(server.clientReport()).isEmpty();
            c.command("x2", "EXAMINE INBOX");
            c.command("x3", "EXAMINE INBOX");
            assertThat(rules(server)).containsExactly("reselect");
            assertThat(server.clientReport().get(0).command()).isEqualTo("EXAMINE INBOX");
        }
    }

    @Test
    void oneFetchPerConsecutiveMessageIsWastefulAndARangeIsNot() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.command("f1", "FETCH 1 (FLAGS)");
            c.command("f2", "FETCH 2 (FLAGS)");
            c.command("f3", "FETCH 1:3 (FLAGS)");
            assertThat(server.clientReport()).isEmpty();
            c.command("f4", "UID FETCH 1 (ENVELOPE)");
            c.command("f5", "UID FETCH 2 (ENVELOPE)");
            c.command("f6", "UID FETCH 3 (ENVELOPE)");
            Finding f = server.clientReport().get(0);
            assertThat(f.rule()).isEqualTo("one-fetch-per-message");
            assertThat(f.count()).isEqualTo(3);
            assertThat(f.explanation()).contains("UID FETCH 1:3 (ENVELOPE)");
        }
    }

    @Test
    void searchThenOneFetchPerResultIsWastefulAndOneFetchOfTheResultsIsNot() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.command("q1", "SEARCH ALL");
            c.command("f1", "FETCH 1:3 (FLAGS)");
            assertThat(server.clientReport()).isEmpty();
            c.command("q2", "SEARCH ALL");
            c.command("f2", "FETCH 3 (FLAGS)");
            c.command("f3", "FETCH 1 (FLAGS)");
            c.command("f4", "FETCH 2 (FLAGS)");
            assertThat(rules(server)).containsExactly("search-then-fetch-each");
            assertThat(server.clientReport().get(0).command()).isEqualTo("q2 SEARCH ALL");
        }
    }

    @Test
    void frequentNoopPollingWhereIdleIsOfferedIsWastefulAndSlowPollingIsNot() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofSeconds(61));
                c.command("n" + i, "NOOP");
            }
            assertThat(server.clientReport()).isEmpty();
            for (int i = 3; i < 6; i++) {
                clock.advance(Duration.ofSeconds(10));
                c.command("n" + i, "NOOP");
            }
            Finding f = server.clientReport().get(0);
            assertThat(f.rule()).isEqualTo("polling-instead-of-idle");
            assertThat(f.count()).as("the last slow poll and the three fast ones").isEqualTo(4);
        }
    }

    @Test
    void statusOfSeveralMailboxesInARowIsNoPollingButStatusOfOneAgainAndAgainIs() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            for (String mailbox : List.of("A", "B", "C", "D")) {
                c.command("c" + mailbox, "CREATE " + mailbox);
                c.command("s" + mailbox, "STATUS " + mailbox + " (MESSAGES UNSEEN)");
            }
            assertThat(server.clientReport()).isEmpty();
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofSeconds(10));
                c.command("t" + i, "STATUS INBOX (MESSAGES)");
            }
            Finding f = server.clientReport().get(0);
            assertThat(f.rule()).isEqualTo("polling-instead-of-idle");
            assertThat(f.command()).isEqualTo("STATUS INBOX (polling)");
            assertThat(f.count()).isEqualTo(3);
        }
    }

    @Test
    void clearingTheJournalForgetsFullSyncsSoTheNextOneIsAFirstAgain() {
        try (ImapMockServer server = server()) {
            try (RawClient c = selected(server)) {
                c.command("f1", "FETCH 1:* (FLAGS)");
                server.journal().clear();
                c.command("f2", "FETCH 1:* (FLAGS)");
                assertThat(server.clientReport()).isEmpty();
                c.command("f3", "FETCH 1:* (FLAGS)");
                assertThat(rules(server)).containsExactly("full-resync-despite-condstore");
            }
        }
    }

    @Test
    void everyRuleIdIsInTheTableWithItsKindInTheDocumentedOrder() {
        assertThat(ClientReport.rules()).containsExactly(
                java.util.Map.entry("literal-before-continuation", Finding.Kind.VIOLATION),
                java.util.Map.entry("nonsync-literal-not-offered", Finding.Kind.VIOLATION),
                java.util.Map.entry("nonsync-literal-too-big", Finding.Kind.VIOLATION),
                java.util.Map.entry("command-in-wrong-state", Finding.Kind.VIOLATION),
                java.util.Map.entry("command-during-idle", Finding.Kind.VIOLATION),
                java.util.Map.entry("idle-too-long", Finding.Kind.VIOLATION),
                java.util.Map.entry("raw-8bit-mailbox-name", Finding.Kind.VIOLATION),
                java.util.Map.entry("line-too-long", Finding.Kind.VIOLATION),
                java.util.Map.entry("pipelined-after-expunge", Finding.Kind.VIOLATION),
                java.util.Map.entry("login-before-tls", Finding.Kind.VIOLATION),
                java.util.Map.entry("extension-not-enabled", Finding.Kind.VIOLATION),
                java.util.Map.entry("reselect", Finding.Kind.WASTEFUL),
                java.util.Map.entry("one-fetch-per-message", Finding.Kind.WASTEFUL),
                java.util.Map.entry("search-then-fetch-each", Finding.Kind.WASTEFUL),
                java.util.Map.entry("polling-instead-of-idle", Finding.Kind.WASTEFUL),
                java.util.Map.entry("full-resync-despite-condstore", Finding.Kind.WASTEFUL),
                java.util.Map.entry("headers-after-full-body", Finding.Kind.WASTEFUL),
                java.util.Map.entry("full-body-refetched", Finding.Kind.WASTEFUL),
                java.util.Map.entry("closed-without-logout", Finding.Kind.NOTE));
    }

    @Test
    void aSecondFullFlagSyncWhereCondstoreIsOfferedIsWastefulAndChangedSinceIsNot() {
        try (ImapMockServer server = server()) {
            try (RawClient c = selected(server)) {
                c.command("f1", "FETCH 1:* (FLAGS)");
                c.command("f2", "FETCH 1:* (FLAGS) (CHANGEDSINCE 1)");
                assertThat(server.clientReport()).isEmpty();
            }
            try (RawClient c = selected(server)) {
                c.command("f3", "UID FETCH 1:* (FLAGS)");
                Finding f = server.clientReport().wasteful().get(0);
                assertThat(f.rule()).isEqualTo("full-resync-despite-condstore");
                assertThat(f.count()).isEqualTo(1);
                assertThat(f.connection()).isEqualTo(2);
            }
        }
    }
}
