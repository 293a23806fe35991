package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Message;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CATENATE (RFC 4469) with IMAP URLs (RFC 5092) and URL-PARTIAL (RFC 5550): a message put
 * together from TEXT literals and parts of messages in the same account; answers as Dovecot 2.3
 * gives them for the same commands where it takes the URL.
 */
@Timeout(20)
class CatenateTest {
    private static final String ONE = "Subject: one\r\nContent-Type: text/plain\r\n\r\nhello body one\r\n";

    private static ImapMockServer server(Extension... without) {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").user("bob", "secret")
                .without(without).build().start();
        server.deliver("alice", "INBOX", ONE.getBytes(StandardCharsets.US_ASCII));
        return server;
    }

    private static String stored(ImapMockServer server, long uid) {
        return new String(server.store().account("alice").orElseThrow().mailbox("INBOX").byUid(uid).bytes(),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void textAndUrlPartsMakeOneMessage() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.sendAscii("c1 APPEND INBOX CATENATE (TEXT {16+}\r\nSubject: cat\r\n\r\n URL \"/INBOX/;UID=1/;SECTION=TEXT\")\r\n");
            c.play("""
                    S~ c1 OK \\[APPENDUID \\d+ 2\\] Append completed\\.
                    C: c2 APPEND INBOX CATENATE (URL "/INBOX/;UID=1" TEXT {5+}
                    C: extra)
                    S~ c2 OK \\[APPENDUID \\d+ 3\\] Append completed\\.
                    C: c3 APPEND INBOX CATENATE (URL "imap://alice@localhost/inbox/;uid=1/;SECTION=HEADER.FIELDS%20(SUBJECT)")
                    S~ c3 OK \\[APPENDUID \\d+ 4\\] Append completed\\.
                    C: c4 APPEND INBOX CATENATE (URL {13+}
                    C: /INBOX/;UID=1 URL /INBOX/;UID=1/;PARTIAL=0.10)
                    S~ c4 OK \\[APPENDUID \\d+ 5\\] Append completed\\.
                    C: s1 SELECT INBOX
                    """);
            c.readUntilTagged("s1");
            c.play("""
                    C: c5 APPEND INBOX (\\Seen) CATENATE (URL ";UID=1/;SECTION=TEXT/;PARTIAL=6") {5+}
                    C: hello
                    S: * 7 EXISTS
                    S~ \\* \\d+ RECENT
                    S~ c5 OK \\[APPENDUID \\d+ 6:7\\] Append completed\\.
                    C: f1 FETCH 1 FLAGS
                    S: * 1 FETCH (FLAGS (\\Recent))
                    S: f1 OK Fetch completed.
                    """);
            assertThat(stored(server, 2)).isEqualTo("Subject: cat\r\n\r\nhello body one\r\n");
            assertThat(stored(server, 3)).isEqualTo(ONE + "extra");
            assertThat(stored(server, 4)).isEqualTo("Subject: one\r\n\r\n");
            assertThat(stored(server, 5)).isEqualTo(ONE + "Subject: o");
            assertThat(stored(server, 6)).isEqualTo("body one\r\n");
            assertThat(stored(server, 7)).isEqualTo("hello");
            Message six = server.store().account("alice").orElseThrow().mailbox("INBOX").byUid(6);
            assertThat(six.flags().names()).containsExactly("\\Seen");
        }
    }

