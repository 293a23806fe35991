package dev.imapmock.bench;

import dev.imapmock.ImapMockServer;
import jakarta.mail.Session;
import jakarta.mail.Store;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What TLS costs a test, ImapMock only: a server start and an Angus Mail {@code Store.connect}
 * in clear and over imaps; one connection's handshake, resumed and full; and streaming
 * {@code FETCH 1:* BODY.PEEK[]} in clear and over TLS. The certificate is the JVM's shared one,
 * made before the first sample, as in a test suite after its first TLS test.
 */
final class TlsWorkloads {
    /** A workload: measured by the caller, which records its samples under {@code name}. */
    interface Sink {
        void measure(String name, Bench.Sample sample) throws Exception;
    }

    private TlsWorkloads() {
    }

    static void run(Sink sink, List<byte[]> mail) throws Exception {
        sink.measure("start + Angus Store.connect + close, clear, warm (ms)", () -> angus(false));
        sink.measure("start + Angus Store.connect over imaps + close, warm (ms)", () -> angus(true));
        try (ImapMockServer server = ImapMockServer.builder().user(Target.USER, Target.PASSWORD).tlsPort(0).build()
                .start()) {
            SSLSocketFactory shared = server.tls().clientSslContext().getSocketFactory();
            sink.measure("one connection: connect + LOGIN + LOGOUT, clear (ms)", () -> {
                long t = System.nanoTime();
                try (RawImap c = RawImap.login(server.port(), Target.USER, Target.PASSWORD)) {
                    c.command("LOGOUT");
                }
                return millisSince(t);
            });
            sink.measure("one connection: connect + TLS handshake + LOGIN + LOGOUT, client context reused (ms)", () -> {
                long t = System.nanoTime();
                try (RawImap c = new RawImap(server.tlsPort(), 120_000, shared)) {
                    c.command("LOGIN " + Target.USER + " " + Target.PASSWORD);
                    c.command("LOGOUT");
                }
                return millisSince(t);
            });
            sink.measure("one connection: connect + full TLS handshake + LOGIN + LOGOUT, new client context (ms)", () -> {
                long t = System.nanoTime();
                SSLContext fresh = SSLContext.getInstance("TLS");
                fresh.init(null, new TrustManager[] {server.tls().trustManager()}, null);
                try (RawImap c = new RawImap(server.tlsPort(), 120_000, fresh.getSocketFactory())) {
                    c.command("LOGIN " + Target.USER + " " + Target.PASSWORD);
                    c.command("LOGOUT");
                }
                return millisSince(t);
            });
        }
        try (ImapMockServer server = ImapMockServer.builder().user(Target.USER, Target.PASSWORD).tlsPort(0).build()
                .start()) {
            for (byte[] m : mail) {
                server.deliver(Target.USER, "INBOX", m);
            }
            String size = String.format(Locale.ROOT, " at %,d", mail.size());
            try (RawImap clear = RawImap.login(server.port(), Target.USER, Target.PASSWORD);
                 RawImap tls = new RawImap(server.tlsPort(), 120_000, server.tls().clientSslContext().getSocketFactory())) {
                tls.command("LOGIN " + Target.USER + " " + Target.PASSWORD);
                clear.command("SELECT INBOX");
                tls.command("SELECT INBOX");
                sink.measure("FETCH 1:* BODY.PEEK[]" + size + ", clear, same server (MB/s)", () -> rate(clear));
                sink.measure("FETCH 1:* BODY.PEEK[]" + size + " over TLS (MB/s)", () -> rate(tls));
            }
        }
    }

    private static double rate(RawImap client) throws Exception {
        long t = System.nanoTime();
        long bytes = client.command("FETCH 1:* BODY.PEEK[]");
        return bytes / 1e6 / ((System.nanoTime() - t) / 1e9);
    }

    /** A server start, an Angus Mail connect (greeting, CAPABILITY, AUTHENTICATE), close both. */
    private static double angus(boolean imaps) throws Exception {
        long t = System.nanoTime();
        ImapMockServer.Builder builder = ImapMockServer.builder().user(Target.USER, Target.PASSWORD);
        try (ImapMockServer server = (imaps ? builder.tlsPort(0) : builder).build().start()) {
            String protocol = imaps ? "imaps" : "imap";
            Properties props = new Properties();
            props.setProperty("mail." + protocol + ".host", server.host());
            props.setProperty("mail." + protocol + ".port", Integer.toString(imaps ? server.tlsPort() : server.port()));
            if (imaps) {
                props.put("mail.imaps.ssl.socketFactory", server.tls().clientSslContext().getSocketFactory());
            }
            Store store = Session.getInstance(props).getStore(protocol);
            store.connect(Target.USER, Target.PASSWORD);
            store.close();
        }
        return millisSince(t);
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
