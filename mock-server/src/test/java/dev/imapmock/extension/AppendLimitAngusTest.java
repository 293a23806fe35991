package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.Angus;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** APPENDLIMIT and LITERAL- with Angus Mail, which knows neither and must still get along. */
@Timeout(20)
class AppendLimitAngusTest {

    private static MimeMessage message(ImapMockServer server, String subject, int bodyOctets) throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(Angus.properties(server)));
        m.setSubject(subject);
        m.setText("x".repeat(bodyOctets));
        m.saveChanges();
        return m;
    }

    @Test
    void angusReadsTheLimitAndAMessageOverItFailsWithTooBigWhileTheNextOneIsStored() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(Extension.APPENDLIMIT)
                .maxLiteralSize(2000).build().start()) {
            IMAPStore store = (IMAPStore) Angus.connect(server, "alice", "secret");
            try {
                assertThat(store.hasCapability("APPENDLIMIT=2000")).isTrue();
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                assertThat(inbox.getStatusItem("APPENDLIMIT")).isEqualTo(2000L);
                assertThatThrownBy(() -> inbox.appendMessages(new Message[] {message(server, "big", 3000)}))
                        .isInstanceOf(MessagingException.class).hasMessageContaining("Literal too big");
                inbox.appendMessages(new Message[] {message(server, "small", 100)});
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessageCount()).isEqualTo(1);
                assertThat(inbox.getMessage(1).getSubject()).isEqualTo("small");
                inbox.close(false);
            } finally {
                store.close();
            }
            List<ReceivedCommand> appends = server.journal().commands().stream()
                    .filter(c -> c.name().equals("APPEND")).toList();
            assertThat(appends).extracting(c -> c.outcome().status() + " " + c.outcome().code())
                    .containsExactly("NO TOOBIG", "OK " + appends.get(1).outcome().code());
        }
    }

    @Test
    void underLiteralMinusAngusFallsBackToSynchronizingLiteralsOfAnySize() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(Extension.LITERAL_MINUS)
                .build().start()) {
            IMAPStore store = (IMAPStore) Angus.connect(server, "alice", "secret");
            try {
                assertThat(store.hasCapability("LITERAL-")).isTrue();
                assertThat(store.hasCapability("LITERAL+")).isFalse();
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.appendMessages(new Message[] {message(server, "large", 10_000), message(server, "small", 10)});
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessageCount()).isEqualTo(2);
                assertThat(inbox.getMessage(1).getSize()).isGreaterThan(10_000);
                inbox.close(false);
            } finally {
                store.close();
            }
            assertThat(server.journal().commands()).filteredOn(c -> c.name().equals("APPEND"))
                    .extracting(c -> c.outcome().status()).containsExactly("OK", "OK");
        }
    }
}
