package dev.imapmock.cli;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.Profile;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --profile NAME} and {@code --profile FILE}. */
@Timeout(30)
class ProfileOptionTest {

    private static ImapMockServer build(String... args) {
        return Launcher.build(Options.parse(args), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void aNamedProfileGreetsAndAdvertisesAsTheProvider() {
        try (ImapMockServer server = build("--port", "0", "--user", "a:b", "--profile", "gmail").start();
             RawClient c = new RawClient(server.host(), server.port())) {
            assertThat(c.readLine()).startsWith("* OK Gimap ready for requests from 127.0.0.1 ");
            c.play("""
                    C: l LOGIN a b
                    S~ l OK \\[CAPABILITY IMAP4rev1 UNSELECT IDLE .* APPENDLIMIT=35651584\\] Logged in
                    """);
        }
    }

    @Test
    void otherOptionsOverrideTheProfile() {
        try (ImapMockServer server = build("--user", "a:b", "--without", "IDLE", "--profile", "minimal", "--with", "MOVE")) {
            assertThat(server.capabilities(true)).isEqualTo("IMAP4rev1 MOVE");
        }
        try (ImapMockServer server = build("--user", "a:b", "--profile", "outlook", "--sasl-mechanisms", "PLAIN,LOGIN,XOAUTH2")) {
            assertThat(server.capabilities(false)).endsWith(" AUTH=PLAIN AUTH=LOGIN AUTH=XOAUTH2");
            assertThat(server.extensions()).doesNotContain(Extension.CONDSTORE);
        }
    }

    @Test
    void aProfileFileIsReadAndAMalformedOneRefusedWithItsLine(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("acme.profile");
        Files.writeString(good, "name acme\ngreeting Acme ready\n");
        assertThat(Options.parse(new String[] {"--profile", good.toString()}).profile().greeting()).isEqualTo("Acme ready");
        Path bad = dir.resolve("bad.profile");
        Files.writeString(bad, "name bad\n# fine\ncapabilities-before IMAP4rev1 XYZZY\n");
        assertThatThrownBy(() -> Options.parse(new String[] {"--profile", bad.toString()}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(bad + ", line 3: ImapMock does not emulate XYZZY; leave it out (docs/profiles.md)");
        assertThatThrownBy(() -> Options.parse(new String[] {"--profile", "hotmail"}))
                .hasMessageStartingWith("No profile hotmail: the profiles are dovecot, gmail, outlook, minimal,");
        assertThat(Options.parse(new String[] {"--profile", "icloud"}).profile().name()).isEqualTo("icloud");
        assertThat(Options.parse(new String[] {"--profile", "minimal"}).profile()).isSameAs(Profile.MINIMAL);
    }
}
