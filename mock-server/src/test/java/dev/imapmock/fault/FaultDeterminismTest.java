package dev.imapmock.fault;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The same seed and the same rules give the same faults, run after run. */
@Timeout(30)
class FaultDeterminismTest {

    @Test
    void sameSeedGivesTheSameFaultSequence() {
        List<String> first = run(42);
        assertThat(run(42)).isEqualTo(first);
        assertThat(first).anyMatch(s -> s.contains(":NO:")).anyMatch(s -> s.contains(":OK:"));
    }

    @Test
    void anotherSeedGivesAnotherSequence() {
        assertThat(run(42)).isNotEqualTo(run(7));
    }

    @Test
    void faultsSeedResetsTheSequences() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            server.faults().seed(42);
            assertThat(conversation(server)).isEqualTo(run(42));
        }
    }

    @Test
    void randomDelaysDrawTheSameValuesFromTheSameSeed() {
        Latency uniform = Latency.uniform(Duration.ofMillis(10), Duration.ofMillis(500));
        Latency logNormal = Latency.logNormal(Duration.ofMillis(100), 0.5);
        List<Duration> first = draws(uniform, logNormal, 5);
        assertThat(draws(uniform, logNormal, 5)).isEqualTo(first);
        assertThat(first).allSatisfy(d -> assertThat(d).isPositive());
    }

    private static List<Duration> draws(Latency a, Latency b, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Duration> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(a.draw(random));
            out.add(b.draw(random));
        }
        return out;
    }

    /** Two connections, one after the other, each sending 30 NOOPs against a coin-flip rule. */
    private static List<String> run(long seed) {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").faultSeed(seed).build().start()) {
            return conversation(server);
        }
    }

    private static List<String> conversation(ImapMockServer server) {
        server.faults().on("NOOP").probability(0.5).respond("NO [UNAVAILABLE] Flaky");
        server.faults().on("NOOP").connection(2).probability(0.3).delay(Latency.uniform(Duration.ZERO, Duration.ofMillis(2)));
        for (int conn = 0; conn < 2; conn++) {
            try (RawClient c = RawClient.login(server, "alice", "secret")) {
                for (int i = 0; i < 30; i++) {
                    c.command("n" + i, "NOOP");
                }
            }
        }
        try {
            // The journal records a command just after its answer leaves: wait for the last one.
            server.journal().await(c -> c.connection() == 2 && "n29".equals(c.tag()), "the last NOOP",
                    Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        List<String> seen = new ArrayList<>();
        for (ReceivedCommand c : server.journal().commands("NOOP")) {
            seen.add(c.connection() + ":" + c.outcome().status() + ":" + c.faults().size());
        }
        return seen;
    }
}
