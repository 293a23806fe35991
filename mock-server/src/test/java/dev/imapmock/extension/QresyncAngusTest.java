package dev.imapmock.extension;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.event.MailEvent;
import jakarta.mail.event.MessageChangedEvent;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.MessageVanishedEvent;
import org.eclipse.angus.mail.imap.ResyncData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Angus Mail's QRESYNC support: reopening a folder from a cached state, as a syncing client does. */
@Timeout(30)
class QresyncAngusTest {
    private ImapMockServer server;
    private Store store;

    @BeforeEach
    void start() throws Exception {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
        for (int i = 1; i <= 6; i++) {
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
    void reopeningWithResyncDataReportsTheVanishedAndTheChangedMessages() throws Exception {
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        // Angus Mail knows HIGHESTMODSEQ only from a CONDSTORE open; from a plain one it sends -1,
        // which the server refuses as the RFC says.
        inbox.open(Folder.READ_WRITE, ResyncData.CONDSTORE);
        long uidValidity = inbox.getUIDValidity();
        long modSeq = inbox.getHighestModSeq();
        assertThat(modSeq).isEqualTo(7);
        inbox.close(false);

        IMAPFolder other = (IMAPFolder) store.getFolder("INBOX");
        other.open(Folder.READ_WRITE);
        other.getMessageByUID(2).setFlag(Flags.Flag.DELETED, true);
        other.getMessageByUID(5).setFlag(Flags.Flag.DELETED, true);
        other.expunge();
        other.getMessageByUID(3).setFlag(Flags.Flag.FLAGGED, true);
        other.close(false);

        List<MailEvent> events = inbox.open(Folder.READ_WRITE, new ResyncData(uidValidity, modSeq));
        List<Long> vanished = new ArrayList<>();
        List<Long> changed = new ArrayList<>();
        for (MailEvent event : events) {
            if (event instanceof MessageVanishedEvent v) {
                for (long uid : v.getUIDs()) {
                    vanished.add(uid);
                }
            } else if (event instanceof MessageChangedEvent c) {
                Message m = c.getMessage();
                changed.add(inbox.getUID(m));
                assertThat(m.isSet(Flags.Flag.FLAGGED)).isTrue();
            }
        }
        assertThat(vanished).containsExactly(2L, 5L);
        assertThat(changed).containsExactly(3L);
        assertThat(inbox.getMessageCount()).isEqualTo(4);
        inbox.close(false);
    }

    @Test
    void aStaleUidValidityReportsNothing() throws Exception {
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        long uidValidity = inbox.getUIDValidity();
        inbox.close(false);
        List<MailEvent> events = inbox.open(Folder.READ_WRITE, new ResyncData(uidValidity + 1, 1));
        assertThat(events).isNullOrEmpty();
        assertThat(inbox.getMessageCount()).isEqualTo(6);
        inbox.close(false);
    }
}
