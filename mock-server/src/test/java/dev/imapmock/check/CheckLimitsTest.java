package dev.imapmock.check;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.MutableClock;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.imapmock.check.CheckFixtures.rules;
import static dev.imapmock.check.CheckFixtures.selected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each threshold of {@link CheckLimits}, changed both ways: a pattern the defaults let pass is
 * reported with a tighter threshold, and one the defaults report passes with a looser one.
 */
@Timeout(20)
class CheckLimitsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

    private ImapMockServer server(CheckLimits limits) {
        ImapMockServer.Builder builder = ImapMockServer.builder().user("alice", "secret").clock(clock);
        if (limits != null) {
            builder.clientChecks(limits);
        }
        return CheckFixtures.started(builder, 5, "");
    }


    /** Three NOOPs {@code apart} from each other, and the rules they gave. */
    private List<String> polls(CheckLimits limits, Duration apart) {
        try (ImapMockServer server = server(limits); RawClient c = selected(server)) {
            for (int i = 0; i < 3; i++) {
                clock.advance(apart);
                c.command("n" + i, "NOOP");
            }
            return rules(server);
        }
    }

    @Test
    void aLongerPollingIntervalReportsTwoMinutePollsTheDefaultsLetPass() {
        assertThat(polls(null, Duration.ofMinutes(2))).isEmpty();
        assertThat(polls(CheckLimits.DEFAULTS.withPollingInterval(Duration.ofMinutes(5)), Duration.ofMinutes(2)))
                .containsExactly("polling-instead-of-idle");
    }

    @Test
    void aShorterPollingIntervalOrALongerStreakLetsTenSecondPollsPass() {
        assertThat(polls(null, Duration.ofSeconds(10))).containsExactly("polling-instead-of-idle");
        assertThat(polls(CheckLimits.DEFAULTS.withPollingInterval(Duration.ofSeconds(5)), Duration.ofSeconds(10)))
                .isEmpty();
        assertThat(polls(CheckLimits.DEFAULTS.withPollingStreak(4), Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void theExplanationNamesTheIntervalInForce() {
        try (ImapMockServer server = server(CheckLimits.DEFAULTS.withPollingInterval(Duration.ofMinutes(5)));
             RawClient c = selected(server)) {
            for (int i = 0; i < 3; i++) {
                c.command("n" + i, "NOOP");
            }
            assertThat(server.clientReport().get(0).explanation()).startsWith("3 polls less than 300 seconds apart");
        }
    }

    /** FETCH 1, FETCH 2, FETCH 3 of the same items, and the rules they gave. */
    private List<String> fetches(CheckLimits limits, int count) {
        try (ImapMockServer server = server(limits); RawClient c = selected(server)) {
            for (int i = 1; i <= count; i++) {
                c.command("f" + i, "FETCH " + i + " (FLAGS)");
            }
            return rules(server);
        }
    }

    @Test
    void aShorterFetchRunReportsTwoFetchesAndALongerOneLetsThreePass() {
        assertThat(fetches(null, 2)).isEmpty();
        assertThat(fetches(CheckLimits.DEFAULTS.withFetchRun(2), 2)).containsExactly("one-fetch-per-message");
        assertThat(fetches(null, 3)).containsExactly("one-fetch-per-message");
        assertThat(fetches(CheckLimits.DEFAULTS.withFetchRun(4), 3)).isEmpty();
    }

    /** One IDLE held for {@code held}, and the rules it gave. */
    private List<String> idle(CheckLimits limits, Duration held) {
        try (ImapMockServer server = server(limits); RawClient c = selected(server)) {
            c.send("i1 IDLE");
            assertThat(c.readLine()).startsWith("+ ");
            clock.advance(held);
            c.send("DONE");
            c.readUntilTagged("i1");
            return rules(server);
        }
    }

    @Test
    void aShorterIdleLimitReportsTenMinutesAndALongerOneLetsThirtyPass() {
        assertThat(idle(null, Duration.ofMinutes(10))).isEmpty();
        assertThat(idle(CheckLimits.DEFAULTS.withIdleLimit(Duration.ofMinutes(9)), Duration.ofMinutes(10)))
                .containsExactly("idle-too-long");
        assertThat(idle(null, Duration.ofMinutes(30))).containsExactly("idle-too-long");
        assertThat(idle(CheckLimits.DEFAULTS.withIdleLimit(Duration.ofMinutes(60)), Duration.ofMinutes(30))).isEmpty();
    }

    @Test
    void aShorterLineLimitReportsA1000OctetLineAndALongerOneLetsA9000OctetOnePass() {
        String shortSet = "1" + ",1".repeat(500);
        String longSet = "1" + ",1".repeat(4500);
        try (ImapMockServer server = server(CheckLimits.DEFAULTS.withMaxLineOctets(512)); RawClient c = selected(server)) {
            c.command("f1", "FETCH " + shortSet + " (FLAGS)");
            assertThat(rules(server)).containsExactly("line-too-long");
        }
        try (ImapMockServer server = server(CheckLimits.DEFAULTS.withMaxLineOctets(16384)); RawClient c = selected(server)) {
            c.command("f1", "FETCH " + longSet + " (FLAGS)");
            assertThat(server.clientReport()).isEmpty();
        }
    }

    @Test
    void moreFullSyncsAllowedLetTheSecondPassAndCountFromTheThird() {
        try (ImapMockServer server = server(CheckLimits.DEFAULTS.withFullSyncs(2)); RawClient c = selected(server)) {
            c.command("f1", "FETCH 1:* (FLAGS)");
            c.command("f2", "FETCH 1:* (FLAGS)");
            assertThat(server.clientReport()).isEmpty();
            c.command("f3", "FETCH 1:* (FLAGS)");
            assertThat(rules(server)).containsExactly("full-resync-despite-condstore");
            assertThat(server.clientReport().get(0).count()).isEqualTo(1);
        }
    }

    @Test
    void eachThresholdRefusesValuesOutOfRange() {
        CheckLimits d = CheckLimits.DEFAULTS;
        assertThatThrownBy(() -> d.withPollingInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pollingInterval must be positive: PT0S");
        assertThatThrownBy(() -> d.withPollingStreak(1)).hasMessage("pollingStreak must be at least 2: 1");
        assertThatThrownBy(() -> d.withFetchRun(1)).hasMessage("fetchRun must be at least 2: 1");
        assertThatThrownBy(() -> d.withIdleLimit(Duration.ofMinutes(-1))).hasMessage("idleLimit must be positive: PT-1M");
        assertThatThrownBy(() -> d.withMaxLineOctets(0)).hasMessage("maxLineOctets must be at least 1: 0");
        assertThatThrownBy(() -> d.withFullSyncs(0)).hasMessage("fullSyncs must be at least 1: 0");
        assertThatThrownBy(() -> d.withIdleLimit(null)).isInstanceOf(NullPointerException.class);
        assertThat(d.withPollingInterval(Duration.ofMinutes(5)).withPollingStreak(4))
                .isEqualTo(new CheckLimits(Duration.ofMinutes(5), 4, 3, Duration.ofMinutes(29), 8192, 1));
    }
}
