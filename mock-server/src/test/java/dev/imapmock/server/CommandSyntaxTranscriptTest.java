package dev.imapmock.server;

import dev.imapmock.testing.StoreSnapshot;
import java.util.List;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines the server cannot decode: tags, names, unbalanced quotes and parentheses, literal markers,
 * and the line and literal limits. Each is answered with BAD and the connection stays in step.
 */
@Timeout(20)
class CommandSyntaxTranscriptTest {
    private ImapMockServer server;
    private List<String> before;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret")
                .maxLineLength(1024).maxLiteralSize(1000).build().start();
        before = StoreSnapshot.of(server.store());
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(StoreSnapshot.of(server.store())).as("store after refused commands").isEqualTo(before);
    }

    @Test
    void unknownCommandIsBad() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 FROBNICATE INBOX
                    S: a1 BAD Unknown command FROBNICATE
                    C: a2 XYZZY
                    S: a2 BAD Unknown command XYZZY
                    """);
            c.assertStillWorks("a3");
        }
    }

    @Test
    void lineWithoutAReadableTagGetsAnUntaggedBad() {
        try (RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: * NOOP
                    S: * BAD Missing tag
                    C: a*1 NOOP
                    S: * BAD Invalid character in tag
                    C: +tag NOOP
                    S: * BAD Invalid character in tag
                    C: a{1 NOOP
                    S: * BAD Invalid character in tag
                    C:  NOOP
                    S: * BAD Missing tag
                    """);
            c.assertStillWorks("a2");
        }
    }

    @Test
    void tagWithoutCommandOrWithExtraSpaceIsBad() {
        try (RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: a1
                    S: a1 BAD Expected a command name
                    C: a2  NOOP
                    S: a2 BAD Expected a command name
                    """);
            c.assertStillWorks("a4");
        }
    }

    @Test
    void emptyLinesAreIgnored() {
        try (RawClient c = RawClient.connect(server)) {
            c.sendAscii("\r\n\r\n");
            c.assertStillWorks("a1");
        }
    }

    @Test
    void commandNamesAreCaseInsensitive() {
        try (RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: a1 noop
                    S: a1 OK NOOP completed.
                    C: a2 NoOp
                    S: a2 OK NOOP completed.
                    """);
        }
    }

    @Test
    void unbalancedParenthesesAndQuotesAreBad() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 STATUS INBOX (MESSAGES UNSEEN
                    S: a1 BAD Missing ')'
                    C: a2 STATUS INBOX MESSAGES)
                    S: a2 BAD Unexpected ')'
                    C: a3 CREATE "Unfinished
                    S: a3 BAD Missing '"' at the end of a quoted string
                    C: a4 CREATE "bad \\escape"
                    S: a4 BAD Invalid escape in quoted string: only \\" and \\\\ are allowed
                    """);
            c.assertStillWorks("a5");
        }
    }

    @Test
    void malformedLiteralMarkersAreBad() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 CREATE {abc}
                    S: a1 BAD Invalid literal: expected {size} or {size+} at the end of the line
                    C: a2 CREATE {5
                    S: a2 BAD Invalid literal: expected {size} or {size+} at the end of the line
                    C: a3 CREATE {} Folder
                    S: a3 BAD Invalid literal: expected {size} or {size+} at the end of the line
                    C: a4 CREATE {-1}
                    S: a4 BAD Invalid literal: expected {size} or {size+} at the end of the line
                    """);
            c.assertStillWorks("a5");
        }
    }

    @Test
    void synchronizingLiteralOverTheLimitIsRefusedWithoutContinuation() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 APPEND INBOX {1001}
                    S: a1 BAD Literal too big (1001 octets; the limit is 1000)
                    """);
            c.assertStillWorks("a2");
        }
    }

    @Test
    void synchronizingLiteralAtTheLimitIsAccepted() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 APPEND INBOX {1000}
                    S: + Ready for literal data
                    """);
            c.sendAscii("x".repeat(1000) + "\r\n");
            c.play("S~ a1 OK \\[APPENDUID \\d+ \\d+\\] Append completed\\.");
        }
        assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").size()).isEqualTo(1);
        before = StoreSnapshot.of(server.store());
    }

    @Test
    void nonSynchronizingLiteralOverTheLimitIsSkippedAndTheConnectionStaysInStep() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            // The literal's octets look like commands; none of them may run.
            String body = ("x1 LOGOUT\r\n" + "x2 CREATE Evil\r\n").repeat(80);
            assertThat(body.length()).isGreaterThan(1000);
            c.sendAscii("a1 APPEND INBOX {" + body.length() + "+}\r\n" + body + "\r\n");
            c.play("""
                    S: a1 BAD Literal too big (%d octets; the limit is 1000)
                    """.formatted(body.length()));
            c.assertStillWorks("a2");
        }
        assertThat(server.store().account("alice").orElseThrow().mailbox("Evil")).isNull();
    }

    @Test
    void nonSynchronizingLiteralTooLargeToSkipEndsTheConnectionWithBye() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            // Skipping two gigabytes would tie the connection up for as long as the client likes.
            c.sendAscii("a1 APPEND INBOX {2000000000+}\r\nx1 LOGOUT\r\n");
            c.play("""
                    S: a1 BAD Literal too big (2000000000 octets; the limit is 1000)
                    S: * BYE Too much literal data after a bad command; closing
                    """);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void nonSynchronizingLiteralAfterABadArgumentIsSkipped() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.sendAscii("a1 APPEND \"INBOX {9+}\r\nx1 LOGOUT\r\n");
            c.play("S: a1 BAD Missing '\"' at the end of a quoted string");
            c.assertStillWorks("a2");
        }
    }

    @Test
    void lineOverTheLimitIsBadAndTheNextCommandRuns() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.send("a1 CREATE " + "x".repeat(2000));
            c.play("S: a1 BAD Command line too long (the limit is 1024 octets)");
            c.assertStillWorks("a2");
        }
    }

    @Test
    void lineOverTheLimitEndingInALiteralSkipsTheLiteral() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.sendAscii("a1 LOGIN " + "x".repeat(2000) + " {11+}\r\nx1 LOGOUT\r\n\r\n");
            c.play("S: a1 BAD Command line too long (the limit is 1024 octets)");
            c.assertStillWorks("a2");
        }
    }

    @Test
    void lineAfterALiteralCountsAgainstTheLimit() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.sendAscii("a1 APPEND INBOX {5+}\r\nhello " + "y".repeat(2000) + "\r\n");
            c.play("S: a1 BAD Command line too long (the limit is 1024 octets)");
            c.assertStillWorks("a2");
        }
    }

    @Test
    void malformedCommandsAreJournaled() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 STATUS INBOX (MESSAGES
                    S: a1 BAD Missing ')'
                    """);
        }
        assertThat(server.journal().commands("STATUS")).singleElement()
                .satisfies(cmd -> assertThat(cmd.outcome().status()).isEqualTo("BAD"));
    }
}
