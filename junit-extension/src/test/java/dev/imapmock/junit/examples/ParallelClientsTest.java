package dev.imapmock.junit.examples;

import dev.imapmock.ImapMockServer;
import dev.imapmock.junit.ImapAssertions;
import dev.imapmock.junit.ImapServer;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs concurrently in the module's own build (see junit-platform.properties): each test has its own server. */
@Timeout(30)
// tag::parallel[]
@Execution(ExecutionMode.CONCURRENT)
@ImapServer(users = "alice:secret", fixtures = "mail/alice")
class ParallelClientsTest {

    @RepeatedTest(8)
    void eachTestSeesOnlyItsOwnMail(ImapMockServer server) throws MessagingException {
        server.deliver("alice", "INBOX", "Subject: mine\r\n\r\nonly here\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(countInbox(server)).isEqualTo(4);
        ImapAssertions.assertThat(server.journal()).receivedTimes("EXAMINE", 1);
    }
    // end::parallel[]

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5})
    void deliveriesAddUp(int deliveries, ImapMockServer server) throws MessagingException {
        for (int i = 0; i < deliveries; i++) {
            server.deliver("alice", "INBOX", ("Subject: " + i + "\r\n\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(countInbox(server)).isEqualTo(3 + deliveries);
    }

    static int countInbox(ImapMockServer server) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.port(), "alice", "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getMessageCount();
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }
}
