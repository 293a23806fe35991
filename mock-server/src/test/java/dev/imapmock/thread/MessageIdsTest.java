package dev.imapmock.thread;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {

    @Test
    void everyIdentifierInOrderWithTextBetweenThemSkipped() {
        assertThat(MessageIds.all("<a@x> <b@y>\r\n\t<c@z>")).containsExactly("a@x", "b@y", "c@z");
        assertThat(MessageIds.all("your message of Monday <a@x>, (comment) <b@y>")).containsExactly("a@x", "b@y");
    }

    @Test
    void quotingAndWhiteSpaceDoNotMakeTwoIdentifiersDiffer() {
        assertThat(MessageIds.first("<\"01KF8JCEOCBS0045PS\"@xxx.yyy.com>")).isEqualTo("01KF8JCEOCBS0045PS@xxx.yyy.com");
        assertThat(MessageIds.first("< a@x >")).isEqualTo("a@x");
        assertThat(MessageIds.first("<\"a\\\"b\"@x>")).isEqualTo("a\"b@x");
    }

    @Test
    void bracketsWithoutBothSidesOfAnAtAreNoIdentifier() {
        assertThat(MessageIds.all("<no-at-here> <@x> <a@> <a@x")).isEmpty();
        assertThat(MessageIds.all("<broken <a@x>")).containsExactly("a@x");
        assertThat(MessageIds.all("not an id")).isEmpty();
        assertThat(MessageIds.all(null)).isEmpty();
        assertThat(MessageIds.first(null)).isNull();
    }

    @Test
    void comparisonIsCaseSensitive() {
        assertThat(MessageIds.first("<A@X>")).isEqualTo("A@X").isNotEqualTo(MessageIds.first("<a@x>"));
    }
}
