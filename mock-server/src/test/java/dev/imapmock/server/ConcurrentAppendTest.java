package dev.imapmock.server;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Message;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Many sessions appending to one mailbox at once, watched by a session that has it selected. */
@Timeout(60)
class ConcurrentAppendTest {
    private static final int THREADS = 20;
    private static final int APPENDS = 25;
    private static final int TOTAL = THREADS * APPENDS;
    private static final Pattern EXISTS = Pattern.compile("\\* (\\d+) EXISTS");

    @Test
    void everyConcurrentAppendArrivesOnceWithAscendingUidsAndIsSeenAsExists() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
             RawClient watcher = RawClient.login(server, "alice", "secret")) {
            assertThat(watcher.command("w1", "SELECT INBOX")).last().isEqualTo("w1 OK [READ-WRITE] Select completed.");

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    try (RawClient c = RawClient.login(server, "alice", "secret")) {
                        go.await();
                        for (int i = 0; i < APPENDS; i++) {
                            String body = "Subject: " + thread + "-" + i + "\r\n\r\nbody\r\n";
                            String tag = "t" + i;
                            c.sendAscii(tag + " APPEND INBOX {" + body.length() + "+}\r\n" + body + "\r\n");
                            assertThat(c.readUntilTagged(tag)).singleElement().asString()
                                    .matches(tag + " OK \\[APPENDUID \\d+ \\d+\\] Append completed\\.");
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            List<Message> messages = server.store().account("alice").orElseThrow().mailbox("INBOX").messages();
            assertThat(messages).hasSize(TOTAL);
            assertThat(messages).extracting(Message::uid)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, TOTAL).boxed().toList());
            Set<String> subjects = new HashSet<>();
            for (Message m : messages) {
                subjects.add(new String(m.bytes(), StandardCharsets.US_ASCII));
            }
            assertThat(subjects).hasSize(TOTAL);

            int seen = 0;
            int polls = 0;
            while (seen < TOTAL) {
                for (String line : watcher.command("n" + polls++, "NOOP")) {
                    Matcher m = EXISTS.matcher(line);
                    if (m.matches()) {
                        int exists = Integer.parseInt(m.group(1));
                        assertThat(exists).as("EXISTS only grows").isGreaterThan(seen);
                        seen = exists;
                    }
                }
            }
            assertThat(seen).isEqualTo(TOTAL);
        }
    }
}
