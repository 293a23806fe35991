package dev.imapmock.protocol;

import static dev.imapmock.protocol.TestArgs.atom;
import static dev.imapmock.protocol.TestArgs.atoms;
import static dev.imapmock.protocol.TestArgs.list;
import static dev.imapmock.protocol.TestArgs.literal;
import static dev.imapmock.protocol.TestArgs.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imapmock.protocol.SearchKey.And;
import dev.imapmock.protocol.SearchKey.DateComparison;
import dev.imapmock.protocol.SearchKey.DateSource;
import dev.imapmock.protocol.SearchKey.EnvelopeField;
import dev.imapmock.protocol.SearchKey.Flag;
import dev.imapmock.protocol.SearchKey.SizeComparison;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchParserTest {

    private static SearchKey key(String line) {
        return SearchParser.parse(atoms(line)).key();
    }

    @Test
    void parsesASingleKeyWithoutCharset() {
        SearchProgram program = SearchParser.parse(atoms("ALL"));
        assertThat(program.charset()).isNull();
        assertThat(program.key()).isEqualTo(new SearchKey.All());
    }

    @ParameterizedTest
    @CsvSource({
        "ANSWERED, \\Answered, true", "unanswered, \\Answered, false",
        "DELETED, \\Deleted, true", "UNDELETED, \\Deleted, false",
        "Draft, \\Draft, true", "UNDRAFT, \\Draft, false",
        "FLAGGED, \\Flagged, true", "UNFLAGGED, \\Flagged, false",
        "SEEN, \\Seen, true", "UNSEEN, \\Seen, false",
        "RECENT, \\Recent, true", "OLD, \\Recent, false",
    })
    void readsFlagKeys(String name, String flag, boolean present) {
        assertThat(key(name)).isEqualTo(new Flag(flag, present));
    }

    @Test
    void newMeansRecentAndUnseen() {
        assertThat(key("NEW")).isEqualTo(new And(List.of(new Flag("\\Recent", true), new Flag("\\Seen", false))));
    }

    @Test
    void readsKeywords() {
        assertThat(key("KEYWORD $Forwarded")).isEqualTo(new Flag("$Forwarded", true));
        assertThat(key("unkeyword Junk")).isEqualTo(new Flag("Junk", false));
    }

    @ParameterizedTest
    @CsvSource({"BCC, BCC", "cc, CC", "From, FROM", "SUBJECT, SUBJECT", "TO, TO"})
    void readsEnvelopeKeys(String name, EnvelopeField field) {
        assertThat(key(name + " alice")).isEqualTo(new SearchKey.Envelope(field, "alice"));
    }

    @Test
    void readsStringsAsAtomsQuotedStringsOrLiterals() {
        assertThat(SearchParser.parse(List.of(atom("SUBJECT"), quoted("hello world"))).key())
                .isEqualTo(new SearchKey.Envelope(EnvelopeField.SUBJECT, "hello world"));
        assertThat(SearchParser.parse(List.of(atom("BODY"), literal("Grüße".getBytes(StandardCharsets.UTF_8)))).key())
                .isEqualTo(new SearchKey.Body("Grüße"));
        assertThat(SearchParser.parse(List.of(atom("TEXT"), quoted(""))).key()).isEqualTo(new SearchKey.Text(""));
    }

    @Test
    void readsHeaderWithFieldAndValue() {
        assertThat(SearchParser.parse(List.of(atom("HEADER"), atom("Message-ID"), quoted("<a@b>"))).key())
                .isEqualTo(new SearchKey.Header("Message-ID", "<a@b>"));
    }

    @ParameterizedTest
    @CsvSource({
        "BEFORE, INTERNAL, BEFORE", "ON, INTERNAL, ON", "SINCE, INTERNAL, SINCE",
        "SENTBEFORE, SENT, BEFORE", "senton, SENT, ON", "SENTSINCE, SENT, SINCE",
    })
    void readsDateKeys(String name, DateSource source, DateComparison comparison) {
        assertThat(key(name + " 1-Feb-1994"))
                .isEqualTo(new SearchKey.Date(source, comparison, LocalDate.of(1994, 2, 1)));
    }

    @Test
    void readsQuotedDates() {
        assertThat(SearchParser.parse(List.of(atom("SINCE"), quoted("21-Nov-2023"))).key())
                .isEqualTo(new SearchKey.Date(DateSource.INTERNAL, DateComparison.SINCE, LocalDate.of(2023, 11, 21)));
    }

    @Test
    void readsSizeKeys() {
        assertThat(key("LARGER 1000")).isEqualTo(new SearchKey.Size(SizeComparison.LARGER, 1000));
        assertThat(key("SMALLER 0")).isEqualTo(new SearchKey.Size(SizeComparison.SMALLER, 0));
    }

    @Test
    void readsSequenceSetsAndUidSets() {
        assertThat(key("1:3,*")).isEqualTo(new SearchKey.Sequence(SequenceSet.parse("1:3,*")));
        assertThat(key("UID 5:*")).isEqualTo(new SearchKey.Uid(SequenceSet.parse("5:*")));
    }

    @Test
    void severalKeysMeanAnd() {
        assertThat(key("UNSEEN FROM bob 1:10")).isEqualTo(new And(List.of(new Flag("\\Seen", false),
                new SearchKey.Envelope(EnvelopeField.FROM, "bob"), new SearchKey.Sequence(SequenceSet.parse("1:10")))));
    }

    @Test
    void readsNotOrAndGroups() {
        assertThat(key("NOT SEEN")).isEqualTo(new SearchKey.Not(new Flag("\\Seen", true)));
        assertThat(key("OR SEEN (FLAGGED DRAFT)")).isEqualTo(new SearchKey.Or(new Flag("\\Seen", true),
                new And(List.of(new Flag("\\Flagged", true), new Flag("\\Draft", true)))));
        assertThat(key("(DELETED)")).isEqualTo(new Flag("\\Deleted", true));
        assertThat(key("OR OR SEEN DRAFT NOT DELETED")).isEqualTo(new SearchKey.Or(
                new SearchKey.Or(new Flag("\\Seen", true), new Flag("\\Draft", true)),
                new SearchKey.Not(new Flag("\\Deleted", true))));
    }

    @Test
    void readsTheCharsetFirst() {
        SearchProgram program = SearchParser.parse(List.of(atom("CHARSET"), atom("utf-8"), atom("SUBJECT"),
                literal("Straße".getBytes(StandardCharsets.UTF_8))));
        assertThat(program.charset()).isEqualTo("utf-8");
        assertThat(program.key()).isEqualTo(new SearchKey.Envelope(EnvelopeField.SUBJECT, "Straße"));
        assertThat(SearchParser.parse(List.of(atom("charset"), quoted("US-ASCII"), atom("ALL"))).charset())
                .isEqualTo("US-ASCII");
    }

    @Test
    void anUnsupportedCharsetIsABadCharsetNotASyntaxError() {
        assertThatThrownBy(() -> SearchParser.parse(atoms("CHARSET ISO-8859-1 SUBJECT x")))
                .isExactlyInstanceOf(BadCharsetException.class)
                .hasMessage("charset ISO-8859-1 is not supported; use UTF-8 or US-ASCII")
                .satisfies(e -> assertThat(((BadCharsetException) e).responseCode())
                        .isEqualTo("BADCHARSET (UTF-8 US-ASCII)"));
        assertThatThrownBy(() -> SearchParser.parse(atoms("CHARSET no/such/charset ALL")))
                .isExactlyInstanceOf(BadCharsetException.class);
    }

    @Test
    void rejectsBytesThatAreNotValidInTheCharset() {
        assertThatThrownBy(() -> SearchParser.parse(List.of(atom("CHARSET"), atom("US-ASCII"), atom("BODY"),
                literal("é".getBytes(StandardCharsets.UTF_8)))))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("the string after search key BODY is not valid US-ASCII");
        assertThatThrownBy(() -> SearchParser.parse(List.of(atom("BODY"), literal(new byte[] {(byte) 0xff}))))
                .hasMessage("the string after search key BODY is not valid UTF-8");
    }

    @Test
    void rejectsAnUnknownKey() {
        assertThatThrownBy(() -> key("SEEN SHINY"))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("unknown search key SHINY");
    }

    @Test
    void keysAreMatchedIgnoringOnlyAsciiCase() {
        assertThatThrownBy(() -> key("\u017Feen")).hasMessage("unknown search key \u017Feen");
    }

    @Test
    void rejectsAMissingArgument() {
        assertThatThrownBy(() -> key("FROM")).hasMessage("search key FROM needs a string after it");
        assertThatThrownBy(() -> key("HEADER Subject")).hasMessage("search key HEADER needs a string after it");
        assertThatThrownBy(() -> key("OR SEEN")).hasMessage("search key OR needs two search keys after it");
        assertThatThrownBy(() -> key("NOT")).hasMessage("search key NOT needs a search key after it");
        assertThatThrownBy(() -> key("since")).hasMessage("search key SINCE needs a date such as 1-Feb-1994 after it");
        assertThatThrownBy(() -> key("UID")).hasMessage("search key UID needs a UID set such as 1:5 after it");
    }

    @Test
    void rejectsEmptySearchesAndGroups() {
        assertThatThrownBy(() -> SearchParser.parse(List.of()))
                .hasMessage("SEARCH needs at least one search key, such as ALL or UNSEEN");
        assertThatThrownBy(() -> key("CHARSET UTF-8"))
                .hasMessage("SEARCH needs at least one search key, such as ALL or UNSEEN");
        assertThatThrownBy(() -> key("CHARSET")).hasMessage("CHARSET needs a charset name, such as CHARSET UTF-8");
        assertThatThrownBy(() -> key("SEEN ()"))
                .hasMessage("empty parentheses in SEARCH; a group needs at least one search key");
    }

    @Test
    void charsetIsOnlyAllowedFirst() {
        assertThatThrownBy(() -> key("ALL CHARSET UTF-8")).hasMessage("unknown search key CHARSET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LARGER -1", "LARGER 4294967296", "SMALLER ten", "SINCE 31-Feb-2024", "UID 0",
        "KEYWORD \\Seen", "0:4", "1:x", "BEFORE (1-Feb-1994)"})
    void rejectsInvalidArguments(String line) {
        assertThatThrownBy(() -> key(line)).isExactlyInstanceOf(ProtocolException.class);
    }

    @Test
    void explainsWhyASystemFlagIsNoKeyword() {
        assertThatThrownBy(() -> key("KEYWORD \\Seen")).hasMessage("search key KEYWORD needs a keyword such as $Label, "
                + "not \\Seen; system flags have their own keys, such as SEEN or FLAGGED");
    }

    @Test
    void rejectsAStringWhereAKeyBelongs() {
        assertThatThrownBy(() -> SearchParser.parse(List.of(quoted("SEEN"))))
                .hasMessage("expected a search key such as ALL or FROM but got a quoted string");
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        assertThat(SearchParser.parse(nots(SearchParser.MAX_DEPTH - 1)).key()).isInstanceOf(SearchKey.Not.class);
        assertThat(SearchParser.parse(List.of(parens(SearchParser.MAX_DEPTH - 1))).key()).isEqualTo(new SearchKey.All());
    }

    @Test
    void rejectsDeepNestingWithABadAnswerInsteadOfAStackOverflow() {
        String message = "the search is nested too deeply; at most 100 levels of parentheses, NOT and OR are allowed";
        assertThatThrownBy(() -> SearchParser.parse(nots(100_000))).hasMessage(message);
        assertThatThrownBy(() -> SearchParser.parse(List.of(parens(100_000)))).hasMessage(message);
        List<Arg> ors = new ArrayList<>(Collections.nCopies(100_000, atom("OR")));
        assertThatThrownBy(() -> SearchParser.parse(ors)).hasMessage(message);
    }

    private static List<Arg> nots(int count) {
        List<Arg> args = new ArrayList<>(Collections.nCopies(count, atom("NOT")));
        args.add(atom("ALL"));
        return args;
    }

    private static Arg parens(int depth) {
        Arg arg = atom("ALL");
        for (int i = 0; i < depth; i++) {
            arg = list(arg);
        }
        return arg;
    }

    @Property
    void parseThrowsOnlyProtocolException(@ForAll("trees") List<Arg> args) {
        try {
            assertThat(SearchParser.parse(args).key()).isNotNull();
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("Exception");
        }
    }

    @Provide
    Arbitrary<List<Arg>> trees() {
        return TestArgs.trees("ALL", "NOT", "OR", "SEEN", "FROM", "HEADER", "SINCE", "1-Jan-2024", "UID", "1:*",
                "LARGER", "10", "KEYWORD", "CHARSET", "UTF-8", "KOI8-R", "NEW");
    }
}