    @Test
    void aUrlThatNamesNoMessageIsBadUrlAndNothingIsStored() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> before = StoreSnapshot.of(server.store());
            long uidValidity = server.store().account("alice").orElseThrow().mailbox("INBOX").uidValidity();
            c.play("""
                    C: b1 APPEND INBOX CATENATE (URL "/INBOX/;UID=9")
                    S: b1 NO [BADURL /INBOX/;UID=9] Message not found
                    C: b2 APPEND INBOX CATENATE (URL "/Nosuch/;UID=1")
                    S: b2 NO [BADURL /Nosuch/;UID=1] Mailbox doesn't exist: Nosuch
                    C: b3 APPEND INBOX CATENATE (URL "/INBOX;UIDVALIDITY=%d/;UID=1")
                    S: b3 NO [BADURL /INBOX;UIDVALIDITY=%d/;UID=1] Invalid UIDVALIDITY
                    C: b4 APPEND INBOX CATENATE (URL ";UID=1")
                    S: b4 NO [BADURL ;UID=1] Mailbox-relative IMAP URL, but no mailbox selected
                    C: b5 APPEND INBOX CATENATE (URL "imap://bob@localhost/INBOX/;UID=1")
                    S: b5 NO [BADURL imap://bob@localhost/INBOX/;UID=1] The URL names another user's mail
                    C: b6 APPEND INBOX CATENATE (URL "foo")
                    S: b6 NO [BADURL foo] Invalid IMAP URL: expected imap://user@host/mailbox/;UID=n, /mailbox/;UID=n or ;UID=n
                    C: b7 APPEND INBOX CATENATE (URL "/INBOX/;UID=1/;SECTION=TEXT;URLAUTH=anonymous")
                    S: b7 NO [BADURL /INBOX/;UID=1/;SECTION=TEXT;URLAUTH=anonymous] Invalid IMAP URL: ;SECTION= takes a section as BODY[] does, such as 1.2 or HEADER
                    C: b8 APPEND INBOX CATENATE (URL "/INBOX;UIDVALIDITY=0/;UID=1")
                    S: b8 NO [BADURL /INBOX;UIDVALIDITY=0/;UID=1] Invalid IMAP URL: UIDVALIDITY must be a number from 1 to 4294967295
                    C: b9 APPEND INBOX CATENATE (URL "/INBOX/;UID=1" URL "/INBOX/;UID=99")
                    S: b9 NO [BADURL /INBOX/;UID=99] Message not found
                    C: b10 APPEND INBOX {5+}
                    C: hello CATENATE (URL "/INBOX/;UID=99")
                    S: b10 NO [BADURL /INBOX/;UID=99] Message not found
                    C: b11 APPEND INBOX CATENATE (TEXT {0+}
                    C: )
                    S: b11 NO Can't append an empty message
                    """.formatted(uidValidity + 1, uidValidity + 1));
            c.assertStillWorks("n1");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        }
    }

    @Test
    void malformedCatenateListsAreBad() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: m1 APPEND INBOX CATENATE ()
                    S: m1 BAD The CATENATE list of the message is empty: it needs TEXT and URL parts
                    C: m2 APPEND INBOX CATENATE (TEXT "abc")
                    S: m2 BAD TEXT in CATENATE must be followed by a literal
                    C: m3 APPEND INBOX CATENATE (FOO "x")
                    S: m3 BAD A CATENATE part is TEXT literal or URL url, not FOO
                    C: m4 APPEND INBOX CATENATE (URL)
                    S: m4 BAD Missing the URL after URL
                    C: m5 APPEND INBOX CATENATE URL
                    S: m5 BAD Expected the CATENATE parts in parentheses
                    """);
            c.assertStillWorks("n1");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        }
    }

    @Test
    void aCatenatedMessageOverTheLimitIsTooBig() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").maxLiteralSize(1024).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            server.deliver("alice", "INBOX", ("Subject: big\r\n\r\n" + "x".repeat(700)).getBytes(StandardCharsets.US_ASCII));
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: t1 APPEND INBOX CATENATE (URL "/INBOX/;UID=1" URL "/INBOX/;UID=1")
                    S: t1 NO [TOOBIG] The catenated message is larger than 1024 octets
                    """);
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        }
    }

    @Test
    void withoutCatenateOrUrlPartialTheirSyntaxIsRefused() {
        try (ImapMockServer server = server(Extension.CATENATE); RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(server.extensions()).doesNotContain(Extension.CATENATE, Extension.URL_PARTIAL);
            c.play("""
                    C: a1 APPEND INBOX CATENATE (URL "/INBOX/;UID=1")
                    S: a1 BAD The message must be sent as a literal
                    """);
            c.assertStillWorks("n1");
        }
        try (ImapMockServer server = server(Extension.URL_PARTIAL); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 APPEND INBOX CATENATE (URL "/INBOX/;UID=1/;PARTIAL=0.10")
                    S: a1 NO [BADURL /INBOX/;UID=1/;PARTIAL=0.10] Invalid IMAP URL: ;PARTIAL= needs URL-PARTIAL, which this server does not offer
                    C: a2 APPEND INBOX CATENATE (URL "/INBOX/;UID=1")
                    S~ a2 OK \\[APPENDUID \\d+ 2\\] Append completed\\.
                    """);
        }
    }
}
