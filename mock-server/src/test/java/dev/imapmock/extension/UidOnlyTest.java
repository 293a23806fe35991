package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * UIDONLY (RFC 9586) over the wire, exact bytes. The server offers it; INBOX holds four messages
 * delivered one by one (UIDs 1 to 4, MODSEQ 2 to 5), and the client has enabled UIDONLY and
 * selected INBOX unless a test says otherwise.
 */
@Timeout(20)
class UidOnlyTest {
    private static final String SELECTED = """
            S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
            S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.
            S: * 4 EXISTS
            S: * 4 RECENT
            S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
            S: * OK [UIDNEXT 5] Predicted next UID
            """;

    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").with(Extension.UIDONLY).build().start();
        for (String subject : new String[] {"a", "b", "c", "d"}) {
            server.deliver("alice", "INBOX", ("Subject: " + subject + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        c = RawClient.login(server, "alice", "secret");
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    private void enableAndSelect() {
        c.play("""
                C: e1 ENABLE UIDONLY
                S: * ENABLED UIDONLY
                S: e1 OK Enabled.
                C: s1 SELECT INBOX
                """ + SELECTED + """
                S: s1 OK [READ-WRITE] Select completed.
                """);
    }

    @Test
    void enabledOnceAndSelectLeavesOutUnseenWhoseNumberIsASequenceNumber() {
        assertThat(c.command("c1", "CAPABILITY").get(0)).contains(" PREVIEW UIDONLY ESEARCH ");
        enableAndSelect();
        c.play("""
                C: e2 ENABLE UIDONLY
                S: e2 OK Enabled.
                """);
    }

    @Test
    void everyCommandThatTakesSequenceNumbersIsRefusedAndChangesNothing() {
        enableAndSelect();
        java.util.List<String> before = StoreSnapshot.of(server.store());
        c.play("""
                C: f1 FETCH 1 (FLAGS)
                S: f1 BAD [UIDREQUIRED] FETCH takes message sequence numbers, which UIDONLY forbids; use UID FETCH
                C: f2 STORE 1:* +FLAGS (\\Seen)
                S: f2 BAD [UIDREQUIRED] STORE takes message sequence numbers, which UIDONLY forbids; use UID STORE
                C: f3 SEARCH ALL
                S: f3 BAD [UIDREQUIRED] SEARCH takes message sequence numbers, which UIDONLY forbids; use UID SEARCH
                C: f4 COPY 1 INBOX
                S: f4 BAD [UIDREQUIRED] COPY takes message sequence numbers, which UIDONLY forbids; use UID COPY
                C: f5 MOVE 2 INBOX
                S: f5 BAD [UIDREQUIRED] MOVE takes message sequence numbers, which UIDONLY forbids; use UID MOVE
                C: f6 SORT (ARRIVAL) UTF-8 ALL
                S: f6 BAD [UIDREQUIRED] SORT takes message sequence numbers, which UIDONLY forbids; use UID SORT
                C: f7 THREAD REFERENCES UTF-8 ALL
                S: f7 BAD [UIDREQUIRED] THREAD takes message sequence numbers, which UIDONLY forbids; use UID THREAD
                C: f8 FETCH $ (FLAGS)
                S: f8 BAD [UIDREQUIRED] FETCH takes message sequence numbers, which UIDONLY forbids; use UID FETCH
                C: n1 NOOP
                S: n1 OK NOOP completed.
                """);
        assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
    }

    @Test
    void aSequenceSetSearchKeyIsRefusedInsideUidCommandsWhileUidKeysWork() {
        enableAndSelect();
        c.play("""
                C: u1 UID SEARCH 1:2
                S: u1 BAD [UIDREQUIRED] Message sequence numbers as a search key are forbidden by UIDONLY; use UID followed by the set
                C: u2 UID SEARCH NOT 2
                S: u2 BAD [UIDREQUIRED] Message sequence numbers as a search key are forbidden by UIDONLY; use UID followed by the set
                C: u3 UID SEARCH OR UID 1 3
                S: u3 BAD [UIDREQUIRED] Message sequence numbers as a search key are forbidden by UIDONLY; use UID followed by the set
                C: u4 UID SORT (ARRIVAL) UTF-8 1:*
                S: u4 BAD [UIDREQUIRED] Message sequence numbers as a search key are forbidden by UIDONLY; use UID followed by the set
                C: u5 UID THREAD REFERENCES UTF-8 (SEEN 2)
                S: u5 BAD [UIDREQUIRED] Message sequence numbers as a search key are forbidden by UIDONLY; use UID followed by the set
                C: u6 UID SEARCH OR UID 1 UID 3
                S: * SEARCH 1 3
                S: u6 OK UID SEARCH completed.
                C: u7 UID SEARCH RETURN (MIN COUNT) UID 2:*
                S: * ESEARCH (TAG "u7") UID MIN 2 COUNT 3
                S: u7 OK UID SEARCH completed.
                C: u8 UID SORT (REVERSE SUBJECT) UTF-8 UID 1:3
                S: * SORT 3 2 1
                S: u8 OK UID SORT completed.
                """);
    }

    @Test
    void fetchDataComesAsUidfetchWithTheUidInsideOnlyWhenAskedFor() {
        enableAndSelect();
        c.play("""
                C: f1 UID FETCH 2:3 (FLAGS)
                S: * 2 UIDFETCH (FLAGS (\\Recent))
                S: * 3 UIDFETCH (FLAGS (\\Recent))
                S: f1 OK UID FETCH completed.
                C: f2 UID FETCH 4 (RFC822.SIZE UID)
                S: * 4 UIDFETCH (RFC822.SIZE 17 UID 4)
                S: f2 OK UID FETCH completed.
                C: f3 UID FETCH 1 BODY[TEXT]
                S: * 1 UIDFETCH (BODY[TEXT] {3}
                S: x
                S:  FLAGS (\\Seen \\Recent))
                S: f3 OK UID FETCH completed.
                C: s1 UID STORE 2 +FLAGS (\\Flagged)
                S: * 2 UIDFETCH (FLAGS (\\Flagged \\Recent))
                S: s1 OK UID STORE completed.
                C: f4 UID FETCH 9 (FLAGS)
                S: f4 OK UID FETCH completed.
                """);
    }

    @Test
    void savedResultNamesUidsInUidCommands() {
        enableAndSelect();
        c.play("""
                C: r1 UID SEARCH RETURN (SAVE) UID 3:4
                S: r1 OK UID SEARCH completed.
                C: r2 UID FETCH $ (FLAGS)
                S: * 3 UIDFETCH (FLAGS (\\Recent))
                S: * 4 UIDFETCH (FLAGS (\\Recent))
                S: r2 OK UID FETCH completed.
                C: r3 UID SEARCH $
                S: * SEARCH 3 4
                S: r3 OK UID SEARCH completed.
                """);
    }

    @Test
    void expungesAreToldAsVanishedWithoutQresyncAndExistsStays() {
        enableAndSelect();
        c.play("""
                C: d1 UID STORE 2 +FLAGS.SILENT (\\Deleted)
                S: d1 OK UID STORE completed.
                C: x1 EXPUNGE
                S: * VANISHED 2
                S: * 3 RECENT
                S: x1 OK Expunge completed.
                """);
        try (RawClient other = RawClient.login(server, "alice", "secret")) {
            other.command("s0", "SELECT INBOX");
            other.command("d0", "UID STORE 3 +FLAGS.SILENT (\\Deleted)");
            other.command("x0", "UID EXPUNGE 3");
            other.command("f0", "UID STORE 4 +FLAGS.SILENT (\\Flagged)");
        }
        server.deliver("alice", "INBOX", "Subject: e\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
        c.play("""
                C: n1 NOOP
                S: * VANISHED 3
                S: * 4 UIDFETCH (FLAGS (\\Flagged \\Recent))
                S: * 3 EXISTS
                S: n1 OK NOOP completed.
                C: f1 UID FETCH 1:* (UID)
                S: * 1 UIDFETCH (UID 1)
                S: * 4 UIDFETCH (UID 4)
                S: * 5 UIDFETCH (UID 5)
                S: f1 OK UID FETCH completed.
                """);
    }

    @Test
    void uidCopyMoveAndExpungeNameUidsAndMovedMessagesVanish() {
        enableAndSelect();
        c.play("""
                C: c0 CREATE Kept
                S: c0 OK Create completed.
                C: c1 UID COPY 1:2 Kept
                S~ c1 OK \\[COPYUID \\d+ 1:2 1:2\\] Copy completed\\.
                C: m1 UID MOVE 3 Kept
                S~ \\* OK \\[COPYUID \\d+ 3 3\\] .*
                S: * VANISHED 3
                S: * 3 RECENT
                S: m1 OK Move completed.
                C: d1 UID STORE 4 +FLAGS.SILENT (\\Deleted)
                S: d1 OK UID STORE completed.
                C: x1 UID EXPUNGE 4
                S: * VANISHED 4
                S: * 2 RECENT
                S: x1 OK UID EXPUNGE completed.
                """);
    }

    @Test
    void enabledWhileSelectedItChangesTheRestOfTheSession() {
        c.play("""
                C: s1 SELECT INBOX
                """ + SELECTED.replace("S: * 4 RECENT\n", "S: * 4 RECENT\nS: * OK [UNSEEN 1] First unseen.\n") + """
                S: s1 OK [READ-WRITE] Select completed.
                C: f1 FETCH 1 (UID)
                S: * 1 FETCH (UID 1)
                S: f1 OK Fetch completed.
                C: e1 ENABLE UIDONLY
                S: * ENABLED UIDONLY
                S: e1 OK Enabled.
                C: f2 FETCH 1 (UID)
                S: f2 BAD [UIDREQUIRED] FETCH takes message sequence numbers, which UIDONLY forbids; use UID FETCH
                C: f3 UID FETCH 1 (FLAGS)
                S: * 1 UIDFETCH (FLAGS (\\Recent))
                S: f3 OK UID FETCH completed.
                """);
    }

    @Test
    void withCondstoreModSeqsComeInsideUidfetch() {
        c.play("""
                C: e1 ENABLE UIDONLY CONDSTORE
                S: * ENABLED UIDONLY CONDSTORE
                S: e1 OK Enabled.
                C: s1 SELECT INBOX
                """ + SELECTED + """
                S: * OK [HIGHESTMODSEQ 5] Highest
                S: s1 OK [READ-WRITE] Select completed.
                C: s2 UID STORE 1 +FLAGS.SILENT (\\Seen)
                S: * 1 UIDFETCH (MODSEQ (6))
                S: s2 OK UID STORE completed.
                C: s3 UID STORE 2 +FLAGS (\\Seen)
                S: * 2 UIDFETCH (MODSEQ (7) FLAGS (\\Seen \\Recent))
                S: s3 OK UID STORE completed.
                C: f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 5)
                S: * 1 UIDFETCH (FLAGS (\\Seen \\Recent) MODSEQ (6))
                S: * 2 UIDFETCH (FLAGS (\\Seen \\Recent) MODSEQ (7))
                S: f1 OK UID FETCH completed.
                C: s4 UID STORE 3 (UNCHANGEDSINCE 1) +FLAGS (\\Seen)
                S: s4 OK [MODIFIED 3] Conditional store failed
                """);
    }

    @Test
    void withQresyncSelectTellsChangesAsUidfetchAndRefusesSequenceMatchData() {
        long uidValidity = server.store().account("alice").orElseThrow().mailbox("INBOX").uidValidity();
        c.play("""
                C: e1 ENABLE QRESYNC UIDONLY
                S: * ENABLED QRESYNC UIDONLY
                S: e1 OK Enabled.
                C: s1 SELECT INBOX (QRESYNC (%d 4 1:4 (1:2 1:2)))
                S: s1 BAD [UIDREQUIRED] QRESYNC's message sequence match data is forbidden by UIDONLY
                C: s2 SELECT INBOX (QRESYNC (%d 4))
                """.formatted(uidValidity, uidValidity) + SELECTED + """
                S: * OK [HIGHESTMODSEQ 5] Highest
                S: * 4 UIDFETCH (FLAGS (\\Recent) MODSEQ (5))
                S: s2 OK [READ-WRITE] Select completed.
                """);
    }

    @Test
    void offByDefaultSoEnableUidonlyEnablesNothing() {
        try (ImapMockServer plain = ImapMockServer.builder().user("alice", "secret").build().start();
             RawClient p = RawClient.login(plain, "alice", "secret")) {
            plain.deliver("alice", "INBOX", "Subject: a\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(plain.extensions()).doesNotContain(Extension.UIDONLY);
            assertThat(p.command("c1", "CAPABILITY").get(0)).doesNotContain("UIDONLY");
            p.command("s1", "SELECT INBOX");
            p.play("""
                    C: e1 ENABLE UIDONLY
                    S: e1 OK Enabled.
                    C: f1 FETCH 1 (UID)
                    S: * 1 FETCH (UID 1)
                    S: f1 OK Fetch completed.
                    """);
        }
    }
}
