package dev.imapmock.cli;

import dev.imapmock.testing.RawClient;
import dev.imapmock.tls.CertificateGenerator;
import dev.imapmock.tls.TlsIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's TLS flags: --tls, --tls-port, --require-tls, --tls-cert-out, --keystore. */
@Timeout(30)
class TlsOptionsTest {
    private static final Pattern IMAP = Pattern.compile("IMAP server listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern IMAPS = Pattern.compile("IMAPS server listening on 127\\.0\\.0\\.1:(\\d+)");

    /** A launcher on its own thread, its output line by line; {@link #close()} stops it. */
    static final class Running implements AutoCloseable {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> all = new ArrayList<>();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AtomicInteger status = new AtomicInteger(-1);
        final Thread thread;

        Running(Function<String, String> env, String... args) {
            OutputStream out = new OutputStream() {
                private final ByteArrayOutputStream line = new ByteArrayOutputStream();

                @Override
                public synchronized void write(int b) {
                    if (b == '\n') {
                        String text = line.toString(StandardCharsets.UTF_8).replace("\r", "");
                        synchronized (all) {
                            all.add(text);
                        }
                        lines.add(text);
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            };
            thread = new Thread(() -> status.set(Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), env)), "tls-options-launcher");
            thread.start();
        }

        /** The port of the first line matching {@code ready}. */
        int await(Pattern ready) throws InterruptedException {
            while (true) {
                String line = lines.poll(20, TimeUnit.SECONDS);
                assertThat(line).as("a line matching %s; on err: %s", ready, err).isNotNull();
                Matcher m = ready.matcher(line);
                if (m.matches()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }

        /** Stops the launcher and returns everything it printed. */
        List<String> stop() throws InterruptedException {
            thread.interrupt();
            thread.join(20_000);
            assertThat(thread.isAlive()).as("launcher still running").isFalse();
            synchronized (all) {
                return List.copyOf(all);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }

    private record Result(int status, String out, String err) {
    }

    private static Result runToEnd(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result runToEnd(String... args) {
        return runToEnd(Map.of(), args);
    }

    private static List<X509Certificate> readPem(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> list = new ArrayList<>();
            certificates.forEach(c -> list.add((X509Certificate) c));
            return list;
        }
    }

    /** What a client outside the server's JVM does with the PEM: trust exactly what it holds. */
    private static SSLContext trusting(List<X509Certificate> certificates) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("c" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    @Test
    void everyTlsFlagTogetherPrintsBothReadyLinesAfterTheCertificateIsWritten(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("server.pem");
        try (Running r = new Running(System::getenv, "--port", "0", "--user", "alice:secret", "--tls", "--tls-port", "0",
                "--require-tls", "--tls-cert-out", pem.toString())) {
            int port = r.await(IMAP);
            int tlsPort = r.await(IMAPS);
            assertThat(tlsPort).isNotEqualTo(port);
            List<X509Certificate> chain = readPem(pem);
            assertThat(chain).hasSize(1);
            List<List<?>> names = new ArrayList<>();
            chain.get(0).getSubjectAlternativeNames().forEach(n -> names.add(List.copyOf(n)));
            assertThat(names).containsExactly(List.of(2, "localhost"), List.of(7, "127.0.0.1"),
                    List.of(7, "0:0:0:0:0:0:0:1"));
            SSLContext trust = trusting(chain);
            try (RawClient c = RawClient.tls("127.0.0.1", tlsPort, trust)) {
                assertThat(c.readLine()).startsWith("* OK [CAPABILITY ").endsWith(" AUTH=PLAIN AUTH=LOGIN] ImapMock ready.");
                assertThat(c.command("a1", "LOGIN alice secret")).last().asString().startsWith("a1 OK ");
            }
            try (RawClient c = new RawClient("127.0.0.1", port)) {
                assertThat(c.readLine()).endsWith(" STARTTLS LOGINDISABLED] ImapMock ready.");
                assertThat(c.command("a1", "LOGIN alice secret")).last().asString()
                        .startsWith("a1 NO [PRIVACYREQUIRED] ");
                assertThat(c.command("a2", "STARTTLS")).containsExactly("a2 OK Begin TLS negotiation now.");
                c.startTls(trust);
                assertThat(c.command("a3", "LOGIN alice secret")).last().asString().startsWith("a3 OK ");
            }
            List<String> printed = r.stop();
            assertThat(printed).filteredOn(l -> l.contains("listening on")).hasSize(2);
        }
    }

    @Test
    void starttlsAlonePrintsNoImapsLine() throws Exception {
        Running r = new Running(System::getenv, "--port", "0", "--user", "alice:secret", "--tls");
        int port = r.await(IMAP);
        try (RawClient c = new RawClient("127.0.0.1", port)) {
            assertThat(c.readLine()).endsWith(" STARTTLS AUTH=PLAIN AUTH=LOGIN] ImapMock ready.");
        }
        assertThat(r.stop()).noneMatch(l -> l.startsWith("IMAPS")).anyMatch(l -> IMAP.matcher(l).matches());
        assertThat(r.status.get()).isZero();
    }

    @Test
    void aUserKeystoreIsPresentedAndItsPasswordComesFromTheEnvironmentOnly(@TempDir Path dir) throws Exception {
        CertificateGenerator.Generated generated = CertificateGenerator.generate(TlsIdentity.localhostSpec(
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1))));
        String password = "s3cret-Keystore-Pass";
        Path keystore = dir.resolve("server.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", generated.keyPair().getPrivate(), password.toCharArray(),
                new Certificate[] {generated.certificate()});
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, password.toCharArray());
        }
        Path pem = dir.resolve("out.pem");
        Map<String, String> env = Map.of("IMAPMOCK_KS_PASSWORD", password);
        try (Running r = new Running(env::get, "--port", "0", "--user", "alice:secret", "--tls-port", "0",
                "--keystore", keystore.toString(), "--keystore-password-env", "IMAPMOCK_KS_PASSWORD",
                "--tls-cert-out", pem.toString())) {
            int tlsPort = r.await(IMAPS);
            assertThat(readPem(pem)).containsExactly(generated.certificate());
            try (RawClient c = RawClient.tls("127.0.0.1", tlsPort, trusting(List.of(generated.certificate())))) {
                assertThat(c.readLine()).startsWith("* OK ");
                assertThat(c.tlsSession().getPeerCertificates()[0]).isEqualTo(generated.certificate());
            }
            assertThat(String.join("\n", r.stop()) + r.err).doesNotContain(password);
        }

        Result wrong = runToEnd(Map.of("IMAPMOCK_KS_PASSWORD", "not-the-" + password), "--port", "0", "--tls",
                "--keystore", keystore.toString(), "--keystore-password-env", "IMAPMOCK_KS_PASSWORD");
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("imapmock: Can't read the keystore " + keystore + " as PKCS#12: ")
                .doesNotContain(password);
        Result unset = runToEnd("--port", "0", "--tls", "--keystore", keystore.toString(),
                "--keystore-password-env", "IMAPMOCK_KS_UNSET");
        assertThat(unset.status()).isEqualTo(1);
        assertThat(unset.err()).isEqualTo("imapmock: --keystore-password-env: the environment variable"
                + " IMAPMOCK_KS_UNSET is not set" + System.lineSeparator());
    }

    @Test
    void tlsFlagsWithoutTlsAndIncompleteKeystoreFlagsAreCommandLineErrors() {
        String nl = System.lineSeparator();
        assertThat(runToEnd("--require-tls")).isEqualTo(new Result(2, "",
                "imapmock: --require-tls needs --tls or --tls-port (see --help)" + nl));
        assertThat(runToEnd("--tls-cert-out", "x.pem").err())
                .isEqualTo("imapmock: --tls-cert-out needs --tls or --tls-port (see --help)" + nl);
        assertThat(runToEnd("--keystore", "x.p12", "--keystore-password-env", "V").err())
                .isEqualTo("imapmock: --keystore needs --tls or --tls-port (see --help)" + nl);
        assertThat(runToEnd("--tls", "--keystore", "x.p12").err()).isEqualTo("imapmock: --keystore needs"
                + " --keystore-password-env VAR, the environment variable holding its password (see --help)" + nl);
        assertThat(runToEnd("--tls", "--keystore-password-env", "V").err())
                .isEqualTo("imapmock: --keystore-password-env needs --keystore (see --help)" + nl);
        assertThat(runToEnd("--tls-port", "imaps").err())
                .isEqualTo("imapmock: --tls-port needs a number from 0 to 65535, not imaps (see --help)" + nl);
        assertThat(runToEnd("--tls-port").status()).isEqualTo(2);
    }

    @Test
    void helpListsTheTlsFlags() {
        assertThat(runToEnd("--help").out()).contains("--tls ", "--tls-port PORT", "--require-tls",
                "--tls-cert-out FILE", "--keystore FILE", "--keystore-password-env VAR", "IMAPS server listening on");
    }
}
