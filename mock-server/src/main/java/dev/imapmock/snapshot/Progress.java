package dev.imapmock.snapshot;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;

/**
 * Progress on standard error: mailboxes and messages done, octets and rate. On a terminal one line
 * is rewritten in place (at most five times a second); elsewhere ({@code --progress} into a log) a
 * line is printed per mailbox. Silent when off.
 */
final class Progress {
    private static final long REDRAW_MILLIS = 200;

    private final PrintStream err;
    private final boolean enabled;
    private final boolean terminal;
    private final Clock clock;
    private final long started;
    private long drawn;
    private int mailboxes;
    private int mailboxesDone;
    private long messagesDone;
    private long octets;
    private String current = "";
    private int currentDone;
    private int currentTotal;

    Progress(PrintStream err, boolean enabled, boolean terminal, Clock clock) {
        this.err = err;
        this.enabled = enabled;
        this.terminal = terminal;
        this.clock = clock;
        this.started = clock.millis();
    }

    void mailboxes(int count) {
        mailboxes = count;
    }

    void mailbox(String name, int messages) {
        current = name;
        currentDone = 0;
        currentTotal = messages;
        draw(true);
    }

    void message(long size) {
        currentDone++;
        messagesDone++;
        octets += size;
        draw(false);
    }

    void mailboxDone() {
        mailboxesDone++;
        if (enabled && !terminal) {
            err.println("imapmock: snapshot: " + line());
        }
        draw(true);
    }

    void finish() {
        if (enabled && terminal) {
            err.print("\r" + line() + "\u001b[K\n");
            err.flush();
        }
    }

    private void draw(boolean force) {
        if (!enabled || !terminal) {
            return;
        }
        long now = clock.millis();
        if (!force && now - drawn < REDRAW_MILLIS) {
            return;
        }
        drawn = now;
        err.print("\r" + line() + "\u001b[K");
        err.flush();
    }

    String line() {
        double seconds = Math.max(0.001, (clock.millis() - started) / 1000.0);
        return String.format(Locale.ROOT, "%d/%d mailboxes, %s %d/%d, %d messages, %s, %s/s", mailboxesDone, mailboxes,
                current, currentDone, currentTotal, messagesDone, size(octets), size((long) (octets / seconds)));
    }

    static String size(long octets) {
        if (octets < 1024) {
            return octets + " B";
        }
        if (octets < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", octets / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", octets / (1024.0 * 1024));
    }
}
