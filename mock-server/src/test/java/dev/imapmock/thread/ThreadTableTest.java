package dev.imapmock.thread;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of {@code thread/messages/} (see its README) threaded by every algorithm, with and
 * without criteria, answered exactly as Dovecot answered the same commands for the same messages
 * ({@code thread/expected.txt}, recorded from Dovecot 2.3.19.1).
 */
@Timeout(30)
class ThreadTableTest {
    private static final Path CORPUS = Path.of("src/test/resources/thread");
    private static final OffsetDateTime FIRST_INTERNAL_DATE = OffsetDateTime.of(2024, 1, 7, 0, 0, 0, 0, ZoneOffset.UTC);

    private static ImapMockServer server;
    private static RawClient client;

    /** One recorded exchange: the command after its tag and the untagged answer Dovecot gave. */
    record Recorded(String command, String answer) {
        @Override
        public String toString() {
            return command;
        }
    }

    @BeforeAll
    static void appendTheCorpusAsDovecotGotIt() throws IOException {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
        Mailbox inbox = server.store().account("alice").orElseThrow().mailbox("INBOX");
        List<Path> files;
        try (Stream<Path> list = Files.list(CORPUS.resolve("messages"))) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        for (int i = 0; i < files.size(); i++) {
            inbox.append(Files.readAllBytes(files.get(i)), Flags.NONE, FIRST_INTERNAL_DATE.plusHours(i + 1));
        }
        client = RawClient.login(server, "alice", "secret");
        client.command("s1", "SELECT INBOX");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static List<Recorded> recorded() {
        List<String> lines;
        try {
            lines = Files.readAllLines(CORPUS.resolve("expected.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("C: ")) {
                recorded.add(new Recorded(lines.get(i).substring(3), lines.get(i + 1).substring(3)));
            }
        }
        return recorded;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void answersAsDovecot(Recorded exchange) {
        List<String> response = client.command("t1", exchange.command());
        assertThat(response).hasSize(2);
        assertThat(response.get(0)).isEqualTo(exchange.answer());
        assertThat(response.get(1)).startsWith("t1 OK ");
    }
}
