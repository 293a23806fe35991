package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Angus Mail against a server that offers UIDONLY (RFC 9586). Angus never enables it on its own,
 * so its sessions keep sequence numbers; a session that enables it through Angus's protocol layer
 * gets UIDFETCH and UIDREQUIRED.
 */
@Timeout(30)
class UidOnlyAngusTest {

    @Test
    void angusSeesUidonlyAdvertisedAndWorksWithSequenceNumbersUntilItEnablesIt() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(Extension.UIDONLY)
                .build().start()) {
            for (String subject : new String[] {"one", "two", "three"}) {
                server.deliver("alice", "INBOX", ("Subject: " + subject + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            Store store = Angus.connect(server, "alice", "secret");
            try {
                assertThat(((IMAPStore) store).hasCapability("UIDONLY")).isTrue();
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                assertThat(inbox.getMessage(2).getSubject()).isEqualTo("two");
                inbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
                inbox.expunge();
                assertThat(inbox.getMessageCount()).isEqualTo(2);

                List<String> lines = Arrays.asList((String[]) inbox.doCommand(p -> {
                    p.enable("UIDONLY");
                    Response[] fetched = p.command("UID FETCH 2:3 (FLAGS)", null);
                    Response[] refused = p.command("FETCH 1 (FLAGS)", null);
                    return new String[] {fetched[0].toString(), fetched[1].toString(), fetched[2].toString(),
                            refused[refused.length - 1].toString()};
                }));
                assertThat(lines.subList(0, 2)).containsExactly("* 2 UIDFETCH (FLAGS (\\Recent))",
                        "* 3 UIDFETCH (FLAGS (\\Recent))");
                assertThat(lines.get(2)).endsWith(" OK UID FETCH completed.");
                assertThat(lines.get(3)).endsWith(" BAD [UIDREQUIRED] FETCH takes message sequence numbers, which UIDONLY"
                        + " forbids; use UID FETCH");
                inbox.close(false);
            } finally {
                store.close();
            }
        }
    }
}
