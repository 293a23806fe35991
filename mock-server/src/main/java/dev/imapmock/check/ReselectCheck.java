package dev.imapmock.check;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code reselect} (wasteful): SELECT of the mailbox that is already selected, or EXAMINE of the
 * one already examined. The server reports new mail and flag changes on NOOP (RFC 3501 §6.1.2) or
 * IDLE; a reselect costs a full mailbox open on a real server. Switching between SELECT and
 * EXAMINE of the same mailbox changes read-write to read-only or back, so it is not a reselect.
 * Counted per mailbox.
 */
final class ReselectCheck implements ClientCheck {
    private final Map<String, Integer> counts = new HashMap<>();
    /** The command that selected the mailbox now selected, SELECT or EXAMINE; null when none is. */
    private String openedBy;

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (!(event instanceof ClientEvent.Command c)) {
            return;
        }
        if (c.selectedAfter() == null) {
            openedBy = null;
            return;
        }
        if (!(c.is("SELECT") || c.is("EXAMINE")) || !c.ok()) {
            return;
        }
        String before = openedBy;
        openedBy = c.name();
        if (c.selectedBefore() == null || !c.selectedBefore().equals(c.selectedAfter()) || !c.name().equals(before)) {
            return;
        }
        int n = counts.merge(c.name() + " " + c.selectedAfter(), 1, Integer::sum);
        report.wasteful("reselect", "RFC 3501 §6.1.2", c.name() + " " + c.selectedAfter(),
                c.selectedAfter() + " was selected again while already selected; NOOP or IDLE reports"
                        + " its changes without reopening it", n);
    }
}
