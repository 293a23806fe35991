package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request and its answer, as a handler sees them: decoded path parameters, query
 * parameters, the body with its content type checked, and one way to answer each kind of result.
 * Not thread-safe; used by the thread that serves the request.
 */
final class Call {
    /** The largest request body accepted: a batch of messages, or a snapshot. */
    static final int MAX_BODY = 256 * 1024 * 1024;

    private final HttpExchange exchange;
    private final Map<String, String> path;
    private Map<String, String> query;
    private boolean answered;

    Call(HttpExchange exchange, Map<String, String> path) {
        this.exchange = exchange;
        this.path = path;
    }

    HttpExchange exchange() {
        return exchange;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** A path parameter, percent-decoded (a mailbox name is one segment: {@code Archive%2F2024}). */
    String path(String name) {
        return path.get(name);
    }

    /** A query parameter, or null when absent. */
    String query(String name) {
        if (query == null) {
            query = parseQuery(exchange.getRequestURI().getRawQuery());
        }
        return query.get(name);
    }

    /** A whole-number query parameter within bounds, or {@code absent}; a 400 naming it otherwise. */
    int intQuery(String name, int absent, int min, int max) {
        String text = query(name);
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw ApiException.badField(name, "must be a whole number from " + min + " to " + max + ", not " + text);
    }

    /** The media type of the body, lower-cased, without parameters; null when none was given. */
    String contentType() {
        String value = exchange.getRequestHeaders().getFirst("Content-Type");
        if (value == null || value.isBlank()) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The full Content-Type header, parameters included, or null. */
    String contentTypeHeader() {
        return exchange.getRequestHeaders().getFirst("Content-Type");
    }

    /** Fails with 415 unless the body's media type is one of {@code accepted}. */
    String requireType(String... accepted) {
        String type = contentType();
        for (String a : accepted) {
            if (a.equals(type)) {
                return type;
            }
        }
        throw ApiException.unsupportedType(type, String.join(" or ", accepted));
    }

    /** The body, at most {@link #MAX_BODY} octets (413 beyond). */
    byte[] body() throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            long length = contentLength();
            if (length > MAX_BODY) {
                throw new ApiException(413, "The body is larger than " + MAX_BODY + " octets");
            }
            if (length >= 0) {
                // Read at once into an array of the announced size: no copies while a batch grows.
                byte[] body = in.readNBytes((int) length);
                if (body.length < length) {
                    throw new IOException("The body ended after " + body.length + " of " + length + " octets");
                }
                return body;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > MAX_BODY) {
                    throw new ApiException(413, "The body is larger than " + MAX_BODY + " octets");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** The announced Content-Length, or -1 when there is none (chunked) or it is not a number. */
    private long contentLength() {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body as a JSON object; 415 unless it is {@code application/json}, 400 unless an object. */
    JsonNode jsonObject() throws IOException {
        requireType("application/json");
        JsonNode node = Json.parse(body());
        if (!node.isObject()) {
            throw new ApiException(400, "The body must be a JSON object");
        }
        return node;
    }

    void json(int status, Object value) throws IOException {
        send(status, "application/json", Json.bytes(value));
    }

    void noContent() throws IOException {
        answered = true;
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    void problem(Problems.Problem problem) throws IOException {
        send(problem.status(), Problems.CONTENT_TYPE, Json.bytes(problem));
    }

    void header(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    void send(int status, String contentType, byte[] body) throws IOException {
        answered = true;
        header("Content-Type", contentType);
        header("X-Content-Type-Options", "nosniff");
        header("Cache-Control", "no-store");
        boolean head = method().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /**
     * Starts a {@code 200} answer of unknown length (chunked) and returns its body, which the caller
     * writes and closes; for answers too big to build in memory first.
     */
    OutputStream stream(String contentType) throws IOException {
        answered = true;
        header("Content-Type", contentType);
        header("X-Content-Type-Options", "nosniff");
        header("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, method().equals("HEAD") ? -1 : 0);
        return exchange.getResponseBody();
    }

    /** For a handler that answers on the exchange itself (a stream). */
    void markAnswered() {
        answered = true;
    }

    boolean answered() {
        return answered;
    }

    /** {@code a=1&b=x%20y}: {@code +} is a space, as HTML forms send it. Later repeats are ignored. */
    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            map.putIfAbsent(decode(key.replace('+', ' '), "query"), decode(value.replace('+', ' '), "query"));
        }
        return map;
    }

    /** Percent-decodes UTF-8; a 400 for a broken escape. {@code +} stays a plus (paths). */
    static String decode(String raw, String what) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw new ApiException(400, "Broken percent-escape in the " + what + ": " + raw);
                }
                out.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
