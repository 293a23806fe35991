package dev.imapmock.extension;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.Angus;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.FetchItem;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.util.MailLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BINARY with a real client. Angus Mail 2.0.5 never asks for BINARY by itself (its IMAPMessage
 * and IMAPBodyPart read content with BODY.PEEK and decode it on the client), so the test teaches
 * it the item through Angus's own extension hook for FETCH items ({@link FetchItem}, the way its
 * Gmail provider adds X-GM-LABELS): Angus then sends {@code FETCH n (BINARY[part])}, parses the
 * literal8 answer with its own response reader, and keeps the octets with the message.
 */
@Timeout(20)
class BinaryAngusTest {

    /** {@code BINARY[part]}: its value is the literal or literal8 that follows, as raw octets. */
    private static FetchItem binary(String part) {
        return new FetchItem("BINARY[" + part + "]", null) {
            @Override
            public Object parseItem(FetchResponse r) {
                r.skipSpaces();
                if (r.peekByte() == '~') {
                    r.readByte();
                }
                return r.readByteArray().getNewBytes();
            }
        };
    }

    private static final FetchItem QUOTED_PRINTABLE_PART = binary("1");
    private static final FetchItem BASE64_PART = binary("2");

    /** Angus's IMAP store with the two BINARY items registered in its protocol. */
    static final class BinaryStore extends IMAPStore {
        BinaryStore(Session session) {
            super(session, new URLName("imap", null, -1, null, null, null));
        }

        @Override
        protected IMAPProtocol newIMAPProtocol(String host, int port) throws IOException, ProtocolException {
            return new IMAPProtocol("imap", host, port, session.getProperties(), false,
                    new MailLogger(BinaryStore.class, "DEBUG IMAP", false, System.out)) {
                @Override
                public FetchItem[] getFetchItems() {
                    return new FetchItem[] {QUOTED_PRINTABLE_PART, BASE64_PART};
                }
            };
        }
    }

    @Test
    void angusFetchesABase64AttachmentAndAQuotedPrintablePartDecodedThroughBinary() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            server.deliver("alice", "INBOX", BinaryTest.MIXED.getBytes(StandardCharsets.UTF_8));
            IMAPStore store = new BinaryStore(Session.getInstance(Angus.properties(server)));
            store.connect("alice", "secret");
            try {
                assertThat(store.hasCapability("BINARY")).isTrue();
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                IMAPMessage message = (IMAPMessage) inbox.getMessage(1);

                assertThat((byte[]) message.getItem(BASE64_PART)).isEqualTo(BinaryTest.ATTACHMENT);
                assertThat(new String((byte[]) message.getItem(QUOTED_PRINTABLE_PART), StandardCharsets.UTF_8))
                        .isEqualTo("caf\u00e9 softbreak = end");
                assertThat(message.isSet(Flags.Flag.SEEN)).as("BINARY without PEEK sets \\Seen").isTrue();
                inbox.close(false);
            } finally {
                store.close();
            }
            List<String> fetches = server.journal().commands().stream()
                    .filter(c -> c.name().equals("FETCH")).map(ReceivedCommand::arguments).toList();
            assertThat(fetches).contains("1 (BINARY[2])", "1 (BINARY[1])");
        }
    }

    @Test
    void angusReadsTheSameContentThroughBodyAndDecodesItItself() throws MessagingException, IOException {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            server.deliver("alice", "INBOX", BinaryTest.MIXED.getBytes(StandardCharsets.UTF_8));
            var store = Angus.connect(server, "alice", "secret");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                var multipart = (jakarta.mail.Multipart) inbox.getMessage(1).getContent();
                assertThat(multipart.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(BinaryTest.ATTACHMENT);
                assertThat(multipart.getBodyPart(0).getContent()).isEqualTo("caf\u00e9 softbreak = end");
                inbox.close(false);
            } finally {
                store.close();
            }
            assertThat(server.journal().commands().stream().map(ReceivedCommand::arguments))
                    .noneMatch(a -> a != null && a.contains("BINARY"));
        }
    }
}
