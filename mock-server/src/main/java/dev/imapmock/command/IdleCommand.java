package dev.imapmock.command;

import dev.imapmock.check.ClientEvent;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.server.NewsWriter;
import dev.imapmock.server.Notifications;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;

import java.io.EOFException;
import java.io.IOException;

/**
 * IDLE (RFC 2177). While the connection's thread waits for {@code DONE}, a {@link NewsWriter}
 * reports each change to the selected mailbox as it happens, and what NOTIFY asked for (RFC 5465
 * §3). The two never write at once: the writer stops before the handler goes on.
 */
final class IdleCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        new Args(command.args()).end();
        // Before the '+': a client may move a test clock as soon as it sees it.
        session.checks().see(new ClientEvent.IdleStarted(session.clock().instant()));
        session.out().continuation("idling");
        SelectedMailbox selected = session.selected();
        Notifications notifications = session.notifications();
        NewsWriter notifier = NewsWriter.start(session, selected, notifications, "idle");
        String line;
        try (var faults = session.faults().whileIdle()) {
            line = session.in().readRawLine();
        } finally {
            if (notifier != null) {
                notifier.stop();
            }
        }
        if (line == null) {
            throw new EOFException();
        }
        session.checks().see(new ClientEvent.IdleLine(line, session.clock().instant()));
        if (!line.equalsIgnoreCase("DONE")) {
            throw new ProtocolException("Expected DONE to end IDLE");
        }
        return Completion.ok("Idle completed.");
    }
}
