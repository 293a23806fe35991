package dev.imapmock.server;

import dev.imapmock.Extension;
import dev.imapmock.check.ClientEvent;
import dev.imapmock.check.ConnectionChecks;
import dev.imapmock.command.CommandException;
import dev.imapmock.command.Commands;
import dev.imapmock.command.Completion;
import dev.imapmock.command.UidOnly;
import dev.imapmock.fault.CommandFaults;
import dev.imapmock.fault.ConnectionFaults;
import dev.imapmock.fault.FaultEffect;
import dev.imapmock.fault.InjectedDisconnect;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.CommandReader;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.protocol.ReadResult;
import dev.imapmock.protocol.ResponseWriter;
import dev.imapmock.protocol.ResponseWriter.Status;
import dev.imapmock.store.Account;
import dev.imapmock.store.MailboxException;
import dev.imapmock.tls.TlsConfig;
import dev.imapmock.tls.TlsIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One client connection, served by its own thread with blocking I/O: read a command, record it,
 * run it, answer, flush once. This is the one place where failures become IMAP answers.
 */
final class Connection implements Runnable {

    /** The longest a TLS handshake may take (bounded by the idle timeout too). */
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 60_000;

    private final int number;
    private final Socket socket;
    private final ServerContext server;
    private final boolean implicitTls;
    private static final ReceivedCommand.Outcome DISCONNECTED =
            new ReceivedCommand.Outcome("DISCONNECTED", null, "The connection ended before the command completed");

    private int commandCount;
    private final ConnectionChecks checks;
    /** True when the client's next command had arrived before the last command's answer was sent. */
    private boolean nextArrivedEarly;
    /** Writes NOTIFY's news while the connection waits for a command, or null. */
    private NewsWriter between;
    private volatile boolean closing;
    private boolean clientClosed;

    /** {@code implicitTls}: the client came to the implicit-TLS port, TLS begins before the greeting. */
    Connection(int number, Socket socket, ServerContext server, boolean implicitTls) {
        this.number = number;
        this.socket = socket;
        this.server = server;
        this.implicitTls = implicitTls;
        this.checks = server.checks().open(number);
    }

    int number() {
        return number;
    }

    /** Closes the socket; the connection's thread then ends. Safe from any thread. */
    void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    @Override
    public void run() {
        Session session = null;
        ConnectionFaults faults = null;
        try {
            Transport transport = new Transport(socket);
            faults = ConnectionFaults.open(server.faults(), number, socket);
            if (implicitTls) {
                faults.holdForTls();
                handshake(transport, faults);
            }
            ResponseWriter out = new ResponseWriter(faults.output());
            ReaderEvents events = new ReaderEvents(transport, out);
            CommandReader in = new CommandReader(transport.input(), server.config().limits(), events,
                    server.config().extensions());
            in.listen(events);
            session = new Session(number, server, in, out, implicitTls, checks);
            if (implicitTls) {
                session.secured(transport.tls().getSession());
            }
            CommandFaults greeting = faults.greeting();
            String preauth = server.config().preauth().userFor(number);
            // An account removed since the server was built (the sandbox's admin API can) leaves
            // nobody to be: the connection is greeted as any other and must log in.
            Account preauthenticated = preauth == null ? null : server.store().account(preauth).orElse(null);
            String greetingText = server.config().quirks().greeting();
            if (preauthenticated != null) {
                preauthenticate(session, preauthenticated, out, greeting);
            } else if (greetingText == null) {
                out.status(null, Status.OK, "CAPABILITY " + session.capabilities(), "ImapMock ready.");
            } else {
                out.status(null, Status.OK, null,
                        greetingText.replace("{client}", socket.getInetAddress().getHostAddress())
                                .replace("{capability}", "[CAPABILITY " + session.capabilities() + "]"));
            }
            out.flush();
            greeting.done();
            serve(session, transport, in, out, faults);
        } catch (SocketTimeoutException e) {
            if (faults == null) {
                log().debug("Connection {}: no TLS handshake in time", number);
                return;
            }
            faults.timedOut();
            autologout(session);
        } catch (IOException e) {
            clientClosed = !closing && !(e instanceof InjectedDisconnect);
            log().debug("Connection {} ended: {}", number, e.toString());
        } catch (RuntimeException | Error e) {
            log().error("Connection {} failed", number, e);
        } finally {
            checks.see(new ClientEvent.Closed(!clientClosed, server.config().clock().instant()));
            if (session != null) {
                session.logout();
            }
            close();
        }
    }

