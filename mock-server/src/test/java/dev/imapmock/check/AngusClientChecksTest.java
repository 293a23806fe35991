package dev.imapmock.check;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Angus Mail used the way applications do by default (connect, open INBOX, read the messages,
 * set a flag, IDLE until new mail, close) breaks none of the checked rules and shows no wasteful
 * pattern.
 */
@Timeout(30)
class AngusClientChecksTest {

    @Test
    void angusMailsDefaultBehaviourHasNoViolations() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            for (int i = 1; i <= 4; i++) {
                server.deliver("alice", "INBOX", ("Subject: m" + i + "\r\nFrom: a@example.com\r\n\r\nBody " + i + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            Store store = Angus.connect(server, "alice", "secret");
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message m : inbox.getMessages()) {
                assertThat(m.getSubject()).startsWith("m");
                assertThat(m.getContent().toString()).startsWith("Body");
            }
            inbox.getMessage(1).setFlag(Flags.Flag.FLAGGED, true);
            // Delivered before IDLE: the server reports it as soon as IDLE begins, and idle(true) returns.
            server.deliver("alice", "INBOX", "Subject: m5\r\n\r\nBody 5\r\n".getBytes(StandardCharsets.US_ASCII));
            inbox.idle(true);
            inbox.close(false);
            store.close();

            ClientReport report = server.clientReport();
            assertThat(report.violations()).isEmpty();
            assertThat(report.notes()).isEmpty();
            assertThat(report.wasteful()).isEmpty();
        }
    }
}
