package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QRESYNC (RFC 7162 §3.2) over the wire, exact bytes. INBOX holds five messages delivered one by
 * one (MODSEQ 2 to 6, HIGHESTMODSEQ 6); the client has QRESYNC enabled unless a test says not.
 */
@Timeout(20)
class QresyncTest {
    private ImapMockServer server;
    private RawClient c;
    private long uidValidity;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
        for (String subject : new String[] {"a", "b", "c", "d", "e"}) {
            server.deliver("alice", "INBOX", ("Subject: " + subject + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        uidValidity = server.store().account("alice").orElseThrow().mailbox("INBOX").uidValidity();
        c = RawClient.login(server, "alice", "secret");
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    @Test
    void enableQresyncTurnsOnCondstoreTooAndTheQresyncParameterNeedsIt() {
        c.play("""
                C: s1 SELECT INBOX (QRESYNC (%d 2))
                S: s1 BAD QRESYNC is not enabled: ENABLE QRESYNC comes first
                C: e1 ENABLE QRESYNC
                S: * ENABLED QRESYNC
                S: e1 OK Enabled.
                C: e2 ENABLE CONDSTORE
                S: e2 OK Enabled.
                """.formatted(uidValidity));
        try (RawClient both = RawClient.login(server, "alice", "secret")) {
            both.play("""
                    C: e1 ENABLE QRESYNC CONDSTORE
                    S: * ENABLED QRESYNC CONDSTORE
                    S: e1 OK Enabled.
                    """);
        }
    }

    @Test
    void expungesAreToldAsVanishedAndTheExpungeTellsTheNewHighestModSeq() {
        enableAndSelect();
        c.play("""
                C: d1 STORE 2,4 +FLAGS.SILENT (\\Deleted)
                S: * 2 FETCH (UID 2 MODSEQ (7))
                S: * 4 FETCH (UID 4 MODSEQ (7))
                S: d1 OK Store completed.
                C: x1 EXPUNGE
                S: * VANISHED 2,4
                S: * 3 RECENT
                S: x1 OK [HIGHESTMODSEQ 8] Expunge completed.
                C: d2 UID STORE 5 +FLAGS.SILENT (\\Deleted)
                S: * 3 FETCH (UID 5 MODSEQ (9))
                S: d2 OK UID STORE completed.
                C: x2 UID EXPUNGE 5
                S: * VANISHED 5
                S: * 2 RECENT
                S: x2 OK [HIGHESTMODSEQ 10] UID EXPUNGE completed.
                C: f1 FETCH 1:* (UID)
                S: * 1 FETCH (UID 1)
                S: * 2 FETCH (UID 3)
                S: f1 OK Fetch completed.
                """);
    }

    @Test
    void anotherSessionsExpungeAndMoveAreVanishedHere() {
        enableAndSelect();
        try (RawClient other = RawClient.login(server, "alice", "secret")) {
            other.command("c0", "CREATE Archive");
            other.command("s0", "SELECT INBOX");
            other.command("m1", "MOVE 1:2 Archive");
            other.command("d1", "UID STORE 3 +FLAGS.SILENT (\\Flagged)");
        }
        c.play("""
                C: n1 NOOP
                S: * VANISHED 1:2
                S: * 1 FETCH (UID 3 MODSEQ (8) FLAGS (\\Flagged \\Recent))
                S: * 3 RECENT
                S: n1 OK NOOP completed.
                """);
    }

    @Test
    void selectWithQresyncTellsWhatVanishedAndWhatChangedSinceTheCachedState() {
        changeWhileAway();
        c.play("""
                C: e1 ENABLE QRESYNC
                S: * ENABLED QRESYNC
                S: e1 OK Enabled.
                C: s1 SELECT INBOX (QRESYNC (%d 6))
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.
                S: * 4 EXISTS
                S: * 0 RECENT
                S: * OK [UNSEEN 1] First unseen.
                S: * OK [UIDVALIDITY %d] UIDs valid
                S: * OK [UIDNEXT 7] Predicted next UID
                S: * OK [HIGHESTMODSEQ 10] Highest
                S: * VANISHED (EARLIER) 2,4
                S: * 2 FETCH (UID 3 FLAGS (\\Flagged) MODSEQ (10))
                S: * 4 FETCH (UID 6 FLAGS () MODSEQ (9))
                S: s1 OK [READ-WRITE] Select completed.
                """.formatted(uidValidity, uidValidity));
    }

    @Test
    void knownUidsNarrowWhatIsTold() {
        changeWhileAway();
        c.command("e1", "ENABLE QRESYNC");
        c.command("s1", "SELECT INBOX");
        c.play("""
                C: s2 EXAMINE INBOX (QRESYNC (%d 6 1:3 (1:3 1:3)))
                S: * OK [CLOSED] Previous mailbox closed.
                """.formatted(uidValidity));
        assertThat(c.readUntilTagged("s2")).containsSubsequence("* OK [HIGHESTMODSEQ 10] Highest",
                        "* VANISHED (EARLIER) 2", "* 2 FETCH (UID 3 FLAGS (\\Flagged) MODSEQ (10))",
                        "s2 OK [READ-ONLY] Examine completed.")
                .noneMatch(line -> line.contains("UID 6") || line.contains("VANISHED (EARLIER) 2,4"));
    }

    @Test
    void aStaleUidValidityGetsNeitherVanishedNorChanges() {
        changeWhileAway();
        c.command("e1", "ENABLE QRESYNC");
        c.play("""
                C: s1 SELECT INBOX (QRESYNC (%d 6))
                """.formatted(uidValidity + 1));
        assertThat(c.readUntilTagged("s1")).noneMatch(line -> line.contains("VANISHED") || line.contains("FETCH"))
                .contains("* OK [HIGHESTMODSEQ 10] Highest");
    }

    @Test
    void uidFetchWithVanishedTellsTheExpungedUidsOfTheSetFirst() {
        enableAndSelect();
        changeWhileAway();
        c.play("""
                C: f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 6 VANISHED)
                S: * VANISHED (EARLIER) 2,4
                S: * 3 FETCH (UID 3 FLAGS (\\Flagged \\Recent) MODSEQ (10))
                S: * VANISHED 2,4
                S: * 2 FETCH (UID 3 MODSEQ (10) FLAGS (\\Flagged \\Recent))
                S: * 4 EXISTS
                S: * 3 RECENT
                S: f1 OK UID FETCH completed.
                C: f2 UID FETCH 3:4 (FLAGS) (VANISHED CHANGEDSINCE 1)
                S: * VANISHED (EARLIER) 4
                S: * 2 FETCH (UID 3 FLAGS (\\Flagged \\Recent) MODSEQ (10))
                S: f2 OK UID FETCH completed.
                C: b1 FETCH 1:* (FLAGS) (CHANGEDSINCE 2 VANISHED)
                S: b1 BAD VANISHED is a modifier of UID FETCH only
                C: b2 UID FETCH 1:* (FLAGS) (VANISHED)
                S: b2 BAD VANISHED needs CHANGEDSINCE
                C: b3 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 2 VANISHED VANISHED)
                S: b3 BAD VANISHED is given twice
                """);
    }

    @Test
    void malformedQresyncParametersAreBad() {
        c.command("e1", "ENABLE QRESYNC");
        c.play("""
                C: s1 SELECT INBOX (QRESYNC)
                S: s1 BAD QRESYNC needs (uidvalidity modseq [known-uids] [seq-match-data])
                C: s2 SELECT INBOX (QRESYNC (0 2))
                S: s2 BAD QRESYNC needs a UIDVALIDITY, a number from 1 to 4294967295, first
                C: s3 SELECT INBOX (QRESYNC (1 0))
                S: s3 BAD QRESYNC needs a mod-sequence, a number from 1 to 9223372036854775807, not 0
                C: s4 SELECT INBOX (QRESYNC (1 2 1:*))
                S: s4 BAD the known UIDs of QRESYNC may not use *
                C: s5 SELECT INBOX (QRESYNC (1 2 1:5 (1:2 1:3)))
                S: s5 BAD QRESYNC's known sequence set and known UID set differ in size
                C: s6 SELECT INBOX (QRESYNC (1 2) QRESYNC (1 2))
                S: s6 BAD Unknown or repeated SELECT parameter QRESYNC; the ones known are CONDSTORE and QRESYNC
                C: s7 SELECT INBOX (QRESYNC (1 2 3 4 5))
                S: s7 BAD QRESYNC needs (uidvalidity modseq [known-uids] [seq-match-data])
                """);
        c.assertStillWorks("n1");
    }

    @Test
    void withoutQresyncItCannotBeEnabledAndItsSyntaxIsBad() {
        try (ImapMockServer bare = ImapMockServer.builder().user("alice", "secret").without(Extension.QRESYNC)
                .build().start();
             RawClient b = RawClient.login(bare, "alice", "secret")) {
            b.play("""
                    C: e1 ENABLE QRESYNC
                    S: e1 OK Enabled.
                    C: s1 SELECT INBOX (QRESYNC (1 2))
                    S: s1 BAD Unknown or repeated SELECT parameter QRESYNC; the ones known are CONDSTORE
                    C: s2 SELECT INBOX (CONDSTORE)
                    """);
            b.readUntilTagged("s2");
            b.play("""
                    C: f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)
                    S: f1 BAD unknown FETCH modifier VANISHED; the one known is CHANGEDSINCE
                    """);
        }
    }

    private void enableAndSelect() {
        c.command("e0", "ENABLE QRESYNC");
        c.command("s0", "SELECT INBOX");
    }

    /** Another client flags and expunges UIDs 2 and 4, UID 6 arrives, UID 3 is flagged: MODSEQ 7 to 10. */
    private void changeWhileAway() {
        try (RawClient other = RawClient.login(server, "alice", "secret")) {
            other.command("s0", "SELECT INBOX");
            other.command("d0", "STORE 2,4 +FLAGS.SILENT (\\Deleted)");
            other.command("x0", "EXPUNGE");
        }
        server.deliver("alice", "INBOX", "Subject: f\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
        try (RawClient other = RawClient.login(server, "alice", "secret")) {
            other.command("s0", "SELECT INBOX");
            other.command("d0", "UID STORE 3 +FLAGS.SILENT (\\Flagged)");
        }
    }
}
