package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The PARTIAL result option of SEARCH (RFC 9394 §3.1): one page of the result, by position. INBOX
 * holds UIDs 1, 2, 4, 5, 6, 7 as messages 1 to 6 (UID 3 is expunged); messages 1 and 2 are \Seen.
 */
@Timeout(20)
class PartialSearchTest {
    private ImapMockServer server;
    private RawClient c;

    private RawClient selected(Extension... without) {
        server = ImapMockServer.builder().user("alice", "secret").with(Extension.PARTIAL).without(without).build().start();
        for (int i = 1; i <= 7; i++) {
            server.deliver("alice", "INBOX", ("Subject: " + i + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        server.store().account("alice").orElseThrow().mailbox("INBOX").expunge(Set.of(3L));
        c = RawClient.login(server, "alice", "secret");
        c.command("s", "SELECT INBOX");
        c.command("f", "STORE 1:2 +FLAGS.SILENT (\\Seen)");
        return c;
    }

    @AfterEach
    void stop() {
        if (c != null) {
            c.close();
        }
        server.close();
    }

    @Test
    void uidSearchAnswersThePositionsFromTheStartOrTheEnd() {
        selected().play("""
                C: p1 UID SEARCH RETURN (PARTIAL 1:3) ALL
                S: * ESEARCH (TAG "p1") UID PARTIAL (1:3 1:2,4)
                S: p1 OK UID SEARCH completed.
                C: p2 UID SEARCH RETURN (PARTIAL -1:-2) ALL
                S: * ESEARCH (TAG "p2") UID PARTIAL (-1:-2 6:7)
                S: p2 OK UID SEARCH completed.
                C: p3 UID SEARCH RETURN (PARTIAL 3:2) UNSEEN
                S: * ESEARCH (TAG "p3") UID PARTIAL (2:3 5:6)
                S: p3 OK UID SEARCH completed.
                """);
    }

    @Test
    void sequenceSearchAnswersSequenceNumbers() {
        selected().play("""
                C: p1 SEARCH RETURN (PARTIAL 2:3) ALL
                S: * ESEARCH (TAG "p1") PARTIAL (2:3 2:3)
                S: p1 OK Search completed.
                C: p2 SEARCH RETURN (PARTIAL -1:-1) UNSEEN
                S: * ESEARCH (TAG "p2") PARTIAL (-1:-1 6)
                S: p2 OK Search completed.
                """);
    }

    @Test
    void aRangePastTheResultIsNilAndMinMaxCountSpeakOfTheWholeResult() {
        selected().play("""
                C: p1 SEARCH RETURN (PARTIAL 5:9 COUNT MIN MAX) ALL
                S: * ESEARCH (TAG "p1") MIN 1 MAX 6 PARTIAL (5:9 5:6) COUNT 6
                S: p1 OK Search completed.
                C: p2 UID SEARCH RETURN (PARTIAL 7:9 COUNT) ALL
                S: * ESEARCH (TAG "p2") UID PARTIAL (7:9 NIL) COUNT 6
                S: p2 OK UID SEARCH completed.
                C: p3 SEARCH RETURN (PARTIAL 1:10) DELETED
                S: * ESEARCH (TAG "p3") PARTIAL (1:10 NIL)
                S: p3 OK Search completed.
                """);
    }

    @Test
    void saveWithPartialSavesThePage() {
        selected().play("""
                C: p1 SEARCH RETURN (PARTIAL 2:3 SAVE) ALL
                S: * ESEARCH (TAG "p1") PARTIAL (2:3 2:3)
                S: p1 OK Search completed.
                C: p2 UID SEARCH UID $
                S: * SEARCH 2 4
                S: p2 OK UID SEARCH completed.
                """);
    }

    @Test
    void partialWithAllOrWithoutARangeIsBad() {
        selected().play("""
                C: b1 SEARCH RETURN (PARTIAL 1:2 ALL) ALL
                S: b1 BAD PARTIAL and ALL cannot be used together (RFC 9394 section 3.1)
                C: b2 SEARCH RETURN (PARTIAL) ALL
                S: b2 BAD PARTIAL needs a range such as 1:100 or -1:-100
                C: b3 SEARCH RETURN (PARTIAL 0:5) ALL
                S: b3 BAD PARTIAL needs a range such as 1:100 or -1:-100, not 0:5
                C: b4 SEARCH RETURN (PARTIAL 1:2 PARTIAL 3:4) ALL
                S: b4 BAD PARTIAL is given twice
                C: b5 SEARCH RETURN (PARTIAL 1:2) ALL
                S: * ESEARCH (TAG "b5") PARTIAL (1:2 1:2)
                S: b5 OK Search completed.
                """);
    }

    @Test
    void withoutPartialTheOptionIsUnknown() {
        selected(Extension.PARTIAL).play("""
                C: b1 SEARCH RETURN (PARTIAL 1:2) ALL
                S: b1 BAD unknown SEARCH result option PARTIAL; known are MIN, MAX, ALL, COUNT, SAVE and UPDATE
                """);
    }
}
