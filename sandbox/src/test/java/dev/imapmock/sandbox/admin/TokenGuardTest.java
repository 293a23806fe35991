package dev.imapmock.sandbox.admin;

import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.imapmock.sandbox.admin.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** With {@code --admin-token}, every API request needs the bearer token; the UI's files do not. */
@Timeout(30)
class TokenGuardTest {
    private static AdminClient api;

    @BeforeAll
    static void start() {
        api = AdminClient.start(ImapMockServer.builder().user("alice", "secret"), "s3cret-token");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private HttpResponse<byte[]> without(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.uri(path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return api.send(b.build());
    }

    @Test
    void requestsWithoutOrWithAWrongTokenAre401WithAChallenge() {
        HttpResponse<byte[]> none = without("/api/users", null);
        assertProblem(none, 401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertProblem(without("/api/users", "Bearer wrong"), 401);
        assertProblem(without("/api/users", "Basic YWxpY2U6c2VjcmV0"), 401);
        assertProblem(without("/api/nothing", null), 401);
        assertThat(AdminClient.text(without("/api/users", "Bearer wrong"))).doesNotContain("s3cret-token");
    }

    @Test
    void theRightTokenOpensEveryEndpoint() {
        assertThat(api.get("/api/users").statusCode()).isEqualTo(200);
        assertThat(without("/api/users", "bearer s3cret-token").statusCode()).isEqualTo(200);
    }

    @Test
    void uiFilesNeedNoTokenAndOnlyTheStreamAndMessageViewsTakeItInTheQuery() throws Exception {
        assertThat(without("/", null).statusCode()).isEqualTo(200);
        assertProblem(without("/api/users?token=s3cret-token", null), 401);
        HttpResponse<InputStream> stream = api.http.send(HttpRequest.newBuilder(
                api.uri("/api/journal/stream?token=s3cret-token")).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        stream.body().close();
        assertProblem(without("/api/journal/stream?token=wrong", null), 401);
    }

    @Test
    void aMessagesHtmlSourceAndPartsTakeTheTokenInTheQueryForTheUisFrameAndLinks() {
        api.server.deliver("alice", "INBOX", ("From: a@example.com\r\nSubject: x\r\nContent-Type: text/html\r\n\r\n"
                + "<p>hi</p>\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String message = "/api/users/alice/mailboxes/INBOX/messages/1";
        assertThat(without(message + "/html?token=s3cret-token", null).statusCode()).isEqualTo(200);
        assertThat(without(message + "/raw?token=s3cret-token", null).statusCode()).isEqualTo(200);
        assertThat(without(message + "/parts/1?token=s3cret-token", null).statusCode()).isEqualTo(200);
        assertProblem(without(message + "/html?token=wrong", null), 401);
        assertProblem(without(message + "/html", null), 401);
        assertProblem(without(message + "?token=s3cret-token", null), 401);
        HttpResponse<byte[]> delete = api.send(HttpRequest.newBuilder(api.uri(message + "?token=s3cret-token"))
                .DELETE().build());
        assertProblem(delete, 401);
    }
}
