package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.store.Account;
import dev.imapmock.testing.Angus;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.SubjectTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Angus Mail against a server that offers UTF8=ACCEPT (RFC 6855). Angus 2.0.5 sends
 * {@code ENABLE UTF8=ACCEPT} right after login whenever the server offers it, then writes mailbox
 * names as UTF-8 quoted strings and leaves CHARSET out of its searches (but writes their strings in
 * ISO-8859-1, which the server refuses as not UTF-8); with {@code mail.mime.allowutf8} its messages
 * carry UTF-8 headers, which it appends as plain literals.
 */
@Timeout(30)
class Utf8AcceptAngusTest {
    private static final String CAFE = "Caf\u00e9";
    private static final String NIHONGO = "\u65e5\u672c\u8a9e";

    private static Account alice(ImapMockServer server) {
        return server.store().account("alice").orElseThrow();
    }

    private static List<String> lines(ImapMockServer server, String name) {
        return server.journal().commands().stream().filter(c -> c.name().equals(name)).map(ReceivedCommand::line).toList();
    }

    @Test
    void angusEnablesItAndSendsUtf8NamesUtf8HeadersAndNoSearchCharset() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(Extension.UTF8_ACCEPT)
                .build().start()) {
            alice(server).create("Entw\u00fcrfe");
            Properties props = Angus.properties(server);
            props.setProperty("mail.mime.allowutf8", "true");
            Session session = Session.getInstance(props);
            Store store = session.getStore("imap");
            store.connect("alice", "secret");
            try {
                assertThat(((IMAPStore) store).hasCapability("UTF8=ACCEPT")).isTrue();
                assertThat(lines(server, "ENABLE")).singleElement().asString().endsWith("ENABLE UTF8=ACCEPT");

                List<String> names = Arrays.stream(store.getDefaultFolder().list("*")).map(Folder::getFullName).toList();
                assertThat(names).contains("INBOX", "Entw\u00fcrfe");

                Folder created = store.getFolder(CAFE + "/" + NIHONGO);
                assertThat(created.create(Folder.HOLDS_MESSAGES)).isTrue();
                assertThat(alice(server).mailbox(CAFE + "/" + NIHONGO)).isNotNull();
                assertThat(lines(server, "CREATE")).singleElement().asString()
                        .endsWith("CREATE \"" + CAFE + "/" + NIHONGO + "\"");

                MimeMessage message = new MimeMessage(session);
                message.setFrom("j\u00f6rg@example.com");
                message.setSubject("Gr\u00fc\u00dfe aus dem " + CAFE, "UTF-8");
                message.setText("Hallo", "UTF-8");
                message.saveChanges();
                created.appendMessages(new Message[] {message});
                byte[] stored = alice(server).mailbox(CAFE + "/" + NIHONGO).messages().get(0).bytes();
                assertThat(new String(stored, StandardCharsets.UTF_8)).contains("From: j\u00f6rg@example.com");

                created.open(Folder.READ_ONLY);
                assertThat(created.search(new SubjectTerm("aus dem"))).hasSize(1);
                assertThat(lines(server, "SEARCH")).singleElement().asString().doesNotContain("CHARSET");
                // Angus 2.0.5 leaves CHARSET out once UTF8=ACCEPT is on, but writes the string in ISO-8859-1,
                // which is not UTF-8: RFC 6855 §3 makes that BAD, and the client's fault shows.
                assertThatThrownBy(() -> created.search(new SubjectTerm(CAFE)))
                        .hasMessageContaining("BAD A quoted string is not valid UTF-8");
                assertThat(created.getMessages()[0].getSubject()).isEqualTo("Gr\u00fc\u00dfe aus dem " + CAFE);
                String status = (String) ((IMAPFolder) created).doCommand(p -> p.status("Entw\u00fcrfe", null).mbox);
                assertThat(status).isEqualTo("Entw\u00fcrfe");
                created.close(false);
            } finally {
                store.close();
            }
        }
    }

    @Test
    void withoutItAngusKeepsModifiedUtf7() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            Store store = Angus.connect(server, "alice", "secret");
            try {
                assertThat(((IMAPStore) store).hasCapability("UTF8=ACCEPT")).isFalse();
                assertThat(store.getFolder(CAFE).create(Folder.HOLDS_MESSAGES)).isTrue();
                assertThat(alice(server).mailbox(CAFE)).isNotNull();
                assertThat(lines(server, "ENABLE")).isEmpty();
                assertThat(lines(server, "CREATE")).singleElement().asString().endsWith("CREATE Caf&AOk-");
            } finally {
                store.close();
            }
        }
    }
}
