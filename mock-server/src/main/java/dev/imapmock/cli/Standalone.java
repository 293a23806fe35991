package dev.imapmock.cli;

import dev.imapmock.ImapMockServer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Function;

/**
 * The standalone launcher's command line, for launchers that wrap it (the sandbox adds its admin and
 * SMTP flags in front of these). {@link #parse} reads the options of {@code --help}; {@link #start}
 * builds and starts the server they describe and prints the ready lines.
 */
public final class Standalone {
    private final Options options;

    private Standalone(Options options) {
        this.options = options;
    }

    /**
     * Parses the standalone options.
     *
     * @throws IllegalArgumentException with a one-line reason for the user when an option is unknown or
     *                                  malformed
     * @param args the command-line arguments, {@code snapshot} not among them
     * @return the launcher, not started
     */
    public static Standalone parse(String... args) {
        return new Standalone(Options.parse(args));
    }

    /**
     * The options' help text, one option a line group, ending with a newline.
     *
     * @return the help text
     */
    public static String help() {
        return Options.HELP;
    }

    /**
     * True when the arguments asked for {@code --help}; nothing else was read then.
     *
     * @return true for {@code --help}
     */
    public boolean helpRequested() {
        return options.help();
    }

    /**
     * Builds and starts the server, writes its certificate where {@code --tls-cert-out} says, and prints
     * {@code IMAP server listening on HOST:PORT} (and the IMAPS line with {@code --tls-port}) to {@code out}.
     * {@code env} reads the environment (the keystore's password comes from there).
     *
     * @throws IllegalStateException with a one-line reason when the server can't start; nothing is left running
     * @param out where the ready lines go
     * @param env reads an environment variable by name, giving null when it is not set
     * @return the started server; the caller closes it
     */
    public ImapMockServer start(PrintStream out, Function<String, String> env) {
        ImapMockServer server;
        try {
            server = Launcher.build(options, out, env).start();
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (options.tlsCertOut() != null) {
            try {
                Files.writeString(options.tlsCertOut(), server.tls().certificatePem(), StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
                server.close();
                throw new IllegalStateException("can't write the certificate to " + options.tlsCertOut() + ": "
                        + e.getMessage(), e);
            }
        }
        out.println("IMAP server listening on " + server.host() + ":" + server.port());
        if (options.tlsPort() >= 0) {
            out.println("IMAPS server listening on " + server.host() + ":" + server.tlsPort());
        }
        out.flush();
        return server;
    }
}
