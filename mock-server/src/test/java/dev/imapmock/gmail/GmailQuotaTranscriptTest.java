package dev.imapmock.gmail;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.Profile;
import dev.imapmock.store.Quota;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * QUOTA with Gmail's labels, exact bytes: a message is stored once however many label folders show
 * it, and Gmail's storage quota counts it once, so STORAGE and MESSAGE count each labelled message
 * once per account; it is freed when its last copy goes (expunged from Trash). Gmail's root is
 * named {@code ""}. The gmail profile advertises QUOTA without the RFC 9208 resource names, as
 * Gmail does: an RFC 2087 server, whose one resource is STORAGE; the label tests turn the RFC 9208
 * names on to see MESSAGE too.
 */
@Timeout(20)
class GmailQuotaTranscriptTest {

    /** A message of exactly {@code size} octets. */
    static byte[] mail(int size) {
        String head = "Subject: q\r\n\r\n";
        return (head + "x".repeat(size - head.length())).getBytes(StandardCharsets.US_ASCII);
    }

    private static RawClient login(ImapMockServer server) {
        RawClient client = new RawClient(server.host(), server.port());
        client.readLine();
        client.command("l", "LOGIN alice secret");
        return client;
    }

    @Test
    void aMessageInThreeLabelFoldersCountsOnceUntilItIsExpungedFromTrash() {
        try (ImapMockServer server = ImapMockServer.builder().profile(Profile.GMAIL)
                .with(Extension.QUOTA_RES_STORAGE, Extension.QUOTA_RES_MESSAGE).user("alice", "secret")
                .quota("alice", 1024, 100).build().start();
             RawClient c = login(server)) {
            byte[] message = mail(1513);
            c.sendRaw(("a1 APPEND INBOX {" + message.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(c.readLine()).startsWith("+ ");
            c.sendRaw(message);
            c.send("");
            assertThat(c.readUntilTagged("a1").get(0)).startsWith("a1 OK [APPENDUID ");
            c.command("c1", "CREATE Work");
            c.command("c2", "CREATE \"Big Plans\"");
            c.command("s1", "SELECT INBOX");
            c.play("""
                    C: g1 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX ""
                    S: * QUOTA "" (STORAGE 2 1024 MESSAGE 1 100)
                    S: g1 OK Getquotaroot completed.
                    C: k1 COPY 1 Work
                    S~ k1 OK \\[COPYUID \\d+ 1 1\\] Copy completed\\.
                    C: k2 COPY 1 "Big Plans"
                    S~ k2 OK \\[COPYUID \\d+ 1 1\\] Copy completed\\.
                    C: g2 GETQUOTAROOT Work
                    S: * QUOTAROOT Work ""
                    S: * QUOTA "" (STORAGE 2 1024 MESSAGE 1 100)
                    S: g2 OK Getquotaroot completed.
                    C: g3 GETQUOTA ""
                    S: * QUOTA "" (STORAGE 2 1024 MESSAGE 1 100)
                    S: g3 OK Getquota completed.
                    C: m1 MOVE 1 "[Gmail]/Trash"
                    S~ \\* OK \\[COPYUID \\d+ 1 1\\] Moved UIDs\\.
                    S: * 1 EXPUNGE
                    S: m1 OK Move completed.
                    C: g4 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX ""
                    S: * QUOTA "" (STORAGE 2 1024 MESSAGE 1 100)
                    S: g4 OK Getquotaroot completed.
                    """);
            c.command("s2", "SELECT \"[Gmail]/Trash\"");
            c.command("d1", "STORE 1 +FLAGS.SILENT (\\Deleted)");
            c.play("""
                    C: e1 EXPUNGE
                    S: * 1 EXPUNGE
                    S: e1 OK Expunge completed.
                    C: g5 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX ""
                    S: * QUOTA "" (STORAGE 0 1024 MESSAGE 0 100)
                    S: g5 OK Getquotaroot completed.
                    """);
            Quota.Usage usage = server.store().account("alice").orElseThrow().quota().usage();
            assertThat(List.of(usage.bytes(), usage.messages())).containsExactly(0L, 0L);
        }
    }

    @Test
    void asGmailTheRootIsEmptyAndStorageIsShownWithoutAnyResourceCapability() {
        try (ImapMockServer server = ImapMockServer.builder().profile(Profile.GMAIL).user("alice", "secret")
                .quota("alice", 15_728_640, 100).build().start();
             RawClient c = login(server)) {
            server.deliver("alice", "INBOX", mail(2048));
            assertThat(c.command("k", "CAPABILITY").get(0)).contains(" QUOTA ").doesNotContain("QUOTA=RES-");
            c.play("""
                    C: g1 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX ""
                    S: * QUOTA "" (STORAGE 2 15728640)
                    S: g1 OK Getquotaroot completed.
                    C: g2 GETQUOTA ""
                    S: * QUOTA "" (STORAGE 2 15728640)
                    S: g2 OK Getquota completed.
                    C: g3 GETQUOTA "User quota"
                    S: g3 NO Quota root doesn't exist
                    C: g4 SETQUOTA "" (STORAGE 512)
                    S: g4 NO Quota can be changed only by admin
                    C: g5 STATUS INBOX (MESSAGES DELETED)
                    S: g5 BAD Unknown status item: DELETED
                    """);
        }
    }

    @Test
    void withQuotasetTheEmptyRootTakesAStorageLimitAndRefusesMessage() {
        try (ImapMockServer server = ImapMockServer.builder().profile(Profile.GMAIL).with(Extension.QUOTASET)
                .user("alice", "secret").build().start();
             RawClient c = login(server)) {
            c.play("""
                    C: g1 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX
                    S: g1 OK Getquotaroot completed.
                    C: s1 SETQUOTA "" (MESSAGE 10)
                    S: s1 NO Unknown quota resource: MESSAGE
                    C: s2 SETQUOTA "" (STORAGE 1)
                    S: * QUOTA "" (STORAGE 0 1)
                    S: s2 OK Setquota completed.
                    C: a1 APPEND INBOX {1100+}
                    """);
            c.sendRaw(mail(1100));
            c.send("");
            assertThat(c.readUntilTagged("a1").get(0)).isEqualTo("a1 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)");
        }
    }

    @Test
    void aMessageLimitIsEnforcedThoughGmailShowsNoMessageResource() {
        try (ImapMockServer server = ImapMockServer.builder().profile(Profile.GMAIL).user("alice", "secret")
                .quota("alice", 0, 1).build().start();
             RawClient c = login(server)) {
            server.deliver("alice", "INBOX", mail(100));
            c.play("""
                    C: g1 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX
                    S: g1 OK Getquotaroot completed.
                    C: a1 APPEND INBOX {5+}
                    C: x: y
                    S: a1 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)
                    """);
        }
    }

    @Test
    void theBuilderNamesAnotherRootOverTheProfiles() {
        try (ImapMockServer server = ImapMockServer.builder().profile(Profile.GMAIL).quotaRoot("user/alice")
                .user("alice", "secret").quota("alice", 64, 0).build().start();
             RawClient c = login(server)) {
            c.play("""
                    C: g1 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX user/alice
                    S: * QUOTA user/alice (STORAGE 0 64)
                    S: g1 OK Getquotaroot completed.
                    C: g2 GETQUOTA ""
                    S: g2 NO Quota root doesn't exist
                    """);
        }
        assertThatThrownBy(() -> ImapMockServer.builder().quotaRoot("caf\u00e9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A quota root's name is printable ASCII: caf\u00e9");
    }

    @Test
    void aLabelCopyIsNotRefusedByAFullQuotaButANewMessageIs() {
        try (ImapMockServer server = ImapMockServer.builder().profile(Profile.GMAIL)
                .with(Extension.QUOTA_RES_STORAGE, Extension.QUOTA_RES_MESSAGE).user("alice", "secret")
                .quota("alice", 0, 1).build().start();
             RawClient c = login(server)) {
            server.deliver("alice", "INBOX", mail(100));
            c.command("c1", "CREATE Work");
            c.command("s1", "SELECT INBOX");
            c.play("""
                    C: k1 COPY 1 Work
                    S~ k1 OK \\[COPYUID \\d+ 1 1\\] Copy completed\\.
                    C: g1 GETQUOTAROOT Work
                    S: * QUOTAROOT Work ""
                    S: * QUOTA "" (MESSAGE 1 1)
                    S: g1 OK Getquotaroot completed.
                    C: a1 APPEND Work {5+}
                    C: x: y
                    S: a1 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)
                    """);
        }
    }
}
