package dev.imapmock.extension;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.Angus;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MULTIAPPEND with a real client. Angus Mail 2.0.5's {@code IMAPFolder.appendUIDMessages} sends
 * one APPEND per message whatever the server offers, so the test shows that first and then
 * drives Angus's own protocol layer (its literal handling, LITERAL+ use and response reader) with
 * one APPEND of three messages, the way an application that needs the atomic form would.
 */
@Timeout(20)
class MultiappendAngusTest {

    private static MimeMessage message(Session session, String subject) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom("a@example.com");
        m.setSubject(subject);
        m.setText("body of " + subject);
        m.saveChanges();
        return m;
    }

    private static byte[] bytes(Message m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void angusAppendsSeveralMessagesOneCommandEachThroughItsFolderApi() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            Store store = Angus.connect(server, "alice", "secret");
            try {
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                Session session = Session.getInstance(Angus.properties(server));
                AppendUID[] uids = inbox.appendUIDMessages(new Message[] {
                    message(session, "one"), message(session, "two"), message(session, "three")});
                assertThat(uids).extracting(u -> u.uid).containsExactly(1L, 2L, 3L);
            } finally {
                store.close();
            }
            assertThat(server.journal().commands()).filteredOn(c -> c.name().equals("APPEND")).hasSize(3);
        }
    }

    @Test
    void angusSendsThreeMessagesInOneAppendAndGetsOneUidRange() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            Store store = Angus.connect(server, "alice", "secret");
            try {
                Session session = Session.getInstance(Angus.properties(server));
                List<byte[]> messages = List.of(bytes(message(session, "one")), bytes(message(session, "two")),
                        bytes(message(session, "three")));
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                String answer = (String) inbox.doCommand(p -> {
                    Argument args = new Argument();
                    args.writeString("INBOX");
                    for (byte[] m : messages) {
                        args.writeBytes(m);
                    }
                    Response[] r = p.command("APPEND", args);
                    p.notifyResponseHandlers(r);
                    p.handleResult(r[r.length - 1]);
                    return r[r.length - 1].toString();
                });
                assertThat(answer).matches("\\S+ OK \\[APPENDUID \\d+ 1:3\\] Append completed\\.");

                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessageCount()).isEqualTo(3);
                assertThat(inbox.getMessage(3).getSubject()).isEqualTo("three");
                assertThat(inbox.getMessage(2).getContent()).isEqualTo("body of two");
                inbox.close(false);
            } finally {
                store.close();
            }
            List<ReceivedCommand> appends = server.journal().commands().stream()
                    .filter(c -> c.name().equals("APPEND")).toList();
            assertThat(appends).singleElement().satisfies(c -> {
                assertThat(c.arguments()).startsWith("INBOX {");
                assertThat(c.outcome().code()).matches("APPENDUID \\d+ 1:3");
            });
            assertThat(new String(server.store().account("alice").orElseThrow().mailbox("INBOX").messages().get(0)
                    .bytes(), StandardCharsets.US_ASCII)).contains("Subject: one");
        }
    }
}
