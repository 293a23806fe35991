package dev.imapmock.protocol;

import static dev.imapmock.protocol.ArgTrees.atom;
import static dev.imapmock.protocol.ArgTrees.atoms;
import static dev.imapmock.protocol.ArgTrees.list;
import static dev.imapmock.protocol.ArgTrees.literal;
import static dev.imapmock.protocol.ArgTrees.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imapmock.Extension;
import dev.imapmock.protocol.SearchKey.Age;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search syntax extensions add: RETURN (RFC 4731, RFC 5182), MODSEQ (RFC 7162 §3.1.5), OLDER
 * and YOUNGER (RFC 5032) and {@code $} (RFC 5182), each only when the server offers its extension.
 */
class SearchParserExtensionsTest {
    private static final Set<Extension> ALL = EnumSet.allOf(Extension.class);

    private static SearchProgram parse(String line) {
        return SearchParser.parse(atoms(line), ALL);
    }

    private static SearchProgram parse(List<Arg> args) {
        return SearchParser.parse(args, ALL);
    }

    private static Set<Extension> without(Extension... left) {
        Set<Extension> offered = EnumSet.allOf(Extension.class);
        offered.removeAll(List.of(left));
        return offered;
    }

    private static String badMessage(List<Arg> args, Set<Extension> extensions) {
        try {
            SearchParser.parse(args, extensions);
        } catch (ProtocolException e) {
            return e.getMessage();
        }
        throw new AssertionError("no ProtocolException for " + args);
    }

    // RETURN (RFC 4466 §2.6, RFC 4731 §3.1)

    @Test
    void withoutReturnTheProgramHasNoResultOptions() {
        SearchProgram program = parse("UNSEEN");
        assertThat(program.returns()).isEmpty();
        assertThat(program.esearch()).isFalse();
        assertThat(program.saves()).isFalse();
        assertThat(program.usesModSeq()).isFalse();
    }

    @Test
    void readsEachResultOptionInAnyCaseAndOrder() {
        SearchProgram program = parse("return (count Max ALL min) UNSEEN");
        assertThat(program.returns()).containsExactlyInAnyOrder(SearchReturn.MIN, SearchReturn.MAX, SearchReturn.ALL,
                SearchReturn.COUNT);
        assertThat(program.esearch()).isTrue();
        assertThat(program.saves()).isFalse();
        assertThat(program.key()).isEqualTo(new SearchKey.Flag("\\Seen", false));
    }

    @Test
    void emptyReturnListMeansAll() {
        assertThat(parse("RETURN () ALL").returns()).containsExactly(SearchReturn.ALL);
    }

    @Test
    void anOptionNamedTwiceCountsOnce() {
        assertThat(parse("RETURN (ALL ALL) ALL").returns()).containsExactly(SearchReturn.ALL);
    }

    @Test
    void saveAloneAsksForNoEsearchResponse() {
        SearchProgram program = parse("RETURN (SAVE) ALL");
        assertThat(program.returns()).containsExactly(SearchReturn.SAVE);
        assertThat(program.saves()).isTrue();
        assertThat(program.esearch()).isFalse();
        assertThat(parse("RETURN (SAVE MIN) ALL").esearch()).isTrue();
    }

    @Test
    void charsetFollowsReturn() {
        SearchProgram program = SearchParser.parse(List.of(atom("RETURN"), list(atom("COUNT")), atom("CHARSET"),
                atom("UTF-8"), atom("SUBJECT"), quoted("Grüße")), ALL);
        assertThat(program.charset()).isEqualTo("UTF-8");
        assertThat(program.returns()).containsExactly(SearchReturn.COUNT);
        assertThat(program.key()).isEqualTo(new SearchKey.Envelope(SearchKey.EnvelopeField.SUBJECT, "Grüße"));
    }

