package dev.imapmock.thread;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterAll;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpora of {@code thread/} (see its README), written by hand ({@code main}) and at random
 * ({@code random}), threaded by every algorithm, with and without criteria, and answered exactly
 * as Dovecot 2.3.19.1 answered the same commands for the same messages (each corpus's
 * {@code expected.txt}). Each corpus is loaded once into a server of its own, as Dovecot got it:
 * one message after the other, message N with the internal date 2024-01-07 00:00 UTC plus N hours.
 */
@Timeout(30)
class ThreadTableTest {
    private static final Path CORPORA = Path.of("src/test/resources/thread");
    private static final OffsetDateTime FIRST_INTERNAL_DATE = OffsetDateTime.of(2024, 1, 7, 0, 0, 0, 0, ZoneOffset.UTC);

    private static final Map<String, ImapMockServer> SERVERS = new HashMap<>();
    private static final Map<String, RawClient> CLIENTS = new HashMap<>();

    /** One recorded exchange: the corpus, the command after its tag and the untagged answer Dovecot gave. */
    record Recorded(String corpus, String command, String answer) {
        @Override
        public String toString() {
            return corpus + ": " + command;
        }
    }

    @AfterAll
    static void stop() {
        CLIENTS.values().forEach(RawClient::close);
        SERVERS.values().forEach(ImapMockServer::close);
    }

    static List<Recorded> recorded() throws IOException {
        List<Recorded> recorded = new ArrayList<>();
        for (String corpus : List.of("main", "random")) {
            List<String> lines = Files.readAllLines(CORPORA.resolve(corpus).resolve("expected.txt"), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("C: ")) {
                    recorded.add(new Recorded(corpus, lines.get(i).substring(3), lines.get(i + 1).substring(3)));
                }
            }
        }
        return recorded;
    }

    private static RawClient client(String corpus) {
        return CLIENTS.computeIfAbsent(corpus, name -> {
            ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
            SERVERS.put(name, server);
            Mailbox inbox = server.store().account("alice").orElseThrow().mailbox("INBOX");
            List<Path> files;
            try (Stream<Path> list = Files.list(CORPORA.resolve(name).resolve("messages"))) {
                files = list.sorted().toList();
                assertThat(files).hasSizeGreaterThanOrEqualTo(30);
                for (int i = 0; i < files.size(); i++) {
                    inbox.append(Files.readAllBytes(files.get(i)), Flags.NONE, FIRST_INTERNAL_DATE.plusHours(i + 1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            RawClient client = RawClient.login(server, "alice", "secret");
            client.command("s1", "SELECT INBOX");
            return client;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void answersAsDovecot(Recorded exchange) {
        List<String> response = client(exchange.corpus()).command("t1", exchange.command());
        assertThat(response).hasSize(2);
        assertThat(response.get(0)).isEqualTo(exchange.answer());
        assertThat(response.get(1)).startsWith("t1 OK ");
    }
}
