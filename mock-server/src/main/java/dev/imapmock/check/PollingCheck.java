package dev.imapmock.check;

import dev.imapmock.Extension;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@code polling-instead-of-idle} (wasteful): NOOP, CHECK or STATUS sent again and again, less
 * than {@link #INTERVAL} apart (the server's clock), by a connection that never used IDLE although
 * the server offers it (RFC 2177 §1). Reported from the {@value #STREAK}th poll of a streak on,
 * with the streak's length as count.
 */
final class PollingCheck implements ClientCheck {
    static final Duration INTERVAL = Duration.ofSeconds(60);
    static final int STREAK = 3;
    private static final Set<String> POLLS = Set.of("NOOP", "CHECK", "STATUS");

    private final boolean idleOffered;
    private boolean idled;
    private Instant last;
    private int streak;
    private String first;

    PollingCheck(Set<Extension> offered) {
        this.idleOffered = offered.contains(Extension.IDLE);
    }

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (!idleOffered || !(event instanceof ClientEvent.Command c) || c.user() == null) {
            return;
        }
        if (c.is("IDLE")) {
            idled = true;
        }
        if (idled || !POLLS.contains(c.name())) {
            return;
        }
        if (last != null && Duration.between(last, c.time()).compareTo(INTERVAL) < 0) {
            streak++;
        } else {
            streak = 1;
            first = c.name() + (c.selectedBefore() == null ? "" : " in " + c.selectedBefore());
        }
        last = c.time();
        if (streak >= STREAK) {
            report.wasteful("polling-instead-of-idle", "RFC 2177 §1", first + " (polling)",
                    streak + " polls less than " + INTERVAL.toSeconds() + " seconds apart although the server"
                            + " offers IDLE; IDLE hears of new mail at once and costs no round trips", streak);
        }
    }
}