    @Test
    void aCharsetThatIsNotSupportedAfterReturnIsBadCharsetAndTheOptionsStillReadable() {
        List<Arg> args = atoms("RETURN (SAVE) CHARSET KOI8-R ALL");
        assertThatThrownBy(() -> SearchParser.parse(args, ALL)).isInstanceOf(BadCharsetException.class);
        assertThat(SearchParser.returnOptions(args, ALL)).containsExactly(SearchReturn.SAVE);
        assertThat(SearchParser.returnOptions(atoms("CHARSET KOI8-R ALL"), ALL)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RETURN (FOO) ALL | unknown SEARCH result option FOO; known are MIN, MAX, ALL, COUNT, SAVE, PARTIAL and UPDATE",
            "RETURN (PARTIAL 1:10 ALL) ALL | PARTIAL and ALL cannot be used together (RFC 9394 section 3.1)",
            "RETURN (PARTIAL) ALL | PARTIAL needs a range such as 1:100 or -1:-100",
            "RETURN ((MIN)) ALL | unknown SEARCH result option a parenthesized list; known are MIN, MAX, ALL, COUNT, SAVE, PARTIAL and UPDATE",
            "RETURN ALL ALL | RETURN needs a parenthesized list of result options, such as RETURN (MIN COUNT)",
            "RETURN | RETURN needs a parenthesized list of result options, such as RETURN (MIN COUNT)",
            "RETURN (MIN) | SEARCH needs at least one search key, such as ALL or UNSEEN",
            "RETURN (MIN) CHARSET | CHARSET needs a charset name, such as CHARSET UTF-8",
            "CHARSET UTF-8 RETURN (MIN) ALL | unknown search key RETURN",
            "RETURN (MIN) RETURN (MAX) ALL | unknown search key RETURN",
    })
    void malformedReturnIsBad(String line, String message) {
        assertThat(badMessage(atoms(line), ALL)).isEqualTo(message);
    }

    @Test
    void aQuotedResultOptionIsBad() {
        assertThat(badMessage(List.of(atom("RETURN"), list(quoted("MIN")), atom("ALL")), ALL))
                .isEqualTo("unknown SEARCH result option a quoted string; known are MIN, MAX, ALL, COUNT, SAVE, PARTIAL and UPDATE");
    }

    @Test
    void withoutEsearchReturnIsAnUnknownKey() {
        assertThat(badMessage(atoms("RETURN (ALL) ALL"), without(Extension.ESEARCH, Extension.SEARCHRES)))
                .isEqualTo("unknown search key RETURN");
        assertThat(SearchParser.returnOptions(atoms("RETURN (ALL) ALL"), Set.of())).isEmpty();
    }

    @Test
    void withoutSearchresSaveIsAnUnknownOption() {
        assertThat(badMessage(atoms("RETURN (SAVE) ALL"), without(Extension.SEARCHRES)))
                .isEqualTo("unknown SEARCH result option SAVE; known are MIN, MAX, ALL, COUNT, PARTIAL and UPDATE");
        assertThat(SearchParser.parse(atoms("RETURN (MIN) ALL"), without(Extension.SEARCHRES)).returns())
                .containsExactly(SearchReturn.MIN);
    }

    // MODSEQ (RFC 7162 §3.1.5, §7)

    @ParameterizedTest
    @CsvSource({"MODSEQ 0, 0", "MODSEQ 620162338, 620162338", "modseq 09, 9",
            "MODSEQ 9223372036854775807, 9223372036854775807"})
    void readsModSeq(String line, long value) {
        SearchProgram program = parse(line);
        assertThat(program.key()).isEqualTo(new SearchKey.ModSeq(value));
        assertThat(program.usesModSeq()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/flags/\\draft", "/flags/\\Answered", "/FLAGS/\\SEEN", "/flags/\\Flagged",
            "/flags/\\deleted", "/flags/$Label1", "/flags/Junk"})
    void anEntryNameAndTypeAreReadAndDropped(String entry) {
        for (String type : List.of("all", "priv", "SHARED")) {
            SearchProgram program = parse(List.of(atom("MODSEQ"), quoted(entry), atom(type), atom("620162338")));
            assertThat(program.key()).isEqualTo(new SearchKey.ModSeq(620162338));
            assertThat(program.usesModSeq()).isTrue();
        }
    }

