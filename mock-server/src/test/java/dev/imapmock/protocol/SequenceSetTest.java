package dev.imapmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequenceSetTest {

    @Test
    void parsesNumbersRangesAndStar() {
        SequenceSet set = SequenceSet.parse("1:3,5,7:*");
        assertThat(set.contains(2, 10)).isTrue();
        assertThat(set.contains(4, 10)).isFalse();
        assertThat(set.contains(5, 10)).isTrue();
        assertThat(set.contains(9, 10)).isTrue();
        assertThat(set.toString()).isEqualTo("1:3,5,7:*");
    }

    @Test
    void reversedRangeMeansTheSameNumbers() {
        assertThat(SequenceSet.parse("4:2")).isEqualTo(SequenceSet.parse("2:4"));
        assertThat(SequenceSet.parse("4:2").toString()).isEqualTo("2:4");
        assertThat(SequenceSet.parse("*:4").toString()).isEqualTo("4:*");
    }

    @Test
    void canonicalFormSortsAndMergesOverlappingAndTouchingRanges() {
        assertThat(SequenceSet.parse("9,1:3,2:5,6,8").toString()).isEqualTo("1:6,8:9");
        assertThat(SequenceSet.parse("3:3").toString()).isEqualTo("3");
        assertThat(SequenceSet.parse("*:*,*").toString()).isEqualTo("*");
        assertThat(SequenceSet.parse("*,5:*").toString()).isEqualTo("5:*");
        // Open ranges keep each lower bound once, ascending.
        assertThat(SequenceSet.parse("9:*,*:3,9:*,1,*:5").toString()).isEqualTo("1,3:*,5:*,9:*");
    }

    @Test
    void starStandsForTheLargestNumber() {
        SequenceSet star = SequenceSet.parse("*");
        assertThat(star.contains(7, 7)).isTrue();
        assertThat(star.contains(6, 7)).isFalse();
        assertThat(star.ranges(7)).containsExactly(new SequenceSet.Range(7, 7));
    }

    @Test
    void rangeToStarBeyondTheLargestStillYieldsTheLargest() {
        // RFC 3501 §6.4.8: "UID FETCH 5:*" with a largest UID of 3 returns UID 3.
        assertThat(SequenceSet.parse("5:*").ranges(3)).containsExactly(new SequenceSet.Range(3, 3));
    }

    @Test
    void rangesAreClippedToTheMailboxAndMerged() {
        assertThat(SequenceSet.parse("2:4,3:9,20,*").ranges(10))
                .containsExactly(new SequenceSet.Range(2, 10));
        assertThat(SequenceSet.parse("20:30").ranges(10)).isEmpty();
        assertThat(SequenceSet.parse("1:*").ranges(0)).isEmpty();
    }

    @Test
    void hugeRangesAreNeverExpanded() {
        SequenceSet all = SequenceSet.parse("1:4294967295");
        assertThat(all.ranges(4294967295L)).containsExactly(new SequenceSet.Range(1, 4294967295L));
        assertThat(all.count(4294967295L)).isEqualTo(4294967295L);
        assertThat(all.members(4294967295L).limit(3)).containsExactly(1L, 2L, 3L);
        assertThat(all.contains(4294967295L, 5)).isTrue();
    }

    @Test
    void membersAreAscendingWithoutRepeats() {
        assertThat(SequenceSet.parse("5,1:3,2,*").members(8)).containsExactly(1L, 2L, 3L, 5L, 8L);
    }

    @Test
    void buildsTheCompactSetOfGivenNumbers() {
        assertThat(SequenceSet.of(7, 1, 2, 3, 9, 8).toString()).isEqualTo("1:3,7:9");
        assertThat(SequenceSet.of(List.of()).isEmpty()).isTrue();
        assertThat(SequenceSet.of(List.of()).toString()).isEmpty();
        assertThat(SequenceSet.parse("1").isEmpty()).isFalse();
        assertThat(SequenceSet.range(9, 4).toString()).isEqualTo("4:9");
    }

    @Test
    void tellsWhetherStarIsUsed() {
        assertThat(SequenceSet.parse("1:*").usesStar()).isTrue();
        assertThat(SequenceSet.parse("1:4").usesStar()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|invalid sequence set \"0\": numbers start at 1, 0 is not allowed",
        "1:0|invalid sequence set \"1:0\": numbers start at 1, 0 is not allowed",
        "4294967296|invalid sequence set \"4294967296\": 4294967296 is larger than 4294967295",
        "1,,2|invalid sequence set \"1,,2\": it has an empty part between commas",
        "1,|invalid sequence set \"1,\": it has an empty part between commas",
        "1:|invalid sequence set \"1:\": a range is missing a number before or after \":\"",
        "1:2:3|invalid sequence set \"1:2:3\": \"1:2:3\" has more than one \":\"",
        "abc|invalid sequence set \"abc\": \"abc\" is neither a number nor \"*\"",
        "-1|invalid sequence set \"-1\": \"-1\" is neither a number nor \"*\"",
        "01|invalid sequence set \"01\": \"01\" starts with a zero",
    })
    void rejectsInvalidSetsWithAReadableReason(String text, String message) {
        assertThatThrownBy(() -> SequenceSet.parse(text))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsAnEmptySet() {
        assertThatThrownBy(() -> SequenceSet.parse(""))
                .hasMessage("expected a sequence set such as 1:5,7 but got nothing");
    }

    @Test
    void rejectsAnArgumentThatIsNotAnAtom() {
        assertThatThrownBy(() -> SequenceSet.parse(new Arg.Quoted("1:2".getBytes())))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("expected a sequence set such as 1:5,7 but got a quoted string");
    }

    @Property
    void canonicalFormParsesBackToAnEqualSet(@ForAll("sets") String text) {
        SequenceSet set = SequenceSet.parse(text);
        SequenceSet again = SequenceSet.parse(set.toString());
        assertThat(again).isEqualTo(set);
        assertThat(again.toString()).isEqualTo(set.toString());
    }

    @Property
    void canonicalFormHasTheSameMembers(@ForAll("sets") String text, @ForAll @LongRange(min = 0, max = 40) long largest) {
        SequenceSet set = SequenceSet.parse(text);
        SequenceSet canonical = SequenceSet.parse(set.toString());
        for (long n = 1; n <= 45; n++) {
            assertThat(canonical.contains(n, largest)).isEqualTo(set.contains(n, largest));
        }
    }

    @Property
    void rangesAgreeWithContains(@ForAll("sets") String text, @ForAll @LongRange(min = 0, max = 40) long largest) {
        SequenceSet set = SequenceSet.parse(text);
        List<Long> members = set.members(largest).boxed().toList();
        for (long n = 1; n <= largest; n++) {
            assertThat(members.contains(n)).as("member %d", n).isEqualTo(set.contains(n, largest));
        }
        assertThat(members).isSorted().doesNotHaveDuplicates();
    }

    @Property
    void parseThrowsOnlyProtocolException(@ForAll("junk") String text) {
        try {
            SequenceSet.parse(text);
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> sets() {
        Arbitrary<String> bound = Arbitraries.oneOf(Arbitraries.longs().between(1, 40).map(String::valueOf),
                Arbitraries.just("*"));
        Arbitrary<String> part = Arbitraries.oneOf(bound,
                bound.list().ofSize(2).map(pair -> pair.get(0) + ":" + pair.get(1)));
        return part.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join(",", parts));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789:,*-x ").ofMaxLength(25),
                Arbitraries.strings().ofMaxLength(20));
    }
}
