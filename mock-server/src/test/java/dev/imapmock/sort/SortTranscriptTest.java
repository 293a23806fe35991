package dev.imapmock.sort;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SORT, UID SORT and ESORT over the wire, exact bytes: the messages of {@code sort/} with UIDs 1
 * and 2 expunged, so that message n has UID n + 2. The sorted answers are those Dovecot 2.3.19.1
 * gave for the same mailbox (its texts after OK differ).
 */
@Timeout(20)
class SortTranscriptTest {
    static final Path MESSAGES = Path.of("src/test/resources/sort");

    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").fixtures(MESSAGES).build().start();
        server.store().account("alice").orElseThrow().mailbox("INBOX").expunge(Set.of(1L, 2L));
        c = RawClient.login(server, "alice", "secret");
        c.command("s0", "SELECT INBOX");
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    @Test
    void everyKeyOnItsOwn() {
        c.play("""
                C: a1 SORT (ARRIVAL) UTF-8 1:12
                S: * SORT 6 7 5 3 4 2 1 8 9 10 11 12
                S: a1 OK Sort completed.
                C: a2 SORT (CC) UTF-8 1:12
                S: * SORT 1 2 4 5 6 7 8 9 10 11 12 3
                S: a2 OK Sort completed.
                C: a3 SORT (DATE) UTF-8 1:12
                S: * SORT 2 1 6 3 4 7 5 8 9 10 11 12
                S: a3 OK Sort completed.
                C: a4 SORT (FROM) UTF-8 1:12
                S: * SORT 1 4 5 3 2 6 7 8 9 10 11 12
                S: a4 OK Sort completed.
                C: a5 sort (size) utf-8 1:12
                S: * SORT 6 5 9 4 11 7 8 12 10 1 2 3
                S: a5 OK Sort completed.
                C: a6 SORT (SUBJECT) UTF-8 1:12
                S: * SORT 4 5 10 2 11 12 3 7 6 1 9 8
                S: a6 OK Sort completed.
                C: a7 SORT (TO) UTF-8 1:12
                S: * SORT 7 6 8 3 4 5 9 2 11 12 10 1
                S: a7 OK Sort completed.
                C: a8 SORT (DISPLAYFROM) UTF-8 1:12
                S: * SORT 4 5 3 2 6 7 8 9 10 11 12 1
                S: a8 OK Sort completed.
                C: a9 SORT (DISPLAYTO) UTF-8 1:12
                S: * SORT 7 8 6 3 4 5 9 2 12 11 10 1
                S: a9 OK Sort completed.
                """);
    }

    @Test
    void reverseTurnsOnlyTheKeyAfterItAroundAndTiesStayInMailboxOrder() {
        c.play("""
                C: r1 SORT (REVERSE DATE) UTF-8 1:12
                S: * SORT 10 11 12 9 8 5 7 3 4 6 1 2
                S: r1 OK Sort completed.
                C: r2 SORT (SUBJECT REVERSE DATE) UTF-8 1:12
                S: * SORT 10 5 4 2 11 12 3 7 6 1 9 8
                S: r2 OK Sort completed.
                C: r3 SORT (REVERSE SUBJECT REVERSE ARRIVAL) UTF-8 1:12
                S: * SORT 8 9 1 6 7 3 11 12 2 10 4 5
                S: r3 OK Sort completed.
                C: r4 SORT (REVERSE FROM SUBJECT) UTF-8 1:12
                S: * SORT 11 12 10 9 8 7 6 2 3 4 5 1
                S: r4 OK Sort completed.
                C: r5 SORT (REVERSE REVERSE SIZE) UTF-8 1:12
                S: * SORT 6 5 9 4 11 7 8 12 10 1 2 3
                S: r5 OK Sort completed.
                """);
    }

    @Test
    void uidSortAnswersWithUidsAndTakesUidCriteria() {
        c.play("""
                C: u1 UID SORT (SUBJECT) UTF-8 UID 3:14
                S: * SORT 6 7 12 4 13 14 5 9 8 3 11 10
                S: u1 OK UID SORT completed.
                C: u2 UID SORT (REVERSE SIZE) UTF-8 1:12
                S: * SORT 5 4 3 12 14 10 9 6 13 11 7 8
                S: u2 OK UID SORT completed.
                C: u3 UID SORT (DISPLAYTO) UTF-8 SUBJECT apple
                S: * SORT 25 14 13
                S: u3 OK UID SORT completed.
                """);
    }

