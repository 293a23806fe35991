package dev.imapmock.fault;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(20)
class FaultFileTest {
    private final ImapMockServer server = ImapMockServer.builder().user("alice", "secret")
            .token("alice", "ya29.test").build();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyLineKindBecomesTheSameRuleAsInJava() {
        List<FaultRule> rules = server.faults().load("""
                # A comment, then a blank line

                on LOGIN respond NO [UNAVAILABLE] Down for maintenance
                on STATUS nth 2 respond NO [UNAVAILABLE] Try later
                on UID FETCH times 3 in-literal 100 reset
                on "UID FETCH" after-bytes 20 disconnect
                on * probability 0.25 delay uniform 100ms 2s
                on SELECT mailbox Work user alice connection 1 delay 500ms
                on FETCH connections 2-3 throttle 1000
                on FETCH connections-from 4 slice 3 1ms
                on NOOP args-contain x optional stall
                on NOOP args-match ^a+$ after-tagged inject * 3 EXISTS | * OK [ALERT] Hi there
                on FETCH before-response delay lognormal 200ms 0.5
                on APPEND over-quota
                on SELECT once bump-uidvalidity
                on DELETE always name gone remove-mailbox
                on NOOP garbage \\x00\\xff\\r\\n
                greeting bye Too many connections
                idle 5s bye Server shutting down
                on IDLE while-idle 1s inject * 4 EXISTS
                autologout 30s
                refuse-after 10
                seed 42
                """);
        assertThat(rules).extracting(FaultRule::name).containsExactly(
                "#1 LOGIN: respond NO [UNAVAILABLE] Down for maintenance",
                "#2 STATUS nth 2: respond NO [UNAVAILABLE] Try later",
                "#3 UID FETCH times 3 in literal after 100 bytes: reset",
                "#4 UID FETCH after 20 bytes: disconnect",
                "#5 any command probability 0.25: delay uniform 100ms 2s",
                "#6 SELECT mailbox Work user alice connection 1: delay 500ms",
                "#7 FETCH connections 2-3: throttle 1000",
                "#8 FETCH connections from 4: slice 3 1ms",
                "#9 NOOP arguments contain \"x\": stall",
                "#10 NOOP arguments match /^a+$/ after tagged: inject * 3 EXISTS | * OK [ALERT] Hi there",
                "#11 FETCH before response: delay lognormal 200ms 0.5",
                "#12 APPEND: respond NO [OVERQUOTA] Quota exceeded",
                "#13 SELECT times 1: bump-uidvalidity",
                "gone",
                "#15 NOOP: garbage \\x00\\xff\\r\\n",
                "#16 greeting: bye Too many connections",
                "#17 IDLE while idle after 5s: bye Server shutting down",
                "#18 IDLE while idle after 1s: inject * 4 EXISTS",
                "#19 connection: autologout 30s",
                "#20 greeting connections from 11: bye Too many connections");
        assertThat(rules.get(8).isExpected()).isFalse();
        assertThat(((FaultEffect.Garbage) rules.get(14).effects().get(0)).bytes()).containsExactly(0, 0xff, '\r', '\n');
    }

    @Test
    void aBadLineNamesItsPlaceAndAddsNothing() {
        assertThatThrownBy(() -> server.faults().load("on LOGIN respond NO Down\non SELECT explode\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text:2: unknown condition or effect: explode");
        assertThatThrownBy(() -> server.faults().load("on FETCH after-tagged throttle 100"))
                .hasMessage("text:1: 'throttle 100' can't happen after tagged");
        assertThatThrownBy(() -> server.faults().load("on FETCH delay soon"))
                .hasMessage("text:1: not a duration (like 500ms, 2s, 1m): soon");
        assertThatThrownBy(() -> server.faults().load("on FETCH"))
                .hasMessage("text:1: the line ends too early: on FETCH");
        assertThat(server.faults().rules()).isEmpty();
    }

    @Test
    void aLoadedFileDrivesTheServer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("faults.txt");
        Files.writeString(file, "on NOOP nth 2 respond NO [UNAVAILABLE] Try later\n", StandardCharsets.UTF_8);
        server.faults().load(file);
        server.start();
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 NOOP
                    S: a1 OK NOOP completed.
                    C: a2 NOOP
                    S: a2 NO [UNAVAILABLE] Try later
                    """);
        }
    }

    @Test
    void theExampleInTheDocsParses() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "faults.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("# comments and blank lines are skipped");
        String example = doc.substring(start, doc.indexOf("```", start));
        assertThat(server.faults().load(example)).hasSize(21);
    }

    @Test
    void durationsReadAsDocumented() {
        assertThat(FaultFile.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(FaultFile.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(FaultFile.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(FaultFile.duration("40")).isEqualTo(Duration.ofMillis(40));
    }
}