    /**
     * What the command reader tells as it reads: a literal's continuation to send, a literal
     * announced. A class rather than lambdas, since each lambda costs a fresh JVM a millisecond
     * or more on its first connection.
     */
    private final class ReaderEvents implements CommandReader.Continuation, CommandReader.LiteralListener {
        private final Transport transport;
        private final ResponseWriter out;

        ReaderEvents(Transport transport, ResponseWriter out) {
            this.transport = transport;
            this.out = out;
        }

        @Override
        public void ready() throws IOException {
            stopBetweenCommands();
            checks.see(new ClientEvent.Continuation(transport.inputWaiting()));
            out.continuation("Ready for literal data");
        }

        @Override
        public void literal(long size, boolean synchronizing) {
            checks.see(new ClientEvent.Literal(size, synchronizing));
        }
    }

    private void stopBetweenCommands() {
        NewsWriter running = between;
        between = null;
        if (running != null) {
            running.stop();
        }
    }

    private void serve(Session session, Transport transport, CommandReader in, ResponseWriter out,
                       ConnectionFaults faults) throws IOException {
        while (session.state() != SessionState.LOGOUT) {
            socket.setSoTimeout(faults.readTimeoutMillis(server.config().idleTimeout(),
                    session.account() == null ? null : session.account().user()));
            boolean pipelined = nextArrivedEarly;
            between = pipelined ? null : NewsWriter.start(session, null, session.notifications(), "notify");
            ReadResult read;
            try {
                read = in.next();
            } finally {
                stopBetweenCommands();
            }
            if (read == null) {
                clientClosed = !closing;
                return;
            }
            Arrival arrival = new Arrival(read, server.config().clock().instant(), session);
            Before before = new Before(session);
            CommandFaults fault = faults.command(read, session.account(), arrival.mailbox(), session.names());
            session.faults(fault);
            ReceivedCommand.Outcome outcome;
            List<String> responses;
            out.startCapture();
            try {
                outcome = fault.beforeExecute(out);
                if (outcome == null) {
                    outcome = read instanceof Command command ? execute(command, session, out)
                            : malformed((ReadResult.Malformed) read);
                    nextArrivedEarly = transport.inputWaiting();
                    responses = out.takeCapture();
                    out.status(read.tag(), Status.valueOf(outcome.status()), outcome.code(), outcome.text());
                } else {
                    nextArrivedEarly = transport.inputWaiting();
                    responses = out.takeCapture();
                }
            } catch (IOException e) {
                record(arrival, DISCONNECTED, out.takeCapture(), fault);
                throw e;
            }
            // Recorded before the answer leaves: a client that has read the tagged response must
            // find the command in the journal, also when a fault then stalls or cuts the output.
            checks.see(observed(arrival, before, outcome, responses, session, in.commandLineOctets(), pipelined));
            record(arrival, outcome, responses, fault);
            out.flush();
            boolean startTls = session.takeTlsRequest();
            boolean compress = session.takeCompressionRequest();
            if (startTls || compress) {
                faults.holdForTls();
            }
            fault.done();
            if (startTls) {
                startTls(session, transport, in, faults);
            }
            if (compress) {
                compress(session, transport, in, faults);
            }
            if (read instanceof Command c && (c.name().equals("LOGIN") || c.name().equals("AUTHENTICATE"))
                    && outcome.status().equals("NO") && session.loginFailed()) {
                out.untagged("BYE Too many failed login attempts; closing");
                out.flush();
                return;
            }
            if (read instanceof ReadResult.Malformed bad && bad.fatal()) {
                out.untagged("BYE Too much literal data after a bad command; closing");
                out.flush();
                return;
            }
            if (session.selected() != null && session.selected().gone()) {
                out.untagged("BYE Selected mailbox was deleted, have to disconnect.");
                out.flush();
                return;
            }
        }
    }

