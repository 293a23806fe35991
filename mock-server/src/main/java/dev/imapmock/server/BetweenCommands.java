package dev.imapmock.server;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Writes what NOTIFY asked for (RFC 5465 §3: the server sends notifications whenever it may send
 * untagged data) while the connection's thread waits for the client's next command, as Dovecot
 * does, so that a client that only listens hears of new mail at once. Only NOTIFY's own responses
 * (STATUS, LIST, METADATA) go out here; the selected mailbox's EXISTS, EXPUNGE and FETCH wait for
 * the next command, so that sequence numbers never change under a command the client is sending.
 *
 * <p>One helper thread for one wait. The connection's thread calls {@link #stop()} before it writes
 * anything itself (a literal's continuation, the command's responses), so the two never write at
 * once.
 */
final class BetweenCommands implements Runnable {
    private final Session session;
    private final Notifications notifications;
    private final Semaphore changes = new Semaphore(0);
    private final Thread thread;
    private volatile boolean stopped;

    private BetweenCommands(Session session, Notifications notifications, String name) {
        this.session = session;
        this.notifications = notifications;
        notifications.onChange(changes::release);
        this.thread = new Thread(this, name + "-notify");
        thread.setDaemon(true);
        thread.start();
        if (notifications.hasPending()) {
            changes.release();
        }
    }

    /**
     * Starts writing the session's NOTIFY news until {@link #stop()}.
     *
     * @param session the session, with NOTIFY on
     * @return the running helper, or null when the session has no NOTIFY
     */
    static BetweenCommands start(Session session) {
        Notifications n = session.notifications();
        return n == null ? null : new BetweenCommands(session, n, Thread.currentThread().getName());
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
                session.tellNotifications();
                session.out().flush();
            }
        } catch (InterruptedException | IOException e) {
            // The connection is closing, or the client's command arrived; the connection's thread goes on.
        }
    }

    /** Stops writing and waits until the helper has; idempotent. */
    void stop() {
        if (stopped) {
            return;
        }
        notifications.onChange(null);
        stopped = true;
        changes.release();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
