package dev.imapmock.mime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BaseSubjectTest {

    @Test
    void replyForwardLeadersBlobsAndTrailersAllComeOff() {
        assertThat(BaseSubject.of("Re: Fwd: [tag] Subject (fwd)")).isEqualTo("Subject");
        assertThat(BaseSubject.of("RE: re: fw: FWD: hello")).isEqualTo("hello");
        assertThat(BaseSubject.of("Re[2]: hello")).isEqualTo("hello");
        assertThat(BaseSubject.of("[list] [other] Re : hello")).isEqualTo("hello");
        assertThat(BaseSubject.of("hello (fwd) (FWD)  ")).isEqualTo("hello");
        assertThat(BaseSubject.of("Re:hello")).isEqualTo("hello");
    }

    @Test
    void forwardWrapperIsUnwrappedAndExtractionStartsOver() {
        assertThat(BaseSubject.of("[Fwd: x]")).isEqualTo("x");
        assertThat(BaseSubject.of("[fwd: Re: [tag] x (fwd)]")).isEqualTo("x");
        assertThat(BaseSubject.of("Re: [Fwd: [Fwd: deep]]")).isEqualTo("deep");
        assertThat(BaseSubject.of("[Fwd:]")).isEmpty();
    }

    @Test
    void encodedWordsAreDecodedBeforeAnythingIsTakenOff() {
        assertThat(BaseSubject.of("=?utf-8?q?Re=3A_Gr=C3=BC=C3=9Fe?=")).isEqualTo("Grüße");
        assertThat(BaseSubject.of("Re: =?iso-8859-1?q?K=F6ln?= =?iso-8859-1?q?_Dom?=")).isEqualTo("Köln Dom");
    }

    @Test
    void whiteSpaceAndFoldingCollapseToSingleSpaces() {
        assertThat(BaseSubject.of("a\t\tb\r\n  c   d")).isEqualTo("a b c d");
        assertThat(BaseSubject.of("   Re:    spaced   out   ")).isEqualTo("spaced out");
        assertThat(BaseSubject.of("plain words only")).isEqualTo("plain words only");
        assertThat(BaseSubject.of("two  spaces")).isEqualTo("two spaces");
        assertThat(BaseSubject.of("a \tb")).isEqualTo("a b");
        assertThat(BaseSubject.of("a\t b")).isEqualTo("a b");
        assertThat(BaseSubject.of("tab\tat end\t")).isEqualTo("tab at end");
    }

    @Test
    void whiteSpaceCollapsesAsStepOneSaysOnRandomSubjects() {
        String[] pieces = {"a", "b", " ", "  ", "\t", "\r\n ", "\n", "Re:", "x"};
        java.util.Random random = new java.util.Random(5256);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder raw = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                raw.append(pieces[random.nextInt(pieces.length)]);
            }
            String collapsed = raw.toString().replaceAll("[ \t\r\n]+", " ");
            assertThat(BaseSubject.of(raw.toString())).as(raw.toString().replace("\t", "<TAB>"))
                    .isEqualTo(BaseSubject.of(collapsed));
            assertThat(BaseSubject.of(collapsed)).doesNotContain("  ", "\t", "\r", "\n");
        }
    }

    @Test
    void emptyBlankAndMissingSubjectsHaveAnEmptyBase() {
        assertThat(BaseSubject.of(null)).isEmpty();
        assertThat(BaseSubject.of("")).isEmpty();
        assertThat(BaseSubject.of(" \t ")).isEmpty();
        assertThat(BaseSubject.of("Re:")).isEmpty();
        assertThat(BaseSubject.of("Re: (fwd)")).isEmpty();
    }

    @Test
    void aBlobStaysWhenTakingItOffWouldLeaveNothing() {
        assertThat(BaseSubject.of("[tag]")).isEqualTo("[tag]");
        assertThat(BaseSubject.of("[a] [b]")).isEqualTo("[b]");
        assertThat(BaseSubject.of("Re: [tag]")).isEqualTo("[tag]");
        assertThat(BaseSubject.of("[tag] Re:")).isEmpty();
    }

    @Test
    void bracketsThatAreNoBlobStay() {
        assertThat(BaseSubject.of("[unclosed x")).isEqualTo("[unclosed x");
        assertThat(BaseSubject.of("[a[b] x")).isEqualTo("[a[b] x");
        assertThat(BaseSubject.of("Reply: x")).isEqualTo("Reply: x");
    }

    @Test
    void aBlobMayHoldNonAsciiCharactersAsInDovecot() {
        assertThat(BaseSubject.of("[\u00c4rger] tag")).isEqualTo("tag");
        assertThat(BaseSubject.of("=?utf-8?q?[=C3=84rger]_Re=3A_tag?=")).isEqualTo("tag");
    }

    /** Pairs that Dovecot 2.3.19.1's THREAD=ORDEREDSUBJECT put into one thread: the same base subject. */
    @Test
    void moreCasesAsDovecotGroupsThem() {
        assertThat(BaseSubject.of("Fw[3]: x19")).isEqualTo("x19");
        assertThat(BaseSubject.of("Re: Re: [a] [b] x20")).isEqualTo("x20");
        assertThat(BaseSubject.of("[Fwd: x21] (fwd)")).isEqualTo("x21");
        assertThat(BaseSubject.of("Re: [tag22] Re: y22")).isEqualTo("y22");
        assertThat(BaseSubject.of("[x] Fwd : z23")).isEqualTo("z23");
        assertThat(BaseSubject.of("[list] [other] Re : hello3")).isEqualTo("hello3");
    }

    @Test
    void replyOrForwardIsWhatATrailerLeaderOrWrapperMarks() {
        assertThat(BaseSubject.isReplyOrForward("Re: x")).isTrue();
        assertThat(BaseSubject.isReplyOrForward("x (fwd)")).isTrue();
        assertThat(BaseSubject.isReplyOrForward("[Fwd: x]")).isTrue();
        assertThat(BaseSubject.isReplyOrForward("[tag] x")).isFalse();
        assertThat(BaseSubject.isReplyOrForward("  x  ")).isFalse();
        assertThat(BaseSubject.isReplyOrForward(null)).isFalse();
        assertThat(BaseSubject.extract("[list] Fw: x")).isEqualTo(new BaseSubject.Extracted("x", true));
    }
}
