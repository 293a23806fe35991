package dev.imapmock.cli;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WithoutOptionTest {

    @Test
    void repeatedAndCommaSeparatedNamesInAnyCaseLeaveExtensionsOut() {
        Options options = Options.parse(new String[] {"--port", "0", "--user", "a:b",
                "--without", "idle", "--without", "LITERAL+,literal_plus, Move"});
        assertThat(options.without()).containsExactlyInAnyOrder(Extension.IDLE, Extension.LITERAL_PLUS, Extension.MOVE);
        try (ImapMockServer server = Launcher.build(options, new PrintStream(new ByteArrayOutputStream()))) {
            assertThat(server.extensions()).doesNotContain(Extension.IDLE, Extension.LITERAL_PLUS, Extension.MOVE)
                    .contains(Extension.UIDPLUS);
        }
    }

    @Test
    void withTakesTheAdvertisedNameOfCompress() {
        Options options = Options.parse(new String[] {"--port", "0", "--user", "a:b", "--with", "COMPRESS=DEFLATE"});
        assertThat(options.with()).containsExactly(Extension.COMPRESS_DEFLATE);
    }

    @Test
    void withTurnsOnWhatIsOffByDefault() {
        Options options = Options.parse(new String[] {"--port", "0", "--user", "a:b", "--with", "objectid,PARTIAL"});
        assertThat(options.with()).containsExactlyInAnyOrder(Extension.OBJECTID, Extension.PARTIAL);
        try (ImapMockServer server = Launcher.build(options, new PrintStream(new ByteArrayOutputStream()))) {
            assertThat(server.extensions()).contains(Extension.OBJECTID, Extension.PARTIAL, Extension.IDLE);
        }
        assertThatThrownBy(() -> Options.parse(new String[] {"--with", "NOPE"}))
                .hasMessage("--with: no extension named NOPE; the extensions are " + Extension.names());
        assertThat(Options.HELP).contains("--with NAME");
    }

    @Test
    void anUnknownNameIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--without", "IDLE,FROB"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--without: no extension named FROB; the extensions are " + Extension.names());
        assertThatThrownBy(() -> Options.parse(new String[] {"--without"})).hasMessage("--without needs a value");
    }

    @Test
    void helpMentionsTheOption() {
        assertThat(Options.HELP).contains("--without NAME");
    }
}
