package dev.imapmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImapDatesTest {

    @Test
    void parsesTheRfcExampleDateTime() {
        assertThat(ImapDates.parseDateTime("17-Jul-1996 02:44:25 -0700"))
                .isEqualTo(OffsetDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7)));
    }

    @Test
    void acceptsASpacePaddedOrZeroPaddedDay() {
        OffsetDateTime expected = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        assertThat(ImapDates.parseDateTime(" 1-Jan-2024 00:00:00 +0000")).isEqualTo(expected);
        assertThat(ImapDates.parseDateTime("01-Jan-2024 00:00:00 +0000")).isEqualTo(expected);
    }

    @Test
    void monthNamesAreCaseInsensitive() {
        assertThat(ImapDates.parseDateTime("05-dEC-2023 23:59:59 +0530").getMonthValue()).isEqualTo(12);
        assertThat(ImapDates.parseDate("5-dec-2023")).isEqualTo(LocalDate.of(2023, 12, 5));
    }

    @Test
    void formatsWithATwoDigitDayAndTheMomentsOffset() {
        OffsetDateTime moment = OffsetDateTime.of(2024, 3, 9, 8, 5, 7, 0, ZoneOffset.ofHoursMinutes(-3, -30));
        assertThat(ImapDates.formatDateTime(moment)).isEqualTo("09-Mar-2024 08:05:07 -0330");
    }

    @Test
    void formatsAZonedMomentInItsOffsetThen() {
        ZonedDateTime summer = ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Berlin"));
        assertThat(ImapDates.formatDateTime(summer)).isEqualTo("01-Jul-2024 12:00:00 +0200");
    }

    @Test
    void cutsAnOffsetWithSecondsToWholeMinutesKeepingTheInstant() {
        ZonedDateTime lmt = ZonedDateTime.of(1850, 1, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris"));
        String text = ImapDates.formatDateTime(lmt);
        assertThat(text).isEqualTo("01-Jan-1850 11:59:39 +0009");
        assertThat(ImapDates.parseDateTime(text).toInstant()).isEqualTo(lmt.toInstant());
    }

    @Test
    void parsesADateTimeArgumentFromAQuotedString() {
        Arg arg = new Arg.Quoted("17-Jul-1996 02:44:25 -0700".getBytes(StandardCharsets.US_ASCII));
        assertThat(ImapDates.parseDateTime(arg).getYear()).isEqualTo(1996);
    }

    @Test
    void rejectsADateTimeAtom() {
        assertThatThrownBy(() -> ImapDates.parseDateTime(new Arg.Atom("17-Jul-1996")))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("expected a date-time in quotes such as \"17-Jul-1996 02:44:25 -0700\" but got 17-Jul-1996");
    }

    @Test
    void acceptsAnUnpaddedOneDigitDayAsDovecotDoes() {
        OffsetDateTime expected = OffsetDateTime.of(2024, 1, 5, 12, 0, 0, 0, ZoneOffset.UTC);
        assertThat(ImapDates.parseDateTime("5-Jan-2024 12:00:00 +0000")).isEqualTo(expected);
        assertThat(ImapDates.parseDateTime("9-dec-1999 23:59:59 -0130"))
                .isEqualTo(OffsetDateTime.of(1999, 12, 9, 23, 59, 59, 0, ZoneOffset.ofHoursMinutes(-1, -30)));
    }

    @Test
    void rejectsADayThatDoesNotExist() {
        assertThatThrownBy(() -> ImapDates.parseDateTime("31-Feb-2024 10:00:00 +0000"))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("invalid date-time \"31-Feb-2024 10:00:00 +0000\": there is no such day: Feb 2024 has days 1 to 29");
        assertThatThrownBy(() -> ImapDates.parseDateTime("32-Jan-2024 00:00:00 +0000"))
                .hasMessage("invalid date-time \"32-Jan-2024 00:00:00 +0000\": there is no such day: Jan 2024 has days 1 to 31");
        assertThatThrownBy(() -> ImapDates.parseDateTime("0-Jan-2024 00:00:00 +0000"))
                .hasMessage("invalid date-time \"0-Jan-2024 00:00:00 +0000\": there is no such day: Jan 2024 has days 1 to 31");
        assertThatThrownBy(() -> ImapDates.parseDate("29-Feb-2023"))
                .hasMessage("invalid date \"29-Feb-2023\": there is no such day: Feb 2023 has days 1 to 28");
    }

    @Test
    void rejectsATimeOfDayOrZoneThatDoesNotExist() {
        assertThatThrownBy(() -> ImapDates.parseDateTime("17-Jul-1996 24:00:00 +0000"))
                .hasMessage("invalid date-time \"17-Jul-1996 24:00:00 +0000\": there is no such time of day; "
                        + "hours go from 00 to 23, minutes and seconds from 00 to 59");
        assertThatThrownBy(() -> ImapDates.parseDateTime("7-Jul-1996 23:00:00 +1900"))
                .hasMessage("invalid date-time \"7-Jul-1996 23:00:00 +1900\": the zone must lie between -1800 and +1800");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "17-Jul-1996 02:44:25",
        "17-Jul-96 02:44:25 -0700",
        "17-July-1996 02:44:25 -0700",
        "17-Jly-1996 02:44:25 -0700",
        "17-Jul-1996  2:44:25 -0700",
        "7-Jul-1996 02:44:25 -0700x",
        "17-Jul-1996 02:44:25 0700",
        "17-Jul-1996 02:44:25 *0700",
        "17-Jul-1996T02:44:25 -0700",
        "1x-Jul-1996 02:44:25 -0700",
        "x-Jul-1996 02:44:25 -0700",
        " 7-Jul-1996 02:44:25 -070",
        "  7-Jul-1996 02:44:25 -0700",
        "017-Jul-1996 02:44:25 -0700",
        "",
    })
    void rejectsDateTimesOfTheWrongShape(String text) {
        assertThatThrownBy(() -> ImapDates.parseDateTime(text))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessageEndingWith("expected the form \"17-Jul-1996 02:44:25 -0700\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"17-Jul-1996 24:00:00 +0000", "17-Jul-1996 23:60:00 +0000",
        "17-Jul-1996 23:00:60 +0000", "17-Jul-1996 23:00:00 +1900", "00-Jul-1996 23:00:00 +0000",
        "7-Jul-1996 24:00:00 +0000", "7-Jul-1996 23:00:00 +0060"})
    void rejectsTimesAndZonesOutOfRange(String text) {
        assertThatThrownBy(() -> ImapDates.parseDateTime(text)).isExactlyInstanceOf(ProtocolException.class);
    }

    @Test
    void rejectsZoneMinutesAbove59() {
        assertThatThrownBy(() -> ImapDates.parseDateTime("17-Jul-1996 23:00:00 +0060"))
                .hasMessageEndingWith("the zone's minutes must be below 60");
    }

    @Test
    void parsesSearchDatesWithOneOrTwoDigitDays() {
        assertThat(ImapDates.parseDate("1-Feb-1994")).isEqualTo(LocalDate.of(1994, 2, 1));
        assertThat(ImapDates.parseDate("01-Feb-1994")).isEqualTo(LocalDate.of(1994, 2, 1));
        assertThat(ImapDates.parseDate(new Arg.Quoted("21-Nov-2023".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(LocalDate.of(2023, 11, 21));
        assertThat(ImapDates.parseDate(new Arg.Atom("21-Nov-2023"))).isEqualTo(LocalDate.of(2023, 11, 21));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-Feb-94", "001-Feb-1994", "1 Feb 1994", "1-February-1994", "-Feb-1994", "1994-02-01", ""})
    void rejectsSearchDatesOfTheWrongShape(String text) {
        assertThatThrownBy(() -> ImapDates.parseDate(text))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessageEndingWith("expected the form 1-Feb-1994");
    }

    @Test
    void rejectsASearchDateList() {
        assertThatThrownBy(() -> ImapDates.parseDate(new Arg.ListArg(java.util.List.of())))
                .hasMessage("expected a date such as 1-Feb-1994 but got a parenthesized list");
    }

    @Test
    void formatsSearchDatesWithoutPadding() {
        assertThat(ImapDates.formatDate(LocalDate.of(1994, 2, 1))).isEqualTo("1-Feb-1994");
    }

    @Property
    void formattedDateTimesParseBackToTheSameMoment(@ForAll("moments") OffsetDateTime moment) {
        String text = ImapDates.formatDateTime(moment);
        assertThat(ImapDates.parseDateTime(text)).isEqualTo(moment);
        assertThat(ImapDates.formatDateTime(ImapDates.parseDateTime(text))).isEqualTo(text);
    }

    @Property
    void formattedDatesParseBackToTheSameDay(@ForAll("moments") OffsetDateTime moment) {
        LocalDate day = moment.toLocalDate();
        assertThat(ImapDates.parseDate(ImapDates.formatDate(day))).isEqualTo(day);
    }

    @Property
    void parsersThrowOnlyProtocolException(@ForAll("dateLike") String text) {
        try {
            ImapDates.parseDateTime(text);
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).startsWith("invalid date-time");
        }
        try {
            ImapDates.parseDate(text);
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).startsWith("invalid date");
        }
    }

    @Provide
    Arbitrary<OffsetDateTime> moments() {
        Arbitrary<Instant> instants = Arbitraries.longs()
                .between(Instant.parse("1000-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-30T00:00:00Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<ZoneOffset> offsets = Arbitraries.integers().between(-18 * 60 + 1, 18 * 60 - 1)
                .map(minutes -> ZoneOffset.ofTotalSeconds(minutes * 60));
        return net.jqwik.api.Combinators.combine(instants, offsets).as(OffsetDateTime::ofInstant);
    }

    @Provide
    Arbitrary<String> dateLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789 -:+JanFebDcOtx").ofMinLength(8).ofMaxLength(27),
                Arbitraries.strings().ofMaxLength(30));
    }
}
