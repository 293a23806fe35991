package dev.imapmock.extension;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.ResyncData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Angus Mail's CONDSTORE support against the server, as a syncing application uses it. */
@Timeout(30)
class CondstoreAngusTest {
    private ImapMockServer server;
    private Store store;

    @BeforeEach
    void start() throws Exception {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
        for (int i = 1; i <= 5; i++) {
            server.deliver("alice", "INBOX", ("Subject: m" + i + "\r\n\r\nBody " + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        store = Angus.connect(server, "alice", "secret");
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        server.close();
    }

    @Test
    void highestModSeqUidNextAndTheMessagesChangedSinceAModSeq() throws Exception {
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        assertThat(inbox.getHighestModSeq()).as("by STATUS, closed").isEqualTo(6);
        assertThat(inbox.getUIDNext()).isEqualTo(6);
        inbox.open(Folder.READ_WRITE, ResyncData.CONDSTORE);
        long before = inbox.getHighestModSeq();
        assertThat(before).isEqualTo(6);

        inbox.getMessageByUID(2).setFlag(Flags.Flag.FLAGGED, true);
        inbox.getMessageByUID(4).setFlag(Flags.Flag.SEEN, true);
        Message[] changed = inbox.getMessagesByUIDChangedSince(1, UIDFolder.LASTUID, before);
        assertThat(Arrays.stream(changed).mapToLong(m -> uid(inbox, m)).toArray()).containsExactly(2, 4);
        assertThat(((IMAPMessage) inbox.getMessageByUID(4)).getModSeq()).isEqualTo(8);
        assertThat(((IMAPMessage) inbox.getMessageByUID(2)).getModSeq()).isEqualTo(7);
        inbox.close(false);
        assertThat(inbox.getHighestModSeq()).isEqualTo(8);
    }

    private static long uid(IMAPFolder folder, Message m) {
        try {
            return folder.getUID(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
