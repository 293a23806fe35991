package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Angus Mail 2.0.5 and the special-use mailboxes, as an application that looks for the Sent or
 * Trash folder by its attribute sees them. Angus has no call for CREATE-SPECIAL-USE, so that one
 * goes through its raw command channel, as an application that needs it would.
 */
@Timeout(30)
class SpecialUseAngusTest {
    private static final byte[] MAIL = "Subject: copy\r\n\r\nsent from the app\r\n".getBytes(StandardCharsets.US_ASCII);

    private static Store connect(ImapMockServer server) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.imap.host", server.host());
        props.setProperty("mail.imap.port", Integer.toString(server.port()));
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("alice", "secret");
        return store;
    }

    private static String[] attributes(Store store, String folder) throws Exception {
        return ((IMAPFolder) store.getFolder(folder)).getAttributes();
    }

    @Test
    void getAttributesShowsWhatEachDefaultFolderIsFor() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            Store store = connect(server);
            try {
                assertThat(attributes(store, "Sent")).containsExactly("\\HasNoChildren", "\\Sent");
                assertThat(attributes(store, "Drafts")).containsExactly("\\HasNoChildren", "\\Drafts");
                assertThat(attributes(store, "Trash")).containsExactly("\\HasNoChildren", "\\Trash");
                assertThat(attributes(store, "Junk")).containsExactly("\\HasNoChildren", "\\Junk");
                assertThat(attributes(store, "Archive")).containsExactly("\\HasNoChildren", "\\Archive");
                assertThat(attributes(store, "INBOX")).containsExactly("\\HasNoChildren");
                Folder[] all = store.getDefaultFolder().list("*");
                assertThat(Arrays.stream(all).map(Folder::getFullName))
                        .containsExactly("INBOX", "Archive", "Drafts", "Junk", "Sent", "Trash");
                String sent = Arrays.stream(all)
                        .filter(f -> Arrays.asList(attributesOf(f)).contains("\\Sent"))
                        .map(Folder::getFullName).findFirst().orElseThrow();
                assertThat(sent).isEqualTo("Sent");
            } finally {
                store.close();
            }
        }
    }

    @Test
    void aFolderCreatedWithAUseCarriesIt() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            Store store = connect(server);
            try {
                assertThat(((IMAPStore) store).hasCapability("CREATE-SPECIAL-USE")).isTrue();
                IMAPFolder root = (IMAPFolder) store.getDefaultFolder();
                root.doCommand(protocol -> {
                    protocol.simpleCommand("CREATE Outbox (USE (\\Sent))", null);
                    return null;
                });
                assertThat(attributes(store, "Outbox")).containsExactly("\\HasNoChildren", "\\Sent");
                assertThat(store.getFolder("Outbox").renameTo(store.getFolder("Sent Mail"))).isTrue();
                assertThat(attributes(store, "Sent Mail")).containsExactly("\\HasNoChildren", "\\Sent");
            } finally {
                store.close();
            }
        }
    }

    @Test
    void statusSizeThroughGetStatusItem() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            server.deliver("alice", "Sent", MAIL);
            server.deliver("alice", "Sent", MAIL);
            Store store = connect(server);
            try {
                assertThat(((IMAPFolder) store.getFolder("Sent")).getStatusItem("SIZE")).isEqualTo(2L * MAIL.length);
                assertThat(((IMAPFolder) store.getFolder("Trash")).getStatusItem("SIZE")).isZero();
            } finally {
                store.close();
            }
        }
    }

    @Test
    void withoutSpecialUseAngusStillListsAndSeesNoAttribute() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").without(Extension.SPECIAL_USE)
                .build().start()) {
            Store store = connect(server);
            try {
                assertThat(((IMAPStore) store).hasCapability("SPECIAL-USE")).isFalse();
                assertThat(Arrays.stream(store.getDefaultFolder().list("*")).map(Folder::getFullName))
                        .containsExactly("INBOX");
                assertThat(store.getFolder("Sent").create(Folder.HOLDS_MESSAGES)).isTrue();
                assertThat(attributes(store, "Sent")).containsExactly("\\HasNoChildren");
            } finally {
                store.close();
            }
        }
    }

    private static String[] attributesOf(Folder folder) {
        try {
            return ((IMAPFolder) folder).getAttributes();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
