package dev.imapmock.profile;

import dev.imapmock.ImapMockServer;
import dev.imapmock.Profile;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import dev.imapmock.testing.Angus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Angus Mail against the {@code outlook} profile: passwords refused, XOAUTH2 in, Microsoft's folder names. */
@Timeout(30)
class AngusOutlookProfileTest {

    @Test
    void passwordIsRefusedAndXoauth2ReadsTheInbox() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").token("alice", "tok")
                .profile(Profile.OUTLOOK).build().start()) {
            server.deliver("alice", "INBOX", "Subject: hello\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
            Store withPassword = Session.getInstance(Angus.properties(server)).getStore("imap");
            assertThatThrownBy(() -> withPassword.connect("alice", "secret"))
                    .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("failed.");

            Properties props = Angus.properties(server);
            props.setProperty("mail.imap.auth.mechanisms", "XOAUTH2");
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("alice", "tok");
            try {
                assertThat(Arrays.stream(store.getDefaultFolder().list()).map(Folder::getName))
                        .containsExactly("INBOX", "Archive", "Deleted Items", "Drafts", "Junk Email", "Outbox", "Sent Items");
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                assertThat(inbox.getMessage(1).getSubject()).isEqualTo("hello");
                inbox.copyMessages(inbox.getMessages(), store.getFolder("Sent Items"));
                inbox.close(false);
                assertThat(server.store().account("alice").orElseThrow().mailbox("Sent Items").size()).isEqualTo(1);
            } finally {
                store.close();
            }
        }
    }
}
