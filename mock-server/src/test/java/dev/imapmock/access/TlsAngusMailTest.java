package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.tls.KeyAlgorithm;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Angus Mail with production TLS settings, only host, port and trust changed: STARTTLS required,
 * and {@code imaps}. Trust comes from {@code server.tls()}; an untrusted certificate and a host
 * name the certificate does not carry are refused by the client.
 */
@Timeout(30)
class TlsAngusMailTest {
    private static final byte[] MAIL = "From: bob@example.com\r\nSubject: Over TLS\r\n\r\nHello\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private static ImapMockServer.Builder alice() {
        return ImapMockServer.builder().user("alice", "secret");
    }

    private static Properties starttls(ImapMockServer server, String host) {
        Properties props = new Properties();
        props.setProperty("mail.imap.host", host);
        props.setProperty("mail.imap.port", Integer.toString(server.port()));
        props.setProperty("mail.imap.starttls.enable", "true");
        props.setProperty("mail.imap.starttls.required", "true");
        props.setProperty("mail.imap.ssl.checkserveridentity", "true");
        props.setProperty("mail.imap.connectiontimeout", "5000");
        props.setProperty("mail.imap.timeout", "5000");
        return props;
    }

    private static Properties imaps(ImapMockServer server, String host) {
        Properties props = new Properties();
        props.setProperty("mail.imaps.host", host);
        props.setProperty("mail.imaps.port", Integer.toString(server.tlsPort()));
        props.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        props.setProperty("mail.imaps.connectiontimeout", "5000");
        props.setProperty("mail.imaps.timeout", "5000");
        return props;
    }

    private static String firstSubject(Store store) throws MessagingException {
        store.connect("alice", "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            String subject = inbox.getMessage(1).getSubject();
            inbox.close(false);
            return subject;
        } finally {
            store.close();
        }
    }

    @Test
    void starttlsRequiredReadsMailOverTlsAndLogsInOnlyAfterIt() throws Exception {
        try (ImapMockServer server = alice().tls().requireTls().build().start()) {
            server.deliver("alice", "INBOX", MAIL);
            // --- tls: angus-starttls
            Properties props = new Properties();
            props.setProperty("mail.imap.host", server.host());
            props.setProperty("mail.imap.port", Integer.toString(server.port()));
            props.setProperty("mail.imap.starttls.enable", "true");
            props.setProperty("mail.imap.starttls.required", "true");
            props.setProperty("mail.imap.ssl.checkserveridentity", "true");
            props.put("mail.imap.ssl.socketFactory", server.tls().clientSslContext().getSocketFactory());
            Store store = Session.getInstance(props).getStore("imap");
            // --- tls: end
            assertThat(firstSubject(store)).isEqualTo("Over TLS");
            assertThat(server.journal().commands()).extracting(ReceivedCommand::name)
                    .containsSubsequence("STARTTLS", "CAPABILITY", "AUTHENTICATE", "EXAMINE", "FETCH");
            assertThat(server.journal().commands()).extracting(ReceivedCommand::name)
                    .startsWith("STARTTLS").doesNotContain("LOGIN");
        }
    }

    @Test
    void starttlsRequiredFailsAgainstAServerWithoutTls() {
        try (ImapMockServer server = alice().build().start()) {
            Properties props = starttls(server, server.host());
            assertThatThrownBy(() -> firstSubject(Session.getInstance(props).getStore("imap")))
                    .isInstanceOf(MessagingException.class)
                    .hasMessageContaining("STARTTLS required but not supported by server");
            assertThat(server.journal().commands()).extracting(ReceivedCommand::name)
                    .doesNotContain("LOGIN", "AUTHENTICATE");
        }
    }

    @Test
    void aClientWithoutStarttlsDoesNotEvenTryToLogInWhenTheServerSaysLogindisabled() {
        try (ImapMockServer server = alice().tls().requireTls().build().start()) {
            Properties props = new Properties();
            props.setProperty("mail.imap.host", server.host());
            props.setProperty("mail.imap.port", Integer.toString(server.port()));
            assertThatThrownBy(() -> firstSubject(Session.getInstance(props).getStore("imap")))
                    .isInstanceOf(MessagingException.class).hasMessage("No login methods supported!");
            assertThat(server.journal().commands()).isEmpty();   // the greeting's capabilities sufficed
        }
    }

    @Test
    void imapsReadsMail() throws Exception {
        try (ImapMockServer server = alice().tlsPort(0).build().start()) {
            server.deliver("alice", "INBOX", MAIL);
            // --- tls: angus-imaps
            Properties props = new Properties();
            props.setProperty("mail.imaps.host", server.host());
            props.setProperty("mail.imaps.port", Integer.toString(server.tlsPort()));
            props.setProperty("mail.imaps.ssl.checkserveridentity", "true");
            props.put("mail.imaps.ssl.socketFactory", server.tls().clientSslContext().getSocketFactory());
            Store store = Session.getInstance(props).getStore("imaps");
            // --- tls: end
            assertThat(firstSubject(store)).isEqualTo("Over TLS");
            assertThat(server.journal().commands()).extracting(ReceivedCommand::name).doesNotContain("STARTTLS")
                    .contains("AUTHENTICATE", "EXAMINE");
        }
    }

    @Test
    void imapsWithAnRsaCertificateNegotiatesAnRsaSignedHandshake() throws Exception {
        try (ImapMockServer server = alice().tlsPort(0).tlsKeyAlgorithm(KeyAlgorithm.RSA).build().start()) {
            server.deliver("alice", "INBOX", MAIL);
            assertThat(server.tls().certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
            // The client sees the RSA certificate, hostname checked, through a factory that records the session.
            // The JDK tells handshake listeners on a thread of its own, so the test waits for the first one.
            java.util.concurrent.CompletableFuture<javax.net.ssl.SSLSession> first = new java.util.concurrent.CompletableFuture<>();
            javax.net.ssl.SSLSocketFactory base = server.tls().clientSslContext().getSocketFactory();
            Properties props = imaps(server, "localhost");
            props.put("mail.imaps.ssl.socketFactory", new RecordingFactory(base, first));
            assertThat(firstSubject(Session.getInstance(props).getStore("imaps"))).isEqualTo("Over TLS");
            javax.net.ssl.SSLSession session = first.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(session.getPeerCertificates()[0]).isEqualTo(server.tls().certificate());
            assertThat(session.getPeerCertificates()[0].getPublicKey().getAlgorithm()).isEqualTo("RSA");
        }
    }

    /** Hands out the base factory's sockets and notes each one's session once its handshake is done. */
    private static final class RecordingFactory extends javax.net.ssl.SSLSocketFactory {
        private final javax.net.ssl.SSLSocketFactory base;
        private final java.util.concurrent.CompletableFuture<javax.net.ssl.SSLSession> first;

        RecordingFactory(javax.net.ssl.SSLSocketFactory base,
                         java.util.concurrent.CompletableFuture<javax.net.ssl.SSLSession> first) {
            this.base = base;
            this.first = first;
        }

        private java.net.Socket record(java.net.Socket socket) {
            ((javax.net.ssl.SSLSocket) socket).addHandshakeCompletedListener(e -> first.complete(e.getSession()));
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return base.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return base.getSupportedCipherSuites();
        }

        @Override
        public java.net.Socket createSocket() throws IOException {
            return record(base.createSocket());
        }

        @Override
        public java.net.Socket createSocket(java.net.Socket s, String host, int port, boolean autoClose) throws IOException {
            return record(base.createSocket(s, host, port, autoClose));
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws IOException {
            return record(base.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws IOException {
            return record(base.createSocket(host, port, local, localPort));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
            return record(base.createSocket(host, port));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress local,
                                            int localPort) throws IOException {
            return record(base.createSocket(address, port, local, localPort));
        }
    }

    @Test
    void imapsOverIpv6Loopback() throws Exception {
        assumeTrue(canBind("::1"), "no IPv6 loopback here; skipped");
        try (ImapMockServer server = alice().host("::1").tlsPort(0).build().start()) {
            server.deliver("alice", "INBOX", MAIL);
            Properties props = imaps(server, "::1");
            props.put("mail.imaps.ssl.socketFactory", server.tls().clientSslContext().getSocketFactory());
            assertThat(firstSubject(Session.getInstance(props).getStore("imaps"))).isEqualTo("Over TLS");
        }
    }

    @Test
    void imapsByNameLocalhost() throws Exception {
        try (ImapMockServer server = alice().host("localhost").tlsPort(0).build().start()) {
            server.deliver("alice", "INBOX", MAIL);
            Properties props = imaps(server, "localhost");
            props.put("mail.imaps.ssl.socketFactory", server.tls().clientSslContext().getSocketFactory());
            assertThat(firstSubject(Session.getInstance(props).getStore("imaps"))).isEqualTo("Over TLS");
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedOverImapsAndStarttls() {
        try (ImapMockServer server = alice().tls().tlsPort(0).build().start()) {
            // The JDK's own trust store: the generated certificate is in none.
            assertThatThrownBy(() -> firstSubject(Session.getInstance(imaps(server, server.host())).getStore("imaps")))
                    .isInstanceOf(MessagingException.class)
                    .hasRootCauseInstanceOf(sun_security_provider_certpath_SunCertPathBuilderException());
            assertThatThrownBy(() -> firstSubject(Session.getInstance(starttls(server, server.host())).getStore("imap")))
                    .isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(SSLHandshakeException.class::isInstance));
            assertThat(server.journal().commands()).extracting(ReceivedCommand::name)
                    .doesNotContain("LOGIN", "AUTHENTICATE");
        }
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefusedWhenTheClientChecksIt() throws Exception {
        assumeTrue(canBind("127.0.0.2"), "127.0.0.2 is not a loopback address here; skipped");
        try (ImapMockServer server = alice().host("127.0.0.2").tls().tlsPort(0).build().start()) {
            Properties props = imaps(server, "127.0.0.2");
            props.put("mail.imaps.ssl.socketFactory", server.tls().clientSslContext().getSocketFactory());
            // Else Angus tries again with the JDK's default factory, and reports that failure instead.
            props.setProperty("mail.imaps.socketFactory.fallback", "false");
            assertThatThrownBy(() -> firstSubject(Session.getInstance(props).getStore("imaps")))
                    .isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(t -> String.valueOf(t.getMessage())
                            .equals("No subject alternative names matching IP address 127.0.0.2 found")));
            Properties viaStarttls = starttls(server, "127.0.0.2");
            viaStarttls.put("mail.imap.ssl.socketFactory", server.tls().clientSslContext().getSocketFactory());
            assertThatThrownBy(() -> firstSubject(Session.getInstance(viaStarttls).getStore("imap")))
                    .isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(t -> String.valueOf(t.getMessage())
                            .equals("No subject alternative names matching IP address 127.0.0.2 found")));
            assertThat(server.journal().commands()).extracting(ReceivedCommand::name)
                    .doesNotContain("LOGIN", "AUTHENTICATE");

            // The same server, the same trust: only the identity check made the difference.
            Properties unchecked = imaps(server, "127.0.0.2");
            unchecked.setProperty("mail.imaps.ssl.checkserveridentity", "false");
            unchecked.put("mail.imaps.ssl.socketFactory", server.tls().clientSslContext().getSocketFactory());
            server.deliver("alice", "INBOX", MAIL);
            assertThat(firstSubject(Session.getInstance(unchecked).getStore("imaps"))).isEqualTo("Over TLS");
        }
    }

    private static boolean canBind(String address) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static java.util.List<Throwable> causes(Throwable t) {
        java.util.List<Throwable> list = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && !list.contains(c); c = c.getCause()) {
            list.add(c);
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable> sun_security_provider_certpath_SunCertPathBuilderException() {
        try {
            return (Class<? extends Throwable>) Class.forName("sun.security.provider.certpath.SunCertPathBuilderException");
        } catch (ClassNotFoundException e) {
            return java.security.cert.CertPathBuilderException.class;
        }
    }
}
