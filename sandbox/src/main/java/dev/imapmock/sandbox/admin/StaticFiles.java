package dev.imapmock.sandbox.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The web UI: every GET outside {@code /api} is a file under the classpath folder
 * {@code dev/imapmock/sandbox/ui/} ({@code /} is {@code index.html}), served with a strict
 * Content-Security-Policy. Paths with {@code ..}, empty or hidden segments are not files.
 */
final class StaticFiles {
    static final String ROOT = "dev/imapmock/sandbox/ui/";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain; charset=utf-8"));

    /** Shown at {@code /} while the jar holds no UI, so that the port still says what it is. */
    private static final String PLACEHOLDER = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>ImapMock sandbox</title></head>
            <body><h1>ImapMock sandbox</h1><p>This build has no web UI. The admin API is at
            <a href="/api/server">/api/server</a>, described by <a href="/api/openapi.json">/api/openapi.json</a>.</p>
            </body></html>
            """;

    private final ClassLoader loader = StaticFiles.class.getClassLoader();

    void serve(Call call, String rawPath) throws IOException {
        if (!call.method().equals("GET") && !call.method().equals("HEAD")) {
            throw ApiException.methodNotAllowed(call.method(), "GET, HEAD");
        }
        String path = Call.decode(rawPath, "path");
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (!isFileName(name)) {
            throw ApiException.notFound("No such file: " + path);
        }
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                if (name.equals("index.html")) {
                    call.header("Content-Security-Policy", CSP);
                    call.send(200, TYPES.get("html"), PLACEHOLDER.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                throw ApiException.notFound("No such file: " + path);
            }
            bytes = in.readAllBytes();
        }
        call.header("Content-Security-Policy", CSP);
        call.send(200, type(name), bytes);
    }

    private static boolean isFileName(String name) {
        if (name.isEmpty() || name.endsWith("/") || name.contains("\\")) {
            return false;
        }
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static String type(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
