package dev.imapmock.server;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting and closing servers: threads and ports are released, and servers are single-use and separate. */
class ServerLifecycleTest {

    private static List<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("imapmock-")).toList();
    }

    private static void assertPortFree(int port) throws IOException {
        dev.imapmock.testing.Ports.assertNothingListens(port);
    }

    @Test
    @Timeout(120)
    void closingManyServersWithBusyClientsLeavesNoThreadAndFreesEachPort() throws Exception {
        for (int i = 0; i < 200; i++) {
            ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
            int port = server.port();
            RawClient greeted = RawClient.connect(server);
            RawClient idling = RawClient.login(server, "alice", "secret");
            idling.command("s", "SELECT INBOX");
            idling.send("i IDLE");
            assertThat(idling.readLine()).isEqualTo("+ idling");
            RawClient midLiteral = RawClient.login(server, "alice", "secret");
            midLiteral.send("a APPEND INBOX {100}");
            assertThat(midLiteral.readLine()).isEqualTo("+ Ready for literal data");
            midLiteral.sendAscii("only ten..");
            RawClient midLine = RawClient.connect(server);
            midLine.sendAscii("x LOGIN ali");

            server.close();
            server.close();

            for (RawClient c : List.of(greeted, idling, midLiteral, midLine)) {
                assertThat(c.closedByServer()).isTrue();
                c.close();
            }
            assertPortFree(port);
            assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").size()).isZero();
        }
        assertThat(serverThreads()).isEmpty();
    }

    @Test
    @Timeout(20)
    void closeIsIdempotentAndWorksBeforeStart() {
        ImapMockServer never = ImapMockServer.builder().build();
        never.close();
        never.close();
        ImapMockServer server = ImapMockServer.builder().build().start();
        server.close();
        server.close();
        assertThat(server.toString()).endsWith(", closed]");
    }

    @Test
    @Timeout(20)
    void startTwiceFails() {
        try (ImapMockServer server = ImapMockServer.builder().build().start()) {
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                    .hasMessage("An ImapMockServer can be started only once");
        }
    }

    @Test
    @Timeout(20)
    void startAfterCloseFails() {
        ImapMockServer server = ImapMockServer.builder().build();
        server.close();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("This ImapMockServer is closed; build a new one");
        assertThat(serverThreads()).isEmpty();
    }

    @Test
    @Timeout(20)
    void portBeforeStartFails() {
        assertThatThrownBy(() -> ImapMockServer.builder().build().port()).isInstanceOf(IllegalStateException.class)
                .hasMessage("The server is not started");
    }

    @Test
    @Timeout(20)
    void twoServersInOneJvmShareNothing() {
        try (ImapMockServer one = ImapMockServer.builder().user("alice", "secret").build().start();
             ImapMockServer two = ImapMockServer.builder().user("alice", "other").user("bob", "secret").build().start()) {
            assertThat(one.port()).isNotEqualTo(two.port());
            one.deliver("alice", "INBOX", "Subject: one\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            try (RawClient c = RawClient.connect(one)) {
                assertThat(c.command("a1", "LOGIN bob secret")).containsExactly(
                        "a1 NO [AUTHENTICATIONFAILED] Authentication failed.");
                assertThat(c.command("a2", "LOGIN alice secret")).last().asString().startsWith("a2 OK ");
                assertThat(c.command("a3", "CREATE OnlyInOne")).containsExactly("a3 OK Create completed.");
            }
            try (RawClient c = RawClient.login(two, "alice", "other")) {
                assertThat(c.command("b1", "STATUS INBOX (MESSAGES)"))
                        .containsExactly("* STATUS INBOX (MESSAGES 0)", "b1 OK Status completed.");
                assertThat(c.command("b2", "LIST \"\" OnlyInOne")).containsExactly("b2 OK LIST completed.");
            }
            assertThat(one.journal().commands()).extracting(r -> r.tag()).containsExactly("a1", "a2", "a3");
            assertThat(two.journal().commands()).extracting(r -> r.tag()).containsExactly("L0", "b1", "b2");
            assertThat(two.store().account("alice").orElseThrow().mailbox("INBOX").size()).isZero();
        }
    }

    @Test
    @Timeout(20)
    void closingOneServerLeavesTheOtherServing() {
        try (ImapMockServer survivor = ImapMockServer.builder().user("alice", "secret").build().start()) {
            ImapMockServer closed = ImapMockServer.builder().user("alice", "secret").build().start();
            try (RawClient c = RawClient.login(survivor, "alice", "secret")) {
                closed.close();
                c.assertStillWorks("a1");
            }
        }
    }

    @Test
    @Timeout(20)
    void connectionsOverTheLimitAreGreetedWithBye() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").maxConnections(1).build().start();
             RawClient first = RawClient.login(server, "alice", "secret");
             RawClient second = new RawClient(server.host(), server.port())) {
            assertThat(second.readLine()).isEqualTo("* BYE Too many connections");
            assertThat(second.closedByServer()).isTrue();
            first.assertStillWorks("a1");
        }
    }

    @Test
    @Timeout(30)
    void closeFromAnInterruptedThreadStillWaitsForEveryServerThread() throws Exception {
        for (int i = 0; i < 10; i++) {
            ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
            int port = server.port();
            // Sessions in IDLE have two threads each to end, so close() has real waiting to do.
            List<RawClient> idling = new ArrayList<>();
            for (int c = 0; c < 10; c++) {
                RawClient client = RawClient.login(server, "alice", "secret");
                client.command("s", "SELECT INBOX");
                client.send("i IDLE");
                assertThat(client.readLine()).isEqualTo("+ idling");
                idling.add(client);
            }
            Thread.currentThread().interrupt();
            try {
                server.close();
                assertThat(Thread.currentThread().isInterrupted()).as("interrupt status kept").isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(serverThreads()).as("threads of port " + port).noneMatch(n -> n.contains(Integer.toString(port)));
            assertPortFree(port);
            idling.forEach(RawClient::close);
        }
    }
}