    @Test
    void modSeqAnywhereInTheProgramCounts() {
        assertThat(parse("NOT MODSEQ 5").usesModSeq()).isTrue();
        assertThat(parse("OR SEEN (FLAGGED MODSEQ 5)").usesModSeq()).isTrue();
        assertThat(parse("(UNSEEN) OR SEEN FLAGGED").usesModSeq()).isFalse();
        assertThat(parse("OR SEEN (FLAGGED MODSEQ 5)").key()).isEqualTo(new SearchKey.Or(new SearchKey.Flag("\\Seen", true),
                new SearchKey.And(List.of(new SearchKey.Flag("\\Flagged", true), new SearchKey.ModSeq(5)))));
    }

    @Test
    void keysAfterAGroupAreStillRead() {
        assertThat(parse("(SEEN) MODSEQ 3 FLAGGED").key()).isEqualTo(new SearchKey.And(List.of(
                new SearchKey.Flag("\\Seen", true), new SearchKey.ModSeq(3), new SearchKey.Flag("\\Flagged", true))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MODSEQ | search key MODSEQ needs a mod-sequence such as 620162338 after it",
            "MODSEQ -1 | search key MODSEQ needs a mod-sequence, a number from 0 to 9223372036854775807, not -1",
            "MODSEQ 9223372036854775808 | search key MODSEQ needs a mod-sequence, a number from 0 to 9223372036854775807, not 9223372036854775808",
            "MODSEQ abc | search key MODSEQ needs a mod-sequence, a number from 0 to 9223372036854775807, not abc",
            "MODSEQ (5) | search key MODSEQ needs a mod-sequence, a number from 0 to 9223372036854775807, not a parenthesized list",
            "MODSEQ /flags/x all 5 | the entry name after MODSEQ is a quoted string such as \"/flags/\\\\seen\", not /flags/x",
    })
    void malformedModSeqIsBad(String line, String message) {
        assertThat(badMessage(atoms(line), ALL)).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/flags/\\Recent", "/flags/\\Bogus", "/flags/\\", "/flags/", "/flags/a b", "/foo", "/flag/\\Seen",
    })
    void anEntryNameThatIsNoFlagIsBad(String entry) {
        assertThat(badMessage(List.of(atom("MODSEQ"), quoted(entry), atom("all"), atom("5")), ALL))
                .isEqualTo("the entry name after MODSEQ must be \"/flags/\" and a flag (\\Answered, \\Flagged, \\Deleted, "
                        + "\\Seen, \\Draft or a keyword), not \"" + entry + "\"");
    }

    @Test
    void anEntryNameAsALiteralIsBad() {
        assertThat(badMessage(List.of(atom("MODSEQ"), literal("/flags/x".getBytes(StandardCharsets.US_ASCII)), atom("all"),
                atom("5")), ALL)).isEqualTo("the entry name after MODSEQ is a quoted string such as \"/flags/\\\\seen\", not a literal");
    }

    @Test
    void theEntryTypeAndTheValueAfterItAreRequired() {
        assertThat(badMessage(List.of(atom("MODSEQ"), quoted("/flags/\\seen"), atom("5")), ALL))
                .isEqualTo("search key MODSEQ needs the entry type priv, shared or all after the entry name, not 5");
        assertThat(badMessage(List.of(atom("MODSEQ"), quoted("/flags/\\seen"), quoted("all"), atom("5")), ALL))
                .isEqualTo("search key MODSEQ needs the entry type priv, shared or all after the entry name, not a quoted string");
        assertThat(badMessage(List.of(atom("MODSEQ"), quoted("/flags/\\seen"), atom("bogus"), atom("5")), ALL))
                .isEqualTo("search key MODSEQ needs the entry type priv, shared or all after the entry name, not bogus");
        assertThat(badMessage(List.of(atom("MODSEQ"), quoted("/flags/\\seen"), atom("all")), ALL))
                .isEqualTo("search key MODSEQ needs a mod-sequence after the entry type after it");
        assertThat(badMessage(List.of(atom("MODSEQ"), quoted("/flags/\\seen")), ALL))
                .isEqualTo("search key MODSEQ needs an entry type (priv, shared or all) after the entry name after it");
    }

