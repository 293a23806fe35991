package dev.imapmock.cli;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --preauth USER} and {@code --rev2-only}. */
@Timeout(20)
class PreauthRev2OptionTest {

    private static ImapMockServer build(String... args) {
        return Launcher.build(Options.parse(args), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void preauthGreetsEveryConnectionAsTheUser() {
        try (ImapMockServer server = build("--user", "alice:secret", "--preauth", "alice").start();
             RawClient first = new RawClient(server.host(), server.port());
             RawClient second = new RawClient(server.host(), server.port())) {
            first.play("S: * PREAUTH [CAPABILITY " + Capabilities.AFTER_LOGIN + "] Logged in as alice");
            second.play("S: * PREAUTH [CAPABILITY " + Capabilities.AFTER_LOGIN + "] Logged in as alice");
            assertThat(second.command("a1", "SELECT INBOX")).last().asString().startsWith("a1 OK [READ-WRITE]");
        }
    }

    @Test
    void preauthAsTheDemoUserWorksWithoutUsers() {
        try (ImapMockServer server = build("--preauth", Launcher.DEMO_USER).start();
             RawClient c = new RawClient(server.host(), server.port())) {
            c.play("S: * PREAUTH [CAPABILITY " + Capabilities.AFTER_LOGIN + "] Logged in as " + Launcher.DEMO_USER);
        }
    }

    @Test
    void preauthOfAnUnknownUserOrWithoutAValueIsRefused() {
        assertThatThrownBy(() -> build("--user", "alice:secret", "--preauth", "bob"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("preauthenticate names a user that is not configured: bob");
        assertThatThrownBy(() -> Options.parse(new String[] {"--preauth"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rev2OnlyDropsRev1FromTheGreetingAndCapability() {
        try (ImapMockServer server = build("--user", "alice:secret", "--rev2-only").start();
             RawClient c = new RawClient(server.host(), server.port())) {
            c.play("""
                    S: * OK [CAPABILITY %s] ImapMock ready.
                    C: a1 LOGIN alice secret
                    S: a1 OK [CAPABILITY %s] Logged in
                    C: a2 CHECK
                    S: a2 BAD Unknown command CHECK
                    """.formatted(Capabilities.BEFORE_LOGIN.replace("IMAP4rev1", "IMAP4rev2"),
                    Capabilities.AFTER_LOGIN.replace("IMAP4rev1", "IMAP4rev2")));
        }
    }

    @Test
    void withImap4rev2OffersBoth() {
        try (ImapMockServer server = build("--user", "alice:secret", "--with", "IMAP4rev2").start();
             RawClient c = new RawClient(server.host(), server.port())) {
            c.play("S: * OK [CAPABILITY " + Capabilities.BEFORE_LOGIN.replace("IMAP4rev1", "IMAP4rev1 IMAP4rev2")
                    + "] ImapMock ready.");
        }
    }

    @Test
    void theHelpNamesBothOptions() {
        assertThat(Options.HELP).contains("--preauth USER").contains("--rev2-only");
    }
}
