package dev.imapmock.mime;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 5322 §3.3 date-times, and the obsolete forms of §4.3, as SORT (DATE), THREAD and SENT* read them. */
class DateParserTest {

    private static String parsed(String value) {
        return DateParser.parse(value).map(OffsetDateTime::toString).orElse("none");
    }

    @Test
    void theCommonFormsRead() {
        assertThat(parsed("Tue, 8 Dec 2026 01:31:56 +0000")).isEqualTo("2026-12-08T01:31:56Z");
        assertThat(parsed("8 Dec 2026 01:31:56 -0500")).isEqualTo("2026-12-08T01:31:56-05:00");
        assertThat(parsed("Tue, 08 dec 2026 01:31 +0130")).isEqualTo("2026-12-08T01:31+01:30");
        assertThat(parsed("Tue, 8 DECEMBER 2026 01:31:56 +0000")).isEqualTo("2026-12-08T01:31:56Z");
        assertThat(parsed("Tue,\r\n 8 Dec\t2026 01:31:56 +0000")).isEqualTo("2026-12-08T01:31:56Z");
    }

    @Test
    void obsoleteYearsZonesAndCommentsRead() {
        assertThat(parsed("Mon, 1 Mar 99 10:00:00 GMT")).isEqualTo("1999-03-01T10:00Z");
        assertThat(parsed("Mon, 1 Mar 49 10:00:00 +0000")).isEqualTo("2049-03-01T10:00Z");
        assertThat(parsed("Mon, 1 Mar 103 10:00:00 +0000")).isEqualTo("2003-03-01T10:00Z");
        assertThat(parsed("1 Mar 2021 10:00:00 EST")).isEqualTo("2021-03-01T10:00-05:00");
        assertThat(parsed("1 Mar 2021 10:00:00 PDT")).isEqualTo("2021-03-01T10:00-07:00");
        assertThat(parsed("1 Mar 2021 10:00:00 XYZ")).isEqualTo("2021-03-01T10:00Z");
        assertThat(parsed("1 Mar 2021 10:00:00")).isEqualTo("2021-03-01T10:00Z");
        assertThat(parsed("1 Mar 2021")).isEqualTo("2021-03-01T00:00Z");
        assertThat(parsed("Mon (day), 1 (of) Mar 2021 10:00:00 +0000 (UTC)")).isEqualTo("2021-03-01T10:00Z");
        assertThat(parsed("1-Mar-2021 10:00:00 +0000")).isEqualTo("2021-03-01T10:00Z");
        assertThat(parsed("1 Mar 2021 10:00:00 -0000")).isEqualTo("2021-03-01T10:00Z");
    }

    @Test
    void outOfRangeFieldsFallBackOrGiveNothing() {
        assertThat(parsed("1 Mar 2021 10:00:60 +0000")).isEqualTo("2021-03-01T10:00:59Z");
        assertThat(parsed("1 Mar 2021 25:00:00 +0000")).isEqualTo("2021-03-01T00:00Z");
        assertThat(parsed("1 Mar 2021 10:00:00 +9900")).isEqualTo("2021-03-01T10:00Z");
        assertThat(parsed("30 Feb 2021 10:00:00 +0000")).isEqualTo("none");
        assertThat(parsed("1 Foo 2021 10:00:00 +0000")).isEqualTo("none");
        assertThat(parsed("Ma 1 2021")).isEqualTo("none");
        assertThat(parsed("yesterday")).isEqualTo("none");
        assertThat(parsed("")).isEqualTo("none");
        assertThat(DateParser.parse("1 Mar")).isEqualTo(Optional.empty());
    }
}
