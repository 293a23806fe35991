package dev.imapmock.check;

import dev.imapmock.Extension;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code polling-instead-of-idle} (wasteful): the same poll sent again and again, less than
 * {@link CheckLimits#pollingInterval()} apart (the server's clock), by a connection that never
 * used IDLE although the server offers it (RFC 2177 §1). A poll is NOOP or CHECK (of the selected
 * mailbox) or STATUS of one mailbox; STATUS of several mailboxes one after another, as a client
 * shows its folder list, is not polling, so each STATUS target keeps its own streak. Reported from
 * the {@link CheckLimits#pollingStreak()}th poll of a streak on, with the streak's length as count.
 */
final class PollingCheck implements ClientCheck {
    private final boolean idleOffered;
    private final Duration interval;
    private final int streakLength;
    private final Map<String, Streak> streaks = new HashMap<>();
    private boolean idled;

    /** The polls of one target so far: the last one's time, the streak's length and its first command. */
    private static final class Streak {
        Instant last;
        int length;
        String first;
    }

    PollingCheck(Set<Extension> offered, CheckLimits limits) {
        this.idleOffered = offered.contains(Extension.IDLE);
        this.interval = limits.pollingInterval();
        this.streakLength = limits.pollingStreak();
    }

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (!idleOffered || !(event instanceof ClientEvent.Command c) || c.user() == null) {
            return;
        }
        if (c.is("IDLE")) {
            idled = true;
        }
        String target = idled ? null : target(c);
        if (target == null) {
            return;
        }
        Streak s = streaks.computeIfAbsent(target, t -> new Streak());
        if (s.last != null && Duration.between(s.last, c.time()).compareTo(interval) < 0) {
            s.length++;
        } else {
            s.length = 1;
            s.first = c.is("STATUS") ? target
                    : c.name() + (c.selectedBefore() == null ? "" : " in " + c.selectedBefore());
        }
        s.last = c.time();
        if (s.length >= streakLength) {
            report.wasteful("polling-instead-of-idle", "RFC 2177 §1", s.first + " (polling)",
                    s.length + " polls less than " + seconds(interval) + " apart although the server"
                            + " offers IDLE; IDLE hears of new mail at once and costs no round trips", s.length);
        }
    }

    /** What a poll asks about: "NOOP" for NOOP and CHECK, "STATUS name" for STATUS; null for any other command. */
    private static String target(ClientEvent.Command c) {
        if (c.is("NOOP") || c.is("CHECK")) {
            return "NOOP";
        }
        if (c.is("STATUS") && !c.malformed() && !c.args().isEmpty() && c.args().get(0).text() != null) {
            return "STATUS " + c.args().get(0).text();
        }
        return null;
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " seconds";
    }
}