    /**
     * TLS begins right after the CRLF of STARTTLS's tagged OK (RFC 3501 §6.2.1), unless a fault
     * rule answered in its place: then the client saw no OK and the connection stays clear.
     * A failed handshake ends the connection. The session stays not authenticated.
     */
    private void startTls(Session session, Transport transport, CommandReader in, ConnectionFaults faults)
            throws IOException {
        if (faults.answerReplaced()) {
            faults.stayClear();
            return;
        }
        int dropped = handshake(transport, faults);
        if (dropped > 0) {
            log().warn("Connection {}: dropped {} octets the client sent in clear after STARTTLS, before TLS began"
                    + " (RFC 3501 §6.2.1; the command injection of CVE-2011-0411)", number, dropped);
        }
        in.input(transport.input());
        session.secured(transport.tls().getSession());
    }

    /**
     * Compression begins right after the CRLF of COMPRESS's tagged OK, in both directions (RFC
     * 4978 §3), unless a fault rule answered in its place: then the client saw no OK and nothing
     * changes.
     */
    private void compress(Session session, Transport transport, CommandReader in, ConnectionFaults faults) {
        if (faults.answerReplaced()) {
            faults.stayClear();
            return;
        }
        transport.compress();
        in.input(transport.input());
        faults.compress();
        session.compressing();
    }

    /**
     * The TLS handshake, as the fault rules on it allow: they may delay or stall it, hang up,
     * answer with an alert, or present a bad certificate. Returns the clear octets dropped.
     */
    private int handshake(Transport transport, ConnectionFaults faults) throws IOException {
        socket.setSoTimeout(handshakeTimeout());
        TlsConfig tls = server.config().tls();
        TlsIdentity presented = tls.identity();
        for (FaultEffect effect : faults.handshake()) {
            if (effect instanceof FaultEffect.TlsAlert alert) {
                transport.refuseHandshake(alert.description());
                throw new InjectedDisconnect("Fault: " + alert);
            }
            presented = switch (((FaultEffect.Certificate) effect).kind()) {
                case EXPIRED -> tls.identity().expired();
                case OTHER_HOST -> tls.identity().forOtherHost();
                case UNTRUSTED -> tls.identity().untrusted();
            };
        }
        int dropped = transport.startTls(tls, presented);
        faults.secure(transport.tls());
        return dropped;
    }

    private int handshakeTimeout() {
        return (int) Math.max(1, Math.min(HANDSHAKE_TIMEOUT_MILLIS, server.config().idleTimeout().toMillis()));
    }

    /**
     * Greets as RFC 9051 §7.1.4 and Dovecot do for a connection that starts authenticated, with
     * the capabilities of the authenticated state: {@code * PREAUTH [CAPABILITY ...] Logged in as
     * alice}. The journal gets an entry named PREAUTH, index 0, before the connection's commands,
     * so that tests can tell which connections skipped the login.
     */
    private void preauthenticate(Session session, Account account, ResponseWriter out, CommandFaults greeting)
            throws IOException {
        String user = account.user();
        session.login(account);
        String capability = "CAPABILITY " + session.capabilities();
        String text = "Logged in as " + user;
        out.untagged("PREAUTH [" + capability + "] " + text);
        server.journal().record(new ReceivedCommand(number, 0, null, "PREAUTH", "", user, null,
                new ReceivedCommand.Outcome("PREAUTH", capability, text), server.config().clock().instant(),
                List.of(), greeting.fired(), new ReceivedCommand.Authentication("PREAUTH", user, null)));
    }

    private static ReceivedCommand.Outcome malformed(ReadResult.Malformed bad) {
        return new ReceivedCommand.Outcome(bad.status().name(), bad.code(), bad.reason());
    }

    private void record(Arrival arrival, ReceivedCommand.Outcome outcome, List<String> responses, CommandFaults fault) {
        server.journal().record(new ReceivedCommand(number, ++commandCount, arrival.read().tag(), arrival.name(),
                arrival.arguments(), arrival.user(), arrival.mailbox(), outcome, arrival.time(), responses,
                fault.fired(), arrival.session().takeAttempt()));
    }

    /**
     * The session as a command found it, for the client checks. A session of a rev2-only server
     * speaks IMAP4rev2 from the start without ENABLE, so IMAP4rev2 counts as turned on there.
     */
    private record Before(SessionState state, boolean secure, boolean loginDisabled, Set<Extension> enabled) {
        Before(Session session) {
            this(session.state(), session.secure(), session.loginDisabled(), turnedOn(session));
        }

