package dev.imapmock.access;

import dev.imapmock.testing.Capabilities;
import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code SEARCH RETURN (SAVE)} and {@code $} over the wire (RFC 5182): the five messages of
 * {@code access/search/} (see {@link SearchKeysTest}; message number = UID until something is
 * expunged; UNSEEN finds 2 to 5, DELETED finds 4).
 */
@Timeout(20)
class SearchResTest {
    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").fixtures(Wire.ACCESS.resolve("search")).build().start();
        c = Wire.selected(server, "SELECT INBOX");
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    @Test
    void saveAloneAnswersOnlyTheTaggedOkAndDollarNamesTheResult() {
        c.play("""
                C: v1 SEARCH RETURN (SAVE) UNSEEN
                S: v1 OK Search completed.
                C: f1 FETCH $ (UID)
                S: * 2 FETCH (UID 2)
                S: * 3 FETCH (UID 3)
                S: * 4 FETCH (UID 4)
                S: * 5 FETCH (UID 5)
                S: f1 OK Fetch completed.
                C: s1 SEARCH $
                S: * SEARCH 2 3 4 5
                S: s1 OK Search completed.
                C: s2 UID SEARCH UID $ NOT DELETED
                S: * SEARCH 2 3 5
                S: s2 OK UID SEARCH completed.
                C: s3 SEARCH RETURN (ALL) NOT $
                S: * ESEARCH (TAG "s3") ALL 1
                S: s3 OK Search completed.
                """);
    }

    @Test
    void dollarBeforeAnySaveIsAValidEmptySet() {
        c.play("""
                C: f1 FETCH $ (UID)
                S: f1 OK Fetch completed.
                C: f2 UID FETCH $ (FLAGS)
                S: f2 OK UID FETCH completed.
                C: s1 SEARCH $
                S: * SEARCH
                S: s1 OK Search completed.
                C: s2 UID SEARCH RETURN (COUNT) UID $
                S: * ESEARCH (TAG "s2") UID COUNT 0
                S: s2 OK UID SEARCH completed.
                C: t1 STORE $ +FLAGS (\\Seen)
                S: t1 OK Store completed.
                C: k1 COPY $ INBOX
                S: k1 OK No messages found
                C: m1 UID MOVE $ INBOX
                S: m1 OK No messages found
                C: x1 UID EXPUNGE $
                S: x1 OK UID EXPUNGE completed.
                """);
    }

    @Test
    void dollarWorksInFetchStoreCopyMoveAndUidExpunge() {
        c.command("c0", "CREATE Archive");
        c.play("""
                C: v1 UID SEARCH RETURN (SAVE) UID 2:3
                S: v1 OK UID SEARCH completed.
                C: t1 STORE $ +FLAGS (\\Answered)
                S: * 2 FETCH (FLAGS (\\Answered \\Flagged \\Recent))
                S: * 3 FETCH (FLAGS (\\Answered \\Draft $Label1 \\Recent))
                S: t1 OK Store completed.
                C: t2 UID STORE $ -FLAGS.SILENT (\\Answered)
                S: t2 OK UID STORE completed.
                C: f1 UID FETCH $ (FLAGS)
                S: * 2 FETCH (UID 2 FLAGS (\\Flagged \\Recent))
                S: * 3 FETCH (UID 3 FLAGS (\\Draft $Label1 \\Recent))
                S: f1 OK UID FETCH completed.
                C: f2 FETCH $ (UID) (CHANGEDSINCE 1)
                S: * OK [HIGHESTMODSEQ 4] Highest
                S: * 2 FETCH (UID 2 MODSEQ (4))
                S: * 3 FETCH (UID 3 MODSEQ (4))
                S: f2 OK Fetch completed.
                C: k1 COPY $ Archive
                S~ k1 OK \\[COPYUID \\d+ 2:3 1:2\\] Copy completed\\.
                C: k2 UID COPY $ Archive
                S~ k2 OK \\[COPYUID \\d+ 2:3 3:4\\] Copy completed\\.
                C: m1 MOVE $ Archive
                S~ \\* OK \\[COPYUID \\d+ 2:3 5:6\\] Moved UIDs\\.
                S: * 2 EXPUNGE
                S: * 2 EXPUNGE
                S: * 3 RECENT
                S: m1 OK Move completed.
                C: f3 FETCH $ (UID)
                S: f3 OK Fetch completed.
                C: v2 SEARCH RETURN (SAVE) DELETED
                S: v2 OK Search completed.
                C: x1 UID EXPUNGE $
                S: * 2 EXPUNGE
                S: * 2 RECENT
                S: x1 OK UID EXPUNGE completed.
                C: s1 UID SEARCH ALL
                S: * SEARCH 1 5
                S: s1 OK UID SEARCH completed.
                """);
        assertThat(server.store().account("alice").orElseThrow().mailbox("Archive").size()).isEqualTo(6);
    }

