package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on problem documents (RFC 9457). */
final class Problem {
    private Problem() {
    }

    /** Checks the status, the media type and the document's shape; returns the document. */
    static JsonNode assertProblem(HttpResponse<byte[]> response, int status) {
        assertThat(response.statusCode()).as(AdminClient.text(response)).isEqualTo(status);
        assertThat(AdminClient.type(response)).isEqualTo("application/problem+json");
        JsonNode p = AdminClient.body(response);
        assertThat(p.get("type").asText()).isEqualTo("about:blank");
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotEmpty();
        assertThat(p.get("detail").asText()).isNotEmpty().doesNotContain("Exception").doesNotContain("dev.imapmock");
        return p;
    }

    /** The fields named in {@code errors}. */
    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        if (problem.has("errors")) {
            problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        }
        return fields;
    }
}
