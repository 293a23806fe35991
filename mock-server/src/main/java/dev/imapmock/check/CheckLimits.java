package dev.imapmock.check;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of the client checks, given to a server with
 * {@code ImapMockServer.builder().clientChecks(limits)}. Immutable: each {@code with...} method
 * returns a copy with one threshold changed, so
 * {@code CheckLimits.DEFAULTS.withPollingInterval(Duration.ofMinutes(5))} is the defaults with a
 * five-minute polling interval. Rules without a threshold (such as {@code reselect}) are not
 * affected; docs/client-checks.md lists which rule reads which threshold.
 *
 * @param pollingInterval {@code polling-instead-of-idle}: polls (NOOP, CHECK, or STATUS of the same
 *                        mailbox) less than this far apart on the server's clock count as one streak;
 *                        default 60 seconds
 * @param pollingStreak   {@code polling-instead-of-idle}: the streak's length from which it is
 *                        reported; default 3
 * @param fetchRun        {@code one-fetch-per-message} and {@code search-then-fetch-each}: how many
 *                        single-message FETCHes in a row are reported; default 3
 * @param idleLimit       {@code idle-too-long}: an IDLE held longer than this without being renewed
 *                        is a violation; default 29 minutes (RFC 2177 §3)
 * @param maxLineOctets   {@code line-too-long}: a command line (without its literals) longer than
 *                        this is a violation; default 8192 octets (RFC 7162 §4)
 * @param fullSyncs       {@code full-resync-despite-condstore}: how many full flag or header syncs
 *                        of one mailbox (per user) are fine before each further one counts;
 *                        default 1
 */
public record CheckLimits(Duration pollingInterval, int pollingStreak, int fetchRun, Duration idleLimit,
                          long maxLineOctets, int fullSyncs) {

    /**
     * The defaults: 60 seconds and a streak of 3 for polling, runs of 3 FETCHes, 29 minutes of
     * IDLE, 8192 octets, 1 full sync.
     */
    public static final CheckLimits DEFAULTS =
            new CheckLimits(Duration.ofSeconds(60), 3, 3, Duration.ofMinutes(29), 8192, 1);

    /**
     * Checks every threshold.
     *
     * @param pollingInterval the polling interval, positive
     * @param pollingStreak   the polling streak, at least 2
     * @param fetchRun        the FETCH run, at least 2
     * @param idleLimit       the IDLE limit, positive
     * @param maxLineOctets   the longest command line, positive
     * @param fullSyncs       the full syncs that are fine, at least 1
     * @throws NullPointerException     when a duration is null
     * @throws IllegalArgumentException when a threshold is out of its range
     */
    public CheckLimits {
        Objects.requireNonNull(pollingInterval, "pollingInterval");
        Objects.requireNonNull(idleLimit, "idleLimit");
        positive(pollingInterval, "pollingInterval");
        positive(idleLimit, "idleLimit");
        atLeast(pollingStreak, 2, "pollingStreak");
        atLeast(fetchRun, 2, "fetchRun");
        atLeast(maxLineOctets, 1, "maxLineOctets");
        atLeast(fullSyncs, 1, "fullSyncs");
    }

    /**
     * These limits with another polling interval.
     *
     * @param interval polls less than this far apart form a streak; positive
     * @return a copy with {@code interval}
     * @throws IllegalArgumentException when {@code interval} is zero or negative
     * @throws NullPointerException     when {@code interval} is null
     */
    public CheckLimits withPollingInterval(Duration interval) {
        return new CheckLimits(interval, pollingStreak, fetchRun, idleLimit, maxLineOctets, fullSyncs);
    }

    /**
     * These limits with another polling streak.
     *
     * @param polls the streak's length from which polling is reported; at least 2
     * @return a copy with {@code polls}
     * @throws IllegalArgumentException when {@code polls} is below 2
     */
    public CheckLimits withPollingStreak(int polls) {
        return new CheckLimits(pollingInterval, polls, fetchRun, idleLimit, maxLineOctets, fullSyncs);
    }

    /**
     * These limits with another FETCH run.
     *
     * @param fetches how many single-message FETCHes in a row are reported; at least 2
     * @return a copy with {@code fetches}
     * @throws IllegalArgumentException when {@code fetches} is below 2
     */
    public CheckLimits withFetchRun(int fetches) {
        return new CheckLimits(pollingInterval, pollingStreak, fetches, idleLimit, maxLineOctets, fullSyncs);
    }

    /**
     * These limits with another IDLE limit.
     *
     * @param limit an IDLE held longer is a violation; positive
     * @return a copy with {@code limit}
     * @throws IllegalArgumentException when {@code limit} is zero or negative
     * @throws NullPointerException     when {@code limit} is null
     */
    public CheckLimits withIdleLimit(Duration limit) {
        return new CheckLimits(pollingInterval, pollingStreak, fetchRun, limit, maxLineOctets, fullSyncs);
    }

    /**
     * These limits with another longest command line.
     *
     * @param octets a command line (without literals) longer is a violation; at least 1
     * @return a copy with {@code octets}
     * @throws IllegalArgumentException when {@code octets} is below 1
     */
    public CheckLimits withMaxLineOctets(long octets) {
        return new CheckLimits(pollingInterval, pollingStreak, fetchRun, idleLimit, octets, fullSyncs);
    }

    /**
     * These limits with another number of full syncs that are fine.
     *
     * @param syncs full syncs of one mailbox before each further one counts; at least 1
     * @return a copy with {@code syncs}
     * @throws IllegalArgumentException when {@code syncs} is below 1
     */
    public CheckLimits withFullSyncs(int syncs) {
        return new CheckLimits(pollingInterval, pollingStreak, fetchRun, idleLimit, maxLineOctets, syncs);
    }

    private static void positive(Duration d, String name) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    private static void atLeast(long value, long least, String name) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ": " + value);
        }
    }
}
