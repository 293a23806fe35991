package dev.imapmock.sort;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key, REVERSE, several keys at once, UID SORT, search criteria and ESORT's result options
 * over the 33 messages of {@code sort/}, answered as Dovecot answered the same commands for the
 * same messages ({@code sort/dovecot-answers.txt}, recorded once from a real Dovecot). The
 * messages hold the tricky cases: {@code Re: Fwd: [tag] Subject (fwd)}, {@code [Fwd: ...]},
 * encoded words, non-ASCII names and subjects, empty, blank and missing subjects, missing and
 * unreadable Date headers, groups, empty display names, and equal keys of every kind.
 */
@Timeout(30)
class SortDovecotTableTest {
    private static final Path MESSAGES = Path.of("src/test/resources/sort");

    private static ImapMockServer server;
    private static RawClient c;

    @BeforeAll
    static void start() {
        server = ImapMockServer.builder().user("alice", "secret").fixtures(MESSAGES).build().start();
        c = RawClient.login(server, "alice", "secret");
        c.command("s0", "SELECT INBOX");
    }

    @AfterAll
    static void stop() {
        c.close();
        server.close();
    }

    @Test
    void everyAnswerIsDovecots() throws IOException {
        List<String> lines = Files.readAllLines(MESSAGES.resolve("dovecot-answers.txt"), StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        int n = 0;
        String command = null;
        for (String line : lines) {
            if (line.startsWith("C: ")) {
                if (command != null) {
                    actual.addAll(answer(command, "t" + n++));
                }
                command = line.substring(3);
                expected.add("C: " + command);
            } else if (line.startsWith("S: ")) {
                expected.add(line);
            }
        }
        actual.addAll(answer(command, "t" + n));
        assertThat(n).isGreaterThan(150);
        assertThat(String.join("\n", actual)).isEqualTo(String.join("\n", expected));
    }

    /** The command and its untagged answers in the file's form; its tagged answer must be OK. */
    private static List<String> answer(String command, String tag) {
        List<String> response = c.command(tag, command);
        assertThat(response.get(response.size() - 1)).as(command).startsWith(tag + " OK ");
        List<String> out = new ArrayList<>();
        out.add("C: " + command);
        for (String line : response.subList(0, response.size() - 1)) {
            out.add("S: " + line.replace("(TAG \"" + tag + "\")", "(TAG \"TAG\")"));
        }
        return out;
    }
}
