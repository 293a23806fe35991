package dev.imapmock.extension;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CATENATE with a real client. Angus Mail 2.0.5 has no CATENATE API, so the test sends the
 * command through Angus's protocol layer, the way an application builds a message from a draft's
 * new header and a stored message's text without downloading it, and then reads the result with
 * Angus's ordinary message API.
 */
@Timeout(20)
class CatenateAngusTest {

    @Test
    void angusBuildsAMessageFromANewHeaderAndAStoredBodyAndReadsIt() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            server.deliver("alice", "INBOX", "Subject: original\r\nContent-Type: text/plain\r\n\r\nthe stored text\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            Store store = Angus.connect(server, "alice", "secret");
            try {
                assertThat(((IMAPStore) store).hasCapability("CATENATE")).isTrue();
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                String answer = (String) inbox.doCommand(p -> {
                    Argument parts = new Argument();
                    parts.writeAtom("TEXT");
                    parts.writeBytes("Subject: forwarded\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    parts.writeAtom("URL");
                    parts.writeString("/INBOX/;UID=1/;SECTION=TEXT");
                    Argument args = new Argument();
                    args.writeString("INBOX");
                    args.writeAtom("CATENATE");
                    args.writeArgument(parts);
                    Response[] r = p.command("APPEND", args);
                    p.notifyResponseHandlers(r);
                    p.handleResult(r[r.length - 1]);
                    return r[r.length - 1].toString();
                });
                assertThat(answer).matches("\\S+ OK \\[APPENDUID \\d+ 2\\] Append completed\\.");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessage(2).getSubject()).isEqualTo("forwarded");
                assertThat(inbox.getMessage(2).getContent()).isEqualTo("the stored text\r\n");
                inbox.close(false);
            } finally {
                store.close();
            }
            assertThat(server.journal().commands()).filteredOn(c -> c.name().equals("APPEND")).singleElement()
                    .satisfies(c -> assertThat(c.arguments()).contains("CATENATE (TEXT {", "URL /INBOX/;UID=1/;SECTION=TEXT"));
        }
    }
}
