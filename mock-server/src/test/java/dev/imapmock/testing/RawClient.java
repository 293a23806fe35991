package dev.imapmock.testing;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw IMAP connection for transcript tests: sends exact bytes and reads exact lines. Scripts
 * use the readable form {@code C: line} for what the client sends and {@code S: line} for the
 * line the server must answer, or {@code S~ regex} where a value varies (UIDVALIDITY, dates).
 */
public final class RawClient implements AutoCloseable {
    private final String host;
    private Socket socket;
    private InputStream in;
    private static final Pattern LITERAL_AT_END = Pattern.compile("\\{(\\d+)\\}$");

    private OutputStream out;

    public RawClient(String host, int port) {
        this.host = host;
        try {
            socket = new Socket(host, port);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects with TLS from the first octet (implicit TLS, RFC 8314), trusting what {@code context} trusts. */
    public static RawClient tls(String host, int port, SSLContext context) {
        RawClient c = new RawClient(host, port);
        c.handshake(context);
        return c;
    }

    /**
     * Starts TLS on this connection, in place, as a client does after STARTTLS's OK: the next
     * octets sent are the ClientHello. Fails when the server sent anything in clear after its OK.
     */
    public RawClient startTls(SSLContext context) {
        try {
            int early = in.available();
            if (early > 0) {
                throw new AssertionError("The server sent " + early + " octets in clear before the TLS handshake");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return handshake(context);
    }

    private RawClient handshake(SSLContext context) {
        try {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, host, socket.getPort(), true);
            tls.setUseClientMode(true);
            tls.startHandshake();
            socket = tls;
            in = new BufferedInputStream(tls.getInputStream());
            out = tls.getOutputStream();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The TLS session, once TLS began; null before. */
    public SSLSession tlsSession() {
        return socket instanceof SSLSocket tls ? tls.getSession() : null;
    }

    /** Connects and reads the greeting. */
    public static RawClient connect(dev.imapmock.ImapMockServer server) {
        RawClient c = new RawClient(server.host(), server.port());
        assertThat(c.readLine()).startsWith("* OK [CAPABILITY IMAP4rev1 ");
        return c;
    }

    /** Connects, reads the greeting and logs in. */
    public static RawClient login(dev.imapmock.ImapMockServer server, String user, String password) {
        RawClient c = connect(server);
        c.send("L0 LOGIN " + user + " " + password);
        c.readUntilTagged("L0");
        return c;
    }

    /** Sends {@code line} and CRLF. */
    public RawClient send(String line) {
        return sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public RawClient sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one line without CRLF; null at end of stream. */
    public String readLine() {
        return readLine(StandardCharsets.UTF_8);
    }

    private String readLine(java.nio.charset.Charset charset) {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    byte[] b = line.toByteArray();
                    int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                    return new String(b, 0, len, charset);
                }
                line.write(c);
            }
            return line.size() == 0 ? null : line.toString(charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one response line with the literals it announces inlined: a line ending in
     * {@code {n}} is followed by n octets and then the rest of the response. Returns the bytes
     * without the final CRLF (decoded as ISO-8859-1, one char per octet); null at end of stream.
     */
    public String readResponse() {
        StringBuilder response = new StringBuilder();
        while (true) {
            String line = readLatin1Line();
            if (line == null) {
                return response.length() == 0 ? null : response.toString();
            }
            response.append(line);
            java.util.regex.Matcher literal = LITERAL_AT_END.matcher(line);
            if (!literal.find()) {
                return response.toString();
            }
            response.append("\r\n")
                    .append(new String(readBytes(Integer.parseInt(literal.group(1))), StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * Sends {@code tag command} and returns every response up to the tagged one, literals inlined
     * as {@link #readResponse()} does.
     */
    public List<String> exchange(String tag, String command) {
        send(tag + " " + command);
        List<String> responses = new ArrayList<>();
        while (true) {
            String response = readResponse();
            if (response == null) {
                throw new AssertionError("Connection closed before the response of " + tag + "; got " + responses);
            }
            responses.add(response);
            if (response.startsWith(tag + " ")) {
                return responses;
            }
        }
    }

    private String readLatin1Line() {
        return readLine(StandardCharsets.ISO_8859_1);
    }

    /** Reads exactly n octets (the body of a literal). */
    public byte[] readBytes(int n) {
        try {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads lines up to and including the tagged response of {@code tag}. */
    public List<String> readUntilTagged(String tag) {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new AssertionError("Connection closed before the response of " + tag + "; got " + lines);
            }
            lines.add(line);
            if (line.startsWith(tag + " ")) {
                return lines;
            }
        }
    }

    /** Sends {@code tag command} and returns every line up to its tagged response. */
    public List<String> command(String tag, String command) {
        send(tag + " " + command);
        return readUntilTagged(tag);
    }

    /** True when the server closed the connection (reads until end of stream). */
    public boolean closedByServer() {
        try {
            return in.read() == -1;
        } catch (IOException e) {
            return true;
        }
    }

    /** Sets how long a read may wait before failing with a {@link java.net.SocketTimeoutException}. */
    public RawClient soTimeout(int millis) {
        try {
            socket.setSoTimeout(millis);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every octet until the server closes, as ISO-8859-1 text (CR and LF kept). */
    public String readToEnd() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) != -1) {
                all.write(buf, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("The server did not close; got " + all.toString(StandardCharsets.ISO_8859_1), e);
        } catch (IOException e) {
            // A reset ends the stream as well.
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Plays a script: {@code C: } lines are sent, {@code S: } lines must arrive exactly,
     * {@code S~ } lines must match the regex. Blank lines and lines starting with {@code #} are
     * skipped. Trailing spaces are kept, so {@code S: +\s} in a text block expects {@code "+ "}.
     */
    public void play(String script) {
        for (String raw : script.strip().split("\n")) {
            String line = raw.stripLeading();
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String body = line.length() > 3 ? line.substring(3) : "";
            if (line.startsWith("C: ")) {
                send(body);
            } else if (line.startsWith("S: ")) {
                assertThat(readLine()).as("server line").isEqualTo(body);
            } else if (line.startsWith("S~ ")) {
                assertThat(readLine()).as("server line").matches(Pattern.compile(body));
            } else {
                throw new IllegalArgumentException("Script lines start with C:, S: or S~ : " + line);
            }
        }
    }

    /**
     * Sends {@code tag NOOP} and checks it completes with OK: the proof that the connection is
     * still usable and in step after an error. Returns the lines up to the tagged OK.
     */
    public List<String> assertStillWorks(String tag) {
        List<String> lines = command(tag, "NOOP");
        assertThat(lines.get(lines.size() - 1)).as("answer to NOOP").isEqualTo(tag + " OK NOOP completed.");
        return lines;
    }

    /** Reads lines until one equals {@code expected}; returns every line read, that one last. */
    public List<String> readUntilLine(String expected) {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new AssertionError("Connection closed before \"" + expected + "\"; got " + lines);
            }
            lines.add(line);
            if (line.equals(expected)) {
                return lines;
            }
        }
    }

    /** Sends ASCII text exactly as given, without a line end: half a command, a literal's octets. */
    public RawClient sendAscii(String text) {
        return sendRaw(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }
}
