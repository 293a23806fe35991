package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static dev.imapmock.sandbox.admin.AdminClient.body;
import static dev.imapmock.sandbox.admin.AdminClient.text;
import static dev.imapmock.sandbox.admin.Problem.assertProblem;
import static dev.imapmock.sandbox.admin.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/users}: users come and go and change secrets while the IMAP server runs. */
@Timeout(30)
class UsersApiTest {
    private AdminClient api;

    @BeforeEach
    void start() {
        api = AdminClient.start(ImapMockServer.builder().user("alice", "secret").user("bob", "hunter2")
                .token("bob", "ya29.bob"));
        api.server.deliver("alice", "INBOX", "Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String imapLogin(String user, String password) {
        try (Imap imap = new Imap(api.server.host(), api.server.port())) {
            return imap.tagged("a1", "LOGIN " + user + " " + password);
        }
    }

    @Test
    void listShowsEveryUserByNameWithCountsAndNoSecret() {
        HttpResponse<byte[]> response = api.get("/api/users");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode users = body(response);
        assertThat(users).hasSize(2);
        assertThat(users.get(0).get("name").asText()).isEqualTo("alice");
        assertThat(users.get(0).get("messages").asInt()).isEqualTo(1);
        assertThat(users.get(0).get("mailboxes").asInt()).isEqualTo(6);
        assertThat(users.get(0).get("hasToken").asBoolean()).isFalse();
        assertThat(users.get(1).get("hasToken").asBoolean()).isTrue();
        assertThat(text(response)).doesNotContain("secret").doesNotContain("hunter2").doesNotContain("ya29");
    }

    @Test
    void addedUserCanLogInAtOnce() {
        HttpResponse<byte[]> created = api.json("POST", "/api/users", "{\"name\":\"carol\",\"password\":\"pw1\",\"token\":\"tok-c\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/users/carol");
        assertThat(body(created).get("name").asText()).isEqualTo("carol");
        assertThat(body(created).get("hasToken").asBoolean()).isTrue();
        assertThat(text(created)).doesNotContain("pw1").doesNotContain("tok-c");
        assertThat(imapLogin("carol", "pw1")).startsWith("a1 OK");
        assertThat(api.server.tokens().contains("tok-c")).isTrue();
    }

    @Test
    void addingAnExistingUserIs409AndChangesNothing() {
        JsonNode p = assertProblem(api.json("POST", "/api/users", "{\"name\":\"alice\",\"password\":\"other\"}"), 409);
        assertThat(p.get("detail").asText()).contains("alice");
        assertThat(imapLogin("alice", "secret")).startsWith("a1 OK");
        assertProblem(api.json("POST", "/api/users", "{\"name\":\"dave\",\"password\":\"x\",\"token\":\"ya29.bob\"}"), 409);
        assertThat(api.server.store().account("dave")).isEmpty();
    }

    @Test
    void badFieldsAre400NamingEachField() {
        JsonNode missing = assertProblem(api.json("POST", "/api/users", "{\"name\":\"dave\"}"), 400);
        assertThat(fields(missing)).containsExactly("password");
        JsonNode several = assertProblem(api.json("POST", "/api/users", "{\"name\":7,\"password\":\"\",\"pasword\":\"x\"}"), 400);
        assertThat(fields(several)).containsExactlyInAnyOrder("name", "password", "pasword");
        assertThat(fields(assertProblem(api.json("POST", "/api/users", "{\"name\":\"a b\",\"password\":\"x\"}"), 400)))
                .containsExactly("name");
        assertThat(api.server.store().users()).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    void malformedJsonIs400AndAnotherContentTypeIs415() {
        JsonNode p = assertProblem(api.json("POST", "/api/users", "{\"name\":"), 400);
        assertThat(p.get("detail").asText()).contains("not valid JSON");
        assertProblem(api.json("POST", "/api/users", "[1,2]"), 400);
        assertProblem(api.json("POST", "/api/users", ""), 400);
        assertProblem(api.json("POST", "/api/users", "{} {}"), 400);
        JsonNode type = assertProblem(api.send("POST", "/api/users", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)), 415);
        assertThat(type.get("detail").asText()).contains("application/json");
        assertProblem(api.send("POST", "/api/users", null, "{}".getBytes(StandardCharsets.UTF_8)), 415);
    }

    @Test
    void patchChangesThePasswordOrReplacesTheTokens() {
        HttpResponse<byte[]> changed = api.json("PATCH", "/api/users/alice", "{\"password\":\"new-pw\"}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(text(changed)).doesNotContain("new-pw");
        assertThat(imapLogin("alice", "secret")).startsWith("a1 NO");
        assertThat(imapLogin("alice", "new-pw")).startsWith("a1 OK");

        assertThat(body(api.json("PATCH", "/api/users/bob", "{\"token\":\"ya29.fresh\"}")).get("hasToken").asBoolean()).isTrue();
        assertThat(api.server.tokens().contains("ya29.bob")).isFalse();
        assertThat(api.server.tokens().contains("ya29.fresh")).isTrue();
    }

    @Test
    void patchErrors() {
        assertProblem(api.json("PATCH", "/api/users/nobody", "{\"password\":\"x\"}"), 404);
        assertThat(fields(assertProblem(api.json("PATCH", "/api/users/alice", "{}"), 400))).containsExactly("password");
        assertThat(fields(assertProblem(api.json("PATCH", "/api/users/alice", "{\"password\":1}"), 400))).containsExactly("password");
        assertThat(fields(assertProblem(api.json("PATCH", "/api/users/alice", "{\"name\":\"x\"}"), 400))).contains("name");
        assertProblem(api.json("PATCH", "/api/users/alice", "{\"token\":\"ya29.bob\"}"), 409);
        assertProblem(api.send("PATCH", "/api/users/alice", "text/plain", new byte[] {'x'}), 415);
        assertThat(imapLogin("alice", "secret")).startsWith("a1 OK");
    }

    @Test
    void deletedUserIsGoneWithItsMail() {
        HttpResponse<byte[]> deleted = api.delete("/api/users/alice");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(imapLogin("alice", "secret")).startsWith("a1 NO");
        assertProblem(api.get("/api/users/alice/mailboxes"), 404);
        assertProblem(api.delete("/api/users/alice"), 404);
        assertThat(api.delete("/api/users/bob").statusCode()).isEqualTo(204);
        assertThat(api.server.tokens().hasToken("bob")).isFalse();
    }

    @Test
    void userNamesArePercentDecodedPathSegments() {
        assertThat(api.json("POST", "/api/users", "{\"name\":\"x@example.com\",\"password\":\"pw\"}").statusCode()).isEqualTo(201);
        assertThat(api.get("/api/users/x%40example.com/mailboxes").statusCode()).isEqualTo(200);
    }
}
