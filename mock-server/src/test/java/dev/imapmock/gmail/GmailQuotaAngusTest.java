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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Angus Mail 2.0.5 reading and setting the quota of a Gmail account as an application shows it:
 * one root named {@code ""} with STORAGE alone, since Gmail advertises QUOTA without the RFC 9208
 * resource capabilities.
 */
@Timeout(30)
class GmailQuotaAngusTest {

    @Test
    void theQuotaOfAGmailAccountIsTheEmptyRootWithStorageOnly() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().profile(Profile.GMAIL).user("alice", "secret")
                .quota("alice", 15_728_640, 100).build().start()) {
            server.deliver("alice", "INBOX", GmailQuotaTranscriptTest.mail(3000));
            Store store = Angus.connect(server, "alice", "secret");
            try {
                Quota[] quotas = ((IMAPStore) store).getQuota("INBOX");
                assertThat(quotas).hasSize(1);
                assertThat(quotas[0].quotaRoot).isEmpty();
                assertThat(Angus.resources(quotas[0])).isEqualTo("STORAGE 3/15728640");
                assertThat(Angus.resources(((IMAPStore) store).getQuota("[Gmail]/All Mail")[0])).isEqualTo("STORAGE 3/15728640");
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
                assertThat(Angus.resources(((IMAPStore) store).getQuota("INBOX")[0])).isEqualTo("STORAGE 0/2048");
                assertThat(server.store().account("alice").orElseThrow().quota().usage().maxBytes())
                        .isEqualTo(2048L * 1024);
            } finally {
                store.close();
            }
        }
    }
}
