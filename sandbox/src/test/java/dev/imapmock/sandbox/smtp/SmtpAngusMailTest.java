package dev.imapmock.sandbox.smtp;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SMTP listener driven by Angus Mail's SMTP transport, the way a Java application sends mail, and
 * the mail read back with Angus Mail's IMAP store, the way it reads it.
 */
@Timeout(30)
class SmtpAngusMailTest {

    private static ImapMockServer.Builder users() {
        return ImapMockServer.builder().user("alice", "secret").user("bob", "hunter2");
    }

    private static Properties smtp(SmtpServer server) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", server.host());
        props.setProperty("mail.smtp.port", Integer.toString(server.port()));
        props.setProperty("mail.smtp.connectiontimeout", "5000");
        props.setProperty("mail.smtp.timeout", "10000");
        props.setProperty("mail.smtp.localhost", "app.example");
        return props;
    }

    private static MimeMessage message(Session session, String subject, String... to) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("app@example.org"));
        for (String recipient : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject);
        message.setText("Grüße aus der Anwendung\n.\nEnd.\n", "UTF-8", "plain");
        message.setHeader("Content-Transfer-Encoding", "8bit");
        return message;
    }

    /** The subjects and first body line in the user's INBOX, read over IMAP with Angus Mail. */
    private static String readInbox(ImapMockServer imap, String user, String password) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.imap.host", imap.host());
        props.setProperty("mail.imap.port", Integer.toString(imap.port()));
        props.setProperty("mail.imap.timeout", "10000");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            StringBuilder seen = new StringBuilder();
            for (Message m : inbox.getMessages()) {
                String body = ((String) m.getContent()).replace("\r\n", "\n");
                seen.append(m.getSubject()).append(" | ").append(body.lines().findFirst().orElse(""))
                        .append(" | ").append(m.getHeader("Received")[0].contains("by localhost (ImapMock)")).append('\n');
            }
            inbox.close(false);
            return seen.toString();
        } finally {
            store.close();
        }
    }

    @Test
    void aPlainMessageToSeveralRecipientsReachesEachInboxAndAnImapClientReadsIt() throws Exception {
        try (ImapMockServer imap = users().build().start();
             SmtpServer server = SmtpServer.start(imap, SmtpSettings.of(imap.host(), 0))) {
            Session session = Session.getInstance(smtp(server));
            Transport.send(message(session, "Hello both", "alice@example.com", "Bob <bob@example.com>"));

            assertThat(readInbox(imap, "alice", "secret")).isEqualTo("Hello both | Grüße aus der Anwendung | true\n");
            assertThat(readInbox(imap, "bob", "hunter2")).isEqualTo("Hello both | Grüße aus der Anwendung | true\n");
            assertThat(imap.store().account("alice").orElseThrow().mailbox("INBOX").messages().get(0).bytes())
                    .asString().contains("\r\n.\r\nEnd.");
            assertThat(imap.journal().commands(c -> c.protocol() == ReceivedCommand.Protocol.SMTP))
                    .extracting(ReceivedCommand::name).containsSubsequence("EHLO", "MAIL", "RCPT", "RCPT", "DATA", "QUIT");
        }
    }

    @Test
    void authPlainAndLoginUseTheImapUsersPasswords() throws Exception {
        try (ImapMockServer imap = users().build().start();
             SmtpServer server = SmtpServer.start(imap, SmtpSettings.of(imap.host(), 0))) {
            for (String mechanism : new String[]{"PLAIN", "LOGIN"}) {
                Properties props = smtp(server);
                props.setProperty("mail.smtp.auth", "true");
                props.setProperty("mail.smtp.auth.mechanisms", mechanism);
                Session session = Session.getInstance(props);
                Transport.send(message(session, "Signed " + mechanism, "alice@example.com"), "bob", "hunter2");

                assertThatThrownBy(() -> Transport.send(message(session, "Forged", "alice@example.com"), "bob", "wrong"))
                        .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
            }
            assertThat(readInbox(imap, "alice", "secret")).isEqualTo("""
                    Signed PLAIN | Grüße aus der Anwendung | true
                    Signed LOGIN | Grüße aus der Anwendung | true
                    """);
            assertThat(imap.journal().commands("DATA")).allSatisfy(c -> assertThat(c.user()).isEqualTo("bob"));
            assertThat(imap.journal().commands("AUTH")).extracting(ReceivedCommand::line)
                    .containsExactly("AUTH PLAIN ***", "AUTH PLAIN ***", "AUTH LOGIN", "AUTH LOGIN");
        }
    }

    @Test
    void starttlsIsRequiredByTheClientAndTrustedThroughTheServersOwnCertificate() throws Exception {
        try (ImapMockServer imap = users().tls().build().start();
             SmtpServer server = SmtpServer.start(imap, SmtpSettings.of(imap.host(), 0))) {
            Properties props = smtp(server);
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
            props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            props.setProperty("mail.smtp.auth", "true");
            props.put("mail.smtp.ssl.socketFactory", imap.tls().clientSslContext().getSocketFactory());
            Session session = Session.getInstance(props);
            Transport.send(message(session, "Over TLS", "alice@example.com"), "alice", "secret");

            assertThat(imap.store().account("alice").orElseThrow().mailbox("INBOX").messages().get(0).bytes())
                    .asString().contains("by localhost (ImapMock) with ESMTPSA id c1m1");
            assertThat(imap.journal().commands(c -> c.protocol() == ReceivedCommand.Protocol.SMTP))
                    .extracting(ReceivedCommand::name).containsSubsequence("EHLO", "STARTTLS", "EHLO", "AUTH", "MAIL");
        }
    }

    @Test
    void anUnknownRecipientIsRefusedAndTheOthersStillGetTheMessage() throws Exception {
        try (ImapMockServer imap = users().build().start();
             SmtpServer server = SmtpServer.start(imap, SmtpSettings.of(imap.host(), 0))) {
            Properties props = smtp(server);
            props.setProperty("mail.smtp.sendpartial", "true");
            Session session = Session.getInstance(props);
            assertThatThrownBy(() -> Transport.send(message(session, "Partly", "alice@example.com", "nobody@example.com")))
                    .isInstanceOfSatisfying(SendFailedException.class, e -> {
                        assertThat(e.getInvalidAddresses()).extracting(Address::toString).containsExactly("nobody@example.com");
                        assertThat(e.getValidSentAddresses()).extracting(Address::toString).containsExactly("alice@example.com");
                        assertThat(e.getNextException()).hasMessageContaining("550 5.1.1 No such user: nobody@example.com");
                    });
            assertThat(readInbox(imap, "alice", "secret")).isEqualTo("Partly | Grüße aus der Anwendung | true\n");

            Session strict = Session.getInstance(smtp(server));
            assertThatThrownBy(() -> Transport.send(message(strict, "Nobody", "nobody@example.com")))
                    .isInstanceOf(SendFailedException.class);
            assertThat(imap.store().account("alice").orElseThrow().mailbox("INBOX").messages()).hasSize(1);
        }
    }

    @Test
    void withACatchAllUserUnknownRecipientsReachItsInbox() throws Exception {
        try (ImapMockServer imap = users().build().start();
             SmtpServer server = SmtpServer.start(imap, SmtpSettings.of(imap.host(), 0).withCatchAll("bob"))) {
            Session session = Session.getInstance(smtp(server));
            Transport.send(message(session, "To anyone", "nobody@example.com", "someone@else.example"));

            assertThat(readInbox(imap, "bob", "hunter2")).isEqualTo("To anyone | Grüße aus der Anwendung | true\n");
            assertThat(imap.store().account("alice").orElseThrow().mailbox("INBOX").messages()).isEmpty();
        }
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedAfterItsDataSinceAngusDeclaresNoSize() throws Exception {
        try (ImapMockServer imap = users().build().start();
             SmtpServer server = SmtpServer.start(imap, SmtpSettings.of(imap.host(), 0).withMaxMessageSize(200))) {
            Session session = Session.getInstance(smtp(server));
            MimeMessage big = message(session, "Big", "alice");
            big.setText("x".repeat(500));
            assertThatThrownBy(() -> Transport.send(big)).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("552 5.3.4 Message size exceeds fixed maximum message size (200 octets)");
            assertThat(imap.journal().commands("MAIL")).extracting(ReceivedCommand::arguments)
                    .containsExactly("FROM:<app@example.org>");
            assertThat(imap.journal().commands("DATA")).extracting(c -> c.outcome().code()).containsExactly("552 5.3.4");
            assertThat(imap.store().account("alice").orElseThrow().mailbox("INBOX").messages()).isEmpty();
        }
    }
}
