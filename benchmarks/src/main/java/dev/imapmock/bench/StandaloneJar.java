package dev.imapmock.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * ImapMock's standalone jar ({@code java -jar imapmock-server-<version>-standalone.jar}) as a user
 * starts it: a child process, timed on this JVM's clock from just before {@code ProcessBuilder.start()}
 * to the LOGIN OK of a client that connected when the child printed
 * {@code IMAP server listening on HOST:PORT}.
 *
 * <p>The jar is the one {@code -Dimapmock.standaloneJar=PATH} names, else the newest
 * {@code imapmock-server-*-standalone.jar} in {@code ../mock-server/target} relative to the
 * benchmarks module (found from this class's jar) or the current directory, or in
 * {@code mock-server/target} of the current directory. Nothing waits without a limit: a child that
 * prints no ready line within {@link #READY_SECONDS} is killed and the sample fails, and every
 * child is stopped (SIGTERM, then SIGKILL after 10 s) when its sample ends.
 */
final class StandaloneJar {
    static final String PROPERTY = "imapmock.standaloneJar";
    private static final String READY = "IMAP server listening on ";
    private static final long READY_SECONDS = 60;

    private final Path jar;
    /** What follows the JVM options on the child's command line. */
    private final List<String> program;
    private static final String JAVA = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";

    private StandaloneJar(Path jar, List<String> program) {
        this.jar = jar;
        this.program = program;
    }

    /** The jar to run, or null; {@link #missing()} says why. */
    static StandaloneJar find() {
        Path jar = locate();
        return jar == null ? null : new StandaloneJar(jar,
                List.of("-jar", jar.toString(), "--port", "0", "--user", Target.USER + ":" + Target.PASSWORD));
    }

    /**
     * Not the jar but {@link MinimalServerMain}, run the same way: what any Java server that
     * greets and answers one LOGIN costs from process start, the floor under the jar's figure.
     */
    static StandaloneJar minimalServer() {
        return new StandaloneJar(null, List.of("-cp", System.getProperty("java.class.path"),
                MinimalServerMain.class.getName()));
    }

    /** Why no jar was found: the row's cell says it. */
    static String missing() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return "not measured: -D" + PROPERTY + "=" + configured + " is not a file";
        }
        return "not measured: no -D" + PROPERTY + "=PATH and no imapmock-server-*-standalone.jar in "
                + "../mock-server/target (build mock-server with package first)";
    }

    Path jar() {
        return jar;
    }

    private static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isRegularFile(path) ? path : null;
        }
        List<Path> dirs = new ArrayList<>();
        Path module = benchmarksModule();
        if (module != null) {
            dirs.add(module.resolve("../mock-server/target"));
        }
        Path cwd = Path.of("").toAbsolutePath();
        dirs.add(cwd.resolve("../mock-server/target"));
        dirs.add(cwd.resolve("mock-server/target"));
        Path newest = null;
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "imapmock-server-*-standalone.jar")) {
                for (Path candidate : jars) {
                    if (newest == null || modified(candidate) > modified(newest)) {
                        newest = candidate.normalize();
                    }
                }
            } catch (IOException e) {
                // an unreadable directory holds no jar for us
            }
        }
        return newest;
    }

    /** benchmarks/ when this class runs from benchmarks/target/*.jar or benchmarks/target/classes. */
    private static Path benchmarksModule() {
        try {
            Path source = Path.of(StandaloneJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = source.getParent();
            if (target != null && target.getFileName() != null && target.getFileName().toString().equals("classes")) {
                target = target.getParent();
            }
            return target == null ? null : target.getParent();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Milliseconds from process start to LOGIN OK, with {@code jvmOptions} before {@code -jar}. */
    double startToLogin(List<String> jvmOptions) throws Exception {
        long t = System.nanoTime();
        try (Child child = start(jvmOptions, List.of());
             RawImap client = RawImap.login(child.port, Target.USER, Target.PASSWORD)) {
            return (System.nanoTime() - t) / 1e6;
        }
    }

    /**
     * Writes an application class-data-sharing archive of what a start, LOGIN, SELECT and LOGOUT
     * load: the child runs with {@code -XX:ArchiveClassesAtExit}, is stopped with SIGTERM, and the
     * JVM writes the archive as it exits. Returns null when it did, else why not.
     */
    String createArchive(Path archive) throws Exception {
        Files.deleteIfExists(archive);
        try (Child child = start(List.of("-XX:ArchiveClassesAtExit=" + archive), List.of());
             RawImap client = RawImap.login(child.port, Target.USER, Target.PASSWORD)) {
            client.command("SELECT INBOX");
            client.command("LOGOUT");
        }
        return Files.isRegularFile(archive) && Files.size(archive) > 0 ? null
                : "not measured: the JVM wrote no archive at exit with -XX:ArchiveClassesAtExit";
    }

    /** Milliseconds from process start to exit of a main that does nothing: the JVM's own cost. */
    static double emptyJvm() throws Exception {
        long t = System.nanoTime();
        Process p = new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"), EmptyMain.class.getName())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(READY_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("An empty Java main did not exit within " + READY_SECONDS + " s");
        }
        double millis = (System.nanoTime() - t) / 1e6;
        if (p.exitValue() != 0) {
            throw new IOException("An empty Java main exited with " + p.exitValue());
        }
        return millis;
    }

    /**
     * A fresh JVM with INBOX read from {@code fixtures} ({@code expected} messages): the
     * milliseconds of its first {@code command} after LOGIN and SELECT.
     */
    double firstCommand(Path fixtures, int expected, String command) throws Exception {
        try (Child child = start(List.of(), List.of("--fixtures", fixtures.toString()));
             RawImap client = RawImap.login(child.port, Target.USER, Target.PASSWORD)) {
            if (!client.lines("SELECT INBOX").contains("* " + expected + " EXISTS")) {
                throw new IOException("The standalone jar did not load " + expected + " messages from " + fixtures);
            }
            long t = System.nanoTime();
            client.command(command);
            return (System.nanoTime() - t) / 1e6;
        }
    }

    /** Writes {@code mail} as {@code DIR/INBOX/00001.eml} ... (docs/fixtures.md), in order. */
    static Path writeFixtures(List<byte[]> mail) throws IOException {
        Path dir = Files.createTempDirectory("imapmock-bench-fixtures");
        Path inbox = Files.createDirectory(dir.resolve("INBOX"));
        for (int i = 0; i < mail.size(); i++) {
            Files.write(inbox.resolve(String.format(Locale.ROOT, "%05d.eml", i + 1)), mail.get(i));
        }
        return dir;
    }

    /** Deletes a directory tree the benchmark made. */
    static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Child start(List<String> jvmOptions, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(jvmOptions);
        command.addAll(program);
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Child child = new Child(process);
        try {
            child.awaitReady();
        } catch (IOException | RuntimeException e) {
            child.close();
            throw e;
        }
        return child;
    }

    /** A running standalone jar; closing it stops it and waits for its exit. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private int port;

        Child(Process process) {
            this.process = process;
        }

        void awaitReady() throws IOException {
            // A watchdog, since a read of the child's output has no time limit of its own.
            Thread watchdog = new Thread(() -> {
                try {
                    if (!process.waitFor(READY_SECONDS, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    // ready in time
                }
            }, "standalone-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            Deque<String> last = new ArrayDeque<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(READY)) {
                        port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
                        return;
                    }
                    last.addLast(line);
                    if (last.size() > 5) {
                        last.removeFirst();
                    }
                }
                throw new IOException("The standalone jar ended or was killed after " + READY_SECONDS
                        + " s before it was ready; its last lines: " + last);
            } finally {
                watchdog.interrupt();
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try {
                process.getInputStream().close();
            } catch (IOException e) {
                // the child is gone either way
            }
        }
    }
}
