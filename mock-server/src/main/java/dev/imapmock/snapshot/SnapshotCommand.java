package dev.imapmock.snapshot;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.Collection;
import java.util.function.Function;

/**
 * {@code java -jar imapmock-server-<version>-standalone.jar snapshot ...}: copies mailboxes of a real
 * account into a fixture tree (docs/snapshot.md). The password or token comes from the environment
 * only and is never printed.
 */
public final class SnapshotCommand {
    /** The report {@code --anonymize} writes at the top of the tree. */
    public static final String REPORT = "ANONYMIZED.txt";

    private SnapshotCommand() {
    }

    /**
     * Runs a snapshot; the arguments are those after {@code snapshot}.
     *
     * @param env      reads the environment (the secret comes from there)
     * @param terminal whether {@code err} is a terminal, for progress
     * @return the exit status: 0 done, 1 the snapshot failed (nothing was written), 2 a bad command line
     * @param args the arguments
     * @param out where the summary goes
     * @param err where progress and errors go
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> env,
                          boolean terminal) {
        SnapshotOptions options;
        try {
            options = SnapshotOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("imapmock: " + e.getMessage() + " (see snapshot --help)");
            return 2;
        }
        if (options.help()) {
            out.print(SnapshotOptions.HELP);
            return 0;
        }
        String variable = options.passwordEnv() != null ? options.passwordEnv() : options.tokenEnv();
        String secret = env.apply(variable);
        if (secret == null || secret.isEmpty()) {
            err.println("imapmock: snapshot: the environment variable " + variable + " is not set or empty");
            return 2;
        }
        SSLContext tls;
        try {
            tls = options.tls() ? trust(options) : null;
        } catch (IOException | GeneralSecurityException e) {
            err.println("imapmock: snapshot: can't read --cafile " + options.caFile() + ": " + e.getMessage());
            return 2;
        }
        Progress progress = new Progress(err, options.progress() || terminal, terminal, Clock.systemUTC());
        Anonymizer anonymizer = options.anonymize() == null ? null : new Anonymizer(options.anonymize());
        try (FixtureTree tree = FixtureTree.create(options.out())) {
            Snapshotter snapshotter;
            try (ImapClient client = connect(options, tls, secret)) {
                snapshotter = new Snapshotter(client, options, progress, anonymizer, err);
                snapshotter.run(tree);
            }
            if (anonymizer != null) {
                tree.topFile(REPORT, anonymizer.report());
            }
            tree.commit();
            out.println("Snapshot of " + options.user() + "@" + options.host() + ": " + snapshotter.mailboxCount()
                    + " mailboxes, " + snapshotter.messageCount() + " messages (" + Progress.size(snapshotter.octets())
                    + ") written to " + options.out() + (anonymizer != null ? ", anonymized (see " + REPORT + ")" : ""));
            return 0;
        } catch (SnapshotException e) {
            err.println();
            err.println("imapmock: snapshot failed: " + e.getMessage() + "; nothing was written to " + options.out());
            return 1;
        } catch (IOException e) {
            err.println("imapmock: snapshot failed: " + e.getMessage() + "; nothing was written to " + options.out());
            return 1;
        }
    }

    private static ImapClient connect(SnapshotOptions options, SSLContext tls, String secret) throws SnapshotException {
        String where = options.host() + ":" + options.port();
        ImapClient client;
        try {
            client = ImapClient.connect(options.host(), options.port(), tls, options.implicitTls());
        } catch (IOException e) {
            throw new SnapshotException("can't connect to " + where + ": " + e.getMessage(), e);
        }
        try {
            if (!client.preauthenticated()) {
                if (options.passwordEnv() != null) {
                    client.loginWithPassword(options.user(), secret);
                } else {
                    client.loginWithToken(options.user(), secret);
                }
            }
            return client;
        } catch (IOException e) {
            client.close();
            throw new SnapshotException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The trust to check the server against: the certificates of {@code --cafile} (as curl's
     * {@code --cacert}: those only), else the JDK's default trust store. There is deliberately no
     * way to trust any certificate: a snapshot carries a real account's mail and credentials.
     */
    private static SSLContext trust(SnapshotOptions options) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        if (options.caFile() == null) {
            context.init(null, null, null);
            return context;
        }
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(options.caFile())) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate in it");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int n = 0;
        for (Certificate c : certificates) {
            store.setCertificateEntry("ca-" + n++, c);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
