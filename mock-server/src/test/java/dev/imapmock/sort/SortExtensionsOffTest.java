package dev.imapmock.sort;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server without SORT, SORT=DISPLAY or ESORT behaves as one that never had them: the names
 * leave CAPABILITY, the commands and their syntax are BAD, and the connection stays usable.
 */
@Timeout(20)
class SortExtensionsOffTest {

    private static ImapMockServer without(Extension... left) {
        return ImapMockServer.builder().user("alice", "secret").fixtures(SortTranscriptTest.MESSAGES)
                .without(left).build().start();
    }

    private static RawClient selected(ImapMockServer server) {
        RawClient c = RawClient.login(server, "alice", "secret");
        c.command("s0", "SELECT INBOX");
        return c;
    }

    @Test
    void withoutSortTheCommandsAreUnknownAndWhatNeedsSortIsGoneToo() {
        try (ImapMockServer server = without(Extension.SORT); RawClient c = selected(server)) {
            assertThat(server.extensions()).doesNotContain(Extension.SORT, Extension.SORT_DISPLAY, Extension.ESORT);
            c.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY %s
                    S: c1 OK Capability completed.
                    C: s1 SORT (DATE) UTF-8 ALL
                    S: s1 BAD Unknown command SORT
                    C: s2 UID SORT (DATE) UTF-8 ALL
                    S: s2 BAD Unknown command UID SORT
                    """.formatted(Capabilities.afterLoginWithout("SORT", "SORT=DISPLAY", "ESORT")));
            c.assertStillWorks("w1");
        }
    }

    @Test
    void withoutSortDisplayItsKeysAreUnknown() {
        try (ImapMockServer server = without(Extension.SORT_DISPLAY); RawClient c = selected(server)) {
            c.play("""
                    C: d1 SORT (DISPLAYFROM) UTF-8 ALL
                    S: d1 BAD unknown sort key DISPLAYFROM; known are ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT and TO, each optionally after REVERSE
                    C: d2 SORT (REVERSE DISPLAYTO) UTF-8 ALL
                    S: d2 BAD unknown sort key DISPLAYTO; known are ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT and TO, each optionally after REVERSE
                    C: d3 SORT (FROM) UTF-8 1:3
                    S: * SORT 3 2 1
                    S: d3 OK Sort completed.
                    """);
        }
    }

    @Test
    void withoutEsortReturnIsNoPartOfSortAndWithoutEsearchNeitherIsEsort() {
        try (ImapMockServer server = without(Extension.ESORT); RawClient c = selected(server)) {
            c.play("""
                    C: e1 SORT RETURN (MIN) (DATE) UTF-8 ALL
                    S: e1 BAD SORT needs its sort keys in parentheses, such as SORT (DATE) UTF-8 ALL
                    C: e2 SEARCH RETURN (MIN) ALL
                    S: * ESEARCH (TAG "e2") MIN 1
                    S: e2 OK Search completed.
                    """);
        }
        try (ImapMockServer server = without(Extension.ESEARCH)) {
            assertThat(server.extensions()).contains(Extension.SORT, Extension.SORT_DISPLAY).doesNotContain(Extension.ESORT);
        }
    }
}
