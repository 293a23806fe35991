package dev.imapmock.compress;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * COMPRESS=DEFLATE (RFC 4978) over the wire: a client that deflates what it sends and inflates
 * what it reads (raw deflate, RFC 1951), over clear TCP and over STARTTLS; the fault effects that
 * shape output on the compressed stream; Angus Mail with {@code mail.imap.compress.enable}; and a
 * server without it, which knows no COMPRESS.
 */
@Timeout(20)
class CompressTest {
    private static final String MESSAGE = "From: bob@example.com\r\nSubject: Squeezed\r\n\r\nHello, hello, hello, hello.\r\n";

    private static ImapMockServer server() {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(Extension.COMPRESS_DEFLATE)
                .build().start();
        server.deliver("alice", "INBOX", MESSAGE.getBytes(StandardCharsets.US_ASCII));
        return server;
    }

    @Test
    void isOffByDefaultAndThenAnUnknownCommand() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(server.extensions()).doesNotContain(Extension.COMPRESS_DEFLATE);
            c.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY %s
                    S: c1 OK Capability completed.
                    C: z1 COMPRESS DEFLATE
                    S: z1 BAD Unknown command COMPRESS
                    """.formatted(Capabilities.AFTER_LOGIN));
            c.assertStillWorks("n1");
        }
    }

    @Test
    void isAdvertisedLastWhenAskedForAndAllowedAfterLoginOnly() throws IOException {
        try (ImapMockServer server = server(); Wire c = new Wire(server)) {
            assertThat(c.readLine()).isEqualTo("* OK [CAPABILITY " + Capabilities.BEFORE_LOGIN
                    .replace(" AUTH=PLAIN", " COMPRESS=DEFLATE AUTH=PLAIN") + "] ImapMock ready.");
            assertThat(c.command("z1", "COMPRESS DEFLATE")).containsExactly(
                    "z1 BAD COMPRESS is not allowed in the not authenticated state");
            c.command("l1", "LOGIN alice secret");
            assertThat(c.command("c1", "CAPABILITY")).containsExactly(
                    "* CAPABILITY " + Capabilities.AFTER_LOGIN + " COMPRESS=DEFLATE", "c1 OK Capability completed.");
            assertThat(c.command("z2", "COMPRESS LZW")).containsExactly(
                    "z2 BAD Unknown compression algorithm LZW; this server offers DEFLATE");
            assertThat(c.command("z3", "COMPRESS")).hasSize(1).first().asString().startsWith("z3 BAD ");
            assertThat(c.command("n1", "NOOP")).containsExactly("n1 OK NOOP completed.");
        }
    }

    @Test
    void afterOkBothDirectionsAreDeflatedAndASecondCompressIsCompressionActive() throws IOException {
        try (ImapMockServer server = server(); Wire c = new Wire(server)) {
            c.readLine();
            c.command("l1", "LOGIN alice secret");
            assertThat(c.command("z1", "compress deflate")).containsExactly("z1 OK DEFLATE active");
            c.compress();
            assertThat(c.command("s1", "SELECT INBOX")).contains("* 1 EXISTS").last().isEqualTo(
                    "s1 OK [READ-WRITE] Select completed.");
            assertThat(c.command("f1", "FETCH 1 BODY.PEEK[]")).containsExactly(
                    "* 1 FETCH (BODY[] {" + MESSAGE.length() + "}", "From: bob@example.com", "Subject: Squeezed", "",
                    "Hello, hello, hello, hello.", ")", "f1 OK Fetch completed.");
            assertThat(c.command("z2", "COMPRESS DEFLATE")).containsExactly(
                    "z2 NO [COMPRESSIONACTIVE] DEFLATE is already active");
            assertThat(c.command("o1", "LOGOUT")).containsExactly("* BYE Logging out", "o1 OK Logout completed.");
            assertThat(server.journal().commands()).extracting(r -> r.name()).containsSubsequence("COMPRESS", "SELECT",
                    "FETCH", "COMPRESS", "LOGOUT");
        }
    }

    @Test
    void aClientThatPipelinesCompressedCommandsRightAfterCompressIsServedInOrder() throws IOException {
        try (ImapMockServer server = server(); Wire c = new Wire(server)) {
            c.readLine();
            c.command("l1", "LOGIN alice secret");
            c.send("z1 COMPRESS DEFLATE");
            c.compressOutput();
            c.send("n1 NOOP");
            assertThat(c.readLine()).isEqualTo("z1 OK DEFLATE active");
            c.compressInput();
            assertThat(c.readLine()).isEqualTo("n1 OK NOOP completed.");
        }
    }

    @Test
    void compressionWorksOverStarttlsWithTlsUnderneath() throws IOException {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").tls()
                .with(Extension.COMPRESS_DEFLATE).build().start(); Wire c = new Wire(server)) {
            c.readLine();
            c.command("t1", "STARTTLS");
            c.secure((SSLSocket) server.tls().clientSslContext().getSocketFactory()
                    .createSocket(c.socket, server.host(), server.port(), true));
            c.command("l1", "LOGIN alice secret");
            assertThat(c.command("z1", "COMPRESS DEFLATE")).containsExactly("z1 OK DEFLATE active");
            c.compress();
            assertThat(c.command("s1", "SELECT INBOX")).contains("* 0 EXISTS");
            assertThat(c.command("t2", "STARTTLS")).containsExactly(
                    "t2 BAD STARTTLS is not allowed in the selected state");
        }
    }

    /**
     * The rules shape the IMAP octets, then each piece is deflated with a SYNC_FLUSH: the client's
     * inflater hands its parser the hostile pieces, and garbage arrives as garbage IMAP inside a
     * valid compressed stream, not as a broken stream.
     */
    @Test
    void outputShapingFaultsActOnTheCompressedStream() throws IOException {
        try (ImapMockServer server = server(); Wire c = new Wire(server)) {
            server.faults().on("FETCH").slice(3, Duration.ofMillis(5));
            server.faults().on("NOOP").garbage("* )(not IMAP\r\n");
            c.readLine();
            c.command("l1", "LOGIN alice secret");
            c.command("z1", "COMPRESS DEFLATE");
            c.compress();
            c.command("s1", "SELECT INBOX");
            c.reads = 0;
            assertThat(c.command("f1", "FETCH 1 (UID)")).containsExactly("* 1 FETCH (UID 1)", "f1 OK Fetch completed.");
            assertThat(c.reads).isGreaterThan(5);
            c.send("n1 NOOP");
            assertThat(c.readLine()).isEqualTo("* )(not IMAP");
            assertThat(c.readLine()).isNull();
        }
    }

    @Test
    void angusMailReadsMessagesOverCompress() throws Exception {
        try (ImapMockServer server = server()) {
            Properties props = Angus.properties(server);
            props.setProperty("mail.imap.compress.enable", "true");
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("alice", "secret");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] messages = inbox.getMessages();
                assertThat(messages).hasSize(1);
                assertThat(messages[0].getSubject()).isEqualTo("Squeezed");
                assertThat(((String) messages[0].getContent()).trim()).isEqualTo("Hello, hello, hello, hello.");
                inbox.close(false);
            } finally {
                store.close();
            }
            assertThat(server.journal().commands()).extracting(r -> r.name()).contains("COMPRESS");
            assertThat(server.journal().commands()).filteredOn(r -> r.name().equals("COMPRESS"))
                    .extracting(r -> r.outcome().status()).containsExactly("OK");
        }
    }

    /** A client speaking the wire by hand: lines in clear, then over TLS, then deflated. */
    private static final class Wire implements AutoCloseable {
        final Socket socket;
        private Socket current;
        private InputStream in;
        private OutputStream out;
        int reads;

        Wire(ImapMockServer server) throws IOException {
            socket = new Socket(server.host(), server.port());
            socket.setSoTimeout(10_000);
            current = socket;
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void secure(SSLSocket tls) throws IOException {
            tls.startHandshake();
            current = tls;
            in = tls.getInputStream();
            out = tls.getOutputStream();
        }

        /** Deflates what is sent and inflates what is read, from now on. */
        void compress() {
            compressOutput();
            compressInput();
        }

        void compressOutput() {
            out = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true), true);
        }

        /** Inflates what is read from now on, counting the reads from the socket. */
        void compressInput() {
            InputStream raw = in;
            InputStream counting = new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    reads++;
                    return raw.read(b, off, len);
                }
            };
            in = new InflaterInputStream(counting, new Inflater(true));
        }

        void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** One line without its CRLF, read octet by octet so nothing after it is taken; null at the end. */
        String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            try {
                while ((b = in.read()) >= 0 && b != '\n') {
                    line.write(b);
                }
            } catch (EOFException e) {
                // The compressed stream ended with the connection, without its final block.
                b = -1;
            }
            if (b < 0 && line.size() == 0) {
                return null;
            }
            String s = line.toString(StandardCharsets.UTF_8);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }

        List<String> command(String tag, String command) throws IOException {
            send(tag + " " + command);
            List<String> lines = new ArrayList<>();
            String line;
            do {
                line = readLine();
                if (line == null) {
                    break;
                }
                lines.add(line);
            } while (!line.startsWith(tag + " "));
            return lines;
        }

        @Override
        public void close() throws IOException {
            current.close();
            socket.close();
        }
    }
}
