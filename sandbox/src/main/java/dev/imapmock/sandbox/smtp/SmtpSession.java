package dev.imapmock.sandbox.smtp;

import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.journal.ReceivedCommand.Authentication;
import dev.imapmock.journal.ReceivedCommand.Outcome;
import dev.imapmock.journal.ReceivedCommand.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocket;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One client's SMTP session: reads a command line, runs it, sends its reply, records it in the journal.
 * Errors become replies in one place ({@link #execute}); the session goes on after every one of them.
 *
 * <p>Replies are held back while the client's next commands are already waiting and sent together
 * before the session waits for more (RFC 2920 §3.2), so a pipelining client gets them in order in as
 * few packets as possible.
 */
final class SmtpSession {
    /** The longest command line, CRLF included (RFC 5321 §4.5.3.1.4). */
    static final int MAX_COMMAND_LINE = 512;
    /** The longest AUTH command line and SASL response, CRLF included (RFC 4954 §4). */
    static final int MAX_AUTH_LINE = 12288;

    private final SmtpServer server;
    private final SmtpSettings settings;
    private final int number;
    private volatile Socket socket;
    private LineReader in;
    private OutputStream out;
    private int commandCount;
    private int messageCount;
    private boolean tls;
    private String helo;
    private boolean extended;
    private String user;
    private Transaction transaction;
    private final List<String> sent = new ArrayList<>();
    private Authentication attempt;
    private boolean quit;
    private boolean startTls;

    /** The mail transaction begun by MAIL (RFC 5321 §3.3); RSET, EHLO, HELO and the end of DATA end it. */
    private static final class Transaction {
        final String reversePath;
        final List<String> recipients = new ArrayList<>();
        final List<String> users = new ArrayList<>();

        Transaction(String reversePath) {
            this.reversePath = reversePath;
        }
    }

    SmtpSession(SmtpServer server, int number, Socket socket) {
        this.server = server;
        this.settings = server.settings();
        this.number = number;
        this.socket = socket;
    }

    void run() {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.idleTimeout().toMillis()));
            streams();
            writeLines(List.of("220 " + settings.hostName() + " ESMTP ImapMock ready"));
            while (!quit) {
                if (!in.hasBufferedInput()) {
                    out.flush();
                }
                LineReader.Line line = in.readLine(MAX_AUTH_LINE);
                if (line instanceof LineReader.Line.End) {
                    break;
                }
                execute(line);
                if (startTls) {
                    startTls = false;
                    upgrade();
                }
            }
            out.flush();
        } catch (SocketTimeoutException e) {
            try {
                writeLines(List.of("421 4.4.2 " + settings.hostName() + " Idle for too long, closing the connection"));
                out.flush();
            } catch (IOException ignored) {
                // The client is gone.
            }
        } catch (IOException e) {
            log().debug("SMTP connection {} ended: {}", number, e.toString());
        } finally {
            close();
        }
    }

    /** Closes the connection; a thread blocked reading from it ends. */
    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            log().debug("Closing SMTP connection {} failed", number, e);
        }
    }

    private void streams() throws IOException {
        in = new LineReader(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    private void execute(LineReader.Line line) throws IOException {
        sent.clear();
        attempt = null;
        String userBefore = user;
        Instant arrived = settings.clock().instant();
        String name = null;
        String arguments = "";
        Reply reply;
        try {
            if (line instanceof LineReader.Line.TooLong) {
                reply = Reply.of(500, "5.5.2", "Line too long (at most " + MAX_COMMAND_LINE + " octets, "
                        + MAX_AUTH_LINE + " for AUTH)");
            } else {
                byte[] bytes = ((LineReader.Line.Text) line).bytes();
                if (!printable(bytes)) {
                    reply = Reply.of(500, "5.5.2", "Command lines must be printable ASCII");
                } else {
                    String text = new String(bytes, StandardCharsets.US_ASCII);
                    int space = text.indexOf(' ');
                    name = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
                    arguments = space < 0 ? "" : text.substring(space + 1);
                    if (name.isEmpty()) {
                        name = null;
                        reply = Reply.of(500, "5.5.2", text.isBlank() ? "Empty command line"
                                : "A command line starts with the command word");
                    } else if (bytes.length + 2 > MAX_COMMAND_LINE && !name.equals("AUTH")) {
                        reply = Reply.of(500, "5.5.2", "Line too long (at most " + MAX_COMMAND_LINE + " octets)");
                    } else {
                        reply = dispatch(name, arguments);
                    }
                }
            }
        } catch (SmtpException e) {
            reply = e.reply();
        } catch (IOException e) {
            record(name, masked(name, arguments), userBefore, arrived, disconnected());
            throw e;
        } catch (RuntimeException e) {
            log().error("SMTP command {} failed", name, e);
            reply = Reply.of(451, "4.3.0", "Local error in processing");
        }
        writeLines(reply.wireLines());
        record(name, masked(name, arguments), userBefore, arrived, reply);
    }

    private Reply dispatch(String name, String arguments) throws IOException {
        return switch (name) {
            case "EHLO" -> hello(arguments, true);
            case "HELO" -> hello(arguments, false);
            case "MAIL" -> mail(arguments);
            case "RCPT" -> rcpt(arguments);
            case "DATA" -> data(arguments);
            case "RSET" -> {
                noArguments(arguments, "RSET");
                transaction = null;
                yield Reply.of(250, "2.0.0", "OK");
            }
            case "NOOP" -> Reply.of(250, "2.0.0", "OK");
            case "QUIT" -> {
                noArguments(arguments, "QUIT");
                quit = true;
                yield Reply.of(221, "2.0.0", settings.hostName() + " closing connection");
            }
            case "VRFY" -> {
                if (arguments.isBlank()) {
                    throw new SmtpException(501, "5.5.4", "Syntax: VRFY address");
                }
                // RFC 5321 §3.5.3: 252 when the server will not say whether the address is deliverable.
                yield Reply.of(252, "2.5.0", "Not verified; RCPT TO tells whether mail for it is accepted");
            }
            case "HELP" -> Reply.of(214, "2.0.0",
                    "Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY AUTH" + (offersStartTls() ? " STARTTLS" : "") + " HELP");
            case "AUTH" -> SmtpAuth.run(this, arguments);
            case "STARTTLS" -> starttls(arguments);
            case "EXPN", "BDAT", "TURN", "ETRN", "ATRN", "SEND", "SOML", "SAML" ->
                    throw new SmtpException(502, "5.5.1", "Command not implemented");
            default -> throw new SmtpException(500, "5.5.1", "Command unrecognized");
        };
    }

    private Reply hello(String arguments, boolean ehlo) {
        String domain = arguments.trim();
        if (domain.isEmpty() || domain.contains(" ")) {
            throw new SmtpException(501, "5.5.4", "Syntax: " + (ehlo ? "EHLO" : "HELO") + " domain");
        }
        helo = domain;
        extended = ehlo;
        transaction = null;
        if (!ehlo) {
            return Reply.bare(250, List.of(settings.hostName()));
        }
        List<String> lines = new ArrayList<>();
        lines.add(settings.hostName() + " greets " + domain);
        lines.add("PIPELINING");
        lines.add("SIZE " + settings.maxMessageSize());
        lines.add("8BITMIME");
        lines.add("ENHANCEDSTATUSCODES");
        lines.add("AUTH PLAIN LOGIN");
        if (offersStartTls()) {
            lines.add("STARTTLS");
        }
        return Reply.bare(250, lines);
    }

    private Reply mail(String arguments) {
        if (helo == null) {
            throw new SmtpException(503, "5.5.1", "Send EHLO or HELO first");
        }
        if (transaction != null) {
            throw new SmtpException(503, "5.5.1", "Sender already given; RSET to start again");
        }
        PathArgument path = PathArgument.parse(arguments, "FROM", "MAIL FROM:<address>", "5.1.7");
        parameters(path);
        for (var parameter : path.parameters().entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "SIZE" -> {
                    // RFC 1870 §6: refused at once when the declared size is over the limit.
                    if (value == null || !value.matches("[0-9]{1,20}")) {
                        throw new SmtpException(501, "5.5.4", "Syntax: SIZE=octets");
                    }
                    if (value.length() > 18 || Long.parseLong(value) > settings.maxMessageSize()) {
                        throw new SmtpException(552, "5.3.4", "Message size exceeds fixed maximum message size ("
                                + settings.maxMessageSize() + " octets)");
                    }
                }
                case "BODY" -> {
                    if (value == null || !(value.equalsIgnoreCase("7BIT") || value.equalsIgnoreCase("8BITMIME"))) {
                        throw new SmtpException(501, "5.5.4", "Syntax: BODY=7BIT or BODY=8BITMIME");
                    }
                }
                case "AUTH" -> {
                    // RFC 4954 §5: the identity a relay vouches for; nothing here relays, so it is noted nowhere.
                }
                default -> throw new SmtpException(555, "5.5.4", "Unsupported parameter: " + parameter.getKey());
            }
        }
        transaction = new Transaction(path.address());
        return Reply.of(250, "2.1.0", "Sender OK");
    }

    private Reply rcpt(String arguments) {
        if (transaction == null) {
            throw new SmtpException(503, "5.5.1", "Need MAIL command");
        }
        PathArgument path = PathArgument.parse(arguments, "TO", "RCPT TO:<address>", "5.1.3");
        if (path.address().isEmpty()) {
            throw new SmtpException(501, "5.1.3", "Bad address syntax: <>");
        }
        parameters(path);
        if (!path.parameters().isEmpty()) {
            throw new SmtpException(555, "5.5.4", "Unsupported parameter: " + path.parameters().keySet().iterator().next());
        }
        if (transaction.recipients.size() >= settings.maxRecipients()) {
            throw new SmtpException(452, "4.5.3", "Too many recipients");
        }
        String address = path.address();
        List<String> users = server.imap().store().users();
        String local = LocalRecipients.resolve(address, users).orElse(settings.catchAll());
        if (local == null && LocalRecipients.isPostmaster(address) && !users.isEmpty()) {
            // RFC 5321 §4.5.1: a server that delivers mail MUST accept "postmaster", in any case; without a
            // user of that name or a catch-all, it goes to the user whose name sorts first.
            local = users.stream().sorted().findFirst().orElseThrow();
        }
        if (local == null) {
            throw new SmtpException(550, "5.1.1", "No such user: " + address);
        }
        transaction.recipients.add(address);
        if (!transaction.users.contains(local)) {
            transaction.users.add(local);
        }
        return Reply.of(250, "2.1.5", "Recipient OK");
    }

    private void parameters(PathArgument path) {
        if (!extended && !path.parameters().isEmpty()) {
            throw new SmtpException(555, "5.5.4", "Parameters need EHLO");
        }
    }

    private Reply data(String arguments) throws IOException {
        noArguments(arguments, "DATA");
        if (transaction == null) {
            throw new SmtpException(503, "5.5.1", "Need MAIL command");
        }
        if (transaction.recipients.isEmpty()) {
            throw new SmtpException(503, "5.5.1", "Need RCPT command");
        }
        Transaction accepted = transaction;
        transaction = null;
        writeLines(List.of("354 End data with <CR><LF>.<CR><LF>"));
        out.flush();
        LineReader.Message message = in.readMessage(settings.maxMessageSize());
        if (message.tooBig()) {
            // RFC 1870 §6.3: refused after the data when the client declared no size or a wrong one.
            throw new SmtpException(552, "5.3.4", "Message size exceeds fixed maximum message size ("
                    + settings.maxMessageSize() + " octets)");
        }
        if (message.firstLongLine() > 0) {
            throw new SmtpException(554, "5.6.0", "Line " + message.firstLongLine()
                    + " is longer than 998 characters (RFC 5321 4.5.3.1.6)");
        }
        messageCount++;
        byte[] received = TraceFields.of(accepted.reversePath, helo, socket.getInetAddress(), settings.hostName(), protocol(),
                "c" + number + "m" + messageCount,
                accepted.recipients.size() == 1 ? accepted.recipients.get(0) : null,
                settings.clock().instant().atZone(settings.clock().getZone()));
        byte[] bytes = new byte[received.length + message.bytes().length];
        System.arraycopy(received, 0, bytes, 0, received.length);
        System.arraycopy(message.bytes(), 0, bytes, received.length, message.bytes().length);
        return Delivery.deliver(server.imap(), accepted.users, bytes);
    }

    private Reply starttls(String arguments) {
        noArguments(arguments, "STARTTLS");
        if (server.tls() == null) {
            throw new SmtpException(502, "5.5.1", "STARTTLS not available: the server has no TLS");
        }
        if (tls) {
            throw new SmtpException(503, "5.5.1", "TLS already active");
        }
        startTls = true;
        return Reply.of(220, "2.0.0", "Ready to start TLS");
    }

    /**
     * Starts TLS over the connection after the 220 reply. What the client sent after STARTTLS in clear
     * is dropped with the old reader (RFC 3207 §5 forbids acting on it), and the session starts over:
     * no EHLO, no AUTH, no transaction (§4.2).
     */
    private void upgrade() throws IOException {
        out.flush();
        SSLSocket secure = (SSLSocket) server.tls().getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        secure.setUseClientMode(false);
        socket = secure;
        secure.startHandshake();
        streams();
        tls = true;
        helo = null;
        extended = false;
        user = null;
        transaction = null;
    }

    private boolean offersStartTls() {
        return server.tls() != null && !tls;
    }

    /** The Received header's protocol (RFC 3848). */
    private String protocol() {
        if (!extended) {
            return "SMTP";
        }
        return "ESMTP" + (tls ? "S" : "") + (user != null ? "A" : "");
    }

    private static void noArguments(String arguments, String command) {
        if (!arguments.isEmpty()) {
            throw new SmtpException(501, "5.5.4", "Syntax: " + command + " takes no arguments");
        }
    }

    private static boolean printable(byte[] bytes) {
        for (byte b : bytes) {
            if ((b < 0x20 && b != '\t') || b >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    boolean extended() {
        return extended;
    }

    boolean inTransaction() {
        return transaction != null;
    }

    String user() {
        return user;
    }

    SmtpServer server() {
        return server;
    }

    void authenticated(String user) {
        this.user = user;
    }

    void attempt(Authentication attempt) {
        this.attempt = attempt;
    }

    /** Sends a 334 challenge and reads the client's answer line, which is never recorded. */
    LineReader.Line challenge(String base64) throws IOException {
        writeLines(List.of("334 " + base64));
        out.flush();
        LineReader.Line line = in.readLine(MAX_AUTH_LINE);
        if (line instanceof LineReader.Line.End) {
            throw new EOFException("The connection ended inside AUTH");
        }
        return line;
    }

    private void writeLines(List<String> lines) throws IOException {
        for (String line : lines) {
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            out.write('\r');
            out.write('\n');
        }
        sent.addAll(lines);
    }

    private static String masked(String name, String arguments) {
        if (!"AUTH".equals(name)) {
            return arguments;
        }
        int space = arguments.indexOf(' ');
        return space < 0 ? arguments : arguments.substring(0, space) + " ***";
    }

    private Outcome disconnected() {
        return new Outcome("DISCONNECTED", null, "The connection ended before the command completed");
    }

    private void record(String name, String arguments, String user, Instant arrived, Reply reply) {
        String status = reply.code() < 400 ? "OK" : reply.syntaxError() ? "BAD" : "NO";
        String code = reply.code() + (reply.status() == null ? "" : " " + reply.status());
        record(name, arguments, user, arrived, new Outcome(status, code, reply.lastLine()));
    }

    private void record(String name, String arguments, String user, Instant arrived, Outcome outcome) {
        List<String> responses = sent.isEmpty() || outcome.status().equals("DISCONNECTED") ? List.copyOf(sent)
                : sent.subList(0, sent.size() - 1);
        server.imap().journal().record(new ReceivedCommand(number, ++commandCount, null, name, arguments,
                user, null, outcome, arrived, responses, List.of(), attempt, Protocol.SMTP));
    }

    private static Logger log() {
        return LoggerFactory.getLogger(SmtpSession.class);
    }
}
