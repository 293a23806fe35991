package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LITERAL- (RFC 7888 §4), asked for in place of LITERAL+: non-synchronizing literals up to 4096
 * octets; a larger one is {@code BAD [TOOBIG]}, its octets are read and dropped, and the
 * connection goes on.
 */
@Timeout(20)
class LiteralMinusTest {

    private static ImapMockServer server() {
        return ImapMockServer.builder().user("alice", "secret").with(Extension.LITERAL_MINUS).build().start();
    }

    @Test
    void literalMinusTakesTheSlotOfLiteralPlus() {
        try (ImapMockServer server = server(); RawClient c = RawClient.connect(server)) {
            assertThat(server.extensions()).contains(Extension.LITERAL_MINUS).doesNotContain(Extension.LITERAL_PLUS);
            c.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY %s
                    S: c1 OK Capability completed.
                    C: l1 LOGIN {5+}
                    C: alice secret
                    S: l1 OK [CAPABILITY %s] Logged in
                    """.formatted(Capabilities.BEFORE_LOGIN.replace("LITERAL+", "LITERAL-"),
                    Capabilities.AFTER_LOGIN.replace("LITERAL+", "LITERAL-")));
        }
    }

    @Test
    void aNonSynchronizingLiteralOver4096OctetsIsTooBigAndSkipped() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> before = StoreSnapshot.of(server.store());
            c.sendAscii("a1 APPEND INBOX {4097+}\r\n" + "x".repeat(4097) + "\r\n");
            c.play("""
                    S: a1 BAD [TOOBIG] Non-synchronizing literal of 4097 octets: LITERAL- takes {n+} up to 4096 octets; send a larger one as {n}
                    """);
            c.sendAscii("a2 APPEND INBOX {10+}\r\nSubject: 1 {4097+}\r\n" + "y".repeat(4097) + "\r\n");
            c.play("""
                    S: a2 BAD [TOOBIG] Non-synchronizing literal of 4097 octets: LITERAL- takes {n+} up to 4096 octets; send a larger one as {n}
                    """);
            c.assertStillWorks("n1");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            c.sendAscii("a3 APPEND INBOX {4096+}\r\n" + "Subject: 3\r\n" + "z".repeat(4084) + "\r\n");
            c.play("""
                    S~ a3 OK \\[APPENDUID \\d+ 1\\] Append completed\\.
                    C: a4 APPEND INBOX {4097}
                    S: + Ready for literal data
                    """);
            c.sendAscii("Subject: 4\r\n" + "w".repeat(4085) + "\r\n");
            c.play("""
                    S~ a4 OK \\[APPENDUID \\d+ 2\\] Append completed\\.
                    """);
        }
    }

    @Test
    void withNeitherLiteralExtensionANonSynchronizingLiteralIsBad() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret")
                .without(Extension.LITERAL_PLUS).build().start(); RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(server.extensions()).doesNotContain(Extension.LITERAL_PLUS, Extension.LITERAL_MINUS);
            c.sendAscii("a1 APPEND INBOX {3+}\r\nabc\r\n");
            c.play("""
                    S: a1 BAD Non-synchronizing literals {n+} need LITERAL+, which this server does not offer
                    """);
            c.assertStillWorks("n1");
        }
    }
}
