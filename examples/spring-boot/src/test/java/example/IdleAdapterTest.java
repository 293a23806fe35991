package example;

import dev.imapmock.ImapMockServer;
import dev.imapmock.junit.ImapAssertions;
import dev.imapmock.junit.ImapServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.messaging.Message;

import java.nio.charset.StandardCharsets;

import static dev.imapmock.junit.ImapAssertions.command;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's IMAP IDLE adapter against a server from {@code @ImapServer}: mail delivered while
 * the application runs reaches its channel, and the adapter used IDLE to wait for it.
 */
@Timeout(60)
@ImapServer(users = "alice:secret")
class IdleAdapterTest {

    @Test
    void mailDeliveredDuringIdleReachesTheChannel(ImapMockServer server) throws Exception {
        String url = "imap://alice:secret@127.0.0.1:" + server.port() + "/INBOX";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MailApplication.class)
                .properties("mail.imap-url=" + url, "spring.main.banner-mode=off")
                .run()) {
            QueueChannel inbox = app.getBean("inbox", QueueChannel.class);

            // The adapter may be searching or already idling: either way the message must arrive. (The
            // journal records IDLE when it ends, so the test cannot wait for the idle state itself.)
            server.deliver("alice", "INBOX", ("From: bob@example.org\r\nTo: alice@example.org\r\n"
                    + "Subject: Order shipped\r\n\r\nOn its way.\r\n").getBytes(StandardCharsets.US_ASCII));

            Message<?> received = inbox.receive(30_000);
            assertThat(received).as("a message on the inbox channel").isNotNull();
            assertThat(((MimeMessage) received.getPayload()).getSubject()).isEqualTo("Order shipped");
        }

        // Closing the application ends the adapter's IDLE with DONE, so the journal has it now.
        ImapAssertions.assertThat(server.journal())
                .received(command("IDLE").byUser("alice"))
                .received(command("FETCH").byUser("alice"))
                .hasNoRejectedCommands();
    }
}
