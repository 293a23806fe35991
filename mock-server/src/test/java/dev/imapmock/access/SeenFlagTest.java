package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 3501 §6.4.5: BODY[...], RFC822 and RFC822.TEXT set \Seen; BODY.PEEK[...] and RFC822.HEADER
 * do not, and nothing does in a mailbox opened with EXAMINE. A fetch that sets \Seen also reports
 * the new FLAGS in the same response.
 */
@Timeout(20)
class SeenFlagTest {
    private ImapMockServer server;

    @BeforeEach
    void start() {
        server = Wire.mimeServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BODY[]", "BODY[TEXT]", "BODY[1]", "BODY[HEADER]", "BODY[]<0.5>", "RFC822", "RFC822.TEXT"})
    void fetchingABodySetsSeenAndReportsTheNewFlags(String item) {
        try (RawClient c = Wire.selected(server, "SELECT INBOX")) {
            List<String> first = c.exchange("f1", "FETCH 1 " + item);
            assertThat(first).hasSize(2);
            assertThat(first.get(0)).startsWith("* 1 FETCH (").endsWith(" FLAGS (\\Seen \\Recent))");
            List<String> again = c.exchange("f2", "FETCH 1 " + item);
            assertThat(again.get(0)).doesNotContain("FLAGS");
            assertThat(c.command("f3", "FETCH 1 FLAGS")).containsExactly("* 1 FETCH (FLAGS (\\Seen \\Recent))",
                    "f3 OK Fetch completed.");
        }
    }

    @Test
    void flagsAskedForTogetherWithTheBodyAreNotRepeated() {
        try (RawClient c = Wire.selected(server, "SELECT INBOX")) {
            List<String> lines = c.exchange("f1", "FETCH 2 (FLAGS BODY[TEXT])");
            assertThat(lines.get(0)).startsWith("* 2 FETCH (FLAGS (\\Seen \\Recent) BODY[TEXT] {29}\r\n")
                    .endsWith(")").containsOnlyOnce("FLAGS");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BODY.PEEK[]", "BODY.PEEK[TEXT]", "BODY.PEEK[1]<0.3>", "RFC822.HEADER", "BODYSTRUCTURE",
            "ENVELOPE", "RFC822.SIZE", "BODY"})
    void peekingAndMetadataLeaveSeenAlone(String item) {
        try (RawClient c = Wire.selected(server, "SELECT INBOX")) {
            assertThat(c.exchange("f1", "FETCH 1 " + item).get(0)).doesNotContain("FLAGS");
            assertThat(c.command("f2", "FETCH 1 FLAGS")).containsExactly("* 1 FETCH (FLAGS (\\Recent))",
                    "f2 OK Fetch completed.");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"BODY[]", "RFC822", "RFC822.TEXT"})
    void examineNeverSetsSeen(String item) {
        try (RawClient c = Wire.selected(server, "EXAMINE INBOX")) {
            assertThat(c.exchange("f1", "FETCH 1 " + item).get(0)).doesNotContain("FLAGS");
            assertThat(c.command("f2", "FETCH 1 FLAGS")).containsExactly("* 1 FETCH (FLAGS (\\Recent))",
                    "f2 OK Fetch completed.");
        }
        try (RawClient c = Wire.selected(server, "SELECT INBOX")) {
            assertThat(c.command("f3", "FETCH 1 FLAGS").get(0)).doesNotContain("\\Seen");
        }
    }

    @Test
    void anotherSessionHearsOfTheSeenFlagAtItsNextCommand() {
        try (RawClient reader = Wire.selected(server, "SELECT INBOX");
             RawClient watcher = Wire.selected(server, "SELECT INBOX")) {
            reader.exchange("f1", "FETCH 3 BODY[]");
            assertThat(watcher.command("n1", "NOOP")).containsExactly("* 3 FETCH (FLAGS (\\Seen))", "n1 OK NOOP completed.");
            assertThat(watcher.command("n2", "NOOP")).containsExactly("n2 OK NOOP completed.");
        }
    }
}