    @Test
    void saveWithMinOrMaxAloneKeepsOnlyThoseMessages() {
        c.play("""
                C: v1 SEARCH RETURN (SAVE MIN) UNSEEN
                S: * ESEARCH (TAG "v1") MIN 2
                S: v1 OK Search completed.
                C: s1 SEARCH $
                S: * SEARCH 2
                S: s1 OK Search completed.
                C: v2 SEARCH RETURN (MAX SAVE MIN) UNSEEN
                S: * ESEARCH (TAG "v2") MIN 2 MAX 5
                S: v2 OK Search completed.
                C: s2 SEARCH $
                S: * SEARCH 2 5
                S: s2 OK Search completed.
                C: v3 SEARCH RETURN (SAVE MAX COUNT) UNSEEN
                S: * ESEARCH (TAG "v3") MAX 5 COUNT 4
                S: v3 OK Search completed.
                C: s3 SEARCH $
                S: * SEARCH 2 3 4 5
                S: s3 OK Search completed.
                C: v4 SEARCH RETURN (SAVE ALL MIN) SEEN
                S: * ESEARCH (TAG "v4") MIN 1 ALL 1
                S: v4 OK Search completed.
                C: s4 SEARCH $
                S: * SEARCH 1
                S: s4 OK Search completed.
                C: v5 SEARCH RETURN (SAVE MIN) SUBJECT nosuch
                S: * ESEARCH (TAG "v5")
                S: v5 OK Search completed.
                C: s5 SEARCH $
                S: * SEARCH
                S: s5 OK Search completed.
                """);
    }

    @Test
    void aSavingSearchReadsThePreviousResult() {
        c.play("""
                C: v1 SEARCH RETURN (SAVE) 2:3
                S: v1 OK Search completed.
                C: v2 SEARCH RETURN (SAVE) OR $ 5
                S: v2 OK Search completed.
                C: s1 SEARCH $
                S: * SEARCH 2 3 5
                S: s1 OK Search completed.
                """);
    }

    @Test
    void aSearchWithSaveAnsweredNoEmptiesTheResultWhileBadLeavesIt() {
        c.play("""
                C: v1 SEARCH RETURN (SAVE) 2:3
                S: v1 OK Search completed.
                C: b1 SEARCH RETURN (SAVE) NOSUCHKEY
                S: b1 BAD unknown search key NOSUCHKEY
                C: s1 SEARCH $
                S: * SEARCH 2 3
                S: s1 OK Search completed.
                C: n1 SEARCH CHARSET KOI8-R ALL
                S: n1 NO [BADCHARSET (UTF-8 US-ASCII)] charset KOI8-R is not supported; use UTF-8 or US-ASCII
                C: o1 SEARCH RETURN (MIN) UNSEEN
                S: * ESEARCH (TAG "o1") MIN 2
                S: o1 OK Search completed.
                C: s2 SEARCH $
                S: * SEARCH 2 3
                S: s2 OK Search completed.
                C: n2 SEARCH RETURN (SAVE) CHARSET KOI8-R ALL
                S: n2 NO [BADCHARSET (UTF-8 US-ASCII)] charset KOI8-R is not supported; use UTF-8 or US-ASCII
                C: s3 SEARCH $
                S: * SEARCH
                S: s3 OK Search completed.
                C: f1 FETCH $ (UID)
                S: f1 OK Fetch completed.
                """);
    }

    @Test
    void selectExamineCloseAndUnselectForgetTheResult() {
        for (String leave : new String[] {"SELECT INBOX", "EXAMINE INBOX", "CLOSE", "UNSELECT"}) {
            assertThat(c.command("v", "SEARCH RETURN (SAVE) ALL")).containsExactly("v OK Search completed.");
            assertThat(c.command("s", "SEARCH $")).as("before " + leave).first().isEqualTo("* SEARCH 1 2 3 4 5");
            assertThat(c.command("l", leave)).last().asString().startsWith("l OK ");
            if (!leave.endsWith("INBOX")) {
                assertThat(c.command("r", "SELECT INBOX")).last().asString().startsWith("r OK ");
            }
            assertThat(c.command("s", "SEARCH $")).as("after " + leave).containsExactly("* SEARCH", "s OK Search completed.");
        }
    }

