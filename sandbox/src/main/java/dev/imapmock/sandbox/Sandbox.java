package dev.imapmock.sandbox;

import dev.imapmock.ImapMockServer;
import dev.imapmock.sandbox.admin.AdminServer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A running sandbox: the IMAP server and the listeners its options asked for. Closing it closes them all,
 * the server last.
 */
final class Sandbox implements AutoCloseable {
    private final ImapMockServer server;
    /** The listeners beside the IMAP server, in the order started; closed in reverse. */
    private final List<AutoCloseable> listeners;
    private final AdminServer admin;

    private Sandbox(ImapMockServer server, List<AutoCloseable> listeners, AdminServer admin) {
        this.server = server;
        this.listeners = listeners;
        this.admin = admin;
    }

    /**
     * Starts the admin API and the SMTP listener the options ask for beside {@code server} and prints
     * their ready lines.
     *
     * @throws IllegalStateException with a one-line reason when a listener can't start; nothing is left
     *                               running, {@code server} included
     */
    static Sandbox start(ImapMockServer server, SandboxOptions options, PrintStream out) {
        List<AutoCloseable> listeners = new ArrayList<>();
        AdminServer admin = null;
        try {
            if (options.adminPort() >= 0) {
                // The last argument tells GET /api/server where SMTP listens: null while there is no listener.
                admin = AdminServer.start(server, options.adminHost(), options.adminPort(), options.adminToken(),
                        () -> null);
                listeners.add(admin);
                out.println("Admin UI at " + admin.url());
            }
        } catch (RuntimeException e) {
            closeAll(listeners);
            server.close();
            throw e instanceof IllegalStateException ise ? ise : new IllegalStateException(e.getMessage(), e);
        }
        out.flush();
        return new Sandbox(server, listeners, admin);
    }

    ImapMockServer server() {
        return server;
    }

    /** The admin API, or null when it was not asked for. */
    AdminServer admin() {
        return admin;
    }

    @Override
    public void close() {
        closeAll(listeners);
        server.close();
    }

    private static void closeAll(List<AutoCloseable> listeners) {
        for (int i = listeners.size() - 1; i >= 0; i--) {
            try {
                listeners.get(i).close();
            } catch (Exception e) {
                // Closing the rest matters more than one listener's failure to close.
            }
        }
        listeners.clear();
    }
}
