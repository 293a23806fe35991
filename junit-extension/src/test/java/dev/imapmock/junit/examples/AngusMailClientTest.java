package dev.imapmock.junit.examples;

import dev.imapmock.ImapMockServer;
import dev.imapmock.junit.ImapAssertions;
import dev.imapmock.junit.ImapServer;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;

import static dev.imapmock.junit.ImapAssertions.command;
import static org.assertj.core.api.Assertions.assertThat;

/** A real IMAP client, Angus Mail, against a server the extension started. */
@Timeout(30)
// tag::annotation[]
@ImapServer(users = "alice:secret", fixtures = "mail/alice")
class AngusMailClientTest {

    @Test
    void listsFoldersAndCountsTheSeededInbox(ImapMockServer server) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.port(), "alice", "secret");
        try {
            Folder[] folders = store.getDefaultFolder().list("*");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);

            // The fixture's INBOX and Archive, and the default special-use Sent, Drafts, Trash and Junk.
            assertThat(Arrays.stream(folders).map(Folder::getFullName))
                    .containsExactlyInAnyOrder("INBOX", "Archive", "Drafts", "Junk", "Sent", "Trash");
            assertThat(inbox.getMessageCount()).isEqualTo(3);
            inbox.close(false);
        } finally {
            store.close();
        }

        ImapAssertions.assertThat(server.journal())
                .received(command("AUTHENTICATE").withArguments("PLAIN").succeeded())
                .received(command("LIST").byUser("alice"))
                .receivedInOrder("LIST", "EXAMINE")
                .receivedIn("INBOX", "CLOSE")
                .neverReceived("EXPUNGE")
                .hasNoRejectedCommands();
    }
    // end::annotation[]

    @Test
    @ImapServer(users = "bob:hunter2")
    void wrongPasswordIsRefused(ImapMockServer server) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        try {
            store.connect("127.0.0.1", server.port(), "bob", "not-the-password");
        } catch (jakarta.mail.AuthenticationFailedException expected) {
            // The refused AUTHENTICATE is the client's last command: wait until the server has journaled it.
            ImapAssertions.assertThat(server.journal())
                    .eventuallyReceived(command("AUTHENTICATE").withStatus("NO"), Duration.ofSeconds(5))
                    .commands().noneMatch(c -> c.line().contains("not-the-password"));
            return;
        }
        store.close();
        throw new AssertionError("login should have failed");
    }
}
