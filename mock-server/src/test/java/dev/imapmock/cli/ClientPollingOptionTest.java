package dev.imapmock.cli;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --client-polling-seconds N}: the client checks' polling interval of the standalone server. */
@Timeout(30)
class ClientPollingOptionTest {

    @Test
    void theOptionSetsTheIntervalTheFindingNames() {
        assertThat(Options.parse(new String[0]).pollingSeconds()).isZero();
        ImapMockServer built = Launcher.build(Options.parse(new String[] {"--port", "0", "--user", "alice:secret",
                "--client-polling-seconds", "900"}), new PrintStream(new ByteArrayOutputStream()));
        try (ImapMockServer server = built.start(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s1", "SELECT INBOX");
            for (int i = 0; i < 3; i++) {
                c.command("n" + i, "NOOP");
            }
            assertThat(server.clientReport().get(0).explanation()).startsWith("3 polls less than 900 seconds apart");
        }
    }

    @Test
    void aValueBelowOneIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"--client-polling-seconds", "0"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("imapmock: --client-polling-seconds needs a number of seconds, 1 or more, not 0 (see --help)\n");
    }
}
