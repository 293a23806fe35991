package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Message;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MULTIAPPEND (RFC 3502): several messages in one APPEND, stored all or none, with one APPENDUID
 * range. Answers as Dovecot 2.3 gives them for the same commands.
 */
@Timeout(20)
class MultiappendTest {

    private static ImapMockServer.Builder builder() {
        return ImapMockServer.builder().user("alice", "secret");
    }

    private static List<Message> inbox(ImapMockServer server) {
        return server.store().account("alice").orElseThrow().mailbox("INBOX").messages();
    }

    @Test
    void severalMessagesAreStoredInOrderWithTheirFlagsAndDatesAndOneUidRange() {
        try (ImapMockServer server = builder().build().start(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 APPEND INBOX (\\Seen) {10+}
                    C: Subject: 1 (\\Flagged) "04-Dec-2026 10:00:00 +0000" {10+}
                    C: Subject: 2 {10}
                    S: + Ready for literal data
                    C: Subject: 3
                    S~ a1 OK \\[APPENDUID (\\d+) 1:3\\] Append completed\\.
                    C: a2 APPEND INBOX {10+}
                    C: Subject: 4
                    S~ a2 OK \\[APPENDUID \\d+ 4\\] Append completed\\.
                    """);
            List<Message> stored = inbox(server);
            assertThat(stored).extracting(m -> new String(m.bytes())).containsExactly(
                    "Subject: 1", "Subject: 2", "Subject: 3", "Subject: 4");
            assertThat(stored.get(0).flags().names()).containsExactly("\\Seen");
            assertThat(stored.get(1).flags().names()).containsExactly("\\Flagged");
            assertThat(stored.get(1).internalDate()).isEqualTo(OffsetDateTime.of(2026, 12, 4, 10, 0, 0, 0, ZoneOffset.UTC));
            assertThat(stored.get(0).modSeq()).as("one change").isEqualTo(stored.get(2).modSeq());
        }
    }

    @Test
    void aBadOrEmptyLaterMessageStoresNothing() {
        try (ImapMockServer server = builder().build().start(); RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: a1 APPEND INBOX {10+}
                    C: Subject: 1 (\\Recent) {10+}
                    C: Subject: 2
                    S: a1 BAD \\Recent is set by the server only; a client cannot set or clear it
                    C: a2 APPEND INBOX {10+}
                    C: Subject: 1 {0+}
                    C:\s
                    S: a2 NO Can't append an empty message
                    C: a3 APPEND INBOX {10+}
                    C: Subject: 1 "yesterday" {10+}
                    C: Subject: 2
                    S~ a3 BAD .+
                    C: a4 APPEND INBOX {10+}
                    C: Subject: 1 (\\Seen)
                    S: a4 BAD Missing the message literal of message 2
                    C: a5 APPEND Nosuch {10+}
                    C: Subject: 1 {10+}
                    C: Subject: 2
                    S: a5 NO [TRYCREATE] Mailbox doesn't exist: Nosuch
                    C: a6 APPEND INBOX {10+}
                    C: Subject: 1 {3+}
                    C: a\0b
                    S: a6 BAD Message 2 holds a NUL octet, which a literal {n} may not carry; send it as a literal8 ~{n}
                    """.replace("\\0", "\0"));
            c.assertStillWorks("n1");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        }
    }

    @Test
    void messagesOverAStoreLimitStoreNothing() {
        try (ImapMockServer server = builder().maxMessagesPerMailbox(2).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 APPEND INBOX {10+}
                    C: Subject: 1
                    S~ a1 OK \\[APPENDUID \\d+ 1\\] Append completed\\.
                    """);
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: a2 APPEND INBOX {10+}
                    C: Subject: 2 {10+}
                    C: Subject: 3
                    S~ a2 NO \\[OVERQUOTA\\] .+
                    """);
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void withoutMultiappendASecondMessageIsBadAndNothingIsStored() {
        try (ImapMockServer server = builder().without(Extension.MULTIAPPEND).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: a1 APPEND INBOX {10+}
                    C: Subject: 1 {10+}
                    C: Subject: 2
                    S: a1 BAD Unexpected extra arguments after the message literal (several messages need MULTIAPPEND, which this server does not offer)
                    """);
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            c.assertStillWorks("n1");
        }
    }
}
