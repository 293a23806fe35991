package dev.imapmock.cli;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Quota;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --quota USER:KIB[:MESSAGES]}, and {@code --with QUOTASET} for SETQUOTA. */
@Timeout(20)
class QuotaOptionTest {

    private static ImapMockServer build(String... args) {
        return Launcher.build(Options.parse(args), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void eachUserGetsTheGivenQuotaRootAndTheOthersNone() {
        try (ImapMockServer server = build("--user", "alice:secret", "--user", "bob:secret", "--user", "carol:secret",
                "--quota", "alice:64:30", "--quota", "bob:100").start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX "User quota"
                    S: * QUOTA "User quota" (STORAGE 0 64 MESSAGE 0 30)
                    S: a1 OK Getquotaroot completed.
                    C: a2 SETQUOTA "User quota" (STORAGE 1)
                    S: a2 NO Quota can be changed only by admin
                    """);
            assertThat(server.store().account("bob").orElseThrow().quota().usage())
                    .isEqualTo(new Quota.Usage(0, 0, 100 * 1024, Quota.NONE));
            assertThat(server.store().account("carol").orElseThrow().quota().usage().limited()).isFalse();
        }
    }

    @Test
    void withQuotasetSetquotaIsAllowed() {
        try (ImapMockServer server = build("--user", "alice:secret", "--with", "QUOTASET").start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 SETQUOTA "User quota" (MESSAGE 3)
                    S: * QUOTA "User quota" (MESSAGE 0 3)
                    S: a1 OK Setquota completed.
                    """);
        }
    }

    @Test
    void malformedValuesAndUnknownUsersAreRefusedWithTheReason() {
        for (String bad : new String[] {"alice", "alice:", ":64", "alice:x", "alice:64:", "alice:64:-1", "alice:1:2:3",
                "alice:99999999999999999"}) {
            assertThatThrownBy(() -> Options.parse(new String[] {"--quota", bad})).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--quota needs USER:KIB or USER:KIB:MESSAGES with whole numbers, 0 for no limit, not " + bad);
        }
        assertThatThrownBy(() -> Options.parse(new String[] {"--quota"})).hasMessage("--quota needs a value");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"--port", "0", "--user", "alice:secret", "--quota", "bob:64"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("imapmock: quota names a user that is not configured: bob" + System.lineSeparator());
    }

    @Test
    void helpDescribesTheOption() {
        assertThat(Standalone.help()).contains("--quota USER:KIB[:MESSAGES]").contains("QUOTASET");
    }
}
