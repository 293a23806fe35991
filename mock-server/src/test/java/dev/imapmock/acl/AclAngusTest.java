package dev.imapmock.acl;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.Angus;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.Rights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Shared folders the way an application reaches them through Angus Mail: the namespaces of
 * {@code IMAPStore}, and {@code IMAPFolder}'s ACL methods (RFC 4314).
 */
@Timeout(30)
class AclAngusTest {

    private static ImapMockServer server() {
        return ImapMockServer.builder().specialUse(SpecialUseMailboxes.none())
                .user("alice", "secret").user("bob", "secret").build().start();
    }

    @Test
    void angusReadsTheNamespacesAndTheOwnersAcl() throws Exception {
        try (ImapMockServer server = server()) {
            IMAPStore store = (IMAPStore) Angus.connect(server, "alice", "secret");
            try {
                assertThat(Arrays.stream(store.getPersonalNamespaces()).map(Folder::getFullName)).containsExactly("");
                assertThat(Arrays.stream(store.getUserNamespaces("bob")).map(Folder::getFullName))
                        .containsExactly("Other Users/bob");
                assertThat(Arrays.stream(store.getSharedNamespaces()).map(Folder::getFullName))
                        .containsExactly("Shared");
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                assertThat(inbox.myRights()).isEqualTo(new Rights("lrwstipekxacd"));
                ACL[] acl = inbox.getACL();
                assertThat(acl).hasSize(1);
                assertThat(acl[0].getName()).isEqualTo("alice");
                assertThat(acl[0].getRights()).isEqualTo(new Rights("lrwstipekxacd"));
                Rights[] listed = inbox.listRights("bob");
                assertThat(listed[0].toString()).isEmpty();
                assertThat(listed).hasSize(12);
            } finally {
                store.close();
            }
        }
    }

    @Test
    void aFolderSharedWithAddAclIsOpenedByTheOtherUserAndSeesItsMessages() throws Exception {
        try (ImapMockServer server = server()) {
            IMAPStore alice = (IMAPStore) Angus.connect(server, "alice", "secret");
            IMAPStore bob = (IMAPStore) Angus.connect(server, "bob", "secret");
            try {
                IMAPFolder box = (IMAPFolder) alice.getFolder("Team");
                assertThat(box.create(Folder.HOLDS_MESSAGES)).isTrue();
                box.appendMessages(new Message[] {message("Plan")});
                box.addACL(new ACL("bob", new Rights("lrs")));

                Folder shared = bob.getFolder("Other Users/alice/Team");
                assertThat(shared.exists()).isTrue();
                assertThat(Arrays.stream(bob.getDefaultFolder().list("*")).map(Folder::getFullName))
                        .contains("Other Users/alice/Team");
                assertThat(((IMAPFolder) shared).myRights()).isEqualTo(new Rights("lrs"));
                shared.open(Folder.READ_WRITE);
                assertThat(shared.getMessage(1).getSubject()).isEqualTo("Plan");
                shared.getMessage(1).setFlag(Flags.Flag.SEEN, true);
                shared.getMessage(1).setFlag(Flags.Flag.FLAGGED, true);
                assertThat(shared.getMessage(1).isSet(Flags.Flag.SEEN)).isTrue();
                shared.close(false);
                assertThat(server.store().account("alice").orElseThrow().mailbox("Team").messages().get(0)
                        .flags().names()).containsExactly("\\Seen");

                box.removeRights(new ACL("bob", new Rights("s")));
                assertThat(((IMAPFolder) shared).myRights()).isEqualTo(new Rights("lr"));
                box.removeACL("bob");
                assertThatThrownBy(() -> shared.open(Folder.READ_ONLY)).isInstanceOf(MessagingException.class);
                assertThat(shared.exists()).isFalse();
            } finally {
                alice.close();
                bob.close();
            }
        }
    }

    @Test
    void aUserWithoutTheAdministerRightCannotReadTheAcl() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().specialUse(SpecialUseMailboxes.none())
                .user("alice", "secret").user("bob", "secret").acl("alice", "Team", "bob", "lr").build().start()) {
            IMAPStore bob = (IMAPStore) Angus.connect(server, "bob", "secret");
            try {
                IMAPFolder shared = (IMAPFolder) bob.getFolder("Other Users/alice/Team");
                assertThatThrownBy(shared::getACL).isInstanceOf(MessagingException.class)
                        .hasMessageContaining("You lack administrator privileges");
                assertThatThrownBy(() -> shared.addACL(new ACL("bob", new Rights("a"))))
                        .isInstanceOf(MessagingException.class);
                assertThat(shared.myRights()).isEqualTo(new Rights("lr"));
            } finally {
                bob.close();
            }
        }
    }

    @Test
    void withPrivateSeenReadingASharedFolderMarksItSeenForTheReaderOnly() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().specialUse(SpecialUseMailboxes.none())
                .user("alice", "secret").user("bob", "secret").acl("alice", "Team", "bob", "lrs")
                .privateSeen(true).build().start()) {
            IMAPStore alice = (IMAPStore) Angus.connect(server, "alice", "secret");
            IMAPStore bob = (IMAPStore) Angus.connect(server, "bob", "secret");
            try {
                Folder team = alice.getFolder("Team");
                team.appendMessages(new Message[] {message("Plan")});
                Folder shared = bob.getFolder("Other Users/alice/Team");
                shared.open(Folder.READ_WRITE);
                assertThat(shared.getMessage(1).getContent().toString()).isEqualTo("body\r\n");
                assertThat(shared.getMessage(1).isSet(Flags.Flag.SEEN)).isTrue();
                assertThat(shared.getUnreadMessageCount()).isZero();
                team.open(Folder.READ_ONLY);
                assertThat(team.getMessage(1).isSet(Flags.Flag.SEEN)).isFalse();
                assertThat(team.getUnreadMessageCount()).isEqualTo(1);
                shared.close(false);
                team.close(false);
            } finally {
                alice.close();
                bob.close();
            }
        }
    }

    private static Message message(String subject) throws MessagingException {
        byte[] bytes = ("Subject: " + subject + "\r\nFrom: a@example.com\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }
}