    @Test
    void aQuotedModSeqValueIsBad() {
        assertThat(badMessage(List.of(atom("MODSEQ"), quoted("5")), ALL))
                .isEqualTo("search key MODSEQ needs a mod-sequence, a number from 0 to 9223372036854775807, not a quoted string");
    }

    @Test
    void withoutCondstoreModSeqIsAnUnknownKey() {
        assertThat(badMessage(atoms("MODSEQ 5"), without(Extension.CONDSTORE))).isEqualTo("unknown search key MODSEQ");
        assertThatThrownBy(() -> SearchParser.parse(atoms("MODSEQ 5"))).hasMessage("unknown search key MODSEQ");
    }

    // OLDER and YOUNGER (RFC 5032 §3)

    @ParameterizedTest
    @CsvSource({"OLDER 1, OLDER, 1", "older 86400, OLDER, 86400", "YOUNGER 259200, YOUNGER, 259200",
            "Younger 4294967295, YOUNGER, 4294967295"})
    void readsWithinKeys(String line, Age age, long seconds) {
        assertThat(parse(line).key()).isEqualTo(new SearchKey.Within(age, seconds));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "YOUNGER 0 | search key YOUNGER needs a number of seconds from 1 to 4294967295, not 0",
            "OLDER -1 | search key OLDER needs a number of seconds from 1 to 4294967295, not -1",
            "OLDER 010 | search key OLDER needs a number of seconds from 1 to 4294967295, not 010",
            "YOUNGER 4294967296 | search key YOUNGER needs a number of seconds from 1 to 4294967295, not 4294967296",
            "YOUNGER abc | search key YOUNGER needs a number of seconds from 1 to 4294967295, not abc",
            "OLDER | search key OLDER needs a number of seconds after it",
    })
    void malformedWithinKeysAreBad(String line, String message) {
        assertThat(badMessage(atoms(line), ALL)).isEqualTo(message);
    }

    @Test
    void aQuotedIntervalIsBad() {
        assertThat(badMessage(List.of(atom("YOUNGER"), quoted("10")), ALL))
                .isEqualTo("search key YOUNGER needs a number of seconds from 1 to 4294967295, not a quoted string");
    }

    @Test
    void withoutWithinOlderAndYoungerAreUnknownKeys() {
        assertThat(badMessage(atoms("YOUNGER 10"), without(Extension.WITHIN))).isEqualTo("unknown search key YOUNGER");
        assertThat(badMessage(atoms("OLDER 10"), without(Extension.WITHIN))).isEqualTo("unknown search key OLDER");
        assertThatThrownBy(() -> SearchParser.parse(atoms("YOUNGER 10"))).hasMessage("unknown search key YOUNGER");
    }

    // $ (RFC 5182 §3)

    @Test
    void dollarIsTheSavedResultAloneAndAfterUid() {
        assertThat(parse("$").key()).isEqualTo(new SearchKey.Saved());
        assertThat(parse("UID $").key()).isEqualTo(new SearchKey.Saved());
        assertThat(parse("NOT ($ SEEN)").key()).isEqualTo(new SearchKey.Not(new SearchKey.And(List.of(
                new SearchKey.Saved(), new SearchKey.Flag("\\Seen", true)))));
        assertThat(parse("UID 1:3").key()).isEqualTo(new SearchKey.Uid(SequenceSet.range(1, 3)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$,1 | \"$\" stands alone: the saved search result cannot be combined with numbers as in \"$,1\"",
            "UID $:3 | \"$\" stands alone: the saved search result cannot be combined with numbers as in \"$:3\"",
            "UID 1,$ | \"$\" stands alone: the saved search result cannot be combined with numbers as in \"1,$\"",
            "$$ | \"$\" stands alone: the saved search result cannot be combined with numbers as in \"$$\"",
    })
    void dollarCombinedWithNumbersIsBad(String line, String message) {
        assertThat(badMessage(atoms(line), ALL)).isEqualTo(message);
    }

    @Test
    void withoutSearchresDollarIsNoSequenceSet() {
        Set<Extension> offered = without(Extension.SEARCHRES);
        assertThat(badMessage(atoms("$"), offered)).isEqualTo("unknown search key $");
        assertThat(badMessage(atoms("UID $"), offered))
                .isEqualTo("invalid sequence set \"$\": \"$\" is neither a number nor \"*\"");
        assertThatThrownBy(() -> SearchParser.parse(atoms("UID $")))
                .hasMessage("invalid sequence set \"$\": \"$\" is neither a number nor \"*\"");
    }

    @Test
    void messageSetArgumentsTakeDollarOnlyWithSearchres() {
        assertThat(MessageSetArg.parse(atom("$"), ALL)).isEqualTo(new MessageSetArg.Saved());
        assertThat(MessageSetArg.parse(atom("2:4,7"), ALL))
                .isEqualTo(new MessageSetArg.Numbers(SequenceSet.parse("2:4,7")));
        assertThatThrownBy(() -> MessageSetArg.parse(atom("$,1"), ALL))
                .hasMessage("\"$\" stands alone: the saved search result cannot be combined with numbers as in \"$,1\"");
        assertThatThrownBy(() -> MessageSetArg.parse(atom("$"), without(Extension.SEARCHRES)))
                .hasMessage("invalid sequence set \"$\": \"$\" is neither a number nor \"*\"");
        assertThatThrownBy(() -> MessageSetArg.parse(quoted("$"), ALL))
                .hasMessage("expected a sequence set such as 1:5,7 but got a quoted string");
    }

    @Property
    void parseWithEveryExtensionThrowsOnlyProtocolException(@ForAll("trees") List<Arg> args) {
        try {
            SearchProgram program = SearchParser.parse(args, ALL);
            assertThat(program.key()).isNotNull();
            assertThat(program.returns()).doesNotContainNull();
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("Exception");
        }
    }

    @Provide
    Arbitrary<List<Arg>> trees() {
        List<String> words = new ArrayList<>(List.of("RETURN", "MIN", "MAX", "ALL", "COUNT", "SAVE", "MODSEQ", "5",
                "/flags/\\seen", "all", "priv", "YOUNGER", "OLDER", "10", "$", "UID", "NOT", "OR", "CHARSET", "UTF-8", "SEEN"));
        return ArgTrees.trees(words.toArray(String[]::new));
    }

    @Test
    void updateKeepsTheSearchLiveAndAskForAnEsearchAndPartialTakesARange() {
        SearchProgram program = parse("RETURN (UPDATE) UNSEEN");
        assertThat(program.returns()).containsExactly(SearchReturn.UPDATE);
        assertThat(program.updates()).isTrue();
        assertThat(program.esearch()).isTrue();
        SearchProgram partial = parse("RETURN (PARTIAL -1:-10 COUNT UPDATE) ALL");
        assertThat(partial.returns()).containsExactlyInAnyOrder(SearchReturn.PARTIAL, SearchReturn.COUNT, SearchReturn.UPDATE);
        assertThat(partial.partial()).isEqualTo(new PartialRange(-1, -10));
        assertThat(badMessage(atoms("RETURN (UPDATE) ALL"), without(Extension.CONTEXT_SEARCH)))
                .isEqualTo("unknown SEARCH result option UPDATE; known are MIN, MAX, ALL, COUNT, SAVE and PARTIAL");
    }
}
