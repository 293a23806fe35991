package dev.imapmock.reliability;

import dev.imapmock.testing.StoreSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each kind of abuse of client abuse the server must survive, over a socket, with the exact answer. */
@Timeout(30)
class AbuseTranscriptTest {
    private ImapMockServer server;
    private List<String> before;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
        server.deliver("alice", "INBOX", Mail.plain("Hello", "a1"));
        before = StoreSnapshot.of(server.store());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMalformedLineAfterALiteralIsAnsweredBadAndTheConnectionGoesOn() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.sendRaw("a SEARCH SUBJECT {6+}\r\nHello!ello!\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.readLine()).startsWith("a BAD ");
            assertThat(c.command("b", "NOOP")).last().asString().startsWith("b OK");
        }
        assertThat(server.journal().commands("SEARCH").get(0).arguments()).isEqualTo("SUBJECT {6+}");
    }

    @Test
    void nulBytesAndLoneCarriageReturnsAreAnsweredBad() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.sendRaw("a NOOP\rb NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.readLine()).startsWith("a BAD ");
            c.sendRaw("c SELECT \"IN\0BOX\"\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.readLine()).startsWith("c BAD ");
            c.sendRaw("\0\0\0\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.readLine()).startsWith("* BAD ");
            assertThat(c.command("d", "NOOP")).last().asString().startsWith("d OK");
        }
    }

    @Test
    void invalidModifiedUtf7IsRefusedWithoutChangingAnything() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            for (String name : List.of("&Jjo", "&-&", "&AGE-", "&ZeVnLIqe", "\"&\"", "&Jjo!-")) {
                List<String> answer = c.command("x", "CREATE " + name);
                assertThat(answer).last().asString().matches("x (NO|BAD) .*");
            }
            assertThat(c.command("y", "SELECT &Jjo")).last().asString().matches("y (NO|BAD) .*");
        }
        assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
    }

    @Test
    void aLiteralThatLiesAboutItsLengthOnlyHurtsItsOwnConnection() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.sendRaw("a APPEND INBOX {10+}\r\nSubject: more than ten octets\r\n".getBytes(StandardCharsets.US_ASCII));
            List<String> answer = c.readUntilTagged("a");
            assertThat(answer).last().asString().startsWith("a BAD ");
            assertThat(c.command("b", "NOOP")).last().asString().startsWith("b OK");
        }
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.sendRaw("a APPEND INBOX {1000+}\r\nshort".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(c.command("b", "STATUS INBOX (MESSAGES)")).contains("* STATUS INBOX (MESSAGES 1)");
        }
    }

    @Test
    void truncatedCommandsAreAnsweredBad() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            for (String line : List.of("a FETCH", "a FETCH 1", "a FETCH 1 (FLAGS", "a FETCH 1 BODY[HEADER.FIELDS (",
                    "a UID", "a SEARCH OR ALL", "a STORE 1 +FLAGS", "a COPY 1", "a \"", "a", "a APPEND")) {
                c.send(line);
                assertThat(c.readLine()).as(line).startsWith("a BAD ");
            }
            assertThat(c.command("b", "NOOP")).last().asString().startsWith("b OK");
        }
        assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
    }
}
