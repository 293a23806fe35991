package dev.imapmock.check;

import java.util.Set;

/**
 * {@code pipelined-after-expunge}: a command that uses message sequence numbers sent before the
 * answer to a command that may cause an EXPUNGE, so the numbers may no longer mean what the
 * client thought (RFC 3501 §5.5). Only FETCH, STORE and SEARCH (not their UID forms) guarantee
 * no EXPUNGE response (RFC 3501 §7.4.1).
 */
final class PipelineCheck implements ClientCheck {
    private static final Set<String> NO_EXPUNGE = Set.of("FETCH", "STORE", "SEARCH");
    private static final Set<String> SEQUENCE_NUMBERS = Set.of("FETCH", "STORE", "SEARCH", "COPY", "MOVE");

    private String previous;

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (!(event instanceof ClientEvent.Command c)) {
            return;
        }
        if (c.pipelined() && previous != null && !NO_EXPUNGE.contains(previous)
                && SEQUENCE_NUMBERS.contains(c.name()) && c.selectedBefore() != null) {
            report.violation("pipelined-after-expunge", "RFC 3501 §5.5", c.line(),
                    "sent " + c.name() + " with sequence numbers before " + previous + " completed, which may"
                            + " expunge and renumber messages; wait for its answer or use UID " + c.name());
        }
        previous = c.name();
    }
}
