package dev.imapmock.access;

import dev.imapmock.testing.Capabilities;
import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Set;

/**
 * {@code SEARCH RETURN (...)} and {@code * ESEARCH} over the wire (RFC 4731 §3.1, RFC 4466 §2.6):
 * the messages of {@code access/search/} (see {@link SearchKeysTest}) with UID 3 expunged, so
 * INBOX holds UIDs 1, 2, 4, 5 as messages 1 to 4; UNSEEN finds messages 2, 3, 4 (UIDs 2, 4, 5).
 */
@Timeout(20)
class EsearchTest {
    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        server = serverWithout();
        c = Wire.selected(server, "SELECT INBOX");
    }

    private static ImapMockServer serverWithout(Extension... left) {
        ImapMockServer s = ImapMockServer.builder().user("alice", "secret").fixtures(Wire.ACCESS.resolve("search"))
                .without(left).build().start();
        s.store().account("alice").orElseThrow().mailbox("INBOX").expunge(Set.of(3L));
        return s;
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    @Test
    void everyResultOptionInDovecotsOrder() {
        c.play("""
                C: e1 SEARCH RETURN (MIN MAX COUNT ALL) UNSEEN
                S: * ESEARCH (TAG "e1") MIN 2 MAX 4 ALL 2:4 COUNT 3
                S: e1 OK Search completed.
                C: e2 SEARCH RETURN (count all max min) UNSEEN
                S: * ESEARCH (TAG "e2") MIN 2 MAX 4 ALL 2:4 COUNT 3
                S: e2 OK Search completed.
                C: e3 SEARCH RETURN (MAX) UNSEEN
                S: * ESEARCH (TAG "e3") MAX 4
                S: e3 OK Search completed.
                C: e4 SEARCH RETURN (COUNT MIN) ALL
                S: * ESEARCH (TAG "e4") MIN 1 COUNT 4
                S: e4 OK Search completed.
                """);
    }

    @Test
    void uidSearchAnswersWithUidsAndTheUidIndicator() {
        c.play("""
                C: u1 UID SEARCH RETURN (MIN MAX COUNT ALL) UNSEEN
                S: * ESEARCH (TAG "u1") UID MIN 2 MAX 5 ALL 2,4:5 COUNT 3
                S: u1 OK UID SEARCH completed.
                C: u2 UID SEARCH RETURN (ALL) NOT FLAGGED
                S: * ESEARCH (TAG "u2") UID ALL 1,4:5
                S: u2 OK UID SEARCH completed.
                C: u3 UID SEARCH RETURN (ALL) UID 1:*
                S: * ESEARCH (TAG "u3") UID ALL 1:2,4:5
                S: u3 OK UID SEARCH completed.
                """);
    }

    @Test
    void anEmptyReturnListMeansAllAndAnOptionTwiceCountsOnce() {
        c.play("""
                C: e1 SEARCH RETURN () UNSEEN
                S: * ESEARCH (TAG "e1") ALL 2:4
                S: e1 OK Search completed.
                C: e2 SEARCH RETURN (ALL ALL) SEEN
                S: * ESEARCH (TAG "e2") ALL 1
                S: e2 OK Search completed.
                """);
    }

    @Test
    void anEmptyResultKeepsTheResponseAndOnlyCount() {
        c.play("""
                C: e1 SEARCH RETURN (MIN MAX ALL) SUBJECT nosuch
                S: * ESEARCH (TAG "e1")
                S: e1 OK Search completed.
                C: e2 UID SEARCH RETURN (MIN MAX ALL COUNT) SUBJECT nosuch
                S: * ESEARCH (TAG "e2") UID COUNT 0
                S: e2 OK UID SEARCH completed.
                C: e3 SEARCH RETURN () SUBJECT nosuch
                S: * ESEARCH (TAG "e3")
                S: e3 OK Search completed.
                C: e4 UID SEARCH RETURN (COUNT) UID 3
                S: * ESEARCH (TAG "e4") UID COUNT 0
                S: e4 OK UID SEARCH completed.
                """);
    }

    @Test
    void charsetFollowsReturnAndTagsAreQuotedAsSent() {
        c.play("""
                C: e1 SEARCH RETURN (COUNT) CHARSET UTF-8 SUBJECT "Grüße"
                S: * ESEARCH (TAG "e1") COUNT 1
                S: e1 OK Search completed.
                C: a]1 SEARCH RETURN (MIN) FLAGGED
                S: * ESEARCH (TAG "a]1") MIN 2
                S: a]1 OK Search completed.
                C: e2 SEARCH RETURN (COUNT) CHARSET KOI8-R ALL
                S: e2 NO [BADCHARSET (UTF-8 US-ASCII)] charset KOI8-R is not supported; use UTF-8 or US-ASCII
                """);
    }

    @Test
    void malformedReturnIsBadAndTheConnectionStaysUsable() {
        c.play("""
                C: b1 SEARCH RETURN (FOO) ALL
                S: b1 BAD unknown SEARCH result option FOO; known are MIN, MAX, ALL, COUNT, SAVE and UPDATE
                C: b2 SEARCH RETURN ALL ALL
                S: b2 BAD RETURN needs a parenthesized list of result options, such as RETURN (MIN COUNT)
                C: b3 SEARCH CHARSET UTF-8 RETURN (ALL) ALL
                S: b3 BAD unknown search key RETURN
                C: b4 SEARCH RETURN (MIN)
                S: b4 BAD SEARCH needs at least one search key, such as ALL or UNSEEN
                C: b5 SEARCH RETURN ((MIN)) ALL
                S: b5 BAD unknown SEARCH result option a parenthesized list; known are MIN, MAX, ALL, COUNT, SAVE and UPDATE
                C: b6 SEARCH RETURN (MIN) RETURN (MAX) ALL
                S: b6 BAD unknown search key RETURN
                C: b7 UID SEARCH RETURN (PARTIAL 1:10) ALL
                S: b7 BAD unknown SEARCH result option PARTIAL; known are MIN, MAX, ALL, COUNT, SAVE and UPDATE
                """);
        c.assertStillWorks("n1");
    }

    @Test
    void aPlainSearchStillAnswersWithSearch() {
        c.play("""
                C: s1 SEARCH UNSEEN
                S: * SEARCH 2 3 4
                S: s1 OK Search completed.
                C: s2 UID SEARCH UNSEEN
                S: * SEARCH 2 4 5
                S: s2 OK UID SEARCH completed.
                """);
    }

    @Test
    void withoutEsearchReturnIsAnUnknownSearchKeyAndEsortSearchresAndContextSearchAreGoneToo() {
        try (ImapMockServer plain = serverWithout(Extension.ESEARCH);
             RawClient other = Wire.selected(plain, "SELECT INBOX")) {
            other.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY %s
                    S: c1 OK Capability completed.
                    C: s1 SEARCH RETURN (ALL) ALL
                    S: s1 BAD unknown search key RETURN
                    C: s2 UID SEARCH RETURN () UNSEEN
                    S: s2 BAD unknown search key RETURN
                    C: s3 SEARCH RETURN (SAVE) ALL
                    S: s3 BAD unknown search key RETURN
                    C: s4 FETCH $ (UID)
                    S: s4 BAD invalid sequence set "$": "$" is neither a number nor "*"
                    C: s5 SEARCH UNSEEN
                    S: * SEARCH 2 3 4
                    S: s5 OK Search completed.
                    """.formatted(Capabilities.afterLoginWithout("ESEARCH", "ESORT", "SEARCHRES", "CONTEXT=SEARCH")));
        }
    }
}
