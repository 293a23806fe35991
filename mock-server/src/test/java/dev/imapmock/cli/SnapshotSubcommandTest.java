package dev.imapmock.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher hands {@code snapshot ...} to the snapshot command instead of starting a server. */
class SnapshotSubcommandTest {
    @Test
    void snapshotIsASubcommandOfTheStandaloneJar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {"snapshot", "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar imapmock-server-<version>-standalone.jar snapshot");
        assertThat(Main.run(new String[] {"snapshot", "--host"}, new PrintStream(out), new PrintStream(err, true,
                StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("imapmock: --host needs a value (see snapshot --help)\n");
    }
}
