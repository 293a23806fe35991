package dev.imapmock.server;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Mailbox;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The server driven by a real client, Angus Mail's IMAP store, the way applications use it. */
@Timeout(30)
class AngusMailClientTest {
    private ImapMockServer server;
    private Session session;
    private Store store;

    @BeforeEach
    void connect() throws MessagingException {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "10000");
        session = Session.getInstance(props);
        store = session.getStore("imap");
        store.connect("127.0.0.1", server.port(), "alice", "secret");
    }

    @AfterEach
    void close() throws MessagingException {
        store.close();
        server.close();
    }

    private Mailbox mailbox(String name) {
        return server.store().account("alice").orElseThrow().mailbox(name);
    }

    private MimeMessage message(String subject, Flags.Flag... flags) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("bob@example.com"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@example.com"));
        m.setSubject(subject);
        m.setText("Hello from " + subject);
        for (Flags.Flag f : flags) {
            m.setFlag(f, true);
        }
        return m;
    }

    @Test
    void connectsAndListsFolders() throws MessagingException {
        assertThat(store.isConnected()).isTrue();
        store.getFolder("Work/Reports").create(Folder.HOLDS_MESSAGES);
        Folder[] all = store.getDefaultFolder().list("*");
        assertThat(Arrays.stream(all).map(Folder::getFullName))
                .containsExactly("INBOX", "Archive", "Drafts", "Junk", "Sent", "Trash", "Work", "Work/Reports");
        assertThat(store.getDefaultFolder().getSeparator()).isEqualTo('/');
        assertThat(store.getFolder("inbox").exists()).isTrue();
        assertThat(store.getFolder("Nope").exists()).isFalse();
    }

    @Test
    void createsRenamesAndDeletesNestedFolders() throws MessagingException {
        Folder projects = store.getFolder("Projects");
        assertThat(projects.create(Folder.HOLDS_FOLDERS)).isTrue();
        Folder alpha = store.getFolder("Projects/Alpha");
        assertThat(alpha.create(Folder.HOLDS_MESSAGES)).isTrue();
        assertThat(store.getFolder("Projects/Alpha/Notes").create(Folder.HOLDS_MESSAGES)).isTrue();
        assertThat(Arrays.stream(projects.list()).map(Folder::getFullName)).containsExactly("Projects/Alpha");

        // Attic does not exist yet: the rename creates it.
        Folder archived = store.getFolder("Attic/Alpha");
        assertThat(alpha.renameTo(archived)).isTrue();
        assertThat(store.getFolder("Attic/Alpha/Notes").exists()).isTrue();
        assertThat(store.getFolder("Projects/Alpha").exists()).isFalse();

        assertThat(store.getFolder("Attic").delete(true)).isTrue();
        assertThat(Arrays.stream(store.getDefaultFolder().list("*")).map(Folder::getFullName))
                .containsExactly("INBOX", "Archive", "Drafts", "Junk", "Projects", "Sent", "Trash");
    }

    @Test
    void appendsMessagesWithTheirFlags() throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.appendMessages(new Message[] {message("one", Flags.Flag.SEEN), message("two"),
                message("three", Flags.Flag.FLAGGED)});
        assertThat(mailbox("INBOX").messages()).hasSize(3);
        assertThat(mailbox("INBOX").messages().get(0).flags().names()).containsExactly("\\Seen");
        assertThat(mailbox("INBOX").messages().get(2).flags().names()).containsExactly("\\Flagged");
        assertThat(new String(mailbox("INBOX").messages().get(1).bytes(), java.nio.charset.StandardCharsets.US_ASCII))
                .contains("Subject: two");
    }

    @Test
    void countsComeFromStatusWhenTheFolderIsClosed() throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.appendMessages(new Message[] {message("read", Flags.Flag.SEEN), message("unread 1"), message("unread 2")});
        assertThat(inbox.getMessageCount()).isEqualTo(3);
        assertThat(inbox.getUnreadMessageCount()).isEqualTo(2);
        assertThat(inbox.getNewMessageCount()).isEqualTo(3);
        assertThat(inbox.hasNewMessages()).isTrue();
    }

    @Test
    void opensReadOnlyAndReadWrite() throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.appendMessages(new Message[] {message("one"), message("two")});

        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMode()).isEqualTo(Folder.READ_ONLY);
        assertThat(inbox.getMessageCount()).isEqualTo(2);
        assertThat(inbox.getNewMessageCount()).isEqualTo(2);
        inbox.close(false);

        inbox.open(Folder.READ_WRITE);
        assertThat(inbox.getMode()).isEqualTo(Folder.READ_WRITE);
        assertThat(inbox.getMessageCount()).isEqualTo(2);
        inbox.close(false);
        assertThat(server.journal().commands()).extracting(c -> c.name())
                .contains("EXAMINE", "SELECT", "UNSELECT");
    }

    @Test
    void expungeRemovesMessagesAppendedAsDeleted() throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.appendMessages(new Message[] {message("keep"), message("drop", Flags.Flag.DELETED), message("keep too")});
        inbox.open(Folder.READ_WRITE);
        inbox.expunge();
        assertThat(inbox.getMessageCount()).isEqualTo(2);
        assertThat(mailbox("INBOX").messages()).hasSize(2);
        inbox.close(false);
    }

    @Test
    void closeWithExpungeRemovesDeletedMessages() throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.appendMessages(new Message[] {message("drop", Flags.Flag.DELETED), message("keep")});
        inbox.open(Folder.READ_WRITE);
        inbox.close(true);
        assertThat(mailbox("INBOX").messages()).hasSize(1);
        assertThat(server.journal().commands("CLOSE")).hasSize(1);
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailure() throws MessagingException {
        Store other = session.getStore("imap");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.connect("127.0.0.1", server.port(), "alice", "wrong"))
                .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
    }
}
