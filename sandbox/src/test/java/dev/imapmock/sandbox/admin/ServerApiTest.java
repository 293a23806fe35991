package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static dev.imapmock.sandbox.admin.AdminClient.body;
import static dev.imapmock.sandbox.admin.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Health, readiness, {@code /api/server}, the OpenAPI document, the UI's files and routing errors. */
@Timeout(30)
class ServerApiTest {
    private static AdminClient api;

    @BeforeAll
    static void start() {
        api = AdminClient.start(ImapMockServer.builder().user("alice", "secret").user("bob", "pw"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void healthAndReadinessAnswerUpAndReady() {
        HttpResponse<byte[]> health = api.get("/api/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(AdminClient.type(health)).isEqualTo("application/json");
        assertThat(body(health).get("status").asText()).isEqualTo("UP");
        assertThat(body(api.get("/api/ready")).get("status").asText()).isEqualTo("READY");
    }

    @Test
    void readinessIs503OnceTheImapServerIsClosed() {
        try (AdminClient closing = AdminClient.start(ImapMockServer.builder().user("carol", "pw"))) {
            closing.server.close();
            assertProblem(closing.get("/api/ready"), 503);
            assertThat(closing.get("/api/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void serverShowsAddressesVersionCapabilitiesAndUserCount() {
        JsonNode s = body(api.get("/api/server"));
        assertThat(s.get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(s.get("imap").get("port").asInt()).isEqualTo(api.server.port());
        assertThat(s.get("imap").get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(s.get("imaps").isNull()).isTrue();
        assertThat(s.get("smtp").isNull()).isTrue();
        assertThat(s.get("admin").get("port").asInt()).isEqualTo(api.admin.port());
        assertThat(s.get("capabilities").get("beforeLogin").toString()).contains("\"IMAP4rev1\"", "\"AUTH=PLAIN\"");
        assertThat(s.get("capabilities").get("afterLogin").toString()).contains("\"IDLE\"").doesNotContain("AUTH=");
        assertThat(s.get("users").asInt()).isEqualTo(2);
    }

    @Test
    void openApiDocumentIsServedAndNamesExactlyTheRoutesOfTheRouter() throws Exception {
        HttpResponse<byte[]> response = api.get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = body(response);
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> documented = new TreeSet<>();
        for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            for (Iterator<String> methods = doc.get("paths").get(path).fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (!method.equals("parameters")) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        Set<String> routed = new TreeSet<>();
        for (Router.Route route : api.admin.router().routes()) {
            routed.add(route.method() + " " + route.pattern());
        }
        assertThat(documented).isEqualTo(routed);
        Path docs = Path.of("../docs/openapi.json");
        assertThat(Files.readAllBytes(docs)).as("docs/openapi.json is a copy of the served document")
                .isEqualTo(response.body());
    }

    @Test
    void everyOtherGetIsAFileOfTheUiWithItsTypeAndAStrictPolicy() {
        HttpResponse<byte[]> index = api.get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(AdminClient.type(index)).isEqualTo("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "object-src 'none'", "base-uri 'none'");
        assertThat(index.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        HttpResponse<byte[]> css = api.get("/test-only/style.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(AdminClient.type(css)).isEqualTo("text/css; charset=utf-8");
        assertThat(AdminClient.text(css)).contains("body");

        assertProblem(api.get("/no-such-file.js"), 404);
        assertProblem(api.get("/test-only/../test-only/style.css"), 404);
        assertProblem(api.get("/test-only/%2e%2e/test-only/style.css"), 404);
        assertProblem(api.get("/.hidden"), 404);
        HttpResponse<byte[]> post = api.send("POST", "/", "text/plain", new byte[] {1});
        assertProblem(post, 405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void unknownApiPathsAre404AndWrongMethods405WithAllow() {
        JsonNode p = assertProblem(api.get("/api/nothing"), 404);
        assertThat(p.get("title").asText()).isEqualTo("Not Found");
        assertProblem(api.get("/api"), 404);
        assertProblem(api.get("/api/users/alice/extra/path"), 404);
        HttpResponse<byte[]> wrong = api.json("PUT", "/api/users", "{}");
        JsonNode problem = assertProblem(wrong, 405);
        assertThat(problem.get("title").asText()).isEqualTo("Method Not Allowed");
        assertThat(wrong.headers().firstValue("Allow")).contains("GET, POST");
        assertThat(api.delete("/api/health").headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void brokenPercentEscapesAre400() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.admin.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/users/al%zzice/mailboxes HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void nonLoopbackAddressNeedsAToken() throws Exception {
        String lan = java.net.InetAddress.getByName("0.0.0.0").getHostAddress();
        assertThatThrownBy(() -> AdminServer.start(api.server, lan, 0, null, () -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a loopback address").hasMessageContaining("--admin-token");
        assertThatThrownBy(() -> AdminServer.start(api.server, "no-such-host.invalid", 0, null, () -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a known address");
        try (AdminServer guarded = AdminServer.start(api.server, lan, 0, "tok", () -> null)) {
            assertThat(guarded.port()).isPositive();
        }
    }
}
