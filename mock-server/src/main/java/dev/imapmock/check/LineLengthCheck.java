package dev.imapmock.check;

/**
 * {@code line-too-long}: a command over {@link CheckLimits#maxLineOctets()} (8192) octets outside
 * its literals. RFC 7162 §4 asks
 * clients to stay within about 8192 octets, the length servers are known to take; longer sets
 * belong in several commands (or in ranges).
 */
final class LineLengthCheck implements ClientCheck {
    private final long limit;

    LineLengthCheck(long limit) {
        this.limit = limit;
    }

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (event instanceof ClientEvent.Command c && c.lineOctets() > limit) {
            String shown = c.line().length() > 80 ? c.line().substring(0, 80) + "..." : c.line();
            report.violation("line-too-long", "RFC 7162 §4", shown,
                    "sent a command line of " + c.lineOctets() + " octets (without literals); keep lines within "
                            + limit + " octets: split the command or use ranges such as 1:500");
        }
    }
}
