package dev.imapmock.server;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Writes a session's news while its connection's thread waits for the client: the selected
 * mailbox's changes and what NOTIFY asked for during IDLE (RFC 2177, RFC 5465 §3), and NOTIFY's own
 * responses (STATUS, LIST, METADATA) between commands, as Dovecot sends them, so that a client that
 * only listens hears of new mail at once. Between commands the selected mailbox's EXISTS, EXPUNGE and
 * FETCH are not written here: they wait for the next command, so that sequence numbers never change
 * under a command the client is sending.
 *
 * <p>One helper thread for one wait. The connection's thread calls {@link #stop()} before it writes
 * anything itself (a literal's continuation, a command's responses), so the two never write at once.
 */
public final class NewsWriter implements Runnable {
    private final Session session;
    private final SelectedMailbox selected;
    private final Notifications notifications;
    private final Semaphore changes = new Semaphore(0);
    private final Thread thread;
    private volatile boolean stopped;

    private NewsWriter(Session session, SelectedMailbox selected, Notifications notifications, String name) {
        this.session = session;
        this.selected = selected;
        this.notifications = notifications;
        if (selected != null) {
            selected.onChange(changes::release);
        }
        if (notifications != null) {
            notifications.onChange(changes::release);
        }
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
        if (selected != null && selected.hasPending() || notifications != null && notifications.hasPending()) {
            changes.release();
        }
    }

    /**
     * Starts writing until {@link #stop()}.
     *
     * @param session       the session
     * @param selected      the selected mailbox whose changes to write, or null for none
     * @param notifications what NOTIFY asked for, or null for none
     * @param purpose       the helper thread's name after the connection's, such as {@code idle}
     * @return the running writer, or null when there is nothing to write
     */
    public static NewsWriter start(Session session, SelectedMailbox selected, Notifications notifications,
                                   String purpose) {
        return selected == null && notifications == null ? null
                : new NewsWriter(session, selected, notifications, Thread.currentThread().getName() + "-" + purpose);
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
                if (notifications != null) {
                    session.tellNotifications();
                }
                session.out().flush();
            }
        } catch (InterruptedException | IOException e) {
            // The connection is closing, or the wait ended; the connection's thread goes on.
        }
    }

    /** Stops writing and waits until the helper has; idempotent. */
    public void stop() {
        if (stopped) {
            return;
        }
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
