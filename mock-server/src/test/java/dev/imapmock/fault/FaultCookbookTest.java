package dev.imapmock.fault;

import dev.imapmock.ImapMockServer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scenarios of docs/faults.md, compiled and run: the snippets between {@code tag::} and
 * {@code end::} are what the page shows.
 */
@Timeout(30)
class FaultCookbookTest {
    private ImapMockServer server;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").faultSeed(42).build().start();
        server.deliver("alice", "INBOX", ("Subject: hello\r\n\r\n" + "z".repeat(20_000)).getBytes(StandardCharsets.US_ASCII));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Store connect(int readTimeoutMillis) throws MessagingException {
        Properties props = new Properties();
        props.setProperty("mail.imap.timeout", String.valueOf(readTimeoutMillis));
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(server.host(), server.port(), "alice", "secret");
        return store;
    }

    private Folder openInbox(Store store) throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        return inbox;
    }

    @Test
    void flakyNetwork() throws Exception {
        // tag::flaky-network[]
        server.faults().on("*").probability(0.3).delay(Latency.logNormal(Duration.ofMillis(20), 0.8));
        FaultRule cut = server.faults().on("FETCH").inLiteral(5_000).disconnect();   // cut the link mid-message

        try (Store store = connect(5_000)) {
            Folder inbox = openInbox(store);
            assertThatThrownBy(() -> inbox.getMessage(1).getContent()).isInstanceOf(FolderClosedException.class);
        }
        cut.remove();                                                                    // heal it
        try (Store store = connect(5_000)) {
            assertThat(openInbox(store).getMessage(1).getSubject()).isEqualTo("hello");  // the app recovers
        }
        // end::flaky-network[]
    }

    @Test
    void serverUnderMaintenance() throws Exception {
        // tag::maintenance[]
        // Angus Mail authenticates with AUTHENTICATE PLAIN; other clients send LOGIN.
        FaultRule down = server.faults().on("AUTHENTICATE").respond("NO [UNAVAILABLE] Down for maintenance");

        assertThatThrownBy(() -> connect(5_000))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("Down for maintenance");
        down.remove();
        try (Store store = connect(5_000)) {
            assertThat(store.isConnected()).isTrue();
        }
        // end::maintenance[]
    }

    @Test
    void quotaExceeded() throws Exception {
        // tag::quota[]
        server.faults().on("APPEND").mailbox("INBOX").overQuota();

        try (Store store = connect(5_000)) {
            MimeMessage draft = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream("Subject: draft\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII)));
            assertThatThrownBy(() -> store.getFolder("INBOX").appendMessages(new Message[] {draft}))
                    .hasMessageContaining("Quota exceeded");
        }
        assertThat(server.journal().awaitCommand("APPEND", Duration.ofSeconds(5)).outcome().code()).isEqualTo("OVERQUOTA");
        // end::quota[]
    }

    @Test
    void uidValidityReset() throws Exception {
        // tag::uidvalidity[]
        long before;
        try (Store store = connect(5_000)) {
            before = ((UIDFolder) openInbox(store)).getUIDValidity();
        }
        server.faults().on("SELECT").once().bumpUidValidity();   // the server "lost" its UIDs

        try (Store store = connect(5_000)) {
            UIDFolder inbox = (UIDFolder) openInbox(store);
            assertThat(inbox.getUIDValidity()).isNotEqualTo(before);   // the app must resync from scratch
            assertThat(inbox.getMessageByUID(1).getSubject()).isEqualTo("hello");
        }
        // end::uidvalidity[]
    }

    @Test
    void slowLargeFetch() throws Exception {
        // tag::slow-fetch[]
        server.faults().on("FETCH").throttle(50_000);   // 50 kB/s
        server.faults().on("FETCH").slice(512);         // in small writes, cut between CR and LF

        try (Store store = connect(5_000)) {
            Message message = openInbox(store).getMessage(1);
            long start = System.nanoTime();
            assertThat((String) message.getContent()).hasSize(20_000);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(300));
        }
        // end::slow-fetch[]
    }

    @Test
    void connectionDroppedDuringIdle() throws Exception {
        // tag::idle-drop[]
        server.faults().onIdle(Duration.ofMillis(200)).bye("Server restarting");

        try (Store store = connect(5_000)) {
            IMAPFolder inbox = (IMAPFolder) openInbox(store);
            assertThatThrownBy(inbox::idle).isInstanceOf(FolderClosedException.class);
        }
        try (Store store = connect(5_000)) {                 // the reconnect works
            assertThat(openInbox(store).getMessageCount()).isEqualTo(1);
        }
        server.faults().assertAllFired();
        // end::idle-drop[]
    }

    @Test
    void stalledServerMeetsTheClientTimeout() throws Exception {
        // tag::stall[]
        try (Store store = connect(500)) {                    // mail.imap.timeout = 500 ms
            Folder inbox = openInbox(store);
            FaultRule hang = server.faults().on("FETCH").stall();
            assertThatThrownBy(() -> inbox.getMessage(1).getSubject()).isInstanceOf(FolderClosedException.class);
            hang.remove();                                    // releases the stalled connection too
        }
        // end::stall[]
    }
}
