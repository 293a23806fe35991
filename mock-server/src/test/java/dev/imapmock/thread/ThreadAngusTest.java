package dev.imapmock.thread;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.Folder;
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
 * THREAD from a real client. Angus Mail has no THREAD API, so the test sends the command through
 * {@link IMAPFolder#doCommand} as an application would, and reads the untagged answer Angus Mail
 * parsed; the folder stays usable afterwards.
 */
@Timeout(20)
class ThreadAngusTest {

    private static byte[] mail(String subject, String id, String references, String time) {
        return ("From: a@example.org\r\nSubject: " + subject + "\r\nDate: Mon, 1 Jan 2024 " + time
                + ":00 +0000\r\nMessage-ID: " + id + "\r\n" + (references == null ? "" : "References: " + references + "\r\n")
                + "\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void threadReferencesThroughDoCommand() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            server.deliver("alice", "INBOX", mail("Hello", "<h1@x>", null, "10:00"));
            server.deliver("alice", "INBOX", mail("Other", "<o2@x>", null, "09:00"));
            server.deliver("alice", "INBOX", mail("Re: Hello", "<h3@x>", "<h1@x>", "11:00"));
            server.deliver("alice", "INBOX", mail("Re: Hello", "<h4@x>", "<h1@x>", "12:00"));
            Store store = Angus.connect(server, "alice", "secret");
            try {
                assertThat(((IMAPStore) store).hasCapability("THREAD=REFERENCES")).isTrue();
                assertThat(((IMAPStore) store).hasCapability("THREAD=REFS")).isTrue();
                assertThat(((IMAPStore) store).hasCapability("THREAD=ORDEREDSUBJECT")).isTrue();
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<String> untagged = new ArrayList<>();
                Object status = inbox.doCommand(protocol -> {
                    Response[] responses = protocol.command("THREAD REFERENCES UTF-8 ALL", null);
                    Response last = responses[responses.length - 1];
                    for (int i = 0; i < responses.length - 1; i++) {
                        untagged.add(responses[i].toString());
                    }
                    protocol.handleResult(last);
                    return last.isOK();
                });
                assertThat(status).isEqualTo(true);
                assertThat(untagged).containsExactly("* THREAD (2)(1 (3)(4))");
                assertThat(inbox.getMessageCount()).isEqualTo(4);
                assertThat(inbox.getMessage(3).getSubject()).isEqualTo("Re: Hello");
            } finally {
                store.close();
            }
        }
    }
}
