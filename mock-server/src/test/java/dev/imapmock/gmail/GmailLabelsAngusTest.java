package dev.imapmock.gmail;

import dev.imapmock.ImapMockServer;
import dev.imapmock.Profile;
import dev.imapmock.testing.Angus;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import org.eclipse.angus.mail.gimap.GmailFolder;
import org.eclipse.angus.mail.gimap.GmailMessage;
import org.eclipse.angus.mail.gimap.GmailMsgIdTerm;
import org.eclipse.angus.mail.gimap.GmailRawSearchTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Angus Mail's own Gmail provider ({@code gimap}: {@code GmailFolder}, {@code GmailMessage},
 * {@code GmailRawSearchTerm}) against the gmail profile: it reads and sets labels, and finds
 * messages by Gmail id and Gmail query, as an application written for Gmail does.
 */
@Timeout(30)
class GmailLabelsAngusTest {

    private static ImapMockServer server() {
        ImapMockServer server = ImapMockServer.builder().profile(Profile.GMAIL).tls().tlsPort(0)
                .user("alice", "secret").build().start();
        server.store().account("alice").orElseThrow().create("Work");
        server.deliver("alice", "INBOX", "Subject: invoice\r\n\r\nPay me\r\n".getBytes(StandardCharsets.US_ASCII));
        server.deliver("alice", "INBOX", "Subject: hello\r\n\r\nHi\r\n".getBytes(StandardCharsets.US_ASCII));
        return server;
    }

    @Test
    void gimapReadsAndChangesLabels() throws Exception {
        try (ImapMockServer server = server()) {
            Store store = Angus.gimap(server, "alice", "secret");
            try {
                GmailFolder inbox = (GmailFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                Message[] messages = inbox.getMessages();
                FetchProfile profile = new FetchProfile();
                profile.add(GmailFolder.FetchProfileItem.LABELS);
                profile.add(GmailFolder.FetchProfileItem.MSGID);
                inbox.fetch(messages, profile);
                assertThat(((GmailMessage) messages[0]).getLabels()).isEmpty();

                inbox.setLabels(new Message[] {messages[0]}, new String[] {"Work", "\\Important"}, true);
                GmailFolder all = (GmailFolder) store.getFolder("[Gmail]/All Mail");
                all.open(Folder.READ_ONLY);
                long msgId = ((GmailMessage) messages[0]).getMsgId();
                Message[] found = all.search(new GmailMsgIdTerm(msgId));
                assertThat(found).hasSize(1);
                assertThat(((GmailMessage) found[0]).getLabels())
                        .containsExactlyInAnyOrder("\\Inbox", "Work", "\\Important");
                assertThat(store.getFolder("Work").getMessageCount()).isEqualTo(1);

                ((GmailMessage) messages[0]).setLabels(new String[] {"Work"}, false);
                assertThat(store.getFolder("Work").getMessageCount()).isZero();
                assertThat(all.getMessageCount()).isEqualTo(2);
            } finally {
                store.close();
            }
        }
    }

    @Test
    void gimapSearchesWithGmailQueriesAndSeesAllMailAsTheAllFolder() throws Exception {
        try (ImapMockServer server = server()) {
            Store store = Angus.gimap(server, "alice", "secret");
            try {
                IMAPFolder allMail = (IMAPFolder) store.getFolder("[Gmail]/All Mail");
                assertThat(allMail.getAttributes()).contains("\\All");
                GmailFolder inbox = (GmailFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                inbox.setLabels(new Message[] {inbox.getMessage(2)}, new String[] {"Work"}, true);
                Message[] work = inbox.search(new GmailRawSearchTerm("label:work"));
                assertThat(work).extracting(Message::getSubject).containsExactly("hello");
                Message[] invoices = inbox.search(new GmailRawSearchTerm("in:inbox subject:invoice"));
                assertThat(invoices).extracting(Message::getSubject).containsExactly("invoice");
            } finally {
                store.close();
            }
        }
    }
}
