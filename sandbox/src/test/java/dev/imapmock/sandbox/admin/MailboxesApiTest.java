package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.imapmock.sandbox.admin.AdminClient.body;
import static dev.imapmock.sandbox.admin.Problem.assertProblem;
import static dev.imapmock.sandbox.admin.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/users/{user}/mailboxes}: counts, and changes that IMAP sessions see. */
@Timeout(30)
class MailboxesApiTest {
    private AdminClient api;

    @BeforeEach
    void start() {
        api = AdminClient.start(ImapMockServer.builder().user("alice", "secret"));
        api.server.deliver("alice", "INBOX", "Subject: a\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII), List.of("\\Seen"));
        api.server.deliver("alice", "INBOX", "Subject: b\r\n\r\nyy\r\n".getBytes(StandardCharsets.US_ASCII));
        api.server.store().account("alice").orElseThrow().subscribe("INBOX");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        body(api.get("/api/users/alice/mailboxes")).forEach(m -> names.add(m.get("name").asText()));
        return names;
    }

    @Test
    void listShowsEveryMailboxWithItsCountsInNameOrder() {
        JsonNode list = body(api.get("/api/users/alice/mailboxes"));
        assertThat(names()).containsExactly("Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash");
        JsonNode inbox = list.get(2);
        assertThat(inbox.get("messages").asInt()).isEqualTo(2);
        assertThat(inbox.get("unseen").asInt()).isEqualTo(1);
        assertThat(inbox.get("recent").asInt()).isEqualTo(2);
        assertThat(inbox.get("size").asLong()).isEqualTo(35);
        assertThat(inbox.get("uidNext").asLong()).isEqualTo(3);
        assertThat(inbox.get("uidValidity").asLong()).isPositive();
        assertThat(inbox.get("subscribed").asBoolean()).isTrue();
        assertThat(inbox.get("specialUse")).isEmpty();
        assertThat(list.get(4).get("specialUse").get(0).asText()).isEqualTo("\\Sent");
        assertProblem(api.get("/api/users/nobody/mailboxes"), 404);
    }

    @Test
    void createdMailboxIsListedByImapToo() {
        HttpResponse<byte[]> created = api.json("POST", "/api/users/alice/mailboxes", "{\"name\":\"Archive/2024\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/users/alice/mailboxes/Archive%2F2024");
        assertThat(body(created).get("messages").asInt()).isZero();
        try (Imap imap = new Imap(api.server.host(), api.server.port())) {
            imap.command("a1", "LOGIN alice secret");
            assertThat(imap.command("a2", "LIST \"\" Archive/*")).anyMatch(l -> l.endsWith(" Archive/2024"));
        }
        assertThat(api.get("/api/users/alice/mailboxes/Archive%2F2024/messages").statusCode()).isEqualTo(200);
    }

    @Test
    void createErrors() {
        assertProblem(api.json("POST", "/api/users/alice/mailboxes", "{\"name\":\"Sent\"}"), 409);
        assertThat(fields(assertProblem(api.json("POST", "/api/users/alice/mailboxes", "{\"name\":\"a//b\"}"), 400)))
                .containsExactly("name");
        assertThat(fields(assertProblem(api.json("POST", "/api/users/alice/mailboxes", "{}"), 400))).containsExactly("name");
        assertProblem(api.json("POST", "/api/users/alice/mailboxes", "{\"name\""), 400);
        assertProblem(api.send("POST", "/api/users/alice/mailboxes", "text/plain", "x".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(api.json("POST", "/api/users/nobody/mailboxes", "{\"name\":\"X\"}"), 404);
        assertThat(names()).hasSize(6);
    }

    @Test
    void renameMovesTheMailboxWithItsMessages() {
        api.json("POST", "/api/users/alice/mailboxes", "{\"name\":\"Work\"}");
        api.server.deliver("alice", "Work", "Subject: w\r\n\r\nw\r\n".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<byte[]> renamed = api.json("PATCH", "/api/users/alice/mailboxes/Work", "{\"name\":\"Projects/Work\"}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(body(renamed).get("name").asText()).isEqualTo("Projects/Work");
        assertThat(body(renamed).get("messages").asInt()).isEqualTo(1);
        assertThat(names()).contains("Projects/Work").doesNotContain("Work");

        assertProblem(api.json("PATCH", "/api/users/alice/mailboxes/Nope", "{\"name\":\"X\"}"), 404);
        assertProblem(api.json("PATCH", "/api/users/alice/mailboxes/Sent", "{\"name\":\"Trash\"}"), 409);
        assertThat(fields(assertProblem(api.json("PATCH", "/api/users/alice/mailboxes/Sent", "{\"name\":\"/x\"}"), 400)))
                .containsExactly("name");
        assertProblem(api.send("PATCH", "/api/users/alice/mailboxes/Sent", null, new byte[0]), 415);
    }

    @Test
    void deleteRemovesTheMailboxAndSelectingSessionsLoseIt() {
        assertThat(api.delete("/api/users/alice/mailboxes/Junk").statusCode()).isEqualTo(204);
        assertThat(names()).doesNotContain("Junk");
        assertProblem(api.delete("/api/users/alice/mailboxes/Junk"), 404);
        JsonNode inbox = assertProblem(api.delete("/api/users/alice/mailboxes/INBOX"), 409);
        assertThat(inbox.get("detail").asText()).contains("INBOX");
    }
}
