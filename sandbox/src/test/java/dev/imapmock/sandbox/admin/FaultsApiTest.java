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
import static dev.imapmock.sandbox.admin.Problem.assertProblem;
import static dev.imapmock.sandbox.admin.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/faults}: rules added as fault-file lines fire on IMAP commands, and go again. */
@Timeout(30)
class FaultsApiTest {
    private AdminClient api;

    @BeforeEach
    void start() {
        api = AdminClient.start(ImapMockServer.builder().user("alice", "secret"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<byte[]> add(String line) {
        return api.send("POST", "/api/faults", "text/plain; charset=utf-8", line.getBytes(StandardCharsets.UTF_8));
    }

    private String select() {
        try (Imap imap = new Imap(api.server.host(), api.server.port())) {
            imap.command("a1", "LOGIN alice secret");
            return imap.tagged("a2", "SELECT INBOX");
        }
    }

    @Test
    void addedRuleFiresAndCountsAndIsListedAsItsLine() {
        HttpResponse<byte[]> created = add("on SELECT respond NO [UNAVAILABLE] Try later\n");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode rule = body(created);
        int id = rule.get("id").asInt();
        assertThat(created.headers().firstValue("Location")).contains("/api/faults/" + id);
        assertThat(rule.get("rule").asText()).isEqualTo("on SELECT respond NO [UNAVAILABLE] Try later");
        assertThat(rule.get("fired").asInt()).isZero();
        assertThat(select()).isEqualTo("a2 NO [UNAVAILABLE] Try later");
        JsonNode listed = body(api.get("/api/faults"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("fired").asInt()).isEqualTo(1);
        assertThat(listed.get(0).get("id").asInt()).isEqualTo(id);
    }

    @Test
    void rulesMadeInJavaAreListedByName() {
        api.server.faults().on("NOOP").respond("NO x");
        assertThat(body(api.get("/api/faults")).get(0).get("rule").asText()).startsWith("#1 ");
    }

    @Test
    void removedRuleFiresNoMore() {
        int id = body(add("on SELECT respond NO [UNAVAILABLE] Try later")).get("id").asInt();
        assertThat(api.delete("/api/faults/" + id).statusCode()).isEqualTo(204);
        assertThat(select()).startsWith("a2 OK");
        assertThat(body(api.get("/api/faults"))).isEmpty();
        assertProblem(api.delete("/api/faults/" + id), 404);
        assertThat(fields(assertProblem(api.delete("/api/faults/first"), 400))).containsExactly("id");
    }

    @Test
    void deleteAllRemovesEveryRule() {
        add("on SELECT respond NO one");
        add("greeting bye Go away");
        assertThat(body(api.get("/api/faults"))).hasSize(2);
        assertThat(api.delete("/api/faults").statusCode()).isEqualTo(204);
        assertThat(body(api.get("/api/faults"))).isEmpty();
        assertThat(select()).startsWith("a2 OK");
    }

    @Test
    void aBadLineIs400WithTheParsersReasonAndAddsNothing() {
        JsonNode p = assertProblem(add("on SELECT frobnicate"), 400);
        assertThat(fields(p)).containsExactly("body");
        assertThat(p.get("detail").asText()).contains("unknown condition or effect: frobnicate").doesNotContain("text:1");
        assertProblem(add(""), 400);
        assertProblem(add("# just a comment"), 400);
        assertProblem(add("on SELECT respond NO a\non LOGIN respond NO b"), 400);
        assertThat(assertProblem(add("seed 42"), 400).get("detail").asText()).contains("adds no rule");
        assertProblem(api.json("POST", "/api/faults", "{\"rule\":\"on SELECT respond NO x\"}"), 415);
        assertThat(api.server.faults().rules()).isEmpty();
    }
}
