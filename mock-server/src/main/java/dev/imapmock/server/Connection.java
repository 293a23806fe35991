package dev.imapmock.server;

import dev.imapmock.command.CommandException;
import dev.imapmock.command.Commands;
import dev.imapmock.command.Completion;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.CommandReader;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.protocol.ReadResult;
import dev.imapmock.protocol.ResponseWriter;
import dev.imapmock.protocol.ResponseWriter.Status;
import dev.imapmock.store.MailboxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.List;

/**
 * One client connection, served by its own thread with blocking I/O: read a command, record it,
 * run it, answer, flush once. This is the one place where failures become IMAP answers.
 */
final class Connection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final int number;
    private final Socket socket;
    private final ServerContext server;
    private static final ReceivedCommand.Outcome DISCONNECTED =
            new ReceivedCommand.Outcome("DISCONNECTED", null, "The connection ended before the command completed");

    private int commandCount;

    Connection(int number, Socket socket, ServerContext server) {
        this.number = number;
        this.socket = socket;
        this.server = server;
    }

    int number() {
        return number;
    }

    /** Closes the socket; the connection's thread then ends. Safe from any thread. */
    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    @Override
    public void run() {
        Session session = null;
        try {
            ResponseWriter out = new ResponseWriter(socket.getOutputStream());
            CommandReader in = new CommandReader(new BufferedInputStream(socket.getInputStream(), 16 * 1024),
                    server.config().limits(), () -> out.continuation("Ready for literal data"));
            session = new Session(number, server, in, out);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, server.config().idleTimeout().toMillis()));
            out.status(null, Status.OK, "CAPABILITY " + session.capabilities(), "ImapMock ready.");
            out.flush();
            serve(session, in, out);
        } catch (SocketTimeoutException e) {
            autologout(session);
        } catch (IOException e) {
            LOG.debug("Connection {} ended: {}", number, e.toString());
        } catch (RuntimeException | Error e) {
            LOG.error("Connection {} failed", number, e);
        } finally {
            if (session != null) {
                session.logout();
            }
            close();
        }
    }

    private void serve(Session session, CommandReader in, ResponseWriter out) throws IOException {
        while (session.state() != SessionState.LOGOUT) {
            ReadResult read = in.next();
            if (read == null) {
                return;
            }
            Instant arrived = server.config().clock().instant();
            String user = session.account() == null ? null : session.account().user();
            String mailbox = session.selected() == null ? null : session.selected().mailbox().name();
            ReceivedCommand.Outcome outcome;
            List<String> responses = List.of();
            String name;
            String arguments;
            if (read instanceof Command command) {
                name = command.name();
                arguments = Masking.arguments(command);
                out.startCapture();
                try {
                    outcome = execute(command, session, out);
                } catch (IOException e) {
                    server.journal().record(new ReceivedCommand(number, ++commandCount, read.tag(), name, arguments,
                            user, mailbox, DISCONNECTED, arrived, out.takeCapture()));
                    throw e;
                }
                responses = out.takeCapture();
            } else {
                ReadResult.Malformed bad = (ReadResult.Malformed) read;
                name = bad.name();
                arguments = Masking.malformed(bad);
                outcome = new ReceivedCommand.Outcome("BAD", null, bad.reason());
            }
            out.status(read.tag(), Status.valueOf(outcome.status()), outcome.code(), outcome.text());
            // Recorded before the answer leaves: a client that has read the tagged response must
            // find the command in the journal.
            server.journal().record(new ReceivedCommand(number, ++commandCount, read.tag(), name, arguments,
                    user, mailbox, outcome, arrived, responses));
            out.flush();
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

    /** Runs a command and writes its untagged responses; the caller writes the tagged one. */
    private ReceivedCommand.Outcome execute(Command command, Session session, ResponseWriter out) throws IOException {
        Commands.Entry entry = Commands.lookup(command.name());
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
                LOG.error("Command failed: {} {}", command.name(), command.argumentsText(), e);
                status = Status.NO;
                code = "SERVERBUG";
                text = "Internal error; the server's log has the details.";
            }
            if (session.selected() != null && session.state() != SessionState.LOGOUT) {
                session.selected().sync(out, entry.expungeSafe());
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
}
