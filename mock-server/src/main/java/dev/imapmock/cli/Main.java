package dev.imapmock.cli;

import dev.imapmock.ImapMockServer;
import dev.imapmock.snapshot.SnapshotCommand;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The standalone launcher: {@code java -jar imapmock-server-<version>-standalone.jar [options]}.
 * Prints exactly one line {@code IMAP server listening on HOST:PORT} when ready, followed by
 * {@code IMAPS server listening on HOST:PORT} with implicit TLS, and stops cleanly on SIGINT or
 * SIGTERM. {@code snapshot ...} copies a real account into a fixture tree instead (docs/snapshot.md).
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the standalone server, or {@code snapshot}, until the JVM stops; exits with 2 for bad options and
     * 1 when the server cannot start.
     *
     * @param args the command-line arguments, as {@code --help} lists them
     */
    public static void main(String[] args) {
        // The standalone jar logs through slf4j-simple: warnings and errors unless the user asks for more.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Starts the server and blocks until the JVM is asked to stop or the calling thread is
     * interrupted; the server is closed either way. Returns the exit status.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System::getenv);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, reading the environment through {@code env}. */
    static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> env) {
        if (args.length > 0 && args[0].equals("snapshot")) {
            return SnapshotCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err, env,
                    err == System.err && System.console() != null);
        }
        Standalone standalone;
        try {
            standalone = Standalone.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("imapmock: " + e.getMessage() + " (see --help)");
            return 2;
        }
        if (standalone.helpRequested()) {
            out.print(Standalone.help());
            return 0;
        }
        ImapMockServer server;
        try {
            server = standalone.start(out, env);
        } catch (IllegalStateException e) {
            err.println("imapmock: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean summarized = new AtomicBoolean();
        // Closes the server and prints what the client checks found over its life
        // (docs/client-checks.md); once, whether a signal or an interrupt stops it, or both.
        Runnable stop = () -> {
            server.close();
            if (summarized.compareAndSet(false, true)) {
                out.println(server.clientReport().summary());
                out.flush();
            }
        };
        Thread hook = new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "imapmock-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped by the embedding code rather than by a signal: leave nothing running behind.
            Thread.currentThread().interrupt();
            stop.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is stopping; the hook closes the server again, which does nothing.
            }
        }
        return 0;
    }
}
