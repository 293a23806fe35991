package dev.imapmock.protocol;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The X-GM-RAW parser: what each query becomes as search keys, and its refusals. */
class GmailRawQueryTest {

    @Test
    void orBindsCloserThanJuxtapositionAndMinusNegatesOneTerm() {
        assertThat(GmailRawQuery.parse("a OR b -c")).isEqualTo(new SearchKey.And(List.of(
                new SearchKey.Or(new SearchKey.Text("a"), new SearchKey.Text("b")),
                new SearchKey.Not(new SearchKey.Text("c")))));
    }

    @Test
    void operatorsBecomeTheirImapKeys() {
        assertThat(GmailRawQuery.parse("subject:\"two words\"")).isEqualTo(
                new SearchKey.Envelope(SearchKey.EnvelopeField.SUBJECT, "two words"));
        assertThat(GmailRawQuery.parse("after:2026/3/4")).isEqualTo(new SearchKey.Date(SearchKey.DateSource.INTERNAL,
                SearchKey.DateComparison.SINCE, LocalDate.of(2026, 3, 4)));
        assertThat(GmailRawQuery.parse("older_than:2m")).isEqualTo(new SearchKey.Within(SearchKey.Age.OLDER, 60 * 86_400));
        assertThat(GmailRawQuery.parse("  (is:read)  ")).isEqualTo(new SearchKey.Flag(FlagNames.SEEN, true));
        assertThat(GmailRawQuery.parse("ORANGE")).isEqualTo(new SearchKey.Text("ORANGE"));
    }

    @Test
    void malformedQueriesAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> GmailRawQuery.parse("a)")).isInstanceOf(ProtocolException.class)
                .hasMessage("X-GM-RAW query has a ) without its (");
        assertThatThrownBy(() -> GmailRawQuery.parse("()")).hasMessage("X-GM-RAW query has empty parentheses");
        assertThatThrownBy(() -> GmailRawQuery.parse("before:2026/02/30"))
                .hasMessage("X-GM-RAW operator before: needs a date such as 2026/03/04, not 2026/02/30");
        assertThatThrownBy(() -> GmailRawQuery.parse("newer_than:0d"))
                .hasMessage("X-GM-RAW operator newer_than: needs an age such as 2d, 3m or 1y, not 0d");
    }
}
