package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * Problem documents (RFC 9457, {@code application/problem+json}), made here and nowhere else.
 * {@code type} is {@code about:blank}, so {@code title} is the status's reason phrase (RFC 9457
 * §4.2.1); {@code detail} says what was wrong in words, {@code errors} which fields.
 */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(413, "Content Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Problem(String type, String title, int status, String detail, List<ApiException.FieldError> errors) {
    }

    private Problems() {
    }

    static Problem of(ApiException e) {
        return new Problem("about:blank", title(e.status()), e.status(), e.getMessage(), e.errors());
    }

    static Problem of(int status, String detail) {
        return new Problem("about:blank", title(status), status, detail, List.of());
    }

    private static String title(int status) {
        return TITLES.getOrDefault(status, "Error");
    }
}
