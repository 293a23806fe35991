package dev.imapmock.cli;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --sasl-mechanisms LIST} and {@code --max-failed-logins N}. */
@Timeout(30)
class SaslOptionsTest {

    private static ImapMockServer start(String... args) {
        return Launcher.build(Options.parse(args), new PrintStream(new ByteArrayOutputStream())).start();
    }

    private static String refusal(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void saslMechanismsChooseTheAuthListInTheOrderGiven() {
        assertThat(Options.parse(new String[] {"--sasl-mechanisms", "xoauth2, PLAIN"}).saslMechanisms())
                .containsExactly("xoauth2", "PLAIN");
        try (ImapMockServer server = start("--port", "0", "--user", "alice:secret", "--token", "alice:ya29.test",
                "--sasl-mechanisms", "XOAUTH2,PLAIN,LOGIN");
             RawClient c = new RawClient(server.host(), server.port())) {
            assertThat(c.readLine()).endsWith(" AUTH=XOAUTH2 AUTH=PLAIN AUTH=LOGIN] ImapMock ready.");
            c.play("""
                    C: a1 AUTHENTICATE OAUTHBEARER =
                    S: a1 NO Unsupported authentication mechanism.
                    C: a2 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==
                    S~ a2 OK \\[CAPABILITY IMAP4rev1 .*\\] Logged in
                    """);
        }
    }

    @Test
    void withoutTheFlagTheDefaultIsDovecotsPlainAndLogin() {
        try (ImapMockServer server = start("--port", "0", "--user", "alice:secret");
             RawClient c = new RawClient(server.host(), server.port())) {
            assertThat(c.readLine()).endsWith(" AUTH=PLAIN AUTH=LOGIN] ImapMock ready.");
        }
    }

    @Test
    void maxFailedLoginsSaysByeAfterTheNthFailure() {
        assertThat(Options.parse(new String[0]).maxFailedLogins()).isZero();
        try (ImapMockServer server = start("--port", "0", "--user", "alice:secret", "--max-failed-logins", "2");
             RawClient c = new RawClient(server.host(), server.port())) {
            c.readLine();
            c.play("""
                    C: a1 LOGIN alice wrong
                    S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: a2 LOGIN alice wrong
                    S: a2 NO [AUTHENTICATIONFAILED] Authentication failed.
                    S: * BYE Too many failed login attempts; closing
                    """);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void badValuesAreRefusedWithTheOptionNamed() {
        assertThat(refusal("--sasl-mechanisms", "PLAIN,DIGEST-MD5")).isEqualTo("imapmock: --sasl-mechanisms: No SASL"
                + " mechanism named DIGEST-MD5; the mechanisms are [PLAIN, LOGIN, CRAM-MD5, SCRAM-SHA-1,"
                + " SCRAM-SHA-1-PLUS, SCRAM-SHA-256, SCRAM-SHA-256-PLUS, XOAUTH2, OAUTHBEARER] (see --help)\n");
        assertThat(refusal("--sasl-mechanisms", "PLAIN,plain"))
                .isEqualTo("imapmock: --sasl-mechanisms: SASL mechanism given twice: PLAIN (see --help)\n");
        assertThat(refusal("--sasl-mechanisms")).isEqualTo("imapmock: --sasl-mechanisms needs a value (see --help)\n");
        assertThat(refusal("--max-failed-logins", "-1"))
                .isEqualTo("imapmock: --max-failed-logins needs a number, 0 or more, not -1 (see --help)\n");
        assertThat(refusal("--max-failed-logins", "three"))
                .isEqualTo("imapmock: --max-failed-logins needs a number, 0 or more, not three (see --help)\n");
    }

    @Test
    void helpDescribesBothFlags() {
        assertThat(Options.HELP).contains("--sasl-mechanisms LIST").contains("e.g. PLAIN,LOGIN,XOAUTH2")
                .contains("--max-failed-logins N");
    }
}
