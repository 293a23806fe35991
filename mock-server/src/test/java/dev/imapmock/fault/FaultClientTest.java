package dev.imapmock.fault;

import dev.imapmock.ImapMockServer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.StoreEvent;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an application using Angus Mail (Jakarta Mail) sees of each effect. */
@Timeout(30)
class FaultClientTest {
    private static final String BODY = "y".repeat(4000);
    private ImapMockServer server;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
        server.deliver("alice", "INBOX", ("Subject: big\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Store connect(int timeoutMillis) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.imap.connectiontimeout", "5000");
        p.setProperty("mail.imap.timeout", String.valueOf(timeoutMillis));
        Store store = Session.getInstance(p).getStore("imap");
        store.connect(server.host(), server.port(), "alice", "secret");
        return store;
    }

    Store connect() throws MessagingException {
        return connect(10_000);
    }

    Folder inbox(Store store) throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        return inbox;
    }

    @Test
    void loginRefusedCarriesTheTextThenRecovers() throws Exception {
        // Angus Mail logs in with AUTHENTICATE PLAIN when the server offers it, as this one does.
        FaultRule down = server.faults().on("AUTHENTICATE").respond("NO [UNAVAILABLE] Down for maintenance");
        assertThatThrownBy(this::connect).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("Down for maintenance");
        down.remove();
        try (Store store = connect()) {
            assertThat(store.isConnected()).isTrue();
        }
    }

    @Test
    void byeClosesTheFolder() throws Exception {
        try (Store store = connect()) {
            Folder inbox = inbox(store);
            server.faults().on("FETCH").bye("Server shutting down");
            assertThatThrownBy(() -> inbox.getMessage(1).getSubject()).isInstanceOf(FolderClosedException.class);
        }
    }

    @Test
    void disconnectDuringFetchClosesTheFolderAndReconnectingWorks() throws Exception {
        FaultRule cut = server.faults().on("FETCH").inLiteral(1000).disconnect();
        try (Store store = connect()) {
            Folder inbox = inbox(store);
            assertThatThrownBy(() -> inbox.getMessage(1).getContent()).isInstanceOf(MessagingException.class);
        }
        cut.remove();
        try (Store store = connect()) {
            assertThat(inbox(store).getMessage(1).getContent()).asString().startsWith(BODY);
        }
    }

    @Test
    void selectFailureIsAMessagingExceptionWithTheText() throws Exception {
        server.faults().on("SELECT").respond("NO [UNAVAILABLE] Try later");
        try (Store store = connect()) {
            assertThatThrownBy(() -> inbox(store)).isInstanceOf(MessagingException.class).hasMessageContaining("Try later");
        }
    }

    @Test
    void delayIsSlowButCorrect() throws Exception {
        server.faults().on("SELECT").delay(Duration.ofMillis(500));
        try (Store store = connect()) {
            long start = System.nanoTime();
            Folder inbox = inbox(store);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(inbox.getMessageCount()).isEqualTo(1);
        }
    }

    @Test
    void stallMeetsTheClientsReadTimeout() throws Exception {
        try (Store store = connect(500)) {
            Folder inbox = inbox(store);
            server.faults().on("FETCH").stall();
            long start = System.nanoTime();
            assertThatThrownBy(() -> inbox.getMessage(1).getSubject()).isInstanceOf(FolderClosedException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void throttledAndSlicedResponsesReadCorrectly() throws Exception {
        server.faults().on("FETCH").slice(7);
        server.faults().on("FETCH").throttle(20_000);
        try (Store store = connect()) {
            Message m = inbox(store).getMessage(1);
            long start = System.nanoTime();
            assertThat(m.getContent()).asString().startsWith(BODY);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
    }

    @Test
    void injectedAlertReachesStoreListeners() throws Exception {
        BlockingQueue<String> alerts = new ArrayBlockingQueue<>(4);
        try (Store store = connect()) {
            store.addStoreListener(e -> {
                if (e.getMessageType() == StoreEvent.ALERT) {
                    alerts.add(e.getMessage());
                }
            });
            Folder inbox = inbox(store);
            server.faults().on("NOOP").inject("* OK [ALERT] Mailbox almost full");
            inbox.getMessageCount();
            ((org.eclipse.angus.mail.imap.IMAPFolder) inbox).doCommand(p -> {
                p.simpleCommand("NOOP", null);
                return null;
            });
            assertThat(alerts.poll(5, TimeUnit.SECONDS)).isEqualTo("Mailbox almost full");
        }
    }

    @Test
    void pushedExistsDuringIdleIsSeenAsNewMail() throws Exception {
        try (Store store = connect()) {
            org.eclipse.angus.mail.imap.IMAPFolder inbox = (org.eclipse.angus.mail.imap.IMAPFolder) inbox(store);
            BlockingQueue<Integer> added = new ArrayBlockingQueue<>(4);
            inbox.addMessageCountListener(new jakarta.mail.event.MessageCountAdapter() {
                @Override
                public void messagesAdded(jakarta.mail.event.MessageCountEvent e) {
                    added.add(e.getMessages().length);
                }
            });
            Thread idler = new Thread(() -> {
                try {
                    inbox.idle(true);
                } catch (MessagingException ignored) {
                    // Ends with the test.
                }
            });
            idler.start();
            server.journal().awaitCommand("SELECT", Duration.ofSeconds(5));
            server.deliver("alice", "INBOX", "Subject: new\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(added.poll(5, TimeUnit.SECONDS)).isEqualTo(1);
            idler.join(5000);
        }
    }

    @Test
    void connectionDroppedDuringIdleEndsIdleWithAnException() throws Exception {
        server.faults().onIdle(Duration.ofMillis(100)).disconnect();
        try (Store store = connect()) {
            org.eclipse.angus.mail.imap.IMAPFolder inbox = (org.eclipse.angus.mail.imap.IMAPFolder) inbox(store);
            assertThatThrownBy(inbox::idle).isInstanceOf(FolderClosedException.class);
        }
    }

    @Test
    void garbageBreaksTheConnection() throws Exception {
        server.faults().on("FETCH").garbage("* 1 FETCH (BODY[] {99999}\r\nshort");
        try (Store store = connect()) {
            Folder inbox = inbox(store);
            assertThatThrownBy(() -> inbox.getMessage(1).getContent()).isInstanceOf(MessagingException.class);
        }
    }

    @Test
    void overQuotaAppendIsRefusedWithTheText() throws Exception {
        server.faults().on("APPEND").overQuota();
        try (Store store = connect()) {
            Folder inbox = store.getFolder("INBOX");
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream("Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII)));
            assertThatThrownBy(() -> inbox.appendMessages(new Message[] {m}))
                    .isInstanceOf(MessagingException.class).hasMessageContaining("Quota exceeded");
        }
    }

    @Test
    void uidValidityResetIsVisibleToTheClient() throws Exception {
        long before;
        try (Store store = connect()) {
            before = ((UIDFolder) inbox(store)).getUIDValidity();
        }
        server.faults().on("SELECT").once().bumpUidValidity();
        try (Store store = connect()) {
            assertThat(((UIDFolder) inbox(store)).getUIDValidity()).isNotEqualTo(before);
        }
    }

    @Test
    void greetingByeFailsTheConnect() {
        server.faults().onGreeting().bye("Too many connections");
        assertThatThrownBy(this::connect).isInstanceOf(MessagingException.class);
    }

    @Test
    void autologoutClosesTheStoreOfASilentClient() throws Exception {
        FaultRule autologout = server.faults().autologoutAfter(Duration.ofMillis(300));
        try (Store store = connect()) {
            Folder inbox = inbox(store);
            FaultTranscriptTest.awaitFired(autologout, 1);
            assertThatThrownBy(() -> inbox.getMessage(1).getContent()).isInstanceOfAny(FolderClosedException.class,
                    StoreClosedException.class);
        }
    }

    @Test
    void resetDuringFetchIsAnErrorAndReconnectingWorks() throws Exception {
        FaultRule reset = server.faults().on("FETCH").inLiteral(100).reset();
        try (Store store = connect()) {
            Folder inbox = inbox(store);
            assertThatThrownBy(() -> inbox.getMessage(1).getContent()).isInstanceOf(MessagingException.class);
        }
        reset.remove();
        try (Store store = connect()) {
            assertThat(inbox(store).getMessage(1).getContent()).asString().startsWith(BODY);
        }
    }

    @Test
    void aMailboxThatDisappearsCannotBeOpened() throws Exception {
        server.store().account("alice").orElseThrow().create("Work");
        server.faults().on("STATUS").mailbox("Work").removeMailbox();
        try (Store store = connect()) {
            Folder work = store.getFolder("Work");
            assertThat(work.exists()).isTrue();
            assertThatThrownBy(work::getMessageCount).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("NONEXISTENT");
            assertThat(store.getFolder("Work").exists()).isFalse();
            assertThatThrownBy(() -> work.open(Folder.READ_WRITE)).isInstanceOf(MessagingException.class);
        }
    }

    @Test
    void connectionsAfterTheLimitAreRefused() throws Exception {
        server.faults().refuseConnectionsAfter(1);
        try (Store first = connect()) {
            assertThat(first.isConnected()).isTrue();
            assertThatThrownBy(this::connect).isInstanceOf(MessagingException.class);
        }
    }

    @Test
    void aDelayedGreetingIsWaitedFor() throws Exception {
        server.faults().onGreeting().delay(Duration.ofMillis(300));
        long start = System.nanoTime();
        try (Store store = connect()) {
            assertThat(store.isConnected()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }
}
