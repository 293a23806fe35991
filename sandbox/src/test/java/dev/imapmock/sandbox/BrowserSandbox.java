package dev.imapmock.sandbox;

import dev.imapmock.ImapMockServer;
import dev.imapmock.cli.Standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sandbox started the way {@code SandboxMain} starts one, for the browser tests: the standalone
 * server from its flags (users, a fixture tree), then the admin API and UI on a free port, whose address
 * is read from the ready line {@code Admin UI at http://HOST:PORT/}. Also a small HTTP client for the API,
 * so tests change state the way outside scripts do.
 */
final class BrowserSandbox implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Admin UI at (\\S+)");

    final ImapMockServer server;
    final String url;
    private final Sandbox sandbox;
    private final HttpClient http = HttpClient.newHttpClient();

    private BrowserSandbox(ImapMockServer server, Sandbox sandbox, String url) {
        this.server = server;
        this.sandbox = sandbox;
        this.url = url;
    }

    /** Starts users alice and bob (password secret) with {@code fixtures} as their mail, and {@code more} flags. */
    static BrowserSandbox start(Path fixtures, String... more) {
        List<String> args = new ArrayList<>(List.of("--admin-port", "0", "--port", "0",
                "--user", "alice:secret", "--user", "bob:secret", "--fixtures", fixtures.toString()));
        args.addAll(List.of(more));
        SandboxOptions options = SandboxOptions.parse(args.toArray(new String[0]));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        ImapMockServer server = Standalone.parse(options.serverArgs()).start(out, System::getenv);
        Sandbox sandbox = Sandbox.start(server, options, out);
        Matcher ready = READY.matcher(printed.toString(StandardCharsets.UTF_8));
        if (!ready.find()) {
            sandbox.close();
            throw new IllegalStateException("no ready line in: " + printed.toString(StandardCharsets.UTF_8));
        }
        return new BrowserSandbox(server, sandbox, ready.group(1));
    }

    /** Writes {@code files} (relative path to content) under {@code root}, the fixture tree's layout. */
    static Path fixtures(Path root, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue().replace("\n", "\r\n"), StandardCharsets.UTF_8);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> call(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url).resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return call("GET", path, null, null);
    }

    /** Delivers an RFC 822 message through the API, as a script would. */
    HttpResponse<String> deliver(String user, String mailbox, String rfc822) {
        return call("POST", "api/users/" + user + "/mailboxes/" + mailbox + "/messages", "message/rfc822",
                rfc822.replace("\n", "\r\n"));
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
