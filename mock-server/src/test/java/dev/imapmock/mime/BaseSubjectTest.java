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
