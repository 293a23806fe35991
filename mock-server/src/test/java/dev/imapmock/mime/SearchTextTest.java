package dev.imapmock.mime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @Test
    void encodedWordsInQAndBAreDecodedAndUnknownCharsetsKept() throws IOException {
        MimeIndex index = MimeIndex.parse(MimeIndexTest.resource("08-rfc2047.eml"));

        assertThat(index.decodedHeader("subject")).isEqualTo("Grüße aus Köln und =?x-unknown?q?abc?=");
        assertThat(index.decodedHeader("From")).isEqualTo("André Pirard <PIRARD@vm1.ulg.ac.be>");
        assertThat(index.decodedHeader("to")).isEqualTo("Jürgen <jurgen@example.de>");
        assertThat(index.decodedHeader("cc")).isNull();
    }

    @Test
    void adjacentEncodedWordsJoinWithoutTheWhiteSpaceBetweenThem() {
        assertThat(Decoding.decodeEncodedWords("=?utf-8?q?a?= =?utf-8?q?b?= c =?UTF-8?Q?d_e?="))
                .isEqualTo("ab c d e");
        // one UTF-8 character split across two words
        assertThat(Decoding.decodeEncodedWords("=?utf-8?q?=C3?= =?utf-8?q?=A9?=")).isEqualTo("é");
    }

    @Test
    void quotedPrintableIso88591BodyIsDecodedForSearch() throws IOException {
        MimeIndex index = MimeIndex.parse(MimeIndexTest.resource("08-rfc2047.eml"));

        assertThat(index.decodedBodyText()).contains("Schöne Grüße");
    }

    @Test
    void base64Utf8AndSoftBreakQuotedPrintableBodiesAreDecoded() throws IOException {
        MimeIndex index = MimeIndex.parse(MimeIndexTest.resource("03-alternative.eml"));

        assertThat(index.decodedBodyText()).contains("Café au lait, soft break.").contains("<p>Café au lait</p>");
    }

    @Test
    void embeddedMessageHeadersAndTextAreSearchedButAttachmentsAreNot() throws IOException {
        MimeIndex index = MimeIndex.parse(MimeIndexTest.resource("06-nested-rfc822.eml"));
        MimeIndex mixed = MimeIndex.parse(MimeIndexTest.resource("04-mixed-attachments.eml"));

        assertThat(index.decodedBodyText()).contains("Subject: deepest").contains("deep body").contains("hi");
        assertThat(mixed.decodedBodyText()).contains("See attachments.").contains("naïve").doesNotContain("JVBERi0");
    }

    @Test
    void wholeHeaderTextIsDecodedFieldByField() throws IOException {
        MimeIndex index = MimeIndex.parse(MimeIndexTest.resource("08-rfc2047.eml"));

        assertThat(index.decodedHeaderText()).contains("Subject: Grüße aus Köln").contains("From: André Pirard");
    }

    @Test
    void decodingIsNotNeededForFetchAndUnknownBodyCharsetFallsBack() {
        String msg = "Content-Type: text/plain; charset=x-nonsense\r\n\r\ncaf\u00e9";
        MimeIndex index = MimeIndex.parse(msg.getBytes(StandardCharsets.UTF_8));

        assertThat(index.decodedBodyText()).isEqualTo("café");
    }

    @Test
    void sentDateIsReadLeniently() {
        assertThat(date("Tue, 2 Jan 2024 09:30:00 +0100")).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(date("2 Jan 24 23:59 EST")).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(date("Thu, 13 Feb 69 23:32:54 -0330 (Newfoundland Time)")).isEqualTo(LocalDate.of(1969, 2, 13));
        assertThat(date("  (comment) Fri , 21 Nov 1997 09:55:06 GMT")).isEqualTo(LocalDate.of(1997, 11, 21));
        assertThat(date("1 january 2001")).isEqualTo(LocalDate.of(2001, 1, 1));
        assertThat(MimeIndex.parse("Date: soon\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).sentDate()).isEmpty();
        assertThat(MimeIndex.parse("\r\n".getBytes(StandardCharsets.US_ASCII)).sentDate()).isEmpty();
    }

    @Test
    void sentDateTimeKeepsTheZone() {
        MimeIndex index = MimeIndex.parse("Date: 2 Jan 2024 23:59:10 -0800\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(index.sentDateTime()).hasValueSatisfying(t -> {
            assertThat(t.getOffset().getTotalSeconds()).isEqualTo(-8 * 3600);
            assertThat(t.getSecond()).isEqualTo(10);
        });
    }

    private static LocalDate date(String value) {
        return MimeIndex.parse(("Date: " + value + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)).sentDate().orElse(null);
    }
}
