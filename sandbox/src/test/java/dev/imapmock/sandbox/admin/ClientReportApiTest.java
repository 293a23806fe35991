package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.imapmock.sandbox.admin.AdminClient.body;
import static dev.imapmock.sandbox.admin.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/client-report}: what the client checks found, over real HTTP after a raw IMAP client. */
@Timeout(30)
class ClientReportApiTest {
    private AdminClient api;

    @BeforeEach
    void start() {
        api = AdminClient.start(ImapMockServer.builder().user("alice", "secret"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void noFindingsIsZeroCountsAndAnEmptyList() {
        JsonNode report = body(api.get("/api/client-report"));
        assertThat(report.get("violations").asInt()).isZero();
        assertThat(report.get("wasteful").asInt()).isZero();
        assertThat(report.get("notes").asInt()).isZero();
        assertThat(report.get("findings").isArray()).isTrue();
        assertThat(report.get("findings")).isEmpty();
    }

    @Test
    void aViolationAndAWastefulPatternAreListedInTheOrderFound() {
        try (Imap imap = new Imap(api.server.host(), api.server.port())) {
            assertThat(imap.tagged("a1", "SELECT INBOX")).startsWith("a1 BAD");
            imap.command("a2", "LOGIN alice secret");
            imap.command("a3", "SELECT INBOX");
            imap.command("a4", "SELECT INBOX");
            imap.command("a5", "LOGOUT");
        }
        JsonNode report = body(api.get("/api/client-report"));
        assertThat(report.get("violations").asInt()).isEqualTo(1);
        assertThat(report.get("wasteful").asInt()).isEqualTo(1);
        assertThat(report.get("notes").asInt()).isZero();
        JsonNode findings = report.get("findings");
        assertThat(findings).hasSize(2);
        JsonNode state = findings.get(0);
        assertThat(state.get("rule").asText()).isEqualTo("command-in-wrong-state");
        assertThat(state.get("kind").asText()).isEqualTo("violation");
        assertThat(state.get("rfc").asText()).isEqualTo("RFC 3501 §3");
        assertThat(state.get("connection").asInt()).isEqualTo(1);
        assertThat(state.get("command").asText()).isEqualTo("a1 SELECT INBOX");
        assertThat(state.get("explanation").asText()).isEqualTo("SELECT is not valid in the not authenticated state");
        assertThat(state.get("count").asInt()).isEqualTo(1);
        JsonNode reselect = findings.get(1);
        assertThat(reselect.get("rule").asText()).isEqualTo("reselect");
        assertThat(reselect.get("kind").asText()).isEqualTo("wasteful");
        assertThat(reselect.get("rfc").asText()).isEqualTo("RFC 3501 §6.1.2");
        assertThat(reselect.get("count").asInt()).isEqualTo(1);
        assertThat(reselect.get("explanation").asText()).isNotBlank();
    }

    @Test
    void aLoginInAFindingKeepsItsPasswordMasked() {
        try (Imap imap = new Imap(api.server.host(), api.server.port())) {
            imap.command("a1", "LOGIN alice secret");
            assertThat(imap.tagged("a2", "LOGIN alice secret")).startsWith("a2 BAD");
            imap.command("a3", "LOGOUT");
        }
        JsonNode findings = body(api.get("/api/client-report")).get("findings");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("rule").asText()).isEqualTo("command-in-wrong-state");
        assertThat(findings.get(0).get("command").asText()).isEqualTo("a2 LOGIN alice ***");
        assertThat(findings.toString()).doesNotContain("secret");
    }

    @Test
    void clearingTheJournalForgetsTheFindingsAndOnlyGetIsAllowed() {
        try (Imap imap = new Imap(api.server.host(), api.server.port())) {
            imap.command("a1", "SELECT INBOX");
            imap.command("a2", "LOGOUT");
        }
        assertThat(body(api.get("/api/client-report")).get("violations").asInt()).isEqualTo(1);
        assertThat(api.delete("/api/journal").statusCode()).isEqualTo(204);
        assertThat(body(api.get("/api/client-report")).get("findings")).isEmpty();
        assertProblem(api.json("POST", "/api/client-report", "{}"), 405);
        assertProblem(api.delete("/api/client-report"), 405);
    }
}
