package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Quota;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Angus Mail 2.0.5 and QUOTA, as an application that shows the user how full the mailbox is, and
 * one that sets quotas, use it: {@link IMAPStore#getQuota} and {@link IMAPStore#setQuota}.
 */
@Timeout(30)
class QuotaAngusTest {

    @Test
    void getQuotaShowsTheUsersRootWithStorageInKibAndMessages() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").quota("alice", 64, 30)
                .build().start()) {
            server.deliver("alice", "INBOX", QuotaTranscriptTest.mail(1513));
            Store store = Angus.connect(server, "alice", "secret");
            try {
                Quota[] quotas = ((IMAPStore) store).getQuota("INBOX");
                assertThat(quotas).hasSize(1);
                assertThat(quotas[0].quotaRoot).isEqualTo("User quota");
                assertThat(Angus.resources(quotas[0])).isEqualTo("STORAGE 2/64 MESSAGE 1/30");
            } finally {
                store.close();
            }
        }
    }

    @Test
    void appendingPastTheQuotaFailsInTheApplicationAndLeavesTheFolderAsItWas() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").quota("alice", 1, 0)
                .build().start()) {
            Store store = Angus.connect(server, "alice", "secret");
            try {
                Folder inbox = store.getFolder("INBOX");
                MimeMessage big = new MimeMessage(null, new ByteArrayInputStream(QuotaTranscriptTest.mail(2000)));
                assertThatThrownBy(() -> inbox.appendMessages(new jakarta.mail.Message[] {big}))
                        .isInstanceOf(MessagingException.class)
                        .hasMessageContaining("Quota exceeded (mailbox for user is full)");
                assertThat(inbox.getMessageCount()).isZero();
            } finally {
                store.close();
            }
        }
    }

    @Test
    void setQuotaIsRefusedByDefault() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").quota("alice", 64, 30)
                .build().start()) {
            Store store = Angus.connect(server, "alice", "secret");
            try {
                Quota quota = new Quota("User quota");
                quota.setResourceLimit("STORAGE", 100);
                assertThatThrownBy(() -> ((IMAPStore) store).setQuota(quota))
                        .isInstanceOf(MessagingException.class)
                        .hasMessageContaining("Quota can be changed only by admin");
                assertThat(Angus.resources(((IMAPStore) store).getQuota("INBOX")[0])).isEqualTo("STORAGE 0/64 MESSAGE 0/30");
            } finally {
                store.close();
            }
        }
    }

    @Test
    void setQuotaChangesTheLimitsWithQuotaset() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(Extension.QUOTASET)
                .build().start()) {
            Store store = Angus.connect(server, "alice", "secret");
            try {
                assertThat(((IMAPStore) store).getQuota("INBOX")).isEmpty();
                Quota quota = new Quota("User quota");
                quota.setResourceLimit("STORAGE", 100);
                quota.setResourceLimit("MESSAGE", 5);
                ((IMAPStore) store).setQuota(quota);
                Quota[] quotas = ((IMAPStore) store).getQuota("INBOX");
                assertThat(quotas).hasSize(1);
                assertThat(Angus.resources(quotas[0])).isEqualTo("STORAGE 0/100 MESSAGE 0/5");
                assertThat(server.store().account("alice").orElseThrow().quota().usage().maxBytes()).isEqualTo(100 * 1024);
            } finally {
                store.close();
            }
        }
    }
}
