package example;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mail.dsl.Mail;

/** Reads the inbox named by {@code mail.imap-url} with IMAP IDLE and puts each new message on {@code inbox}. */
@SpringBootApplication
public class MailApplication {

    public static void main(String[] args) {
        SpringApplication.run(MailApplication.class, args);
    }

    @Bean
    QueueChannel inbox() {
        return new QueueChannel();
    }

    @Bean
    IntegrationFlow readInbox(@Value("${mail.imap-url}") String url, QueueChannel inbox) {
        return IntegrationFlow
                .from(Mail.imapIdleAdapter(url)
                        .shouldDeleteMessages(false)
                        .shouldMarkMessagesAsRead(true)
                        .autoStartup(true))
                .channel(inbox)
                .get();
    }
}
