package dev.imapmock.docs;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Quota;
import dev.imapmock.testing.DocSnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java snippet of docs/quota.md, compiled and run so it cannot rot. */
@Timeout(30)
class QuotaDocTest {

    @Test
    void aFullMailboxForAliceAndSetquotaForTheAdminTool() {
        byte[] rfc822 = ("Subject: big\r\n\r\n" + "x".repeat(70_000)).getBytes(StandardCharsets.US_ASCII);
        // --- quota: java
        ImapMockServer server = ImapMockServer.builder()
                .user("alice", "secret")
                .user("bob", "secret")
                .quota("alice", 64, 30)            // "User quota": 64 KiB, 30 messages in all her mailboxes
                .maxAccountBytes(10 * 1024 * 1024) // everyone else: 10 MiB
                .with(Extension.QUOTASET)          // SETQUOTA allowed (Dovecot refuses it to users)
                .build()
                .start();
        Quota.Usage usage = server.store().account("alice").orElseThrow().quota().usage();
        // usage.bytes(), usage.messages(), usage.maxBytes() (65536), usage.maxMessages() (30)
        // server.deliver("alice", "INBOX", rfc822) throws IllegalStateException past the quota
        // --- quota: end
        try (server) {
            assertThat(usage).isEqualTo(new Quota.Usage(0, 0, 65536, 30));
            assertThatThrownBy(() -> server.deliver("alice", "INBOX", rfc822)).isInstanceOf(IllegalStateException.class);
            assertThat(server.store().account("bob").orElseThrow().quota().usage().maxBytes()).isEqualTo(10 * 1024 * 1024);
        }
    }

    @Test
    void pageHoldsTheSnippet() {
        DocSnippets.assertPageHolds("quota.md", DocSnippets.region(QuotaDocTest.class, "quota", "java"));
    }
}
