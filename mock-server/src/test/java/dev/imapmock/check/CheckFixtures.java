package dev.imapmock.check;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the client-check tests share: a started server with a few messages, a selected session, the rule ids found. */
final class CheckFixtures {
    private CheckFixtures() {
    }

    /** Builds and starts {@code builder}'s server with {@code count} small messages in alice's INBOX. */
    static ImapMockServer started(ImapMockServer.Builder builder, int count, String extraHeader) {
        ImapMockServer server = builder.build().start();
        for (int i = 1; i <= count; i++) {
            server.deliver("alice", "INBOX", ("Subject: m" + i + "\r\n" + extraHeader + "\r\nbody " + i + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return server;
    }

    /** alice logged in with INBOX selected. */
    static RawClient selected(ImapMockServer server) {
        RawClient c = RawClient.login(server, "alice", "secret");
        c.command("s0", "SELECT INBOX");
        return c;
    }

    /** The rule ids of the server's findings so far, in order. */
    static List<String> rules(ImapMockServer server) {
        return server.clientReport().stream().map(Finding::rule).toList();
    }
}
