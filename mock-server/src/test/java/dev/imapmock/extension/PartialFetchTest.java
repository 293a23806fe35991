package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.PartialRange;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PARTIAL modifier of UID FETCH (RFC 9394 §4): one page of the messages a UID set names. */
@Timeout(20)
class PartialFetchTest {

    @Test
    void rangesCountFromTheStartOrFromTheEndInEitherOrder() {
        List<Integer> ten = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(range("1:3").of(ten)).containsExactly(1, 2, 3);
        assertThat(range("3:1").of(ten)).containsExactly(1, 2, 3);
        assertThat(range("-1:-3").of(ten)).containsExactly(8, 9, 10);
        assertThat(range("-3:-1").of(ten)).containsExactly(8, 9, 10);
        assertThat(range("9:20").of(ten)).containsExactly(9, 10);
        assertThat(range("11:20").of(ten)).isEmpty();
        assertThat(range("-20:-9").of(ten)).containsExactly(1, 2);
        for (String bad : List.of("1", "0:5", "-1:5", "1:-5", "a:b", "1:4294967296", "-0:-1")) {
            assertThatThrownBy(() -> range(bad)).as(bad).isInstanceOf(ProtocolException.class)
                    .hasMessageStartingWith("PARTIAL needs a range such as 1:100 or -1:-100, not ");
        }
    }

    @Test
    void uidFetchWithPartialAnswersOnePage() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(Extension.PARTIAL).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            for (int i = 0; i < 6; i++) {
                server.deliver("alice", "INBOX", ("Subject: " + i + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: f1 UID FETCH 1:* (FLAGS) (PARTIAL -1:-2)
                    S: * 5 FETCH (UID 5 FLAGS (\\Recent))
                    S: * 6 FETCH (UID 6 FLAGS (\\Recent))
                    S: f1 OK UID FETCH completed.
                    C: f2 UID FETCH 2:* (UID) (PARTIAL 1:2)
                    S: * 2 FETCH (UID 2)
                    S: * 3 FETCH (UID 3)
                    S: f2 OK UID FETCH completed.
                    C: f3 UID FETCH 1:* (UID) (PARTIAL 7:9)
                    S: f3 OK UID FETCH completed.
                    C: f4 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1 PARTIAL 1:1)
                    S: * OK [HIGHESTMODSEQ 7] Highest
                    S: * 1 FETCH (UID 1 FLAGS (\\Recent) MODSEQ (2))
                    S: f4 OK UID FETCH completed.
                    C: f5 FETCH 1:* (UID) (PARTIAL 1:2)
                    S: f5 BAD PARTIAL is a modifier of UID FETCH only
                    C: f6 UID FETCH 1:* (UID) (PARTIAL 1:2 PARTIAL 1:2)
                    S: f6 BAD PARTIAL is given twice
                    C: f7 UID FETCH 1:* (UID) (PARTIAL)
                    S: f7 BAD PARTIAL needs a range such as 1:100 or -1:-100
                    C: f8 UID FETCH 1:* (UID) (FOO)
                    S: f8 BAD unknown FETCH modifier FOO; the ones known are CHANGEDSINCE, VANISHED and PARTIAL
                    """);
        }
    }

    @Test
    void partialIsOffByDefault() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            server.deliver("alice", "INBOX", "Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: f1 UID FETCH 1:* (UID) (PARTIAL 1:2)
                    S: f1 BAD unknown FETCH modifier PARTIAL; the ones known are CHANGEDSINCE and VANISHED
                    """);
            assertThat(server.extensions()).doesNotContain(Extension.PARTIAL);
        }
    }

    private static PartialRange range(String text) {
        return PartialRange.parse(new Arg.Atom(text));
    }
}
