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
 * APPENDLIMIT (RFC 7889): the server's literal limit advertised as {@code APPENDLIMIT=n}, the
 * APPENDLIMIT status item, and {@code NO [TOOBIG]} for a larger message, refused before the
 * client sends it.
 */
@Timeout(20)
class AppendLimitTest {

    private static ImapMockServer server() {
        return ImapMockServer.builder().user("alice", "secret").with(Extension.APPENDLIMIT).maxLiteralSize(1000)
                .build().start();
    }

    @Test
    void theLimitIsAdvertisedAndAStatusItem() {
        try (ImapMockServer server = server(); RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY %s
                    S: c1 OK Capability completed.
                    C: l1 LOGIN alice secret
                    S: l1 OK [CAPABILITY %s] Logged in
                    C: s1 STATUS INBOX (MESSAGES APPENDLIMIT)
                    S: * STATUS INBOX (MESSAGES 0 APPENDLIMIT 1000)
                    S: s1 OK Status completed.
                    C: l2 LIST "" INBOX RETURN (STATUS (APPENDLIMIT))
                    S: * LIST () "/" INBOX
                    S: * STATUS INBOX (APPENDLIMIT 1000)
                    S: l2 OK LIST completed.
                    """.formatted(Capabilities.BEFORE_LOGIN.replace(" QUOTA ", " APPENDLIMIT=1000 QUOTA "),
                    Capabilities.AFTER_LOGIN.replace(" QUOTA ", " APPENDLIMIT=1000 QUOTA ")));
        }
    }

    @Test
    void aMessageOverTheLimitIsTooBigBeforeItIsSentAndNothingIsStored() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: a1 APPEND INBOX {1001}
                    S: a1 NO [TOOBIG] Literal too big (1001 octets; the limit is 1000)
                    C: a2 APPEND INBOX {1001+}
                    """);
            c.sendAscii("x".repeat(1001) + "\r\n");
            c.play("""
                    S: a2 NO [TOOBIG] Literal too big (1001 octets; the limit is 1000)
                    C: a3 APPEND INBOX {600+}
                    """);
            c.sendAscii("y".repeat(600) + " {600+}\r\n" + "z".repeat(600) + "\r\n");
            c.play("""
                    S: a3 NO [TOOBIG] Literals too big (1200 octets in one command; the limit is 1000)
                    """);
            c.assertStillWorks("n1");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            c.sendAscii("a4 APPEND INBOX {1000+}\r\n" + "w".repeat(1000) + "\r\n");
            c.play("""
                    S~ a4 OK \\[APPENDUID \\d+ 1\\] Append completed\\.
                    """);
        }
    }

    @Test
    void withoutAppendLimitTheStatusItemIsUnknownAndABigLiteralIsBad() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").maxLiteralSize(1000).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: s1 STATUS INBOX (APPENDLIMIT)
                    S: s1 BAD Unknown status item: APPENDLIMIT
                    C: a1 APPEND INBOX {1001}
                    S: a1 BAD Literal too big (1001 octets; the limit is 1000)
                    """);
            c.assertStillWorks("n1");
        }
    }
}
