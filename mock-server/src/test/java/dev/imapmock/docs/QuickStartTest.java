package dev.imapmock.docs;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.store.Message;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The snippets of docs/quickstart.md, compiled and run so they cannot rot. */
@Timeout(30)
class QuickStartTest {

    @Test
    void startDeliverConnectAndAssert() throws Exception {
        // --- quickstart: start
        try (ImapMockServer server = ImapMockServer.builder()
                .user("alice", "secret")
                .build()
                .start()) {
            byte[] mail = ("From: bob@example.com\r\nTo: alice@example.org\r\nSubject: Hello\r\n\r\nHi Alice!\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            server.deliver("alice", "INBOX", mail);

            // The application under test connects with its own client:
            Properties props = new Properties();
            props.setProperty("mail.imap.host", server.host());
            props.setProperty("mail.imap.port", Integer.toString(server.port()));
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("alice", "secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            String subject = inbox.getMessage(1).getSubject();
            inbox.close(false);
            store.close();

            // Then the test checks what the app did and what it sent:
            assertThat(subject).isEqualTo("Hello");
            List<ReceivedCommand> fetches = server.journal().commands("FETCH");
            assertThat(fetches).isNotEmpty();
            assertThat(server.journal().commands("EXPUNGE")).isEmpty();
        }
        // --- quickstart: end
    }

    @Test
    void fixturesLimitsAndTheStore() throws Exception {
        // --- quickstart: options
        try (ImapMockServer server = ImapMockServer.builder()
                .user("alice", "secret")
                .fixtures("fixtures/tree")                  // a classpath tree, a path, or imapmock:corpus/...
                .maxLiteralSize(10 * 1024 * 1024)            // APPEND over 10 MiB answers BAD
                .idleTimeout(Duration.ofMinutes(5))          // * BYE Autologout after 5 silent minutes
                .build()
                .start()) {
            List<Message> inbox = server.store().account("alice").orElseThrow().mailbox("INBOX").messages();
            assertThat(inbox).isNotEmpty();
        }
        // --- quickstart: options end
    }
}
