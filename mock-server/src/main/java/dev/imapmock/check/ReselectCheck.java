package dev.imapmock.check;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code reselect} (wasteful): SELECT or EXAMINE of the mailbox that is already selected. The
 * server reports new mail and flag changes on NOOP (RFC 3501 §6.1.2) or IDLE; a reselect costs a
 * full mailbox open on a real server. Counted per mailbox.
 */
final class ReselectCheck implements ClientCheck {
    private final Map<String, Integer> counts = new HashMap<>();

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (!(event instanceof ClientEvent.Command c) || !(c.is("SELECT") || c.is("EXAMINE")) || !c.ok()
                || c.selectedBefore() == null || !c.selectedBefore().equals(c.selectedAfter())) {
            return;
        }
        int n = counts.merge(c.selectedAfter(), 1, Integer::sum);
        report.wasteful("reselect", "RFC 3501 §6.1.2", "SELECT " + c.selectedAfter(),
                c.selectedAfter() + " was selected again while already selected; NOOP or IDLE reports"
                        + " its changes without reopening it", n);
    }
}
