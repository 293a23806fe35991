package dev.imapmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModifiedUtf7Test {

    @Test
    void decodesTheRfcExample() {
        assertThat(ModifiedUtf7.decode("~peter/mail/&U,BTFw-/&ZeVnLIqe-")).isEqualTo("~peter/mail/台北/日本語");
    }

    @Test
    void encodesTheRfcExample() {
        assertThat(ModifiedUtf7.encode("~peter/mail/台北/日本語")).isEqualTo("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    }

    @Test
    void ampersandIsWrittenAsAmpersandDash() {
        assertThat(ModifiedUtf7.encode("Tom & Jerry")).isEqualTo("Tom &- Jerry");
        assertThat(ModifiedUtf7.decode("Tom &- Jerry")).isEqualTo("Tom & Jerry");
        assertThat(ModifiedUtf7.decode("&-&-")).isEqualTo("&&");
    }

    @Test
    void printableAsciiStandsForItself() {
        String ascii = " !\"#$%'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}~";
        assertThat(ModifiedUtf7.encode(ascii)).isEqualTo(ascii);
        assertThat(ModifiedUtf7.decode(ascii)).isEqualTo(ascii);
    }

    @Test
    void encodesCharactersOutsideTheBasicPlaneAsSurrogatePairs() {
        String name = "mail \uD83D\uDCE7";
        assertThat(ModifiedUtf7.encode(name)).isEqualTo("mail &2D3c5w-");
        assertThat(ModifiedUtf7.decode("mail &2D3c5w-")).isEqualTo(name);
    }

    @Test
    void encodesControlCharactersAndAccentsInOneRun() {
        assertThat(ModifiedUtf7.encode("Entw\u00fcrfe")).isEqualTo("Entw&APw-rfe");
        assertThat(ModifiedUtf7.decode("&AOkA6Q-")).isEqualTo("\u00e9\u00e9");
    }

    @Test
    void rejectsAnUnclosedShift() {
        assertThatThrownBy(() -> ModifiedUtf7.decode("a&Jjo"))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("Mailbox name \"a&Jjo\" is not valid modified UTF-7: the \"&\" at position 2 is never closed by \"-\"");
    }

    @Test
    void rejectsEncodedPrintableAscii() {
        // "&AGE-" is "a" in BASE64; the RFC requires it to be written as itself.
        assertThatThrownBy(() -> ModifiedUtf7.decode("&AGE-"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("Mailbox name \"&AGE-\" is not valid modified UTF-7: the encoded part at position 1 "
                        + "encodes \"a\", which must be written as itself");
    }

    @Test
    void rejectsAnEncodedAmpersand() {
        assertThatThrownBy(() -> ModifiedUtf7.decode("&ACY-")).isInstanceOf(ProtocolException.class);
    }

    @Test
    void rejectsTwoEncodedRunsWithNothingBetween() {
        assertThatThrownBy(() -> ModifiedUtf7.decode("&AOk-&AOk-"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("two encoded parts follow each other");
    }

    @Test
    void rejectsTheSlashOfOrdinaryBase64() {
        assertThatThrownBy(() -> ModifiedUtf7.decode("&U/BTFw-"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("\"/\" at position 3 is not modified BASE64");
    }

    @Test
    void rejectsBase64Padding() {
        assertThatThrownBy(() -> ModifiedUtf7.decode("&AOk=-")).isInstanceOf(ProtocolException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&AOl-", "&AO-", "&AOkA-", "&A-"})
    void rejectsRunsThatDoNotEndOnAWholeCharacter(String wire) {
        assertThatThrownBy(() -> ModifiedUtf7.decode(wire))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("does not end on a whole UTF-16 character");
    }

    @Test
    void rejectsALoneSurrogate() {
        assertThatThrownBy(() -> ModifiedUtf7.decode("&2D0-"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("half of a surrogate pair");
    }

    @ParameterizedTest
    @ValueSource(strings = {"caf\u00e9", "tab\there", "del\u007f"})
    void rejectsRawCharactersThatMustBeEncoded(String wire) {
        assertThatThrownBy(() -> ModifiedUtf7.decode(wire))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("must be written in modified BASE64");
    }

    @Test
    void encodeRefusesALoneSurrogate() {
        assertThatThrownBy(() -> ModifiedUtf7.encode("x\uD800y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void decodingTheEncodingGivesTheName(@ForAll("names") String name) {
        assertThat(ModifiedUtf7.decode(ModifiedUtf7.encode(name))).isEqualTo(name);
    }

    @Property
    void encodingIsPrintableAscii(@ForAll("names") String name) {
        assertThat(ModifiedUtf7.encode(name)).matches("[\\x20-\\x7e]*");
    }

    @Property
    void everyAcceptedWireFormIsTheCanonicalOne(@ForAll("wireLike") String wire) {
        String name;
        try {
            name = ModifiedUtf7.decode(wire);
        } catch (ProtocolException e) {
            return;
        }
        assertThat(ModifiedUtf7.encode(name)).isEqualTo(wire);
    }

    @Property
    void decodeThrowsOnlyProtocolException(@ForAll String anything) {
        try {
            ModifiedUtf7.decode(anything);
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).doesNotContain("Exception");
        }
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> codePoints = Arbitraries.integers().between(0, 0x10FFFF)
                .filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                .map(Character::toString);
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(4);
        return Arbitraries.oneOf(codePoints, ascii, Arbitraries.just("&"))
                .list().ofMaxSize(12)
                .map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> wireLike() {
        return Arbitraries.strings().withChars("&-AZaz09+,/=GEOk2D").ofMaxLength(14);
    }
}
