package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class ParallelExecutionTest {
    static final int TESTS = 6;
    static final List<ImapMockServer> SERVERS = new CopyOnWriteArrayList<>();
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    /** Every test waits here until all of them have their server: proves that they run at the same time. */
    static volatile CyclicBarrier allRunning;

    @BeforeEach
    void reset() {
        SERVERS.clear();
        THREADS.clear();
        allRunning = new CyclicBarrier(TESTS);
    }

    static void session(ImapMockServer server) throws InterruptedException, BrokenBarrierException, TimeoutException {
        SERVERS.add(server);
        THREADS.add(Thread.currentThread().getName());
        allRunning.await(20, TimeUnit.SECONDS);
        try (TinyClient client = TinyClient.connect(server.port())) {
            assertThat(client.send("LOGIN user password")).last().asString().startsWith("a1 OK");
            assertThat(client.send("SELECT INBOX")).contains("* 3 EXISTS");
            // The server journals a command just after answering it; the NOOP's answer proves SELECT is journaled.
            client.send("NOOP");
        }
        ImapAssertions.assertThat(server.journal()).receivedTimes("LOGIN", 1).receivedInOrder("LOGIN", "SELECT");
    }

    @Kit.Fixture
    @ImapServer(fixtures = "mail/alice")
    static class Concurrent {
        @Test
        void a(ImapMockServer server) throws Exception {
            session(server);
        }

        @Test
        void b(ImapMockServer server) throws Exception {
            session(server);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void c(int n, ImapMockServer server) throws Exception {
            session(server);
        }

        @Nested
        class Inner {
            @Test
            void d(ImapMockServer server) throws Exception {
                session(server);
            }

            @Test
            void e(ImapMockServer server) throws Exception {
                session(server);
            }
        }
    }

    @Test
    void testsRunningAtTheSameTimeEachHaveTheirOwnServer() {
        Kit.assertAllPassed(Kit.runInParallel(Concurrent.class, TESTS), TESTS);
        assertThat(THREADS).hasSize(TESTS);
        assertThat(SERVERS).hasSize(TESTS).doesNotHaveDuplicates();
        assertThat(SERVERS.stream().map(ImapMockServer::port)).doesNotHaveDuplicates();
    }
}
