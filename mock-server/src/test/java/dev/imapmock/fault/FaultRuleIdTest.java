package dev.imapmock.fault;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules have ids that find them again, and keep the fault-file line they were read from. */
class FaultRuleIdTest {
    @Test
    void ruleIsFoundByIdUntilRemovedAndKeepsItsLine() {
        Faults faults = new Faults(0);
        FaultRule java = faults.on("SELECT").respond("NO Down");
        List<FaultRule> read = faults.load("  on LOGIN nth 2 respond NO [UNAVAILABLE] Try later  \nseed 7\n");
        FaultRule line = read.get(0);
        assertThat(java.id()).isEqualTo(1);
        assertThat(line.id()).isEqualTo(2);
        assertThat(java.line()).isNull();
        assertThat(line.line()).isEqualTo("on LOGIN nth 2 respond NO [UNAVAILABLE] Try later");
        assertThat(faults.rule(2)).containsSame(line);
        line.remove();
        assertThat(faults.rule(2)).isEmpty();
        faults.clear();
        assertThat(faults.rule(1)).isEmpty();
        assertThat(faults.on("NOOP").respond("NO x").id()).isEqualTo(3);
    }
}
