package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.imapmock.sandbox.admin.AdminClient.body;
import static dev.imapmock.sandbox.admin.AdminClient.text;
import static dev.imapmock.sandbox.admin.Problem.assertProblem;
import static dev.imapmock.sandbox.admin.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/journal}: what clients sent, filtered, with secrets masked; and its live stream. */
@Timeout(30)
class JournalApiTest {
    private AdminClient api;

    @BeforeEach
    void start() {
        api = AdminClient.start(ImapMockServer.builder().user("alice", "secret").user("bob", "hunter2"));
        api.server.faults().on("EXAMINE").respond("NO [UNAVAILABLE] Try later");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private void session(String user, String password, String... commands) {
        try (Imap imap = new Imap(api.server.host(), api.server.port())) {
            imap.command("a0", "LOGIN " + user + " " + password);
            for (int i = 0; i < commands.length; i++) {
                imap.command("a" + (i + 1), commands[i]);
            }
        }
    }

    @Test
    void entriesShowEachCommandWithItsOutcomeAndFaultAndNoPassword() {
        session("alice", "secret", "SELECT INBOX", "EXAMINE INBOX", "FROB");
        session("bob", "hunter2");
        HttpResponse<byte[]> response = api.get("/api/journal");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).doesNotContain("secret").doesNotContain("hunter2");
        JsonNode entries = body(response);
        assertThat(entries).extracting(e -> e.get("command").asText())
                .containsExactly("LOGIN", "SELECT", "EXAMINE", "FROB", "LOGIN");
        JsonNode login = entries.get(0);
        assertThat(login.get("id").asText()).isEqualTo("1.1");
        assertThat(login.get("arguments").asText()).isEqualTo("alice ***");
        assertThat(login.get("authentication").get("mechanism").asText()).isEqualTo("LOGIN");
        assertThat(login.get("user").isNull()).isTrue();
        JsonNode select = entries.get(1);
        assertThat(select.get("user").asText()).isEqualTo("alice");
        assertThat(select.get("outcome").asText()).isEqualTo("OK");
        assertThat(select.get("response").asText()).startsWith("OK [READ-WRITE]");
        assertThat(select.get("responses").toString()).contains("EXISTS");
        assertThat(select.get("fault").isNull()).isTrue();
        assertThat(Instant.parse(select.get("time").asText())).isBeforeOrEqualTo(Instant.now());
        JsonNode examine = entries.get(2);
        assertThat(examine.get("outcome").asText()).isEqualTo("NO");
        assertThat(examine.get("fault").asText()).contains("EXAMINE");
        assertThat(entries.get(3).get("outcome").asText()).isEqualTo("BAD");
        assertThat(entries.get(4).get("connection").asInt()).isEqualTo(2);
    }

    @Test
    void smtpConnectionsAreNumberedApartAndTheirIdsSaySo() {
        session("alice", "secret");
        api.server.journal().record(new dev.imapmock.journal.ReceivedCommand(1, 1, null, "EHLO", "client.example",
                null, null, new dev.imapmock.journal.ReceivedCommand.Outcome("OK", "250", "localhost"),
                java.time.Instant.now(), java.util.List.of(), java.util.List.of(), null,
                dev.imapmock.journal.ReceivedCommand.Protocol.SMTP));
        JsonNode entries = body(api.get("/api/journal"));
        assertThat(entries).extracting(e -> e.get("id").asText()).containsExactly("1.1", "smtp-1.1");
        assertThat(entries).extracting(e -> e.get("protocol").asText()).containsExactly("IMAP", "SMTP");
        assertThat(entries).extracting(e -> e.get("connection").asInt()).containsExactly(1, 1);
    }

    @Test
    void saslResponsesAreMaskedToo() {
        try (Imap imap = new Imap(api.server.host(), api.server.port())) {
            // AGFsaWNlAHNlY3JldA== is "\0alice\0secret".
            assertThat(imap.tagged("a1", "AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==")).startsWith("a1 OK");
        }
        HttpResponse<byte[]> response = api.get("/api/journal?command=AUTHENTICATE");
        assertThat(text(response)).doesNotContain("AGFsaWNlAHNlY3JldA").doesNotContain("secret");
        JsonNode entry = body(response).get(0);
        assertThat(entry.get("arguments").asText()).isEqualTo("PLAIN ***");
        assertThat(entry.get("authentication").get("user").asText()).isEqualTo("alice");
    }

