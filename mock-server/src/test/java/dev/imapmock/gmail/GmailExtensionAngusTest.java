package dev.imapmock.gmail;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Angus Mail against X-GM-EXT-1 and XLIST. Angus's Gmail provider ({@code gimap}) ships apart from
 * the angus-mail jar, so the commands go through Angus's protocol layer, as an application that
 * knows Gmail's extensions sends them, and the answers through Angus's response parser.
 */
@Timeout(20)
class GmailExtensionAngusTest {

    @Test
    void angusSeesTheCapabilitiesSearchesByMsgIdAndReadsXlist() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret")
                .with(Extension.X_GM_EXT_1, Extension.XLIST).build().start()) {
            server.deliver("alice", "INBOX", "Subject: one\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
            server.deliver("alice", "INBOX", "Subject: two\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
            long second = server.store().account("alice").orElseThrow().mailbox("INBOX").byUid(2).emailId();
            Store store = Angus.connect(server, "alice", "secret");
            try {
                assertThat(((IMAPStore) store).hasCapability("X-GM-EXT-1")).isTrue();
                assertThat(((IMAPStore) store).hasCapability("XLIST")).isTrue();
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<String> found = untagged(inbox, "SEARCH", "X-GM-MSGID " + Long.toUnsignedString(second));
                assertThat(found).containsExactly("* SEARCH 2");
                List<String> listed = untagged(inbox, "XLIST", "\"\" \"*\"");
                assertThat(listed).contains("* XLIST (\\HasNoChildren \\Inbox) \"/\" INBOX",
                        "* XLIST (\\HasNoChildren \\Spam) \"/\" Junk");
                assertThat(inbox.getMessage(2).getSubject()).isEqualTo("two");
                inbox.close(false);
            } finally {
                store.close();
            }
        }
    }

    /** Sends {@code name args} through Angus and returns the untagged answers as Angus read them. */
    private static List<String> untagged(IMAPFolder folder, String name, String args) throws Exception {
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) folder.doCommand(p -> {
            Response[] r = p.command(name + " " + args, (Argument) null);
            p.handleResult(r[r.length - 1]);
            List<String> untagged = new ArrayList<>();
            for (Response response : r) {
                if (response instanceof IMAPResponse ir && ir.isUnTagged()) {
                    untagged.add(ir.toString());
                }
            }
            return untagged;
        });
        return lines;
    }
}
