package dev.imapmock.snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line of {@code snapshot}: every mistake is one line on standard error and status 2. */
class SnapshotOptionsTest {

    private static String[] run(int expectedStatus, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SnapshotCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get, false);
        assertThat(status).as("err: %s", err).isEqualTo(expectedStatus);
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--host h --user u --out d|snapshot needs --password-env VAR or --token-env VAR",
        "--user u --password-env P --out d|snapshot needs --host HOST",
        "--host h --password-env P --out d|snapshot needs --user USER",
        "--host h --user u --password-env P|snapshot needs --out DIR",
        "--host h --user u --password-env P --token-env T --out d|give either --password-env or --token-env, not both",
        "--host h --user u --password-env P --out d --tls --imaps|give either --tls (STARTTLS) or --imaps",
        "--host h --user u --password-env P --out d --cafile ca.pem|--cafile needs --tls or --imaps",
        "--host h --user u --password-env P --out d --limit 0|--limit needs a number, 1 or more, not 0",
        "--host h --user u --password-env P --out d --since yesterday|--since needs a date such as 2024-03-01",
        "--host h --user u --password-env P --out d --port 70000|--port needs a number from 1 to 65535",
        "--host h --user u --password hunter2 --out d|--password is no option: secrets never go on the command line",
        "--host h --user u --password-env P --out d --insecure|snapshot: unknown option: --insecure",
        "--host h --user u --password-env P --out|--out needs a value",
    })
    void aBadCommandLineSaysWhatIsWrong(String args, String message) {
        String err = run(2, Map.of(), args.split(" "))[1];
        assertThat(err).startsWith("imapmock: ").contains(message).endsWith("(see snapshot --help)\n")
                .doesNotContain("hunter2");
    }

    @Test
    void anUnsetVariableIsNamedAndNothingIsTried() {
        assertThat(run(2, Map.of(), "--host", "h", "--user", "u", "--password-env", "IMAP_PW", "--out", "d")[1])
                .isEqualTo("imapmock: snapshot: the environment variable IMAP_PW is not set or empty\n");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run(0, Map.of(), "--help")[0]).contains("--password-env VAR", "--token-env VAR", "--anonymize SEED",
                "--mailbox PATTERN", "--limit N", "--since DATE", "--imaps", "--cafile PEM");
    }

    @Test
    void theDefaultPortFollowsTheTlsMode() {
        assertThat(SnapshotOptions.parse(new String[] {"--host", "h", "--user", "u", "--password-env", "P", "--out", "d"})
                .port()).isEqualTo(143);
        assertThat(SnapshotOptions.parse(new String[] {"--host", "h", "--user", "u", "--token-env", "T", "--out", "d",
            "--imaps"}).port()).isEqualTo(993);
    }

    @Test
    void uidsBecomeCompactSequenceSets() {
        assertThat(Snapshotter.sequenceSet(java.util.List.of(1L, 2L, 3L, 5L, 7L, 8L))).isEqualTo("1:3,5,7:8");
    }
}
