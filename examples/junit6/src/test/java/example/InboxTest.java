package example;

import dev.imapmock.ImapMockServer;
import dev.imapmock.junit.ImapAssertions;
import dev.imapmock.junit.ImapServer;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Properties;

import static dev.imapmock.junit.ImapAssertions.command;
import static org.assertj.core.api.Assertions.assertThat;

/** JUnit 6 runs the extension: a server per test, a real client, assertions on what it received. */
@Timeout(30)
@ImapServer(users = "alice:secret")
class InboxTest {

    @Test
    void appendedMessageIsInTheInbox(ImapMockServer server) throws Exception {
        Session session = Session.getInstance(new Properties());
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", server.port(), "alice", "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("bob@example.org"));
            message.setSubject("Hello from JUnit 6");
            message.setText("body");
            inbox.appendMessages(new Message[] {message});

            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            assertThat(inbox.getMessage(1).getSubject()).isEqualTo("Hello from JUnit 6");
            inbox.close(false);
        } finally {
            store.close();
        }

        ImapAssertions.assertThat(server.journal())
                .received(command("APPEND").byUser("alice"))
                .hasNoRejectedCommands();
    }
}
