package dev.imapmock.cli;

import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone launcher, run in-process: options, errors, the ready line, fixtures and stopping. */
@Timeout(30)
class MainTest {
    private static final Pattern READY = Pattern.compile("IMAP server listening on 127\\.0\\.0\\.1:(\\d+)");

    /** Output that hands each complete line to the test as it is printed. */
    private static final class Lines extends OutputStream {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8).replace("\r", ""));
                current.reset();
            } else {
                current.write(b);
            }
        }

        String next(ByteArrayOutputStream err) throws InterruptedException {
            String line = lines.poll(20, TimeUnit.SECONDS);
            assertThat(line).as("next line printed by the launcher; on err: %s", err).isNotNull();
            return line;
        }
    }

    /** A launcher running on its own thread; {@link #close()} interrupts it and waits for its status. */
    private static final class Running implements AutoCloseable {
        final Lines out = new Lines();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AtomicInteger status = new AtomicInteger(-1);
        final Thread thread;

        Running(String... args) {
            thread = new Thread(() -> status.set(Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))), "main-test-launcher");
            thread.start();
        }

        String next() throws InterruptedException {
            return out.next(err);
        }

        int awaitReady() throws InterruptedException {
            String line = next();
            while (!READY.matcher(line).matches()) {
                line = next();
            }
            Matcher m = READY.matcher(line);
            assertThat(m.matches()).isTrue();
            return Integer.parseInt(m.group(1));
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(20_000);
            assertThat(thread.isAlive()).as("launcher still running").isFalse();
        }
    }

    private record Result(int status, String out, String err) {
    }

    private static Result runToEnd(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(MainTest.class.getResource("/cli/" + name).toURI()).toString();
    }

    private static void assertLogin(int port, String user, String password) {
        try (RawClient c = new RawClient("127.0.0.1", port)) {
            assertThat(c.readLine()).startsWith("* OK ");
            assertThat(c.command("a1", "LOGIN " + user + " " + password)).last().asString().startsWith("a1 OK ");
        }
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        Result r = runToEnd("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("Usage: java -jar imapmock-server-<version>-standalone.jar [options]")
                .contains("--port PORT", "--user NAME:PASSWORD", "--fixtures DIR");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void unknownFlagIsOneLineOnErrAndStatusTwo() {
        Result r = runToEnd("--bogus");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("imapmock: unknown option: --bogus (see --help)" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badOptionValuesAreOneLineEach() {
        assertThat(runToEnd("--port").err()).isEqualTo("imapmock: --port needs a value (see --help)" + System.lineSeparator());
        assertThat(runToEnd("--port", "http").err())
                .isEqualTo("imapmock: --port needs a number from 0 to 65535, not http (see --help)" + System.lineSeparator());
        assertThat(runToEnd("--port", "65536").status()).isEqualTo(2);
        assertThat(runToEnd("--user", "alice").err())
                .isEqualTo("imapmock: --user needs NAME:PASSWORD, not alice (see --help)" + System.lineSeparator());
        assertThat(runToEnd("--user", ":secret").status()).isEqualTo(2);
        assertThat(runToEnd("--user", "alice:").status()).isEqualTo(2);
        assertThat(runToEnd("--user", "--port", "0").err())
                .isEqualTo("imapmock: --user needs a value (see --help)" + System.lineSeparator());
    }

    @Test
    void missingFixturesDirectoryIsAnErrorWithStatusOne() {
        Result r = runToEnd("--port", "0", "--user", "alice:secret", "--fixtures", "/no/such/dir");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith("imapmock: ").doesNotContain("Exception").endsWith(System.lineSeparator());
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void fixtureSidecarsLabelAMessageWithTheGmailProfileOnlyAndShareAMailbox(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("alice/INBOX"));
        Files.writeString(dir.resolve("alice/INBOX/0001.eml"), "Subject: x\r\n\r\nx\r\n");
        Files.writeString(dir.resolve("alice/INBOX/0001.eml.properties"), "labels=Work\n");
        Files.writeString(dir.resolve("alice/INBOX.properties"), "acl=bob lr\n");
        Result refused = runToEnd("--port", "0", "--user", "alice:secret", "--user", "bob:secret",
                "--fixtures", dir.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("imapmock: " + dir.resolve("alice/INBOX/0001.eml").toAbsolutePath()
                + ": labels [Work] need Gmail's labels: build the server with the gmail profile (Profile.GMAIL,"
                + " --profile gmail, @ImapServer(profile = \"gmail\"))" + System.lineSeparator());
        try (Running launcher = new Running("--port", "0", "--profile", "gmail", "--user", "alice:secret",
                "--user", "bob:secret", "--fixtures", dir.toString())) {
            try (RawClient c = new RawClient("127.0.0.1", launcher.awaitReady())) {
                c.readLine();
                c.command("a1", "LOGIN alice secret");
                c.play("""
                        C: a2 STATUS Work (MESSAGES)
                        S: * STATUS Work (MESSAGES 1)
                        S: a2 OK Status completed.
                        """);
            }
        }
        Files.delete(dir.resolve("alice/INBOX/0001.eml.properties"));
        try (Running launcher = new Running("--port", "0", "--user", "alice:secret", "--user", "bob:secret",
                "--fixtures", dir.toString())) {
            try (RawClient c = new RawClient("127.0.0.1", launcher.awaitReady())) {
                c.readLine();
                c.command("a1", "LOGIN bob secret");
                c.play("""
                        C: a2 MYRIGHTS "Other Users/alice/INBOX"
                        S: * MYRIGHTS "Other Users/alice/INBOX" lr
                        S: a2 OK Myrights completed.
                        """);
            }
        }
    }

    @Test
    void portZeroPrintsTheReadyLineWithTheBoundPortAndServesUsers() throws Exception {
        try (Running launcher = new Running("--port", "0", "--user", "alice:secret", "--user", "bob:pa:ss")) {
            String first = launcher.next();
            assertThat(first).matches(READY);
            Matcher m = READY.matcher(first);
            assertThat(m.matches()).isTrue();
            int port = Integer.parseInt(m.group(1));
            assertThat(port).isPositive();
            assertLogin(port, "alice", "secret");
            assertLogin(port, "bob", "pa:ss");
        }
    }

    @Test
    void interruptingRunClosesTheServerAndReturnsZero() throws Exception {
        Running launcher = new Running("--port", "0", "--user", "alice:secret");
        int port = launcher.awaitReady();
        launcher.close();
        assertThat(launcher.status.get()).isZero();
        dev.imapmock.testing.Ports.assertNothingListens(port);
    }

    @Test
    void stoppingPrintsTheClientChecksSummaryOnce() throws Exception {
        Running launcher = new Running("--port", "0", "--user", "alice:secret");
        int port = launcher.awaitReady();
        try (RawClient c = new RawClient("127.0.0.1", port)) {
            c.readLine();
            c.play("""
                    C: a1 SELECT INBOX
                    S~ a1 BAD .*
                    C: a2 LOGIN alice secret
                    S~ a2 OK .*
                    C: a3 LOGOUT
                    S~ \\* BYE .*
                    S~ a3 OK .*
                    """);
        }
        launcher.close();
        assertThat(launcher.status.get()).isZero();
        String line = launcher.next();
        while (!line.startsWith("Client checks:")) {
            line = launcher.next();
        }
        assertThat(line).isEqualTo("Client checks: 1 violation(s), 0 wasteful pattern(s), 0 note(s)");
        assertThat(launcher.next()).isEqualTo("  violation command-in-wrong-state x1 (RFC 3501 §3): e.g. connection 1"
                + " a1 SELECT INBOX - SELECT is not valid in the not authenticated state");
        assertThat(launcher.out.lines).as("printed once, nothing after it").isEmpty();
    }

    @Test
    void withoutUsersADemoUserWithDemoMailIsCreatedAndPrinted() throws Exception {
        try (Running launcher = new Running("--port", "0")) {
            assertThat(launcher.next()).isEqualTo("Demo user: demo / password: demo");
            int port = launcher.awaitReady();
            assertLogin(port, "demo", "demo");
            try (RawClient c = new RawClient("127.0.0.1", port)) {
                c.readLine();
                c.command("a1", "LOGIN demo demo");
                c.play("""
                        C: a2 STATUS INBOX (MESSAGES UNSEEN)
                        S: * STATUS INBOX (MESSAGES 5 UNSEEN 4)
                        S: a2 OK Status completed.
                        C: a3 STATUS Archive (MESSAGES)
                        S: * STATUS Archive (MESSAGES 2)
                        S: a3 OK Status completed.
                        """);
            }
        }
    }

    @Test
    void fixturesSeedTheOneUsersMailboxTree() throws Exception {
        try (Running launcher = new Running("--port", "0", "--user", "alice:secret", "--fixtures", resource("single"))) {
            int port = launcher.awaitReady();
            try (RawClient c = new RawClient("127.0.0.1", port)) {
                c.readLine();
                c.command("a1", "LOGIN alice secret");
                c.play("""
                        C: a2 LIST "" *
                        S: * LIST (\\HasNoChildren) "/" INBOX
                        S: * LIST (\\HasNoChildren \\Archive) "/" Archive
                        S: * LIST (\\HasNoChildren \\Drafts) "/" Drafts
                        S: * LIST (\\HasNoChildren \\Junk) "/" Junk
                        S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                        S: * LIST (\\HasNoChildren \\Trash) "/" Trash
                        S: * LIST (\\HasChildren) "/" Work
                        S: * LIST (\\HasNoChildren) "/" Work/Reports
                        S: a2 OK LIST completed.
                        C: a3 STATUS INBOX (MESSAGES)
                        S: * STATUS INBOX (MESSAGES 2)
                        S: a3 OK Status completed.
                        C: a4 STATUS Work/Reports (MESSAGES)
                        S: * STATUS Work/Reports (MESSAGES 1)
                        S: a4 OK Status completed.
                        """);
            }
        }
    }

    @Test
    void fixturesWithSeveralUsersHoldOneTreePerUser() throws Exception {
        try (Running launcher = new Running("--port", "0", "--user", "alice:secret", "--user", "bob:secret",
                "--user", "carol:secret", "--fixtures", resource("users"))) {
            int port = launcher.awaitReady();
            try (RawClient c = new RawClient("127.0.0.1", port)) {
                c.readLine();
                c.command("a1", "LOGIN bob secret");
                c.play("""
                        C: a2 STATUS Archive (MESSAGES)
                        S: * STATUS Archive (MESSAGES 2)
                        S: a2 OK Status completed.
                        C: a3 STATUS INBOX (MESSAGES)
                        S: * STATUS INBOX (MESSAGES 0)
                        S: a3 OK Status completed.
                        """);
            }
            try (RawClient c = new RawClient("127.0.0.1", port)) {
                c.readLine();
                c.command("a1", "LOGIN carol secret");
                c.play("""
                        C: a2 LIST "" *
                        S: * LIST (\\HasNoChildren) "/" INBOX
                        S: * LIST (\\HasNoChildren \\Archive) "/" Archive
                        S: * LIST (\\HasNoChildren \\Drafts) "/" Drafts
                        S: * LIST (\\HasNoChildren \\Junk) "/" Junk
                        S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                        S: * LIST (\\HasNoChildren \\Trash) "/" Trash
                        S: a2 OK LIST completed.
                        C: a3 STATUS INBOX (MESSAGES)
                        S: * STATUS INBOX (MESSAGES 0)
                        S: a3 OK Status completed.
                        """);
            }
        }
    }

    @Test
    void emptyFixturesDirectorySeedsNothing(@org.junit.jupiter.api.io.TempDir Path empty) throws Exception {
        assertThat(Files.list(empty)).isEmpty();
        try (Running launcher = new Running("--port", "0", "--user", "alice:secret", "--fixtures", empty.toString())) {
            int port = launcher.awaitReady();
            try (RawClient c = new RawClient("127.0.0.1", port)) {
                c.readLine();
                c.command("a1", "LOGIN alice secret");
                c.play("""
                        C: a2 STATUS INBOX (MESSAGES)
                        S: * STATUS INBOX (MESSAGES 0)
                        S: a2 OK Status completed.
                        """);
            }
        }
    }
}
