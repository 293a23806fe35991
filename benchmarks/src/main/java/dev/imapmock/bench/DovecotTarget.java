package dev.imapmock.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A private Dovecot, the production server the other two are compared with. It is started by a
 * reference script ({@code dovecot-ref.sh start PORT STATEDIR}: a config of its own under a fresh
 * state directory, users alice and bob, mail owned by an unprivileged uid so it also runs when the
 * benchmark runs as root), seeded over IMAP with MULTIAPPEND, and stopped by its master's PID.
 *
 * <p>The script is named by {@code -Dimapmock.dovecotRef=PATH} or the {@code IMAPMOCK_DOVECOT_REF}
 * environment variable; {@code -Dimapmock.dovecotPort=N} makes it listen on N, N+1, ... N+9 in
 * turn (default: a free port each time). Nothing can hang: the script runs with its output in a
 * file (the daemon keeps the script's standard error open, so a pipe would never reach its end)
 * and a time limit, every IMAP read times out, and a shutdown hook stops an instance the run
 * did not close.
 */
final class DovecotTarget implements Target {
    static final String BINARY = "/usr/sbin/dovecot";
    private static final long SCRIPT_SECONDS = 30;
    private static final int BATCH = 500;
    private static int nextPortOffset;

    private final Path script;
    private Path stateDir;
    private int port;
    private long pid = -1;
    private Thread shutdownHook;

    private DovecotTarget(Path script) {
        this.script = script;
    }

    /** The Dovecot factory; {@link Factory#missing} says why when it cannot run here. */
    static Factory factory() {
        String configured = System.getProperty("imapmock.dovecotRef", System.getenv("IMAPMOCK_DOVECOT_REF"));
        String missing;
        if (!Files.isExecutable(Path.of(BINARY))) {
            missing = "not measured: " + BINARY + " is not installed";
        } else if (configured == null || configured.isBlank()) {
            missing = "not measured: no -Dimapmock.dovecotRef=PATH or IMAPMOCK_DOVECOT_REF names the start script";
        } else if (!Files.isExecutable(Path.of(configured))) {
            missing = "not measured: " + configured + " is not an executable script";
        } else {
            missing = null;
        }
        return new Factory() {
            public String name() {
                return "Dovecot";
            }

            public Target create() {
                return new DovecotTarget(Path.of(configured));
            }

            public String missing() {
                return missing;
            }
        };
    }

    @Override
    public Target start() throws Exception {
        stateDir = Files.createTempDirectory("imapmock-bench-dovecot");
        shutdownHook = new Thread(this::stop, "dovecot-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            for (int attempt = 1; ; attempt++) {
                port = choosePort();
                try {
                    script("start");
                    break;
                } catch (IOException e) {
                    // a port someone else took meanwhile: the next one
                    if (attempt == 10 || !String.valueOf(e.getMessage()).contains("Address already in use")) {
                        throw e;
                    }
                }
            }
            pid = Long.parseLong(Files.readString(stateDir.resolve("run/master.pid")).trim());
        } catch (Exception e) {
            close();
            throw e;
        }
        return this;
    }

    @Override
    public int port() {
        return port;
    }

    /** MULTIAPPEND over IMAP, {@value #BATCH} messages a command, with LITERAL+. */
    @Override
    public void seed(List<byte[]> messages) throws IOException {
        try (RawImap client = RawImap.login(port, USER, PASSWORD)) {
            for (int i = 0; i < messages.size(); i += BATCH) {
                client.multiAppend("INBOX", messages.subList(i, Math.min(messages.size(), i + BATCH)));
            }
            client.command("LOGOUT");
        }
    }

    @Override
    public boolean seedsInProcess() {
        return false;
    }

    /**
     * The reference config lets a user in from one address 100 times at once; the storm needs
     * more. The limits are raised in the instance's config and Dovecot reloads it on SIGHUP.
     */
    @Override
    public void allowClients(int clients) throws Exception {
        Path conf = stateDir.resolve("dovecot.conf");
        String text = Files.readString(conf, StandardCharsets.UTF_8);
        int limit = 2 * clients + 100;
        text = text.replaceAll("mail_max_userip_connections = \\d+", "mail_max_userip_connections = " + limit)
                .replaceAll("process_limit = \\d+", "process_limit = " + limit);
        Files.writeString(conf, text, StandardCharsets.UTF_8);
        Path log = stateDir.resolve("dovecot.log");
        long before = Files.size(log);
        new ProcessBuilder("kill", "-HUP", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SCRIPT_SECONDS);
        while (!tail(log, before).contains("reloading configuration")) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Dovecot did not reload its configuration");
            }
            Thread.sleep(20);
        }
        // the new login processes are up once a login succeeds
        try (RawImap client = RawImap.login(port, USER, PASSWORD)) {
            client.command("LOGOUT");
        }
    }

    @Override
    public void close() {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
            shutdownHook = null;
        }
        if (stateDir != null) {
            try (Stream<Path> files = Files.walk(stateDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory; the system cleans it eventually
            }
            stateDir = null;
        }
    }

    /** Stops the master by its PID and its children (SIGTERM, then SIGKILL after 10 s). */
    private synchronized void stop() {
        if (pid < 0 && stateDir != null) {
            // started but the PID was not read yet: take it from the file the master wrote
            try {
                pid = Long.parseLong(Files.readString(stateDir.resolve("run/master.pid")).trim());
            } catch (IOException | NumberFormatException notStarted) {
                return;
            }
        }
        if (pid < 0) {
            return;
        }
        Optional<ProcessHandle> master = ProcessHandle.of(pid);
        pid = -1;
        if (master.isEmpty()) {
            return;
        }
        // every process told at once: a master told alone waits seconds for its children
        List<ProcessHandle> children = master.get().descendants().toList();
        master.get().destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            master.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            master.get().destroyForcibly();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    private void script(String command) throws Exception {
        Path output = Files.createTempFile("imapmock-bench-dovecot", ".log");
        try {
            Process p = new ProcessBuilder(script.toString(), command, Integer.toString(port), stateDir.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(SCRIPT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new TimeoutException(script + " " + command + " took over " + SCRIPT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(script + " " + command + " failed: " + Files.readString(output).trim());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String tail(Path file, long from) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                StandardCharsets.UTF_8);
    }

    /** N..N+9 in turn when {@code imapmock.dovecotPort} is set, so a stopping instance is never in the way. */
    private static synchronized int choosePort() throws IOException {
        String base = System.getProperty("imapmock.dovecotPort");
        if (base != null) {
            int port = Integer.parseInt(base) + nextPortOffset;
            nextPortOffset = (nextPortOffset + 1) % 10;
            return port;
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
