package dev.imapmock.extension;

import dev.imapmock.testing.StoreSnapshot;
import java.util.List;
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
 * CONDSTORE (RFC 7162 §3.1) and ENABLE (RFC 5161) over the wire, exact bytes. The mailbox holds
 * three messages appended one by one, so an empty mailbox's HIGHESTMODSEQ 1 is now 4 and the
 * messages have MODSEQ 2, 3 and 4.
 */
@Timeout(20)
class CondstoreTest {
    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
        for (String subject : new String[] {"one", "two", "three"}) {
            server.deliver("alice", "INBOX", ("Subject: " + subject + "\r\n\r\nBody\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        c = RawClient.login(server, "alice", "secret");
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    @Test
    void anEmptyMailboxStartsAtOneAndEachAppendTakesTheNextModSeq() {
        c.play("""
                C: c1 CREATE Empty
                S: c1 OK Create completed.
                C: s1 STATUS Empty (HIGHESTMODSEQ)
                S: * STATUS Empty (HIGHESTMODSEQ 1)
                S: s1 OK Status completed.
                C: s2 STATUS INBOX (MESSAGES HIGHESTMODSEQ)
                S: * STATUS INBOX (MESSAGES 3 HIGHESTMODSEQ 4)
                S: s2 OK Status completed.
                C: k1 SELECT INBOX
                """);
        c.readUntilTagged("k1");
        c.play("""
                C: k2 COPY 1:3 Empty
                S~ k2 OK \\[COPYUID \\d+ 1:3 1:3\\] Copy completed\\.
                C: s3 STATUS Empty (HIGHESTMODSEQ)
                S: * STATUS Empty (HIGHESTMODSEQ 2)
                S: s3 OK Status completed.
                """);
    }

    @Test
    void selectWithCondstoreReportsHighestModSeqAndFetchTellsEachMessagesModSeq() {
        c.play("""
                C: s1 SELECT INBOX (CONDSTORE)
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.
                S: * 3 EXISTS
                S: * 3 RECENT
                S: * OK [UNSEEN 1] First unseen.
                S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                S: * OK [UIDNEXT 4] Predicted next UID
                S: * OK [HIGHESTMODSEQ 4] Highest
                S: s1 OK [READ-WRITE] Select completed.
                C: f1 FETCH 1:* (MODSEQ)
                S: * 1 FETCH (MODSEQ (2))
                S: * 2 FETCH (MODSEQ (3))
                S: * 3 FETCH (MODSEQ (4))
                S: f1 OK Fetch completed.
                C: f2 UID FETCH 2 (FLAGS MODSEQ)
                S: * 2 FETCH (UID 2 FLAGS (\\Recent) MODSEQ (3))
                S: f2 OK UID FETCH completed.
                """);
    }

    @Test
    void oneStoreGivesAllItsChangesOneNewModSeqAndReportsUidAndModSeq() {
        select();
        c.play("""
                C: s1 STORE 1:3 +FLAGS (\\Flagged)
                S: * 1 FETCH (UID 1 MODSEQ (5) FLAGS (\\Flagged \\Recent))
                S: * 2 FETCH (UID 2 MODSEQ (5) FLAGS (\\Flagged \\Recent))
                S: * 3 FETCH (UID 3 MODSEQ (5) FLAGS (\\Flagged \\Recent))
                S: s1 OK Store completed.
                C: s2 STORE 1:2 -FLAGS (\\Flagged)
                S: * 1 FETCH (UID 1 MODSEQ (6) FLAGS (\\Recent))
                S: * 2 FETCH (UID 2 MODSEQ (6) FLAGS (\\Recent))
                S: s2 OK Store completed.
                C: s3 STORE 1 -FLAGS (\\Flagged)
                S: s3 OK Store completed.
                C: s4 STORE 3 +FLAGS.SILENT (\\Seen)
                S: * 3 FETCH (UID 3 MODSEQ (7))
                S: s4 OK Store completed.
                C: s5 UID STORE 3 +FLAGS.SILENT (\\Seen)
                S: s5 OK UID STORE completed.
                C: n1 STATUS INBOX (HIGHESTMODSEQ)
                S: * STATUS INBOX (HIGHESTMODSEQ 7)
                S: n1 OK Status completed.
                """);
    }

    @Test
    void unchangedSinceStoresOnlyWhereTheModSeqIsNotNewerAndReportsTheRestAsModified() {
        select();
        c.command("s0", "STORE 2 +FLAGS.SILENT ($Work)");
        c.play("""
                C: s1 STORE 1:3 (UNCHANGEDSINCE 4) +FLAGS (\\Answered)
                S: * 1 FETCH (UID 1 MODSEQ (6) FLAGS (\\Answered \\Recent))
                S: * 3 FETCH (UID 3 MODSEQ (6) FLAGS (\\Answered \\Recent))
                S: s1 OK [MODIFIED 2] Conditional store failed
                C: s2 UID STORE 1:3 (UNCHANGEDSINCE 5) +FLAGS (\\Draft)
                S: * 2 FETCH (UID 2 MODSEQ (7) FLAGS (\\Draft $Work \\Recent))
                S: s2 OK [MODIFIED 1,3] Conditional store failed
                C: s3 STORE 2 (unchangedsince 0) +FLAGS (\\Seen)
                S: s3 OK [MODIFIED 2] Conditional store failed
                C: s4 STORE 2 (UNCHANGEDSINCE 7) +FLAGS ($Work)
                S: s4 OK Store completed.
                """);
    }

    @Test
    void changedSinceAnswersOnlyTheMessagesChangedAfterItAndAddsModSeq() {
        select();
        c.command("s0", "STORE 2 +FLAGS.SILENT (\\Flagged)");
        c.play("""
                C: f1 FETCH 1:* (FLAGS) (CHANGEDSINCE 3)
                S: * 2 FETCH (FLAGS (\\Flagged \\Recent) MODSEQ (5))
                S: * 3 FETCH (FLAGS (\\Recent) MODSEQ (4))
                S: f1 OK Fetch completed.
                C: f2 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 4)
                S: * 2 FETCH (UID 2 FLAGS (\\Flagged \\Recent) MODSEQ (5))
                S: f2 OK UID FETCH completed.
                C: f3 UID FETCH 1,3 (MODSEQ UID) (CHANGEDSINCE 1)
                S: * 1 FETCH (UID 1 MODSEQ (2))
                S: * 3 FETCH (UID 3 MODSEQ (4))
                S: f3 OK UID FETCH completed.
                C: f4 FETCH 1:* (FLAGS) (CHANGEDSINCE 5)
                S: f4 OK Fetch completed.
                C: f5 FETCH 4 (FLAGS) (CHANGEDSINCE 1)
                S: f5 BAD Invalid message sequence number: the mailbox has 3 messages
                """);
    }

    @Test
    void aFetchThatSetsSeenTellsUidFlagsAndModSeqOnceCondstoreIsOn() {
        select();
        c.play("""
                C: f1 FETCH 1 (BODY[TEXT])
                S: * 1 FETCH (BODY[TEXT] {6}
                S: Body
                S:  UID 1 FLAGS (\\Seen \\Recent) MODSEQ (5))
                S: f1 OK Fetch completed.
                C: f2 UID FETCH 2 (BODY[TEXT])
                S: * 2 FETCH (UID 2 BODY[TEXT] {6}
                S: Body
                S:  FLAGS (\\Seen \\Recent) MODSEQ (6))
                S: f2 OK UID FETCH completed.
                """);
    }

    @Test
    void malformedModifiersAndModSeqsAreBadAndChangeNothing() {
        select();
        List<String> before = StoreSnapshot.of(server.store());
        c.play("""
                C: f1 FETCH 1 (FLAGS) (CHANGEDSINCE 0)
                S: f1 BAD CHANGEDSINCE needs a mod-sequence, a number from 1 to 9223372036854775807, not 0
                C: f2 FETCH 1 (FLAGS) (CHANGEDSINCE)
                S: f2 BAD CHANGEDSINCE needs a mod-sequence
                C: f3 FETCH 1 (FLAGS) (FOO 3)
                S: f3 BAD unknown FETCH modifier FOO; the ones known are CHANGEDSINCE and VANISHED
                C: f4 FETCH 1 (FLAGS) (CHANGEDSINCE 1 CHANGEDSINCE 2)
                S: f4 BAD CHANGEDSINCE is given twice
                C: f5 FETCH 1 (FLAGS) ()
                S: f5 BAD the list of FETCH modifiers is empty
                C: f6 FETCH 1 (FLAGS) (CHANGEDSINCE 9223372036854775808)
                S: f6 BAD CHANGEDSINCE needs a mod-sequence, a number from 1 to 9223372036854775807, not 9223372036854775808
                C: s1 STORE 1 (UNCHANGEDSINCE -1) +FLAGS (\\Seen)
                S: s1 BAD UNCHANGEDSINCE needs a mod-sequence, a number from 0 to 9223372036854775807, not -1
                C: s2 STORE 1 (UNCHANGEDSINCE 1 FOO 2) +FLAGS (\\Seen)
                S: s2 BAD unknown STORE modifier FOO; the one known is UNCHANGEDSINCE
                C: s3 STORE 1 () +FLAGS (\\Seen)
                S: s3 BAD the list of STORE modifiers is empty
                C: e1 EXAMINE INBOX (FOO)
                S: e1 BAD Unknown or repeated SELECT parameter FOO; the ones known are CONDSTORE and QRESYNC
                C: e2 EXAMINE INBOX ()
                S: e2 BAD The list of SELECT parameters is empty
                C: n1 ENABLE
                S: n1 BAD ENABLE needs at least one capability name
                C: n2 ENABLE "CONDSTORE"
                S: n2 BAD ENABLE takes capability names, which are atoms
                """);
        c.assertStillWorks("n3");
        assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
    }

    @Test
    void enableListsOnlyWhatItNewlyTurnedOnAndTellsTheSelectedMailboxsHighestModSeq() {
        c.play("""
                C: e1 ENABLE FOO
                S: e1 OK Enabled.
                C: s1 SELECT INBOX
                """);
        assertThat(c.readUntilTagged("s1")).noneMatch(line -> line.contains("HIGHESTMODSEQ"));
        c.play("""
                C: f1 FETCH 1 FLAGS
                S: * 1 FETCH (FLAGS (\\Recent))
                S: f1 OK Fetch completed.
                C: e2 ENABLE X-UNKNOWN CONDSTORE
                S: * OK [HIGHESTMODSEQ 4] Highest
                S: * ENABLED CONDSTORE
                S: e2 OK Enabled.
                C: e3 ENABLE CONDSTORE
                S: e3 OK Enabled.
                """);
    }

    @Test
    void theFirstModSeqFetchWhileSelectedTellsHighestModSeqFirst() {
        select();
        c.play("""
                C: f1 FETCH 2 (MODSEQ)
                S: * 2 FETCH (MODSEQ (3))
                S: f1 OK Fetch completed.
                """);
        try (RawClient other = RawClient.login(server, "alice", "secret")) {
            other.command("s0", "SELECT INBOX");
            other.play("""
                    C: f1 FETCH 2 (MODSEQ)
                    S: * OK [HIGHESTMODSEQ 4] Highest
                    S: * 2 FETCH (MODSEQ (3))
                    S: f1 OK Fetch completed.
                    """);
        }
    }

    @Test
    void anotherSessionsChangeArrivesWithUidAndModSeqOnlyWhereCondstoreIsOn() {
        select();
        try (RawClient plain = RawClient.login(server, "alice", "secret")) {
            plain.command("s0", "SELECT INBOX");
            plain.play("""
                    C: s1 STORE 2 +FLAGS (\\Deleted)
                    S: * 2 FETCH (FLAGS (\\Deleted))
                    S: s1 OK Store completed.
                    """);
            c.play("""
                    C: n1 NOOP
                    S: * 2 FETCH (UID 2 MODSEQ (5) FLAGS (\\Deleted \\Recent))
                    S: n1 OK NOOP completed.
                    """);
            c.play("""
                    C: s2 STORE 1 +FLAGS.SILENT (\\Seen)
                    S: * 1 FETCH (UID 1 MODSEQ (6))
                    S: s2 OK Store completed.
                    """);
            plain.play("""
                    C: n2 NOOP
                    S: * 1 FETCH (FLAGS (\\Seen))
                    S: n2 OK NOOP completed.
                    C: x1 EXPUNGE
                    S: * 2 EXPUNGE
                    S: x1 OK Expunge completed.
                    """);
        }
        c.play("""
                C: n3 NOOP
                S: * 2 EXPUNGE
                S: * 2 RECENT
                S: n3 OK NOOP completed.
                C: s3 STATUS INBOX (HIGHESTMODSEQ)
                S: * STATUS INBOX (HIGHESTMODSEQ 7)
                S: s3 OK Status completed.
                """);
    }

    @Test
    void withoutCondstoreItsSyntaxIsBadAndItCannotBeEnabled() {
        try (ImapMockServer bare = ImapMockServer.builder().user("alice", "secret").without(Extension.CONDSTORE)
                .build().start();
             RawClient b = RawClient.login(bare, "alice", "secret")) {
            bare.deliver("alice", "INBOX", "Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            b.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY IMAP4rev1 LITERAL+ SASL-IR CHILDREN ID IDLE NAMESPACE UNSELECT UIDPLUS MOVE ENABLE SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS STATUS=SIZE
                    S: c1 OK Capability completed.
                    C: e1 ENABLE CONDSTORE
                    S: e1 OK Enabled.
                    C: s1 STATUS INBOX (HIGHESTMODSEQ)
                    S: s1 BAD Unknown status item: HIGHESTMODSEQ
                    C: s2 SELECT INBOX (CONDSTORE)
                    S: s2 BAD Unexpected extra arguments
                    C: s3 SELECT INBOX
                    """);
            assertThat(b.readUntilTagged("s3")).noneMatch(line -> line.contains("HIGHESTMODSEQ"));
            b.play("""
                    C: f1 FETCH 1 (MODSEQ)
                    S: f1 BAD unknown FETCH data item MODSEQ
                    C: f2 FETCH 1 (FLAGS) (CHANGEDSINCE 1)
                    S: f2 BAD FETCH takes one data item or one parenthesized list of them; unexpected a parenthesized list after it
                    C: s4 STORE 1 (UNCHANGEDSINCE 1) +FLAGS (\\Seen)
                    S: s4 BAD STORE modifiers in parentheses are not supported
                    C: s5 STORE 1 +FLAGS (\\Seen)
                    S: * 1 FETCH (FLAGS (\\Seen \\Recent))
                    S: s5 OK Store completed.
                    """);
        }
    }

    @Test
    void withoutEnableTheCommandIsUnknownButSelectCondstoreStillWorks() {
        try (ImapMockServer bare = ImapMockServer.builder().user("alice", "secret").without(Extension.ENABLE)
                .build().start();
             RawClient b = RawClient.login(bare, "alice", "secret")) {
            b.play("""
                    C: e1 ENABLE CONDSTORE
                    S: e1 BAD Unknown command ENABLE
                    C: s1 STATUS INBOX (HIGHESTMODSEQ)
                    S: * STATUS INBOX (HIGHESTMODSEQ 1)
                    S: s1 OK Status completed.
                    """);
        }
    }

    private void select() {
        c.command("s0", "SELECT INBOX (CONDSTORE)");
    }
}
