package dev.imapmock.command;

import dev.imapmock.check.ClientEvent;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.server.Notifications;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;

import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * IDLE (RFC 2177). While the connection's thread waits for {@code DONE}, a helper thread reports
 * each change to the selected mailbox as it happens, and what NOTIFY asked for (RFC 5465 §3). The two never write at once: the helper
 * stops writing before the handler goes on.
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
        Notifier notifier = selected == null && notifications == null ? null
                : new Notifier(session, selected, notifications);
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

    /** Writes the selected mailbox's changes while the session idles. */
    private static final class Notifier implements Runnable {
        private final Session session;
        private final SelectedMailbox selected;
        private final Notifications notifications;
        private final Semaphore changes = new Semaphore(0);
        private final Thread thread;
        private volatile boolean stopped;

        /** Either of {@code selected} and {@code notifications} may be null. */
        Notifier(Session session, SelectedMailbox selected, Notifications notifications) {
            this.session = session;
            this.selected = selected;
            this.notifications = notifications;
            if (selected != null) {
                selected.onChange(changes::release);
            }
            if (notifications != null) {
                notifications.onChange(changes::release);
            }
            this.thread = new Thread(this, Thread.currentThread().getName() + "-idle");
            thread.setDaemon(true);
            thread.start();
            if (selected != null && selected.hasPending() || notifications != null && notifications.hasPending()) {
                changes.release();
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    changes.acquire();
                    changes.drainPermits();
                    if (stopped) {
                        return;
                    }
                    if (selected != null) {
                        selected.sync(session.out(), true);
                    }
                    session.tellNotifications();
                    session.out().flush();
                }
            } catch (InterruptedException | IOException e) {
                // The connection is closing or the IDLE ended; the handler's thread goes on.
            }
        }

        void stop() {
            if (selected != null) {
                selected.onChange(null);
            }
            if (notifications != null) {
                notifications.onChange(null);
            }
            stopped = true;
            changes.release();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
