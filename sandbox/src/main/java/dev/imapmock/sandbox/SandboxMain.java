package dev.imapmock.sandbox;

import dev.imapmock.ImapMockServer;
import dev.imapmock.cli.Standalone;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The sandbox launcher: {@code java -jar imapmock-sandbox-<version>-standalone.jar [options]}. Takes every
 * option of the standalone server and the sandbox's own ({@link SandboxOptions}); prints the server's ready
 * lines, then {@code Admin UI at http://HOST:PORT/} and {@code SMTP server listening on HOST:PORT} for the
 * listeners asked for, and stops cleanly on SIGINT or SIGTERM.
 */
public final class SandboxMain {
    private SandboxMain() {
    }

    /**
     * Starts the sandbox and blocks until SIGINT or SIGTERM; exits with status 1 when something can't
     * start and 2, with a one-line reason, on a bad command line.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int status = run(args, System.out, System.err, System::getenv);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Starts everything and blocks until the JVM is asked to stop or the calling thread is interrupted;
     * everything is closed either way. Returns the exit status: 0, 1 when something can't start, 2 for a
     * bad command line.
     */
    static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> env) {
        SandboxOptions options;
        Standalone standalone;
        try {
            options = SandboxOptions.parse(args);
            standalone = Standalone.parse(options.serverArgs());
        } catch (IllegalArgumentException e) {
            err.println("imapmock-sandbox: " + e.getMessage() + " (see --help)");
            return 2;
        }
        if (standalone.helpRequested()) {
            out.print(SandboxOptions.HELP);
            out.print(Standalone.help());
            return 0;
        }
        Sandbox sandbox;
        try {
            ImapMockServer server = standalone.start(out, env);
            sandbox = Sandbox.start(server, options, out);
        } catch (IllegalStateException e) {
            err.println("imapmock-sandbox: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "imapmock-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sandbox.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is stopping; the hook closes the sandbox again, which does nothing.
            }
        }
        return 0;
    }
}
