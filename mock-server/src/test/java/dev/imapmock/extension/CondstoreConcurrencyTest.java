package dev.imapmock.extension;

import dev.imapmock.ImapMockServer;
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

/**
 * Sessions storing at once: every STORE that changes a message gets a mod-sequence of its own,
 * higher than any before it, so no two STOREs share one and HIGHESTMODSEQ counts them all.
 */
@Timeout(60)
class CondstoreConcurrencyTest {
    private static final int SESSIONS = 8;
    private static final int STORES = 100;
    private static final Pattern MODSEQ = Pattern.compile("MODSEQ \\((\\d+)\\)");

    @Test
    void concurrentStoresGetStrictlyIncreasingDistinctModSeqs() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            for (int i = 0; i < SESSIONS; i++) {
                server.deliver("alice", "INBOX", ("Subject: " + i + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            long start = server.store().account("alice").orElseThrow().mailbox("INBOX").highestModSeq();
            ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                int uid = i + 1;
                results.add(pool.submit(() -> {
                    List<Long> seen = new ArrayList<>();
                    try (RawClient c = RawClient.login(server, "alice", "secret")) {
                        c.command("s", "SELECT INBOX (CONDSTORE)");
                        go.await();
                        for (int n = 0; n < STORES; n++) {
                            for (String line : c.command("t" + n, "UID STORE " + uid + (n % 2 == 0 ? " +" : " -")
                                    + "FLAGS.SILENT ($Mine)")) {
                                Matcher m = MODSEQ.matcher(line);
                                if (line.startsWith("* ") && line.contains("UID " + uid + " ") && m.find()) {
                                    seen.add(Long.parseLong(m.group(1)));
                                }
                            }
                        }
                    }
                    return seen;
                }));
            }
            go.countDown();
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : results) {
                List<Long> seen = f.get();
                assertThat(seen).as("one MODSEQ per STORE").hasSize(STORES);
                for (int i = 1; i < seen.size(); i++) {
                    assertThat(seen.get(i)).as("a session's MODSEQs increase").isGreaterThan(seen.get(i - 1));
                }
                all.addAll(seen);
            }
            pool.shutdown();
            assertThat(all).as("no two STOREs share a MODSEQ").hasSize(SESSIONS * STORES);
            assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").highestModSeq())
                    .isEqualTo(start + SESSIONS * STORES).isEqualTo(all.stream().mapToLong(Long::longValue).max().orElseThrow());
        }
    }
}
