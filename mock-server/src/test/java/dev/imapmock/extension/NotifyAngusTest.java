package dev.imapmock.extension;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Angus Mail has no NOTIFY API; a client that wants it sends the command through
 * {@code IMAPFolder.doCommand}, as here, and reads the STATUS responses that follow its commands.
 */
@Timeout(20)
class NotifyAngusTest {

    @Test
    void angusSetsNotifyAndReadsTheStatusOfAMailboxThatGotMail() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            server.store().account("alice").orElseThrow().create("Orders");
            Store store = Angus.connect(server, "alice", "secret");
            try {
                assertThat(((IMAPStore) store).hasCapability("NOTIFY")).isTrue();
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                List<String> heard = new ArrayList<>();
                inbox.doCommand(p -> {
                    Response[] set = p.command("NOTIFY SET (MAILBOXES Orders (MessageNew MessageExpunge))", null);
                    p.handleResult(set[set.length - 1]);
                    server.deliver("alice", "Orders", "Subject: order\r\n\r\n1\r\n".getBytes(StandardCharsets.US_ASCII));
                    Response[] noop = p.command("NOOP", null);
                    p.handleResult(noop[noop.length - 1]);
                    for (Response r : noop) {
                        heard.add(r.toString());
                    }
                    return null;
                });
                long uidValidity = server.store().account("alice").orElseThrow().mailbox("Orders").uidValidity();
                assertThat(heard).contains("* STATUS Orders (MESSAGES 1 UIDNEXT 2 UIDVALIDITY " + uidValidity + " UNSEEN 1)");
            } finally {
                store.close();
            }
        }
    }

    @Test
    void angusReadsTheFetchThatMessageNewAsksForInTheSelectedMailbox() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            Store store = Angus.connect(server, "alice", "secret");
            try {
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(jakarta.mail.Folder.READ_WRITE);
                List<String> heard = new ArrayList<>();
                inbox.doCommand(p -> {
                    Response[] set = p.command("NOTIFY SET (SELECTED (MessageNew (UID FLAGS) MessageExpunge))", null);
                    p.handleResult(set[set.length - 1]);
                    server.deliver("alice", "INBOX", "Subject: new\r\n\r\n1\r\n".getBytes(StandardCharsets.US_ASCII));
                    Response[] noop = p.command("NOOP", null);
                    for (Response r : noop) {
                        heard.add(r.toString());
                    }
                    // As Angus's own commands do: the folder hears of the new message.
                    p.notifyResponseHandlers(noop);
                    p.handleResult(noop[noop.length - 1]);
                    return null;
                });
                assertThat(heard).containsSubsequence("* 1 EXISTS", "* 1 FETCH (UID 1 FLAGS (\\Recent))");
                assertThat(inbox.getMessageCount()).isEqualTo(1);
                assertThat(inbox.getMessage(1).getSubject()).isEqualTo("new");
            } finally {
                store.close();
            }
        }
    }
}