        private static Set<Extension> turnedOn(Session session) {
            Set<Extension> on = session.enabledExtensions();
            if (!session.rev2() || on.contains(Extension.IMAP4REV2)) {
                return on;
            }
            Set<Extension> withRev2 = EnumSet.of(Extension.IMAP4REV2);
            withRev2.addAll(on);
            return withRev2;
        }
    }

    private ClientEvent.Command observed(Arrival arrival, Before before, ReceivedCommand.Outcome outcome,
                                         List<String> responses, Session session, long lineOctets,
                                         boolean pipelined) {
        ReadResult read = arrival.read();
        Commands.Entry entry = arrival.name() == null ? null : server.command(arrival.name(), false);
        String line = arrival.name() == null ? arrival.arguments() : (read.tag() == null ? "*" : read.tag()) + " "
                + arrival.name() + (arrival.arguments().isEmpty() ? "" : " " + arrival.arguments());
        return new ClientEvent.Command(read.tag(), arrival.name(), line,
                read instanceof Command c ? c.args() : List.of(), read instanceof ReadResult.Malformed,
                outcome.status(), arrival.time(), entry != null, entry != null && entry.states().contains(before.state()),
                before.state().human(), arrival.user(), arrival.mailbox(),
                session.selected() == null ? null : session.selected().mailbox().name(), pipelined, lineOctets,
                before.secure(), before.loginDisabled(), before.enabled(), responses);
    }

    /** A command as it arrived: what the journal tells of it whatever happens next, secrets masked. */
    private record Arrival(ReadResult read, Instant time, String name, String arguments, String user, String mailbox,
                           Session session) {
        Arrival(ReadResult read, Instant time, Session session) {
            this(read, time,
                    read instanceof Command c ? c.name() : ((ReadResult.Malformed) read).name(),
                    read instanceof Command c ? Masking.arguments(c) : Masking.malformed((ReadResult.Malformed) read),
                    session.account() == null ? null : session.account().user(),
                    session.selected() == null ? null : session.selected().mailbox().name(), session);
        }
    }

    /** Runs a command and writes its untagged responses; the caller writes the tagged one. */
    private ReceivedCommand.Outcome execute(Command command, Session session, ResponseWriter out) throws IOException {
        Commands.Entry entry = server.command(command.name(), session.rev2());
        Status status;
        String code = null;
        String text;
        if (entry == null) {
            status = Status.BAD;
            text = "Unknown command " + command.name();
        } else if (!entry.states().contains(session.state())) {
            status = Status.BAD;
            text = command.name() + " is not allowed in the " + session.state().human() + " state";
        } else {
            try {
                UidOnly.refuseSequenceCommand(command.name(), session);
                Completion done = entry.handler().handle(command, session);
                status = Status.OK;
                code = done.code();
                text = done.text();
            } catch (ProtocolException e) {
                status = Status.BAD;
                text = e.getMessage();
            } catch (CommandException e) {
                status = e.status();
                code = e.code();
                text = e.getMessage();
            } catch (MailboxException e) {
                status = Status.NO;
                code = MailboxCodes.of(e.reason());
                text = e.getMessage();
            } catch (RuntimeException e) {
                log().error("Command failed: {} {}", command.name(), Masking.arguments(command), e);
                status = Status.NO;
                code = "SERVERBUG";
                text = "Internal error; the server's log has the details.";
            }
            if (session.selected() != null && session.state() != SessionState.LOGOUT) {
                session.selected().sync(out, entry.expungeSafe());
            }
            if (session.state() != SessionState.LOGOUT) {
                session.tellNotifications();
            }
        }
        return new ReceivedCommand.Outcome(status.name(), code, text);
    }

    private void autologout(Session session) {
        if (session == null) {
            return;
        }
        try {
            session.out().untagged("BYE Autologout; idle for too long");
            session.out().flush();
        } catch (IOException ignored) {
            // The client is gone anyway.
        }
    }

    /** Looked up when first needed, so that starting a server does not wait for logging to initialize. */
    private static Logger log() {
        return LoggerFactory.getLogger(Connection.class);
    }
}
