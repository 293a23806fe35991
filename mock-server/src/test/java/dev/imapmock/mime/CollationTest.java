package dev.imapmock.mime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CollationTest {

    @Test
    void caseIsIgnoredAndAccentedLettersSortAmongTheirBaseLettersAsInDovecot() {
        List<String> words = new ArrayList<>(List.of("Zebra", "été", "banana", "Ärger", "apple", "APPLE", "[b]", "", "Eve"));
        words.sort(Collation::compare);

        assertThat(words).containsExactly("", "apple", "APPLE", "Ärger", "banana", "Eve", "été", "Zebra", "[b]");
        assertThat(Collation.compare("kim", "KIM")).isZero();
        assertThat(Collation.compare("KIM", "KIM@example.com")).isNegative();
    }

    @Test
    void charactersBeyondTheBasicPlaneCompareByCodePoint() {
        assertThat(Collation.compare("\uD83D\uDE00", "\uFFFD")).isPositive();
    }
}