    @Test
    void filtersNarrowTheListAndLimitKeepsTheMostRecent() {
        session("alice", "secret", "SELECT INBOX", "NOOP", "NOOP");
        session("bob", "hunter2", "NOOP");
        assertThat(body(api.get("/api/journal?connection=2"))).hasSize(2);
        assertThat(body(api.get("/api/journal?user=bob"))).extracting(e -> e.get("command").asText())
                .containsExactly("LOGIN", "NOOP");
        assertThat(body(api.get("/api/journal?command=noop"))).hasSize(3);
        assertThat(body(api.get("/api/journal?command=NOOP&user=alice&limit=1")))
                .extracting(e -> e.get("id").asText()).containsExactly("1.4");
        assertThat(body(api.get("/api/journal?outcome=ok"))).hasSize(6);
        assertThat(body(api.get("/api/journal?outcome=BAD"))).isEmpty();
        assertThat(body(api.get("/api/journal?since=2999-01-01T00:00:00Z"))).isEmpty();
        assertThat(body(api.get("/api/journal?since=2000-01-01T00:00:00Z"))).hasSize(6);
        assertThat(body(api.get("/api/journal?command=UID+FETCH"))).isEmpty();
    }

    @Test
    void badFiltersAre400NamingTheParameter() {
        assertThat(fields(assertProblem(api.get("/api/journal?connection=x"), 400))).containsExactly("connection");
        assertThat(fields(assertProblem(api.get("/api/journal?outcome=MAYBE"), 400))).containsExactly("outcome");
        assertThat(fields(assertProblem(api.get("/api/journal?since=yesterday"), 400))).containsExactly("since");
        assertThat(fields(assertProblem(api.get("/api/journal?limit=0"), 400))).containsExactly("limit");
    }

    @Test
    void deleteForgetsEveryEntry() {
        session("alice", "secret", "NOOP");
        assertThat(api.delete("/api/journal").statusCode()).isEqualTo(204);
        assertThat(body(api.get("/api/journal"))).isEmpty();
        assertProblem(api.json("POST", "/api/journal", "{}"), 405);
    }

    @Test
    void streamSendsEachNewCommandAsAnEventWithTheLoginMasked() throws Exception {
        HttpResponse<InputStream> stream = api.http.send(HttpRequest.newBuilder(api.uri("/api/journal/stream")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(AdminClient.type(stream)).startsWith("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo(": connected");
            session("alice", "secret", "SELECT INBOX");
            List<JsonNode> events = new ArrayList<>();
            String event = null;
            String id = null;
            while (events.size() < 2) {
                String line = lines.readLine();
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ") && "command".equals(event)) {
                    assertThat(line).doesNotContain("secret");
                    JsonNode entry = AdminClient.JSON.readTree(line.substring(6));
                    assertThat(entry.get("id").asText()).isEqualTo(id);
                    events.add(entry);
                }
            }
            assertThat(events.get(0).get("command").asText()).isEqualTo("LOGIN");
            assertThat(events.get(0).get("arguments").asText()).isEqualTo("alice ***");
            assertThat(events.get(1).get("command").asText()).isEqualTo("SELECT");
            assertThat(events.get(1).get("outcome").asText()).isEqualTo("OK");
        }
    }

    @Test
    void aReconnectingStreamIsFirstSentWhatFollowedItsLastEventId() throws Exception {
        session("alice", "secret", "NOOP", "NOOP");
        HttpResponse<InputStream> stream = api.http.send(HttpRequest.newBuilder(api.uri("/api/journal/stream"))
                .header("Last-Event-ID", "1.1").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            List<String> ids = new ArrayList<>();
            while (ids.size() < 2) {
                String line = lines.readLine();
                if (line.startsWith("id: ")) {
                    ids.add(line.substring(4));
                }
            }
            assertThat(ids).containsExactly("1.2", "1.3");
        }
    }
}
