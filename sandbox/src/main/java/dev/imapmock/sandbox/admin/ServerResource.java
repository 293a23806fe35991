package dev.imapmock.sandbox.admin;

import dev.imapmock.ImapMockServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/** {@code /api/health}, {@code /api/ready}, {@code /api/server} and {@code /api/openapi.json}. */
final class ServerResource {
    static final String OPENAPI = "dev/imapmock/sandbox/openapi.json";

    private final ImapMockServer server;
    private final Supplier<AdminServer.Endpoint> smtp;
    private final Supplier<AdminServer.Endpoint> admin;
    private final byte[] openApi;
    private final String version;

    ServerResource(ImapMockServer server, Supplier<AdminServer.Endpoint> smtp, Supplier<AdminServer.Endpoint> admin) {
        this.server = server;
        this.smtp = smtp;
        this.admin = admin;
        this.openApi = resource(OPENAPI);
        Properties p = new Properties();
        try {
            p.load(new java.io.ByteArrayInputStream(resource("dev/imapmock/sandbox/version.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.version = p.getProperty("version", "unknown");
    }

    void health(Call call) throws IOException {
        call.json(200, Map.of("status", "UP"));
    }

    /** Ready while the IMAP server accepts connections; 503 once it is closed (or before it started). */
    void ready(Call call) throws IOException {
        if (!server.isRunning()) {
            throw new ApiException(503, "The IMAP server is not accepting connections");
        }
        call.json(200, Map.of("status", "READY"));
    }

    void server(Call call) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("imap", new AdminServer.Endpoint(server.host(), server.port()));
        body.put("imaps", imaps());
        body.put("smtp", smtp == null ? null : smtp.get());
        body.put("admin", admin.get());
        body.put("capabilities", Map.of("beforeLogin", words(server.capabilities(false)),
                "afterLogin", words(server.capabilities(true))));
        body.put("users", server.store().users().size());
        call.json(200, body);
    }

    void openApi(Call call) throws IOException {
        call.send(200, "application/json", openApi);
    }

    private AdminServer.Endpoint imaps() {
        try {
            return new AdminServer.Endpoint(server.host(), server.tlsPort());
        } catch (IllegalStateException noImplicitTls) {
            return null;
        }
    }

    private static List<String> words(String capabilities) {
        return Arrays.asList(capabilities.split(" "));
    }

    static byte[] resource(String name) {
        try (InputStream in = ServerResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
