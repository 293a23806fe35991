package dev.imapmock.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import javax.net.SocketFactory;
import java.nio.charset.StandardCharsets;

/**
 * The smallest IMAP client that can drive every server the same way: it sends a command and
 * reads to its tagged reply, skipping literals, so the figures measure the server, not a client
 * library. {@link #parse} is the other mode: it reads the literals and splits the responses into
 * values as a mail client must (see {@link ResponseParser}).
 *
 * <p>Every read times out (the socket's SO_TIMEOUT, 60 s unless given), so a reply that never
 * comes fails the workload instead of stalling the run.
 */
final class RawImap implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** Default read timeout: far above the slowest single reply of a full run (about 2 s). */
    static final int TIMEOUT_MILLIS = 60_000;
    private byte[] line = new byte[64 * 1024];
    private final byte[] buffer = new byte[64 * 1024];
    private int bufferPos;
    private int bufferEnd;
    private int lineLength;
    private int tags;
    private final boolean literalPlus;
    private String capabilities;
    /** False while {@link #capabilities} is a greeting without a capability list (GreenMail's). */
    private boolean capabilitiesListed;
    private String lastTagged = "";
    private final ResponseParser parser = new ResponseParser();

    RawImap(int port) throws IOException {
        this(port, TIMEOUT_MILLIS);
    }

    RawImap(int port, int timeoutMillis) throws IOException {
        this(port, timeoutMillis, SocketFactory.getDefault());
    }

    /** Over the sockets of {@code factory}: an {@code SSLSocketFactory} for implicit TLS. */
    RawImap(int port, int timeoutMillis, SocketFactory factory) throws IOException {
        socket = factory.createSocket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        in = socket.getInputStream();
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        readLine();
        capabilities = text();
        capabilitiesListed = capabilities.contains("[CAPABILITY ");
        literalPlus = capabilities.contains("LITERAL+");
    }

    static RawImap login(int port, String user, String password) throws IOException {
        return login(port, user, password, TIMEOUT_MILLIS);
    }

    static RawImap login(int port, String user, String password, int timeoutMillis) throws IOException {
        RawImap c = new RawImap(port, timeoutMillis);
        try {
            c.command("LOGIN " + user + " " + password);
        } catch (IOException e) {
            c.close();
            throw e;
        }
        // Dovecot's greeting lists the pre-login capabilities, its LOGIN OK the full set.
        if (c.lastTagged.contains("[CAPABILITY ")) {
            c.capabilities = c.lastTagged;
            c.capabilitiesListed = true;
        }
        return c;
    }

    /** Sends a command, reads to its tagged reply and returns the octets of the response. */
    long command(String command) throws IOException {
        String tag = "t" + (++tags);
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readResponse(tag);
    }

    /**
     * APPEND as mail clients send it: with a non-synchronizing literal when the greeting
     * advertises LITERAL+ (Angus Mail does the same), else waiting for the continuation.
     */
    long append(String mailbox, byte[] message) throws IOException {
        String tag = "t" + (++tags);
        out.write((tag + " APPEND " + mailbox + " {" + message.length + (literalPlus ? "+" : "") + "}\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        if (!literalPlus) {
            out.flush();
            readLine();
            if (lineLength == 0 || line[0] != '+') {
                throw new IOException("Expected a continuation, got: " + text());
            }
        }
        out.write(message);
        out.write('\r');
        out.write('\n');
        out.flush();
        return readResponse(tag);
    }

    /**
     * Sends every command at once, then reads their replies in order (RFC 3501 §5.5 lets a client
     * pipeline commands), so the time per command is the server's, not the wait between turns.
     */
    void pipeline(java.util.List<String> commands) throws IOException {
        java.util.List<String> sent = new java.util.ArrayList<>(commands.size());
        for (String command : commands) {
            String tag = "t" + (++tags);
            out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            sent.add(tag);
        }
        out.flush();
        for (String tag : sent) {
            readResponse(tag);
        }
    }

    /**
     * True when the greeting's capability list, or LOGIN's when it sent one, names {@code capability}.
     * A server that listed neither (GreenMail greets without one) is asked with CAPABILITY, once, on
     * the first call, so the login itself costs every server the same round trips.
     */
    boolean offers(String capability) throws IOException {
        if (!capabilitiesListed) {
            for (String untagged : lines("CAPABILITY")) {
                if (untagged.startsWith("* CAPABILITY ")) {
                    capabilities = untagged;
                }
            }
            capabilitiesListed = true;
        }
        return (" " + capabilities.replace("]", " ") + " ").contains(" " + capability + " ");
    }

    /**
     * Sends a command and parses its untagged responses, literals read into arrays, as a mail
     * client does.
     */
    ResponseParser.Parsed parse(String command) throws IOException {
        String tag = "t" + (++tags);
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] prefix = (tag + " ").getBytes(StandardCharsets.US_ASCII);
        while (true) {
            readLine();
            if (startsWith(prefix)) {
                checkOk(prefix);
                return parser.take();
            }
            long literal = parser.line(line, lineLength);
            while (literal >= 0) {
                parser.literal(readLiteral((int) literal));
                readLine();
                literal = parser.line(line, lineLength);
            }
        }
    }

    /**
     * MULTIAPPEND (RFC 3502): all {@code messages} in one APPEND, each as a non-synchronizing
     * literal (RFC 7888), so a batch costs one round trip.
     */
    void multiAppend(String mailbox, java.util.List<byte[]> messages) throws IOException {
        if (!literalPlus) {
            throw new IllegalStateException("The server does not offer LITERAL+");
        }
        String tag = "t" + (++tags);
        out.write((tag + " APPEND " + mailbox).getBytes(StandardCharsets.US_ASCII));
        for (byte[] message : messages) {
            out.write((" {" + message.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
        }
        out.write('\r');
        out.write('\n');
        out.flush();
        readResponse(tag);
    }

    /** Sends a command and returns its untagged response lines, literals left out. */
    java.util.List<String> lines(String command) throws IOException {
        String tag = "t" + (++tags);
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        java.util.List<String> lines = new java.util.ArrayList<>();
        readResponse(tag, lines);
        return lines;
    }

    /** True when the server offered LITERAL+ in its greeting. */
    boolean literalPlus() {
        return literalPlus;
    }

    /**
     * APPENDs every message with non-synchronizing literals, keeping up to {@code window}
     * commands in flight, as a bulk-import client does when the server offers LITERAL+
     * (RFC 7888 exists to allow exactly this).
     */
    void appendPipelined(String mailbox, java.util.List<byte[]> messages, int window) throws IOException {
        if (!literalPlus) {
            throw new IllegalStateException("The server does not offer LITERAL+");
        }
        java.util.ArrayDeque<String> inFlight = new java.util.ArrayDeque<>();
        for (byte[] message : messages) {
            String tag = "t" + (++tags);
            out.write((tag + " APPEND " + mailbox + " {" + message.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.write('\r');
            out.write('\n');
            inFlight.add(tag);
            if (inFlight.size() == window) {
                out.flush();
                readResponse(inFlight.poll());
            }
        }
        out.flush();
        while (!inFlight.isEmpty()) {
            readResponse(inFlight.poll());
        }
    }

    private long readResponse(String tag) throws IOException {
        return readResponse(tag, null);
    }

    private long readResponse(String tag, java.util.List<String> untagged) throws IOException {
        byte[] prefix = (tag + " ").getBytes(StandardCharsets.US_ASCII);
        long total = 0;
        while (true) {
            total += readLine();
            if (startsWith(prefix)) {
                checkOk(prefix);
                return total;
            }
            if (untagged != null) {
                untagged.add(text());
            }
            long literal = literalAtEnd();
            while (literal >= 0) {
                skip(literal);
                total += literal;
                total += readLine();
                literal = literalAtEnd();
            }
        }
    }

    private void checkOk(byte[] prefix) throws IOException {
        lastTagged = text();
        if (lineLength < prefix.length + 2 || line[prefix.length] != 'O' || line[prefix.length + 1] != 'K') {
            throw new IOException("Command failed: " + lastTagged);
        }
    }

    private byte[] readLiteral(int n) throws IOException {
        byte[] octets = new byte[n];
        int buffered = Math.min(n, bufferEnd - bufferPos);
        System.arraycopy(buffer, bufferPos, octets, 0, buffered);
        bufferPos += buffered;
        if (in.readNBytes(octets, buffered, n - buffered) != n - buffered) {
            throw new IOException("Connection closed in a literal");
        }
        return octets;
    }

    /** Reads one line into {@code line} from a local buffer, so reading costs the client little. */
    private int readLine() throws IOException {
        lineLength = 0;
        int read = 0;
        while (true) {
            if (bufferPos == bufferEnd) {
                bufferEnd = in.read(buffer, 0, buffer.length);
                bufferPos = 0;
                if (bufferEnd <= 0) {
                    bufferEnd = 0;
                    throw new IOException("Connection closed");
                }
            }
            byte c = buffer[bufferPos++];
            read++;
            if (c == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return read;
            }
            if (lineLength == line.length) {
                line = java.util.Arrays.copyOf(line, line.length * 2);
            }
            line[lineLength++] = c;
        }
    }

    private void skip(long n) throws IOException {
        long buffered = Math.min(n, bufferEnd - bufferPos);
        bufferPos += (int) buffered;
        in.skipNBytes(n - buffered);
    }

    private long literalAtEnd() {
        if (lineLength < 3 || line[lineLength - 1] != '}') {
            return -1;
        }
        int i = lineLength - 2;
        long n = 0;
        long scale = 1;
        while (i >= 0 && line[i] >= '0' && line[i] <= '9') {
            n += (line[i] - '0') * scale;
            scale *= 10;
            i--;
        }
        return i >= 0 && line[i] == '{' && i < lineLength - 2 ? n : -1;
    }

    private boolean startsWith(byte[] prefix) {
        if (lineLength < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private String text() {
        return new String(line, 0, lineLength, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
