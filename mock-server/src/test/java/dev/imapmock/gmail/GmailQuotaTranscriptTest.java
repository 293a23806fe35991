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

/**
 * QUOTA with Gmail's labels, exact bytes: a message is stored once however many label folders show
 * it, and Gmail's storage quota counts it once, so STORAGE and MESSAGE count each labelled message
 * once per account; it is freed when its last copy goes (expunged from Trash). The gmail profile
 * advertises QUOTA without the RFC 9208 resource names, so the tests turn those on.
 */
@Timeout(20)
class GmailQuotaTranscriptTest {

    /** A message of exactly {@code size} octets. */
    private static byte[] mail(int size) {
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
                    S: * QUOTAROOT INBOX "User quota"
                    S: * QUOTA "User quota" (STORAGE 2 1024 MESSAGE 1 100)
                    S: g1 OK Getquotaroot completed.
                    C: k1 COPY 1 Work
                    S~ k1 OK \\[COPYUID \\d+ 1 1\\] Copy completed\\.
                    C: k2 COPY 1 "Big Plans"
                    S~ k2 OK \\[COPYUID \\d+ 1 1\\] Copy completed\\.
                    C: g2 GETQUOTAROOT Work
                    S: * QUOTAROOT Work "User quota"
                    S: * QUOTA "User quota" (STORAGE 2 1024 MESSAGE 1 100)
                    S: g2 OK Getquotaroot completed.
                    C: g3 GETQUOTA "User quota"
                    S: * QUOTA "User quota" (STORAGE 2 1024 MESSAGE 1 100)
                    S: g3 OK Getquota completed.
                    C: m1 MOVE 1 "[Gmail]/Trash"
                    S~ \\* OK \\[COPYUID \\d+ 1 1\\] Moved UIDs\\.
                    S: * 1 EXPUNGE
                    S: m1 OK Move completed.
                    C: g4 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX "User quota"
                    S: * QUOTA "User quota" (STORAGE 2 1024 MESSAGE 1 100)
                    S: g4 OK Getquotaroot completed.
                    """);
            c.command("s2", "SELECT \"[Gmail]/Trash\"");
            c.command("d1", "STORE 1 +FLAGS.SILENT (\\Deleted)");
            c.play("""
                    C: e1 EXPUNGE
                    S: * 1 EXPUNGE
                    S: e1 OK Expunge completed.
                    C: g5 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX "User quota"
                    S: * QUOTA "User quota" (STORAGE 0 1024 MESSAGE 0 100)
                    S: g5 OK Getquotaroot completed.
                    """);
            Quota.Usage usage = server.store().account("alice").orElseThrow().quota().usage();
            assertThat(List.of(usage.bytes(), usage.messages())).containsExactly(0L, 0L);
        }
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
                    S: * QUOTAROOT Work "User quota"
                    S: * QUOTA "User quota" (MESSAGE 1 1)
                    S: g1 OK Getquotaroot completed.
                    C: a1 APPEND Work {5+}
                    C: x: y
                    S: a1 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)
                    """);
        }
    }
}
