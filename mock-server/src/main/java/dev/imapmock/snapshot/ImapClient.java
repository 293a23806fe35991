package dev.imapmock.snapshot;

import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.ImapStrings;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A small, read-only IMAP4rev1 client (RFC 3501): enough to log in and copy mailboxes out. Commands
 * run one at a time; untagged responses go to the handler the command passes. Not thread-safe.
 *
 * <p>TLS is STARTTLS (RFC 2595 §3.1, capabilities asked again afterwards, as §3.1 requires) or
 * implicit (RFC 8314); either way the server's certificate is checked against the
 * {@link SSLContext} given, and its host name against the certificate (HTTPS rules, RFC 2818).
 */
final class ImapClient implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 120_000;

    private final String host;
    private Socket socket;
    private ResponseReader in;
    private OutputStream out;
    private int tags;
    private Set<String> capabilities = Set.of();
    private boolean preauthenticated;

    private ImapClient(String host, Socket socket) throws IOException {
        this.host = host;
        use(socket);
    }

    /**
     * Connects and reads the greeting.
     *
     * @param tls         null for a clear connection; else the trust to check the server against
     * @param implicitTls TLS from the first octet; else STARTTLS, when {@code tls} is given
     */
    static ImapClient connect(String host, int port, SSLContext tls, boolean implicitTls) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        plain.setTcpNoDelay(true);
        plain.setSoTimeout(TIMEOUT_MILLIS);
        ImapClient client;
        try {
            client = new ImapClient(host, implicitTls ? handshake(plain, host, port, tls) : plain);
            Response greeting = client.in.next();
            if ("BYE".equals(greeting.status())) {
                throw new IOException("the server refused the connection: " + greeting.text());
            }
            client.preauthenticated = "PREAUTH".equals(greeting.status());
            client.capabilities(greeting.text());
            if (client.capabilities.isEmpty()) {
                client.capability();
            }
            if (tls != null && !implicitTls) {
                client.startTls(tls, port);
            }
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
        return client;
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = new ResponseReader(new BufferedInputStream(s.getInputStream(), 64 * 1024));
        out = new BufferedOutputStream(s.getOutputStream());
    }

    private static SSLSocket handshake(Socket plain, String host, int port, SSLContext tls) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = s.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(parameters);
        s.setUseClientMode(true);
        s.startHandshake();
        return s;
    }

    private void startTls(SSLContext tls, int port) throws IOException {
        if (!capabilities.contains("STARTTLS")) {
            throw new IOException("the server does not offer STARTTLS; use --imaps for implicit TLS, or neither");
        }
        Response done = run("STARTTLS", r -> { });
        if (!done.isOk()) {
            throw new IOException("STARTTLS refused: " + done.text());
        }
        use(handshake(socket, host, port, tls));
        capabilities = Set.of();
        capability();
    }

    /** True when the greeting was PREAUTH: logged in already (RFC 3501 §7.1.4). */
    boolean preauthenticated() {
        return preauthenticated;
    }

    Set<String> capabilities() {
        return capabilities;
    }

    boolean has(String capability) {
        return capabilities.contains(capability.toUpperCase(Locale.ROOT));
    }

    /** Octets of literal data received so far (message bodies, mostly). */
    long receivedOctets() {
        return in.literalOctets();
    }

    void capability() throws IOException {
        expectOk(run("CAPABILITY", r -> { }), "CAPABILITY");
    }

    /** Logs in with a password: AUTHENTICATE PLAIN (RFC 4616) where offered, else LOGIN. */
    void loginWithPassword(String user, String password) throws IOException {
        if (has("LOGINDISABLED") && !has("AUTH=PLAIN")) {
            throw new IOException("the server refuses LOGIN on this connection (LOGINDISABLED); try --tls or --imaps");
        }
        Response done;
        if (has("AUTH=PLAIN")) {
            done = authenticate("PLAIN", "\0" + user + "\0" + password);
        } else {
            done = run(new Line("LOGIN").astring(user).astring(password), r -> { });
        }
        loggedIn(done, user);
    }

    /**
     * Logs in with an OAuth2 bearer token: OAUTHBEARER (RFC 7628) where offered, else XOAUTH2
     * (Google's and Microsoft's form). After a refusal the server sends a JSON error as a
     * continuation, which is answered with an empty line (RFC 7628 §3.2.3).
     */
    void loginWithToken(String user, String token) throws IOException {
        Response done;
        if (has("AUTH=OAUTHBEARER")) {
            done = authenticate("OAUTHBEARER", "n,a=" + user.replace("=", "=3D").replace(",", "=2C") + ",\u0001auth=Bearer "
                    + token + "\u0001\u0001");
        } else if (has("AUTH=XOAUTH2")) {
            done = authenticate("XOAUTH2", "user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
        } else {
            throw new IOException("the server offers neither AUTH=OAUTHBEARER nor AUTH=XOAUTH2 for --token-env");
        }
        loggedIn(done, user);
    }

    private void loggedIn(Response done, String user) throws IOException {
        if (!done.isOk()) {
            throw new IOException("login as " + user + " refused: " + done.text());
        }
        if (done.text().toUpperCase(Locale.ROOT).startsWith("[CAPABILITY ")) {
            capabilities(done.text());
        } else {
            capabilities = Set.of();
            capability();
        }
    }

    private Response authenticate(String mechanism, String initial) throws IOException {
        String encoded = Base64.getEncoder().encodeToString(initial.getBytes(StandardCharsets.UTF_8));
        String tag = "s" + ++tags;
        boolean initialResponse = has("SASL-IR");
        write((tag + " AUTHENTICATE " + mechanism + (initialResponse ? " " + encoded : "") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        boolean sent = initialResponse;
        while (true) {
            Response r = in.next();
            if (r.isContinuation()) {
                // The first challenge is empty and wants the response; any later one is an error report.
                write((sent ? "" : encoded).concat("\r\n").getBytes(StandardCharsets.US_ASCII));
                sent = true;
            } else if (r.tag().equals(tag)) {
                return r;
            } else {
                untagged(r, x -> { });
            }
        }
    }

    /** Runs a command and hands its untagged responses to {@code handler}; returns its tagged answer. */
    Response run(String command, Consumer<Response> handler) throws IOException {
        return run(new Line(command), handler);
    }

    Response run(Line command, Consumer<Response> handler) throws IOException {
        String tag = "s" + ++tags;
        List<byte[]> pieces = command.pieces(tag);
        for (int i = 0; i < pieces.size(); i++) {
            write(pieces.get(i));
            if (i + 1 < pieces.size()) {
                // A synchronizing literal follows: wait for the server's go-ahead (RFC 3501 §7.5).
                Response r = in.next();
                while (!r.isContinuation()) {
                    if (r.tag().equals(tag)) {
                        return r;
                    }
                    untagged(r, handler);
                    r = in.next();
                }
            }
        }
        while (true) {
            Response r = in.next();
            if (r.tag().equals(tag)) {
                if (r.text().toUpperCase(Locale.ROOT).startsWith("[CAPABILITY ")) {
                    capabilities(r.text());
                }
                return r;
            }
            if (r.isContinuation()) {
                throw new IOException("unexpected continuation from the server: " + r.text());
            }
            untagged(r, handler);
        }
    }

    private void untagged(Response r, Consumer<Response> handler) throws IOException {
        if ("BYE".equals(r.status())) {
            throw new IOException("the server closed the connection: * BYE " + r.text());
        }
        if (r.dataName().equals("CAPABILITY")) {
            Set<String> names = new LinkedHashSet<>();
            for (Arg a : r.data().subList(1, r.data().size())) {
                names.add(a.text().toUpperCase(Locale.ROOT));
            }
            capabilities = Set.copyOf(names);
        }
        handler.accept(r);
    }

    /** Takes the capabilities of a {@code [CAPABILITY ...]} response code, if the text starts with one. */
    private void capabilities(String text) {
        if (!text.toUpperCase(Locale.ROOT).startsWith("[CAPABILITY ")) {
            return;
        }
        int close = text.indexOf(']');
        String list = text.substring("[CAPABILITY ".length(), close < 0 ? text.length() : close);
        Set<String> names = new LinkedHashSet<>();
        for (String name : list.trim().split("\\s+")) {
            names.add(name.toUpperCase(Locale.ROOT));
        }
        capabilities = Set.copyOf(names);
    }

    static void expectOk(Response done, String what) throws IOException {
        if (!done.isOk()) {
            throw new IOException(what + " failed: " + done.status() + " " + done.text());
        }
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Logs out politely; the connection is closed either way. */
    @Override
    public void close() {
        try {
            socket.setSoTimeout(5_000);
            run("LOGOUT", r -> { });
        } catch (IOException | RuntimeException ignored) {
            // The server may already be gone; closing is all that is left to do.
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Nothing to do.
            }
        }
    }

    /** One command line being built; a value that needs a literal splits it where the literal goes. */
    static final class Line {
        private final List<ByteArrayOutputStream> pieces = new ArrayList<>();

        Line(String text) {
            pieces.add(new ByteArrayOutputStream());
            current().writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        }

        /** Appends a space and {@code value} as an atom, a quoted string or a synchronizing literal. */
        Line astring(String value) {
            current().write(' ');
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            ImapStrings.writeAString(encoded, value);
            byte[] bytes = encoded.toByteArray();
            if (bytes.length > 0 && bytes[0] == '{') {
                int crlf = indexOf(bytes, (byte) '\n');
                current().write(bytes, 0, crlf + 1);
                pieces.add(new ByteArrayOutputStream());
                current().write(bytes, crlf + 1, bytes.length - crlf - 1);
            } else {
                current().writeBytes(bytes);
            }
            return this;
        }

        Line raw(String text) {
            current().writeBytes(text.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        private ByteArrayOutputStream current() {
            return pieces.get(pieces.size() - 1);
        }

        List<byte[]> pieces(String tag) {
            List<byte[]> result = new ArrayList<>();
            for (int i = 0; i < pieces.size(); i++) {
                byte[] piece = pieces.get(i).toByteArray();
                if (i == 0) {
                    byte[] tagged = (tag + " ").getBytes(StandardCharsets.US_ASCII);
                    byte[] joined = new byte[tagged.length + piece.length];
                    System.arraycopy(tagged, 0, joined, 0, tagged.length);
                    System.arraycopy(piece, 0, joined, tagged.length, piece.length);
                    piece = joined;
                }
                if (i == pieces.size() - 1) {
                    byte[] ended = java.util.Arrays.copyOf(piece, piece.length + 2);
                    ended[piece.length] = '\r';
                    ended[piece.length + 1] = '\n';
                    piece = ended;
                }
                result.add(piece);
            }
            return result;
        }

        private static int indexOf(byte[] b, byte c) {
            for (int i = 0; i < b.length; i++) {
                if (b[i] == c) {
                    return i;
                }
            }
            return -1;
        }
    }
}
