package dev.imapmock.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox launcher, run in-process: its ready lines, the admin API it starts, and refusals. */
@Timeout(30)
class SandboxMainTest {
    private static final Pattern IMAP = Pattern.compile("IMAP server listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern ADMIN = Pattern.compile("Admin UI at http://127\\.0\\.0\\.1:(\\d+)/");

    /** Output that hands each complete line to the test as it is printed. */
    private static final class Lines extends OutputStream {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }

        String next() throws InterruptedException {
            String line = lines.poll(20, TimeUnit.SECONDS);
            assertThat(line).as("next line printed by the launcher").isNotNull();
            return line;
        }
    }

    /** A launcher on its own thread; {@link #close()} interrupts it and waits for its status. */
    private static final class Running implements AutoCloseable {
        final Lines out = new Lines();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AtomicInteger status = new AtomicInteger(-1);
        final Thread thread;

        Running(String... args) {
            thread = new Thread(() -> status.set(SandboxMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), name -> null)), "sandbox-test-launcher");
            thread.start();
        }

        int awaitExit() throws InterruptedException {
            thread.join(20_000);
            return status.get();
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(20_000);
        }
    }

    @Test
    void printsTheImapAndAdminReadyLinesAndServesTheApiWithTheDemoData() throws Exception {
        try (Running sandbox = new Running("--port", "0", "--admin-port", "0")) {
            assertThat(sandbox.out.next()).isEqualTo("Demo user: demo / password: demo");
            Matcher imap = IMAP.matcher(sandbox.out.next());
            assertThat(imap.matches()).isTrue();
            Matcher admin = ADMIN.matcher(sandbox.out.next());
            assertThat(admin.matches()).as(sandbox.err.toString()).isTrue();
            HttpResponse<String> server = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + admin.group(1) + "/api/server")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(server.statusCode()).isEqualTo(200);
            assertThat(server.body()).contains("\"port\":" + imap.group(1)).contains("\"port\":" + admin.group(1));
            HttpResponse<String> users = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + admin.group(1) + "/api/users")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(users.body()).contains("\"name\":\"demo\"");
        }
    }

    @Test
    void withoutAdminPortOnlyTheImapLineIsPrinted() throws Exception {
        try (Running sandbox = new Running("--port", "0", "--user", "alice:secret")) {
            assertThat(IMAP.matcher(sandbox.out.next()).matches()).isTrue();
            assertThat(sandbox.out.lines.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void anAdminHostBeyondLoopbackWithoutATokenIsRefusedAndNothingKeepsRunning() throws Exception {
        Running sandbox = new Running("--port", "0", "--admin-port", "0", "--admin-host", "0.0.0.0");
        assertThat(sandbox.awaitExit()).isEqualTo(1);
        assertThat(sandbox.err.toString(StandardCharsets.UTF_8))
                .contains("imapmock-sandbox: --admin-host 0.0.0.0 is not a loopback address").contains("--admin-token");
    }

    @Test
    void badSandboxOptionsExitWith2() throws Exception {
        Running sandbox = new Running("--admin-port", "http");
        assertThat(sandbox.awaitExit()).isEqualTo(2);
        assertThat(sandbox.err.toString(StandardCharsets.UTF_8)).contains("--admin-port needs a number");
    }
}
