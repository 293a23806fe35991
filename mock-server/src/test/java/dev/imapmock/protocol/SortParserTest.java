package dev.imapmock.protocol;

import dev.imapmock.Extension;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.imapmock.protocol.ArgTrees.atoms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SORT's arguments into typed programs (RFC 5256 §4, RFC 5957, RFC 5267 §3). */
class SortParserTest {
    private static final Set<Extension> ALL = EnumSet.allOf(Extension.class);

    private static SortProgram parse(String line) {
        return SortParser.parse(atoms(line), ALL);
    }

    @Test
    void criteriaAreTypedWithTheirReverseMarksAndTheSearchIsSearchs() {
        SortProgram program = parse("(subject REVERSE date REVERSE REVERSE size DISPLAYFROM) utf-8 UNSEEN SUBJECT x");

        assertThat(program.criteria()).containsExactly(
                new SortCriterion(SortKey.SUBJECT, false), new SortCriterion(SortKey.DATE, true),
                new SortCriterion(SortKey.SIZE, false), new SortCriterion(SortKey.DISPLAYFROM, false));
        assertThat(program.search().charset()).isEqualTo("utf-8");
        assertThat(program.search().returns()).isEmpty();
        assertThat(program.search().key()).isEqualTo(new SearchKey.And(List.of(
                new SearchKey.Flag(FlagNames.SEEN, false),
                new SearchKey.Envelope(SearchKey.EnvelopeField.SUBJECT, "x"))));
    }

    @Test
    void returnComesFirstWithEsortAndIsTheSearchsResultOptions() {
        SortProgram program = parse("RETURN (MIN COUNT SAVE) (ARRIVAL) US-ASCII ALL");

        assertThat(program.search().returns()).containsExactlyInAnyOrder(SearchReturn.MIN, SearchReturn.COUNT,
                SearchReturn.SAVE);
        assertThat(parse("RETURN () (TO) UTF-8 ALL").search().returns()).containsExactly(SearchReturn.ALL);
        assertThat(parse("RETURN (UPDATE) (CC) UTF-8 ALL").search().updates()).isTrue();
        assertThat(SortParser.returnOptions(atoms("RETURN (SAVE) (CC) KOI8-R ALL"), ALL)).containsExactly(SearchReturn.SAVE);
    }

    @Test
    void extensionsThatAreOffTakeTheirSyntaxAlong() {
        Set<Extension> plain = EnumSet.of(Extension.SORT, Extension.ESEARCH);
        assertThatThrownBy(() -> SortParser.parse(atoms("(DISPLAYTO) UTF-8 ALL"), plain))
                .isInstanceOf(ProtocolException.class).hasMessageStartingWith("unknown sort key DISPLAYTO; known are ARRIVAL");
        assertThatThrownBy(() -> SortParser.parse(atoms("RETURN (MIN) (DATE) UTF-8 ALL"), plain))
                .isInstanceOf(ProtocolException.class).hasMessageStartingWith("SORT needs its sort keys in parentheses");
        Set<Extension> noContext = EnumSet.allOf(Extension.class);
        noContext.remove(Extension.CONTEXT_SORT);
        assertThatThrownBy(() -> SortParser.parse(atoms("RETURN (UPDATE) (DATE) UTF-8 ALL"), noContext))
                .isInstanceOf(ProtocolException.class).hasMessageStartingWith("unknown SORT result option UPDATE");
    }

    @Test
    void anUnknownCharsetIsNoSyntaxErrorButMissingPartsAre() {
        assertThatThrownBy(() -> parse("(DATE) KOI8-R ALL")).isInstanceOf(BadCharsetException.class);
        assertThatThrownBy(() -> parse("(DATE) ALL")).isNotInstanceOf(BadCharsetException.class)
                .isInstanceOf(ProtocolException.class).hasMessage("SORT needs at least one search key after the charset, such as ALL");
        assertThatThrownBy(() -> parse("(DATE REVERSE) UTF-8 ALL")).hasMessage("REVERSE must come before a sort key, such as (REVERSE DATE)");
        assertThatThrownBy(() -> parse("() UTF-8 ALL")).hasMessage("SORT needs at least one sort key in its parentheses, such as (DATE)");
        assertThatThrownBy(() -> parse("((DATE)) UTF-8 ALL")).hasMessageStartingWith("unknown sort key a parenthesized list");
        assertThatThrownBy(() -> parse("(DATE) UTF-8 BOGUS")).hasMessage("unknown search key BOGUS");
    }
}
