package dev.imapmock.check;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import dev.imapmock.testing.RawClient;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static dev.imapmock.check.CheckFixtures.rules;
import static dev.imapmock.check.CheckFixtures.selected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code headers-after-full-body} and {@code full-body-refetched}: whole messages downloaded and
 * then asked for again on the same connection, over a raw socket, both ways; and Angus Mail's
 * default reading of messages, which never downloads a whole message, shows neither.
 */
@Timeout(20)
class FullBodyChecksTest {

    private static ImapMockServer server() {
        return CheckFixtures.started(ImapMockServer.builder().user("alice", "secret"), 3, "From: a@example.com\r\n");
    }


    @Test
    void theEnvelopeOfAMessageDownloadedWholeIsWastefulWithTheDownloadAsCommand() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.exchange("f1", "FETCH 1:3 (BODY.PEEK[])");
            c.command("f2", "FETCH 2 (ENVELOPE)");
            c.command("f3", "FETCH 3 (BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
            assertThat(rules(server)).containsExactly("headers-after-full-body");
            Finding f = server.clientReport().get(0);
            assertThat(f.command()).isEqualTo("f1 FETCH 1:3 (BODY.PEEK[])");
            assertThat(f.count()).isEqualTo(2);
            assertThat(f.rfc()).isEqualTo("RFC 3501 §6.4.5");
        }
    }

    @Test
    void bodystructureByUidAfterRfc822ByUidIsWasteful() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.exchange("f1", "UID FETCH 1 RFC822");
            c.command("f2", "UID FETCH 1 (BODYSTRUCTURE)");
            assertThat(rules(server)).containsExactly("headers-after-full-body");
        }
    }

    @Test
    void headersFirstThenTheWholeMessageOrAPartialOrAnotherMessageIsFine() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.command("f1", "FETCH 1 (ENVELOPE BODYSTRUCTURE)");
            c.exchange("f2", "FETCH 1 (BODY.PEEK[])");
            c.exchange("f3", "FETCH 2 (BODY.PEEK[]<0.10> BODY.PEEK[TEXT])");
            c.command("f4", "FETCH 2 (ENVELOPE)");
            c.command("f5", "FETCH 3 (ENVELOPE)");
            c.command("f6", "FETCH 1 (FLAGS RFC822.SIZE)");
            assertThat(server.clientReport()).isEmpty();
        }
    }

    @Test
    void aMessageDownloadedInChunksFromItsStartToAShortOneIsWholeAndAGapIsNot() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.exchange("f1", "FETCH 1 (BODY.PEEK[]<0.20>)");
            c.exchange("f2", "FETCH 1 (BODY.PEEK[]<20.100>)");
            c.exchange("g1", "FETCH 2 (BODY.PEEK[]<0.20>)");
            c.exchange("g2", "FETCH 2 (BODY.PEEK[]<30.100>)");
            c.command("e1", "FETCH 2 (ENVELOPE)");
            assertThat(server.clientReport()).isEmpty();
            c.command("e2", "FETCH 1 (ENVELOPE)");
            assertThat(rules(server)).containsExactly("headers-after-full-body");
            assertThat(server.clientReport().get(0).command()).isEqualTo("f2 FETCH 1 (BODY.PEEK[]<20.100>)");
        }
    }

    @Test
    void theWholeMessageAndItsEnvelopeInOneCommandIsFine() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.exchange("f1", "FETCH 1 (ENVELOPE BODY.PEEK[])");
            assertThat(server.clientReport()).isEmpty();
        }
    }

    @Test
    void aUidAndASequenceNumberOfOneMessageAreNotMatched() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.exchange("f1", "UID FETCH 1 (BODY.PEEK[])");
            c.command("f2", "FETCH 1 (ENVELOPE)");
            assertThat(server.clientReport()).isEmpty();
        }
    }

    @Test
    void anExpungeForgetsSequenceNumbersAndReselectingForgetsEverything() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.exchange("f1", "FETCH 2 (BODY.PEEK[])");
            c.exchange("u1", "UID FETCH 3 (BODY.PEEK[])");
            c.command("d1", "STORE 1 +FLAGS (\\Deleted)");
            c.command("x1", "EXPUNGE");
            c.command("f2", "FETCH 2 (ENVELOPE)");
            assertThat(server.clientReport()).as("message 2 is now another message").isEmpty();
            c.command("s1", "SELECT INBOX");
            c.command("u2", "UID FETCH 3 (ENVELOPE)");
            assertThat(rules(server)).containsExactly("reselect");
        }
    }

    @Test
    void theSameWholeMessageDownloadedTwiceIsWastefulAndOnANewConnectionIsNot() {
        try (ImapMockServer server = server()) {
            try (RawClient c = selected(server)) {
                c.exchange("f1", "FETCH 1 (BODY.PEEK[])");
                c.command("a1", "LOGOUT");
            }
            try (RawClient c = selected(server)) {
                c.exchange("f2", "FETCH 1 (BODY.PEEK[])");
                assertThat(server.clientReport()).isEmpty();
                c.exchange("f3", "FETCH 1 (BINARY.PEEK[])");
                assertThat(rules(server)).containsExactly("full-body-refetched");
                assertThat(server.clientReport().get(0).command()).isEqualTo("f2 FETCH 1 (BODY.PEEK[])");
                assertThat(server.clientReport().get(0).connection()).isEqualTo(2);
            }
        }
    }

    @Test
    void angusMailReadingEnvelopesContentAndHeadersDownloadsNoWholeMessage() throws Exception {
        try (ImapMockServer server = server()) {
            Store store = Angus.connect(server, "alice", "secret");
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            inbox.fetch(messages, profile);
            for (Message m : messages) {
                assertThat(m.getSubject()).startsWith("m");
                assertThat(m.getContent().toString()).startsWith("body");
                assertThat(m.getHeader("From")).containsExactly("a@example.com");
            }
            inbox.close(false);
            store.close();
            assertThat(server.clientReport().wasteful()).isEmpty();
            assertThat(server.clientReport().violations()).isEmpty();
        }
    }

    @Test
    void angusMailAskingTheSubjectOfAMessageItWroteOutWholeIsHeadersAfterFullBody() throws Exception {
        try (ImapMockServer server = server()) {
            Store store = Angus.connect(server, "alice", "secret");
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message first = inbox.getMessage(1);
            java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
            first.writeTo(copy);
            assertThat(copy.toString(StandardCharsets.US_ASCII)).contains("body 1");
            assertThat(first.getSubject()).isEqualTo("m1");
            inbox.close(false);
            store.close();
            assertThat(server.clientReport().wasteful()).extracting(Finding::rule)
                    .containsExactly("headers-after-full-body");
        }
    }
}
