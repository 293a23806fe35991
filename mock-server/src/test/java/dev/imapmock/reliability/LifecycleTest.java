package dev.imapmock.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers start and close many times in one JVM with clients caught mid-command, and leave
 * nothing behind: no thread, no socket, no port, no heap. {@code -Dimapmock.lifecycle.servers}
 * sets the count (default 1,000).
 */
class LifecycleTest {
    private static final int SERVERS = Integer.getInteger("imapmock.lifecycle.servers", 1000);
    private static final long PROMPT_MILLIS = 2_000;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void manyServersWithClientsMidCommandLeaveNothingBehind() throws Exception {
        warmUp();
        int threadsBefore = Thread.activeCount();
        int fdsBefore = openFiles();
        long heapBefore = usedHeapAfterGc();
        long slowestClose = 0;
        List<Integer> ports = new ArrayList<>();

        for (int i = 0; i < SERVERS; i++) {
            ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
            ports.add(server.port());
            try (RawClient literal = RawClient.login(server, "alice", "secret");
                 RawClient partial = RawClient.connect(server);
                 RawClient idle = i % 10 == 0 ? RawClient.login(server, "alice", "secret") : null) {
                literal.send("a APPEND INBOX {5000000}");
                assertThat(literal.readLine()).startsWith("+ ");
                literal.sendRaw(new byte[1000]);
                partial.sendRaw("b LOGIN alice {6}\r\nsec".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                assertThat(partial.readLine()).startsWith("+ ");
                if (idle != null) {
                    idle.command("s", "SELECT INBOX");
                    idle.send("i IDLE");
                    assertThat(idle.readLine()).isEqualTo("+ idling");
                }
                long start = System.nanoTime();
                server.close();
                slowestClose = Math.max(slowestClose, System.nanoTime() - start);
                assertThat(literal.closedByServer()).isTrue();
                assertThat(partial.closedByServer()).isTrue();
                if (idle != null) {
                    assertThat(idle.closedByServer()).isTrue();
                }
            }
        }

        assertThat(ServerThreads.awaitEnd(ServerThreads.all(), System.nanoTime() + 5_000_000_000L))
                .as("server threads left").isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toMillis(slowestClose)).as("slowest close() in ms").isLessThan(PROMPT_MILLIS);
        for (int port : ports.subList(ports.size() - 20, ports.size())) {
            try (ServerSocket again = new ServerSocket()) {
                again.setReuseAddress(true);
                again.bind(new InetSocketAddress("127.0.0.1", port));
            }
        }
        if (fdsBefore >= 0) {
            assertThat(openFiles()).as("open file descriptors").isLessThanOrEqualTo(fdsBefore + 20);
        }
        assertThat(Thread.activeCount()).as("live threads").isLessThanOrEqualTo(threadsBefore + 5);
        long heapAfter = usedHeapAfterGc();
        assertThat(heapAfter).as("used heap after GC").isLessThan(heapBefore + 64L * 1024 * 1024);
        System.out.printf("Lifecycle: %d servers, slowest close %d ms, threads %d -> %d, fds %d -> %d,"
                        + " heap %d MiB -> %d MiB%n", SERVERS, TimeUnit.NANOSECONDS.toMillis(slowestClose),
                threadsBefore, Thread.activeCount(), fdsBefore, openFiles(), heapBefore >> 20, heapAfter >> 20);
    }

    @Test
    @Timeout(30)
    void closeDuringIdleAndAPendingLiteralReturnsPromptly() throws Exception {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
        try (RawClient idle = RawClient.login(server, "alice", "secret");
             RawClient literal = RawClient.login(server, "alice", "secret")) {
            idle.command("s", "SELECT INBOX");
            idle.send("i IDLE");
            assertThat(idle.readLine()).isEqualTo("+ idling");
            literal.send("a APPEND INBOX {60000000}");
            assertThat(literal.readLine()).startsWith("+ ");
            int port = server.port();

            long start = System.nanoTime();
            server.close();

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(PROMPT_MILLIS);
            assertThat(ServerThreads.connections(port)).isEmpty();
            assertThat(idle.closedByServer()).isTrue();
            assertThat(literal.closedByServer()).isTrue();
        }
    }

    private static void warmUp() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
                 RawClient c = RawClient.login(server, "alice", "secret")) {
                c.command("s", "SELECT INBOX");
            }
        }
        ServerThreads.awaitEnd(ServerThreads.all(), System.nanoTime() + 5_000_000_000L);
    }

    /** Open file descriptors of this process, or -1 where /proc is not available. */
    private static int openFiles() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
