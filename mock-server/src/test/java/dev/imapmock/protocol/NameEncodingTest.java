package dev.imapmock.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NameEncodingTest {

    @Test
    void modifiedUtf7SpellsNamesAsRfc3501Does() {
        assertThat(NameEncoding.MODIFIED_UTF7.astring("Entw\u00fcrfe")).isEqualTo("Entw&APw-rfe");
        assertThat(NameEncoding.MODIFIED_UTF7.astring("a b")).isEqualTo("\"a b\"");
        assertThat(NameEncoding.MODIFIED_UTF7.string("Shared/")).isEqualTo("\"Shared/\"");
        assertThat(NameEncoding.MODIFIED_UTF7.decode("&AOk-")).isEqualTo("\u00e9");
    }

    @Test
    void utf8QuotesNamesBeyondAsciiAndTakesModifiedUtf7Literally() {
        assertThat(NameEncoding.UTF8.astring("INBOX")).isEqualTo("INBOX");
        assertThat(NameEncoding.UTF8.astring("&AOk-")).isEqualTo("&AOk-");
        assertThat(NameEncoding.UTF8.astring("Entw\u00fcrfe")).isEqualTo("\"Entw\u00fcrfe\"");
        assertThat(NameEncoding.UTF8.astring("say \"caf\u00e9\"\\")).isEqualTo("\"say \\\"caf\u00e9\\\"\\\\\"");
        assertThat(NameEncoding.UTF8.string("Shared/")).isEqualTo("\"Shared/\"");
        assertThat(NameEncoding.UTF8.decode("&AOk-")).isEqualTo("&AOk-");
        assertThat(NameEncoding.UTF8.decode("\u65e5\u672c/\ud83d\udce8")).isEqualTo("\u65e5\u672c/\ud83d\udce8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "tab\there", "del\u007f", "c1\u0085", "line\u2028sep", "para\u2029sep"})
    void utf8RefusesTheCharactersRfc6855KeepsOutOfNames(String name) {
        assertThatThrownBy(() -> NameEncoding.UTF8.decode(name)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("which a mailbox name may not hold");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad\ufffd", "lone\ud83d", "lone\udce8"})
    void utf8RefusesWhatWasNotUtf8(String name) {
        assertThatThrownBy(() -> NameEncoding.UTF8.decode(name)).isInstanceOf(ProtocolException.class)
                .hasMessage("Mailbox name is not valid UTF-8");
    }
}
