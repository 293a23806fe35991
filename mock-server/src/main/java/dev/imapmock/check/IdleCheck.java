package dev.imapmock.check;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code command-during-idle}: while idling, the client may only send {@code DONE} (RFC 2177 §3);
 * {@code idle-too-long}: an IDLE held longer than {@link CheckLimits#idleLimit()} (29 minutes)
 * without being renewed, which servers may end with an autologout (RFC 2177 §3; RFC 3501 §5.4).
 * Durations come from the server's clock, so a test can move it forward. Both are reported with the IDLE command, once it completes, or when
 * the connection ends while idling.
 */
final class IdleCheck implements ClientCheck {
    private final Duration limit;
    private Instant since;
    private String interruptedBy;
    private Duration held;

    IdleCheck(Duration limit) {
        this.limit = limit;
    }

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (event instanceof ClientEvent.IdleStarted s) {
            since = s.time();
            interruptedBy = null;
            held = null;
        } else if (since == null) {
            return;
        } else if (event instanceof ClientEvent.IdleLine l) {
            if (!l.line().trim().equalsIgnoreCase("DONE")) {
                interruptedBy = l.line();
            }
            held = Duration.between(since, l.time());
        } else if (event instanceof ClientEvent.Command c && c.is("IDLE")) {
            flush(report, c.line());
            since = null;
        } else if (event instanceof ClientEvent.Closed closed) {
            held = Duration.between(since, closed.time());
            flush(report, "IDLE");
            since = null;
        }
    }

    private void flush(Reporter report, String line) {
        if (interruptedBy != null) {
            String shown = interruptedBy.length() > 60 ? interruptedBy.substring(0, 60) + "..." : interruptedBy;
            report.violation("command-during-idle", "RFC 2177 §3", line,
                    "sent \"" + shown + "\" while idling; only DONE may end an IDLE, other commands go after it");
        }
        if (held != null && held.compareTo(limit) > 0) {
            report.violation("idle-too-long", "RFC 2177 §3", line,
                    "held IDLE for " + minutes(held) + "; end it with DONE and re-issue it at least every "
                            + minutes(limit) + ", or servers log the client out");
        }
        interruptedBy = null;
        held = null;
    }

    /** "30 minutes", or seconds for a limit under a minute. */
    private static String minutes(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " minutes" : d.toSeconds() + " seconds";
    }
}
