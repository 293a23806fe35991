package dev.imapmock.gmail;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.Profile;
import dev.imapmock.testing.Angus;
import jakarta.mail.Quota;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Angus Mail 2.0.5 reading and setting the quota of a Gmail account as an application shows it:
 * one root named {@code ""} with STORAGE alone, since Gmail advertises QUOTA without the RFC 9208
 * resource capabilities.
 */
@Timeout(30)
class GmailQuotaAngusTest {

    private static byte[] mail(int size) {
        String head = "Subject: q\r\n\r\n";
        return (head + "x".repeat(size - head.length())).getBytes(StandardCharsets.US_ASCII);
    }

    private static String resources(Quota quota) {
        StringBuilder sb = new StringBuilder();
        for (Quota.Resource r : quota.resources) {
            sb.append(sb.length() == 0 ? "" : " ").append(r.name).append(' ').append(r.usage).append('/').append(r.limit);
        }
        return sb.toString();
    }

    @Test
    void theQuotaOfAGmailAccountIsTheEmptyRootWithStorageOnly() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().profile(Profile.GMAIL).user("alice", "secret")
                .quota("alice", 15_728_640, 100).build().start()) {
            server.deliver("alice", "INBOX", mail(3000));
            Store store = Angus.connect(server, "alice", "secret");
            try {
                Quota[] quotas = ((IMAPStore) store).getQuota("INBOX");
                assertThat(quotas).hasSize(1);
                assertThat(quotas[0].quotaRoot).isEmpty();
                assertThat(resources(quotas[0])).isEqualTo("STORAGE 3/15728640");
                assertThat(resources(((IMAPStore) store).getQuota("[Gmail]/All Mail")[0])).isEqualTo("STORAGE 3/15728640");
            } finally {
                store.close();
            }
        }
    }

    @Test
    void anApplicationWithQuotasetSetsTheStorageOfTheEmptyRoot() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().profile(Profile.GMAIL).with(Extension.QUOTASET)
                .user("alice", "secret").build().start()) {
            Store store = Angus.connect(server, "alice", "secret");
            try {
                Quota quota = new Quota("");
                quota.setResourceLimit("STORAGE", 2048);
                ((IMAPStore) store).setQuota(quota);
                assertThat(resources(((IMAPStore) store).getQuota("INBOX")[0])).isEqualTo("STORAGE 0/2048");
                assertThat(server.store().account("alice").orElseThrow().quota().usage().maxBytes())
                        .isEqualTo(2048L * 1024);
            } finally {
                store.close();
            }
        }
    }
}
