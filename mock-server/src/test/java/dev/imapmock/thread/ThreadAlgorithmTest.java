package dev.imapmock.thread;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The algorithms on messages made in code, for the rules that the Dovecot corpus shows only together. */
class ThreadAlgorithmTest {
    private final List<ThreadMessage> messages = new ArrayList<>();

    private void message(String id, String references, String inReplyTo, String subject, long date) {
        messages.add(ThreadMessage.of(messages.size() + 1, id, references, inReplyTo, subject, date));
    }

    private String thread(ThreadAlgorithm algorithm) {
        return ThreadNode.write(algorithm.thread(messages));
    }

    @Test
    void writesTheAnswerOfRfc5256Section4() {
        ThreadNode tree = new ThreadNode(3, List.of(new ThreadNode(6, List.of(
                new ThreadNode(4, List.of(new ThreadNode(23, List.of()))),
                new ThreadNode(44, List.of(new ThreadNode(7, List.of(new ThreadNode(96, List.of())))))))));
        assertThat(ThreadNode.write(List.of(new ThreadNode(2, List.of()), tree))).isEqualTo("(2)(3 6 (4 23)(44 7 96))");
        ThreadNode dummy = new ThreadNode(0, List.of(new ThreadNode(3, List.of()), new ThreadNode(5, List.of())));
        assertThat(ThreadNode.write(List.of(dummy))).isEqualTo("((3)(5))");
        assertThat(ThreadNode.write(List.of())).isEmpty();
    }

    @Test
    void inReplyToCountsOnlyWithoutAValidReferenceAndThenItsFirstValidIdentifier() {
        message("<p@x>", null, null, "a", 1);
        message("<q@x>", null, null, "b", 2);
        message("<r@x>", "<p@x>", "<q@x>", "c", 3);
        message("<s@x>", "garbage", "<q@x> <p@x>", "d", 4);
        message("<t@x>", null, "nonsense <missing@x> <p@x>", "e", 5);
        assertThat(thread(ThreadAlgorithm.REFS)).isEqualTo("(1 3)(2 4)(5)");
    }

    @Test
    void theOwnReferencesOfAMessageMoveItAndALoopIsNotClosed() {
        message("<child@x>", "<old@x>", null, "a", 1);
        message("<new@x>", "<child@x>", null, "b", 2);
        message("<old@x>", "<new@x>", null, "c", 3);
        message("<child2@x>", "<old@x> <child@x>", null, "d", 4);
        // 1 hangs under the missing <old@x> until 3 arrives as <old@x>; 3 cannot go under 2,
        // its own descendant; 4 names <child@x> as its parent.
        assertThat(thread(ThreadAlgorithm.REFERENCES)).isEqualTo("(3 1 (2)(4))");
    }

    @Test
    void aReplyJoinsTheThreadOfItsSubjectAndTwoOriginalsShareAMissingTop() {
        message("<a@x>", null, null, "Topic", 10);
        message("<b@x>", null, null, "Re: topic", 20);
        message("<c@x>", null, null, "TOPIC", 30);
        message(null, null, null, "Fwd: Topic", 5);
        assertThat(thread(ThreadAlgorithm.REFERENCES)).isEqualTo("((1 (4)(2))(3))");
        assertThat(thread(ThreadAlgorithm.REFS)).isEqualTo("(4)(1)(2)(3)");
        assertThat(thread(ThreadAlgorithm.ORDEREDSUBJECT)).isEqualTo("(4 (1)(2)(3))");
    }

    @Test
    void aMissingTopWithOneChildGivesWayToItOnce() {
        // <p@x> is known (as missing) before message 2 fills <c@x>, its only child.
        message(null, "<p@x> <c@x>", null, "a", 1);
        message("<c@x>", "<p@x>", null, "b", 2);
        assertThat(thread(ThreadAlgorithm.REFS)).isEqualTo("(2 1)");
        assertThat(thread(ThreadAlgorithm.REFERENCES)).isEqualTo("(2 1)");
    }

    @Test
    void aThreadTensOfThousandsDeepNeedsNoRecursion() {
        for (int i = 1; i <= 20_000; i++) {
            message("<m" + i + "@x>", "<m" + (i - 1) + "@x>", null, "Re: long", i);
        }
        for (ThreadAlgorithm algorithm : List.of(ThreadAlgorithm.REFERENCES, ThreadAlgorithm.REFS)) {
            String answer = thread(algorithm);
            assertThat(answer).startsWith("(1 2 3 ").endsWith(" 19999 20000)").doesNotContain("((");
        }
    }
}
