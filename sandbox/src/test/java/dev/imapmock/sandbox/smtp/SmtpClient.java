package dev.imapmock.sandbox.smtp;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw SMTP client for transcript tests. {@link #play} takes the readable form
 * <pre>
 * C: EHLO client.example
 * S: 250-localhost greets client.example
 * S~ 250 .*
 * </pre>
 * where {@code S:} is an exact line and {@code S~} a regular expression. Consecutive {@code C:} lines
 * are sent in one write, so a script pipelines simply by listing several commands before their replies.
 */
final class SmtpClient implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    SmtpClient(String host, int port) {
        try {
            socket = new Socket(host, port);
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SmtpClient connect(SmtpServer server) {
        SmtpClient client = new SmtpClient(server.host(), server.port());
        client.play("S: 220 localhost ESMTP ImapMock ready");
        return client;
    }

    void play(String script) {
        List<String> pending = new ArrayList<>();
        for (String line : script.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            String kind = line.substring(0, 2);
            String text = line.length() > 3 ? line.substring(3) : "";
            if (kind.equals("C:")) {
                pending.add(text);
                continue;
            }
            sendLines(pending);
            pending.clear();
            String got = readLine();
            switch (kind) {
                case "S:" -> assertThat(got).as("server line").isEqualTo(text);
                case "S~" -> assertThat(got).as("server line").matches(text);
                default -> throw new IllegalArgumentException("Not a transcript line: " + line);
            }
        }
        sendLines(pending);
    }

    private void sendLines(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder all = new StringBuilder();
        for (String line : lines) {
            all.append(line).append("\r\n");
        }
        send(all.toString());
    }

    /** Sends these characters as they are (ISO-8859-1, so any octet can be written). */
    void send(String raw) {
        try {
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line from the server without its CRLF, which must be there. */
    String readLine() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new AssertionError("The server closed the connection; got so far: " + line);
                }
                line.write(b);
            }
            byte[] bytes = line.toByteArray();
            assertThat(bytes).as("line ends with CRLF").isNotEmpty().endsWith((byte) '\r');
            return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the server closed the connection (after QUIT, say). */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    void startTls(SSLContext trust) {
        try {
            SSLSocket secure = (SSLSocket) trust.getSocketFactory()
                    .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
            secure.startHandshake();
            socket = secure;
            in = secure.getInputStream();
            out = secure.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closed already.
        }
    }
}
