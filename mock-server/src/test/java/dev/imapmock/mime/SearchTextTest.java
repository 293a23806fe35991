package dev.imapmock.mime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

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

    /** Each normal form below matched in Dovecot 2.3.19.1 as a whole (SEARCH FROM "<the form>"). */
    @Test
    void addressFieldsAreSearchedInOneNormalForm() {
        assertThat(addresses("<user-from (comment)@ (comment) domain.org>")).isEqualTo("<user-from@domain.org>");
        assertThat(addresses("user-from (comment)@ (comment) domain.org")).isEqualTo("comment <user-from@domain.org>");
        assertThat(addresses("\"Joe Q. Public\" <john.q.public@example.com>"))
                .isEqualTo("\"Joe Q. Public\" <john.q.public@example.com>");
        assertThat(addresses("Team (the team): Ann <ann (x)@ example.net>, bob@example.net;"))
                .isEqualTo("Team: Ann <ann@example.net>, <bob@example.net>;");
        assertThat(addresses("Empty:;")).isEqualTo("Empty:;");
        assertThat(addresses("=?utf-8?q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.de>"))
                .isEqualTo("Jürgen Müller <juergen@example.de>");
        assertThat(addresses("\"O'Brien, Pat\" <pat@example.com>")).isEqualTo("\"O\\'Brien, Pat\" <pat@example.com>");
        assertThat(addresses("a@b, , c@d")).isEqualTo("<a@b>, <MISSING_MAILBOX@MISSING_DOMAIN>, <c@d>");
        assertThat(addresses("Mary Smith <@relay.example, ,@other.example:mary@example.net>"))
                .isEqualTo("\"Mary Smith\" <@relay.example,@other.example:mary@example.net>");
        assertThat(addresses("\"quoted\\\"local\"@example.com (x\\\\y)"))
                .isEqualTo("\"x\\\\y\" <\"quoted\\\"local\"@example.com>");
    }

    @Test
    void everyAddressFieldIsNormalizedOnItsOwnAndAnAbsentOneIsNull() {
        MimeIndex index = MimeIndex.parse(("From: a@b (x)\r\nTo: (only a comment)\r\nFrom: <c (y) @ d>\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(index.decodedAddresses("FROM")).isEqualTo("x <a@b>\n<c@d>");
        assertThat(index.decodedAddresses("to")).isEmpty();
        assertThat(index.decodedAddresses("cc")).isNull();
        assertThat(index.decodedHeader("from")).isEqualTo("a@b (x)\n<c (y) @ d>");
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
        assertThat(date("soon")).isNull();
        assertThat(TopHeader.scan("\r\n".getBytes(StandardCharsets.US_ASCII)).sentDateTime()).isEmpty();
    }

    @Test
    void sentDateTimeKeepsTheZone() {
        TopHeader header = TopHeader.scan("Date: 2 Jan 2024 23:59:10 -0800\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(header.sentDateTime()).hasValueSatisfying(t -> {
            assertThat(t.getOffset().getTotalSeconds()).isEqualTo(-8 * 3600);
            assertThat(t.getSecond()).isEqualTo(10);
        });
    }

    @Test
    void theSentDateIsKeptExactlyAsTheParserReadsIt() {
        for (String value : List.of("Tue, 2 Jan 2024 09:30:00 +0100", "2 Jan 24 23:59 EST", "1 Jan 1970 00:00:00 +0000",
                "Thu, 13 Feb 69 23:32:54 -0330 (Newfoundland Time)", "31 Dec 1969 23:59:59 -1800", "29 Feb 2023 10:00 +0200",
                "1 Jan 99999 12:00:00 +0000", "5 May 2020 25:61:61 +0000", "soon", "")) {
            TopHeader header = TopHeader.scan(("Date: " + value + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Optional<OffsetDateTime> parsed = DateParser.parse(value);
            for (int read = 0; read < 2; read++) {
                assertThat(header.sentDateTime()).as(value).isEqualTo(parsed);
                assertThat(header.sentEpochSecond(-7)).as(value).isEqualTo(parsed.map(OffsetDateTime::toEpochSecond).orElse(-7L));
            }
        }
        assertThat(TopHeader.scan("Subject: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).sentEpochSecond(42)).isEqualTo(42);
    }

    private static String addresses(String value) {
        return MimeIndex.parse(("From: " + value + "\r\n\r\n").getBytes(StandardCharsets.UTF_8)).decodedAddresses("from");
    }

    private static LocalDate date(String value) {
        return TopHeader.scan(("Date: " + value + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)).sentDateTime()
                .map(OffsetDateTime::toLocalDate).orElse(null);
    }
}
