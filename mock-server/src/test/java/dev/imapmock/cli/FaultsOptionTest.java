package dev.imapmock.cli;

import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsOptionTest {

    @Test
    void faultsFileIsLoadedIntoTheServer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("faults.txt");
        Files.writeString(file, "on LOGIN respond NO [UNAVAILABLE] Down\ngreeting delay 10ms\n");
        Options options = Options.parse(new String[] {"--port", "0", "--user", "a:b", "--faults", file.toString()});
        assertThat(options.faults()).isEqualTo(file);
        try (ImapMockServer server = Launcher.build(options, new PrintStream(new ByteArrayOutputStream()))) {
            assertThat(server.faults().rules()).hasSize(2);
        }
    }

    @Test
    void aBadFaultsFileFailsTheLaunchWithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("faults.txt");
        Files.writeString(file, "on LOGIN frobnicate\n");
        Options options = Options.parse(new String[] {"--faults", file.toString()});
        assertThatThrownBy(() -> Launcher.build(options, new PrintStream(new ByteArrayOutputStream())))
                .hasMessage(file + ":1: unknown condition or effect: frobnicate");
    }

    @Test
    void helpMentionsTheOption() {
        assertThat(Options.HELP).contains("--faults FILE");
    }
}