    @Test
    void dollarLosesMessagesAnotherSessionExpungesAndMapsToTheNewNumbers() {
        c.play("""
                C: v1 UID SEARCH RETURN (SAVE) UID 2:5
                S: v1 OK UID SEARCH completed.
                """);
        try (RawClient other = Wire.selected(server, "SELECT INBOX")) {
            other.command("d1", "UID STORE 3 +FLAGS.SILENT (\\Deleted)");
            assertThat(other.command("d2", "UID EXPUNGE 3")).containsExactly("* 3 EXPUNGE", "d2 OK UID EXPUNGE completed.");
        }
        c.play("""
                C: f1 FETCH $ (UID)
                S: * 2 FETCH (UID 2)
                S: * 3 FETCH (UID 3)
                S: * 4 FETCH (UID 4)
                S: * 5 FETCH (UID 5)
                S: * 3 FETCH (FLAGS (\\Deleted \\Draft $Label1 \\Recent))
                S: f1 OK Fetch completed.
                C: n1 NOOP
                S: * 3 EXPUNGE
                S: * 4 RECENT
                S: n1 OK NOOP completed.
                C: f2 FETCH $ (UID)
                S: * 2 FETCH (UID 2)
                S: * 3 FETCH (UID 4)
                S: * 4 FETCH (UID 5)
                S: f2 OK Fetch completed.
                C: s1 SEARCH $
                S: * SEARCH 2 3 4
                S: s1 OK Search completed.
                C: s2 UID SEARCH RETURN (ALL) $
                S: * ESEARCH (TAG "s2") UID ALL 2,4:5
                S: s2 OK UID SEARCH completed.
                C: s3 SEARCH RETURN (ALL COUNT) UID $
                S: * ESEARCH (TAG "s3") ALL 2:4 COUNT 3
                S: s3 OK Search completed.
                """);
    }

    @Test
    void aResultSavedByNumberIsUsedByUid() {
        c.command("d", "STORE 1 +FLAGS.SILENT (\\Deleted)");
        c.command("e", "EXPUNGE");
        c.play("""
                C: v1 SEARCH RETURN (SAVE) 1:2
                S: v1 OK Search completed.
                C: f1 UID FETCH $ (FLAGS)
                S: * 1 FETCH (UID 2 FLAGS (\\Flagged \\Recent))
                S: * 2 FETCH (UID 3 FLAGS (\\Draft $Label1 \\Recent))
                S: f1 OK UID FETCH completed.
                """);
    }

    @Test
    void dollarCombinedWithNumbersIsBad() {
        c.command("v", "SEARCH RETURN (SAVE) ALL");
        c.play("""
                C: b1 FETCH $,1 (UID)
                S: b1 BAD "$" stands alone: the saved search result cannot be combined with numbers as in "$,1"
                C: b2 UID FETCH $:3 (UID)
                S: b2 BAD "$" stands alone: the saved search result cannot be combined with numbers as in "$:3"
                C: b3 COPY 1,$ INBOX
                S: b3 BAD "$" stands alone: the saved search result cannot be combined with numbers as in "1,$"
                C: b4 SEARCH $,1
                S: b4 BAD "$" stands alone: the saved search result cannot be combined with numbers as in "$,1"
                C: b5 SEARCH UID 1,$
                S: b5 BAD "$" stands alone: the saved search result cannot be combined with numbers as in "1,$"
                C: b6 STORE "$" +FLAGS (\\Seen)
                S: b6 BAD expected a sequence set such as 1:5,7 but got a quoted string
                """);
        c.assertStillWorks("n1");
    }

    @Test
    void withoutSearchresSaveAndDollarAreBad() {
        try (ImapMockServer plain = ImapMockServer.builder().user("alice", "secret").fixtures(Wire.ACCESS.resolve("search"))
                .without(Extension.SEARCHRES).build().start();
             RawClient other = Wire.selected(plain, "SELECT INBOX")) {
            other.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY %s
                    S: c1 OK Capability completed.
                    C: b1 SEARCH RETURN (SAVE) ALL
                    S: b1 BAD unknown SEARCH result option SAVE; known are MIN, MAX, ALL, COUNT and UPDATE
                    C: b2 FETCH $ (UID)
                    S: b2 BAD invalid sequence set "$": "$" is neither a number nor "*"
                    C: b3 SEARCH $
                    S: b3 BAD unknown search key $
                    C: b4 UID SEARCH UID $
                    S: b4 BAD invalid sequence set "$": "$" is neither a number nor "*"
                    C: b5 UID EXPUNGE $
                    S: b5 BAD invalid sequence set "$": "$" is neither a number nor "*"
                    C: b6 COPY $ INBOX
                    S: b6 BAD invalid sequence set "$": "$" is neither a number nor "*"
                    C: e1 SEARCH RETURN (MIN) UNSEEN
                    S: * ESEARCH (TAG "e1") MIN 2
                    S: e1 OK Search completed.
                    """.formatted(Capabilities.afterLoginWithout("SEARCHRES")));
        }
    }
}
