package dev.imapmock.sandbox;

import dev.imapmock.ImapMockServer;
import dev.imapmock.sandbox.smtp.SmtpServer;
import dev.imapmock.sandbox.smtp.SmtpSettings;

import java.io.PrintStream;

/**
 * A running sandbox: the IMAP server and the listeners its options asked for. Closing it closes them all,
 * the server last.
 */
final class Sandbox implements AutoCloseable {
    private final ImapMockServer server;
    private final SmtpServer smtp;

    private Sandbox(ImapMockServer server, SmtpServer smtp) {
        this.server = server;
        this.smtp = smtp;
    }

    /**
     * Starts the admin API and the SMTP listener the options ask for beside {@code server} and prints
     * their ready lines.
     *
     * @throws IllegalStateException with a one-line reason when a listener can't start; nothing is left
     *                               running, {@code server} included
     */
    static Sandbox start(ImapMockServer server, SandboxOptions options, PrintStream out) {
        SmtpServer smtp = options.smtpPort() < 0 ? null : startSmtp(server, options, out);
        return new Sandbox(server, smtp);
    }

    /** The SMTP listener on the IMAP server's address; closes {@code server} when it can't start. */
    private static SmtpServer startSmtp(ImapMockServer server, SandboxOptions options, PrintStream out) {
        SmtpServer smtp;
        try {
            smtp = SmtpServer.start(server, SmtpSettings.of(server.host(), options.smtpPort())
                    .withCatchAll(options.smtpCatchAll()));
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException(e.getMessage(), e);
        }
        out.println("SMTP server listening on " + smtp.host() + ":" + smtp.port());
        out.flush();
        return smtp;
    }

    ImapMockServer server() {
        return server;
    }

    /** The SMTP listener, or null when none was asked for. */
    SmtpServer smtp() {
        return smtp;
    }

    @Override
    public void close() {
        if (smtp != null) {
            smtp.close();
        }
        server.close();
    }
}
