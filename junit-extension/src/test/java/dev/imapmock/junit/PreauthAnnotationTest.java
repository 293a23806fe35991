package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @ImapServer(preauth = "alice")}: every connection is greeted with {@code * PREAUTH}. */
@Timeout(60)
class PreauthAnnotationTest {
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    private static String greeting(ImapMockServer server) throws Exception {
        try (Socket socket = new Socket(server.host(), server.port());
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            return in.readLine();
        }
    }

    @Kit.Fixture
    @ImapServer(users = {"alice:secret", "bob:secret"}, preauth = "alice")
    static class Preauthenticated {
        @Test
        void theGreetingIsPreauth(ImapMockServer server) throws Exception {
            SEEN.put("class", greeting(server));
        }

        @Test
        @ImapServer(preauth = "bob")
        void aMethodAnnotationChoosesAnotherUser(ImapMockServer server) throws Exception {
            SEEN.put("method", greeting(server));
        }
    }

    @Test
    void preauthComesFromTheAnnotation() {
        SEEN.clear();
        Kit.assertAllPassed(Kit.run(Preauthenticated.class), 2);
        assertThat((String) SEEN.get("class")).startsWith("* PREAUTH [CAPABILITY IMAP4rev1 ").endsWith("] Logged in as alice");
        assertThat((String) SEEN.get("method")).endsWith("] Logged in as bob");
    }
}