    @Test
    void searchCriteriaAndCharsetsAreSearchs() {
        c.send("c1 SORT (SUBJECT) UTF-8 SUBJECT {6}");
        assertThat(c.readLine()).startsWith("+ ");
        c.sendRaw("\u00c4rger\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(c.readUntilTagged("c1")).containsExactly("* SORT 3 31", "c1 OK Sort completed.");
        c.play("""
                C: c2 SORT (DATE) US-ASCII SUBJECT banana
                S: * SORT 15 16 25
                S: c2 OK Sort completed.
                C: c3 SORT (DATE) UTF-8 SUBJECT nothing-matches
                S: * SORT
                S: c3 OK Sort completed.
                C: c4 SORT (DATE) "utf-8" OR SUBJECT cherry FROM dave
                S: * SORT 3 17 22
                S: c4 OK Sort completed.
                """);
    }

    @Test
    void esortAnswersInSortOrder() {
        c.play("""
                C: e1 SORT RETURN (MIN MAX COUNT ALL) (SUBJECT) UTF-8 1:12
                S: * ESEARCH (TAG "e1") MIN 4 MAX 8 ALL 4:5,10,2,11:12,3,7,6,1,9,8 COUNT 12
                S: e1 OK Sort completed.
                C: e2 UID SORT RETURN (MIN MAX COUNT ALL) (SUBJECT) UTF-8 1:12
                S: * ESEARCH (TAG "e2") UID MIN 6 MAX 10 ALL 6:7,12,4,13:14,5,9,8,3,11,10 COUNT 12
                S: e2 OK UID SORT completed.
                C: e3 SORT RETURN (ALL) (REVERSE ARRIVAL) UTF-8 ALL
                S: * ESEARCH (TAG "e3") ALL 30:31,28:29,26:27,24:25,22:23,20:21,18:19,10:12,8:9,1:5,16:17,7,6,14:15,13
                S: e3 OK Sort completed.
                C: e4 UID SORT RETURN () (REVERSE ARRIVAL) UTF-8 1:12
                S: * ESEARCH (TAG "e4") UID ALL 12:14,10:11,3:7,9,8
                S: e4 OK UID SORT completed.
                C: e5 SORT RETURN (MIN MAX) (DATE) UTF-8 SUBJECT nothing-matches
                S: * ESEARCH (TAG "e5")
                S: e5 OK Sort completed.
                C: e6 SORT RETURN (COUNT) (DATE) UTF-8 SUBJECT nothing-matches
                S: * ESEARCH (TAG "e6") COUNT 0
                S: e6 OK Sort completed.
                """);
    }

    @Test
    void partialTakesItsPositionsFromTheSortedResultWhenPartialIsOn() {
        try (ImapMockServer partial = ImapMockServer.builder().user("alice", "secret").fixtures(MESSAGES)
                .with(dev.imapmock.Extension.PARTIAL).build().start()) {
            partial.store().account("alice").orElseThrow().mailbox("INBOX").expunge(Set.of(1L, 2L));
            try (RawClient p = RawClient.login(partial, "alice", "secret")) {
                p.command("s0", "SELECT INBOX");
                p.play("""
                        C: p1 SORT RETURN (PARTIAL 1:2) (REVERSE SUBJECT) UTF-8 1:12
                        S: * ESEARCH (TAG "p1") PARTIAL (1:2 8:9)
                        S: p1 OK Sort completed.
                        C: p2 UID SORT RETURN (PARTIAL -1:-3 COUNT) (SUBJECT) UTF-8 1:12
                        S: * ESEARCH (TAG "p2") UID PARTIAL (-1:-3 3,11,10) COUNT 12
                        S: p2 OK UID SORT completed.
                        """);
            }
        }
    }

    @Test
    void saveKeepsTheMessagesMinAndMaxNameInSortOrder() {
        c.play("""
                C: v1 SORT RETURN (SAVE MAX) (SIZE) UTF-8 1:12
                S: * ESEARCH (TAG "v1") MAX 3
                S: v1 OK Sort completed.
                C: v2 SEARCH $
                S: * SEARCH 3
                S: v2 OK Search completed.
                C: v3 SORT (SUBJECT) UTF-8 $
                S: * SORT 3
                S: v3 OK Sort completed.
                C: v4 SORT RETURN (SAVE) (SIZE) UTF-8 1:2
                S: v4 OK Sort completed.
                C: v5 SEARCH $
                S: * SEARCH 1 2
                S: v5 OK Search completed.
                C: v6 SORT RETURN (SAVE) (SIZE) KOI8-R ALL
                S: v6 NO [BADCHARSET (UTF-8 US-ASCII)] charset KOI8-R is not supported; use UTF-8 or US-ASCII
                C: v7 SEARCH $
                S: * SEARCH
                S: v7 OK Search completed.
                """);
    }

    @Test
    void aModSeqKeyTurnsCondstoreOnAndAddsTheHighestModSeq() {
        long modSeq = server.store().account("alice").orElseThrow().mailbox("INBOX").byUid(5).modSeq();
        c.play("""
                C: m1 SORT (SUBJECT) UTF-8 MODSEQ %d 3
                S~ \\* OK \\[HIGHESTMODSEQ \\d+\\].*
                S: * SORT 3 (MODSEQ %d)
                S: m1 OK Sort completed.
                C: m2 SORT RETURN (COUNT) (SUBJECT) UTF-8 MODSEQ %d 3
                S: * ESEARCH (TAG "m2") COUNT 1 MODSEQ %d
                S: m2 OK Sort completed.
                """.formatted(modSeq, modSeq, modSeq, modSeq));
    }

    @Test
    void malformedSortsAreBadWithAReasonAndChangeNothing() {
        java.util.List<String> before = StoreSnapshot.of(server.store());
        c.play("""
                C: b1 SORT
                S: b1 BAD SORT needs its sort keys in parentheses, such as SORT (DATE) UTF-8 ALL
                C: b2 SORT DATE UTF-8 ALL
                S: b2 BAD SORT needs its sort keys in parentheses, such as SORT (DATE) UTF-8 ALL
                C: b3 SORT () UTF-8 ALL
                S: b3 BAD SORT needs at least one sort key in its parentheses, such as (DATE)
                C: b4 SORT (FOO) UTF-8 ALL
                S: b4 BAD unknown sort key FOO; known are ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM and DISPLAYTO, each optionally after REVERSE
                C: b5 SORT ("DATE") UTF-8 ALL
                S: b5 BAD unknown sort key a quoted string; known are ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM and DISPLAYTO, each optionally after REVERSE
                C: b6 SORT (DATE REVERSE) UTF-8 ALL
                S: b6 BAD REVERSE must come before a sort key, such as (REVERSE DATE)
                C: b7 SORT (DATE)
                S: b7 BAD SORT needs a charset after the sort keys, such as SORT (DATE) UTF-8 ALL
                C: b8 SORT (DATE) ALL
                S: b8 BAD SORT needs at least one search key after the charset, such as ALL
                C: b9 SORT (DATE) UTF-8
                S: b9 BAD SORT needs at least one search key after the charset, such as ALL
                C: b10 SORT (DATE) (UTF-8) ALL
                S: b10 BAD SORT needs a charset name such as UTF-8 after the sort keys, not a parenthesized list
                C: b11 SORT (DATE) UTF-8 FOO
                S: b11 BAD unknown search key FOO
                C: b12 SORT (DATE) UTF-8 SUBJECT
                S: b12 BAD search key SUBJECT needs a string after it
                C: b13 SORT RETURN (FOO) (DATE) UTF-8 ALL
                S: b13 BAD unknown SORT result option FOO; known are MIN, MAX, ALL, COUNT and SAVE
                C: b14 SORT RETURN (UPDATE) (DATE) UTF-8 ALL
                S: b14 BAD unknown SORT result option UPDATE; known are MIN, MAX, ALL, COUNT and SAVE
                C: b15 SORT RETURN (DATE) UTF-8 ALL
                S: b15 BAD unknown SORT result option DATE; known are MIN, MAX, ALL, COUNT and SAVE
                C: n1 SORT (DATE) X-UNKNOWN ALL
                S: n1 NO [BADCHARSET (UTF-8 US-ASCII)] charset X-UNKNOWN is not supported; use UTF-8 or US-ASCII
                """);
        c.assertStillWorks("w1");
        assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
    }

    @Test
    void sortNeedsASelectedMailbox() {
        c.play("""
                C: x1 UNSELECT
                S: x1 OK Unselect completed.
                C: x2 SORT (DATE) UTF-8 ALL
                S~ x2 BAD .*
                C: x3 UID SORT (DATE) UTF-8 ALL
                S~ x3 BAD .*
                """);
    }
}
