package dev.imapmock.mime;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    @Test
    void asciiKeysAreTheUpperCaseText() {
        assertThat(Collation.key("Re: budget [Q3] review_2")).isEqualTo("RE: BUDGET [Q3] REVIEW_2");
        assertThat(Collation.key("")).isEmpty();
        assertThat(Collation.key("\u00e9t\u00e9")).isEqualTo("E\u0301TE\u0301");
    }

    @Test
    void foldingMakesTextsThatDifferInCaseOnlyEqual() {
        assertThat(Collation.fold("Re: Budget REVIEW")).isEqualTo("re: budget review");
        assertThat(Collation.fold("\u03a3\u0391\u03a3")).isEqualTo(Collation.fold("\u03c3\u03b1\u03c2"));
        assertThat(Collation.fold("\u00c9t\u00e9")).isEqualTo("\u00e9t\u00e9");
        String[] pieces = {"a", "Z", "z", "[", " ", "\u00e9", "\u00c4", "\u00df", "\u01c5", "\u03c2", "\u0130", "k"};
        Random random = new Random(5256);
        for (int round = 0; round < 5_000; round++) {
            String text = text(random, pieces);
            assertThat(Collation.fold(text)).as(text)
                    .isEqualTo(text.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void keysAndComparisonsAgreeWithTheCollationsDefinitionOnRandomText() {
        // RFC 5051 written out code point by code point, without any shortcut: titlecase, NFKD,
        // then the keys compare as sequences of code points.
        String[] pieces = {"a", "Z", "z", "[", "~", " ", "\u00e9", "\u00c4", "\u00df", "\u01c6", "\ufb01",
                "\u2167", "\ue000", "\uffe8", "\ufffd", "\ud83d\ude00", "\ud800\udc00", "\u0130", "\u03a3"};
        Random random = new Random(5051);
        for (int round = 0; round < 20_000; round++) {
            String a = text(random, pieces);
            String b = random.nextInt(4) == 0 ? a + text(random, pieces) : text(random, pieces);
            assertThat(Collation.key(a)).as(a).isEqualTo(definedKey(a));
            int expected = Integer.signum(compareCodePoints(definedKey(a), definedKey(b)));
            assertThat(Integer.signum(Collation.compare(a, b))).as(a + " against " + b).isEqualTo(expected);
            assertThat(Integer.signum(Collation.compare(b, a))).as(b + " against " + a).isEqualTo(-expected);
        }
    }

    private static String text(Random random, String[] pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            sb.append(pieces[random.nextInt(random.nextInt(3) == 0 ? pieces.length : 6)]);
        }
        return sb.toString();
    }

    private static String definedKey(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> sb.appendCodePoint(Character.toTitleCase(cp)));
        return Normalizer.normalize(sb, Normalizer.Form.NFKD);
    }

    private static int compareCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
