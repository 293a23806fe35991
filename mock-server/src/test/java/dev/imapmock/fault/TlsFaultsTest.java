package dev.imapmock.fault;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.RawClient;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLHandshakeException;
import java.io.File;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Fault rules on the TLS handshake: it fails with an alert or a reset, or presents a certificate
 * that expired, is for another host, or nobody trusts, so a test proves the application refuses it.
 */
@Timeout(30)
class TlsFaultsTest {

    private static ImapMockServer tlsServer() {
        return ImapMockServer.builder().user("alice", "secret").tls().tlsPort(0).build().start();
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> list = new ArrayList<>();
        for (Throwable c = t; c != null && !list.contains(c); c = c.getCause()) {
            list.add(c);
        }
        return list;
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        causes(t).forEach(c -> sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append('\n'));
        return sb.toString();
    }

    private static Properties imaps(ImapMockServer server, boolean checkIdentity) {
        Properties props = new Properties();
        props.setProperty("mail.imaps.host", server.host());
        props.setProperty("mail.imaps.port", Integer.toString(server.tlsPort()));
        props.setProperty("mail.imaps.ssl.checkserveridentity", Boolean.toString(checkIdentity));
        props.setProperty("mail.imaps.socketFactory.fallback", "false");
        props.put("mail.imaps.ssl.socketFactory", server.tls().clientSslContext().getSocketFactory());
        return props;
    }

    private static void connect(Properties props) throws MessagingException {
        Store store = Session.getInstance(props).getStore("imaps");
        store.connect("alice", "secret");
        store.close();
    }

    @Test
    void aHandshakeAlertOnTheImplicitTlsPortFailsTheClientsHandshake() {
        try (ImapMockServer server = tlsServer()) {
            FaultRule rule = server.faults().onHandshake().once().tlsAlert();
            assertThatThrownBy(() -> RawClient.tls(server.host(), server.tlsPort(), server.tls().clientSslContext()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("Received fatal alert: handshake_failure");
            assertThat(rule.firedCount()).isEqualTo(1);
            try (RawClient c = RawClient.tls(server.host(), server.tlsPort(), server.tls().clientSslContext())) {
                assertThat(c.readLine()).startsWith("* OK [CAPABILITY ");
            }
        }
    }

    @Test
    void aHandshakeAlertAfterStarttlsNamesTheAlertAskedFor() {
        try (ImapMockServer server = tlsServer(); RawClient c = RawClient.connect(server)) {
            server.faults().onHandshake().tlsAlert("protocol_version");
            assertThat(c.command("a1", "STARTTLS")).containsExactly("a1 OK Begin TLS negotiation now.");
            assertThatThrownBy(() -> c.startTls(server.tls().clientSslContext()))
                    .hasMessageContaining("Received fatal alert: protocol_version");
            assertThat(server.journal().commands()).extracting(ReceivedCommand::name).containsExactly("STARTTLS");
        }
    }

    @Test
    void aResetInsteadOfTheHandshake() {
        try (ImapMockServer server = tlsServer()) {
            server.faults().onHandshake().reset();
            assertThatThrownBy(() -> RawClient.tls(server.host(), server.tlsPort(), server.tls().clientSslContext()))
                    .satisfies(e -> assertThat(causes(e)).anyMatch(t -> t instanceof SocketException
                            || String.valueOf(t.getMessage()).contains("Remote host terminated the handshake")));
        }
    }

    @Test
    void garbageInsteadOfTheHandshake() {
        try (ImapMockServer server = tlsServer()) {
            server.faults().onHandshake().garbage("HTTP/1.1 400 Bad Request\r\n\r\n");
            assertThatThrownBy(() -> RawClient.tls(server.host(), server.tlsPort(), server.tls().clientSslContext()))
                    .hasMessageContaining("Unsupported or unrecognized SSL message");
        }
    }

    @Test
    void anExpiredCertificateIsRefusedByAClientThatOtherwiseTrustsTheServer() {
        try (ImapMockServer server = tlsServer()) {
            server.faults().onHandshake().once().expiredCertificate();
            assertThatThrownBy(() -> connect(imaps(server, true))).isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(causes(e)).as(messages(e))
                            .anyMatch(CertificateExpiredException.class::isInstance));
            assertThatThrownBy(() -> RawClient.tls(server.host(), server.port(), server.tls().clientSslContext()))
                    .isInstanceOf(UncheckedIOException.class);   // the plain port speaks no TLS: no second firing
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedOnlyByAClientThatChecksTheName() throws Exception {
        try (ImapMockServer server = tlsServer()) {
            server.faults().onHandshake().certificateForOtherHost();
            assertThatThrownBy(() -> connect(imaps(server, true))).isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(causes(e)).as(messages(e)).anyMatch(t -> String.valueOf(t.getMessage())
                            .equals("No subject alternative names matching IP address 127.0.0.1 found")));
            connect(imaps(server, false));
            assertThat(server.journal().commands("AUTHENTICATE")).hasSize(1);
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedAfterStarttls() {
        try (ImapMockServer server = tlsServer(); RawClient c = RawClient.connect(server)) {
            server.faults().onHandshake().untrustedCertificate();
            c.command("a1", "STARTTLS");
            assertThatThrownBy(() -> c.startTls(server.tls().clientSslContext()))
                    .hasMessageContaining("unable to find valid certification path to requested target");
            assertThat(server.journal().commands()).extracting(ReceivedCommand::name).containsExactly("STARTTLS");
        }
    }

    @Test
    void curlRefusesTheExpiredCertificateAndTheOtherHostsTrustingThePem(@TempDir Path dir) throws Exception {
        String curl = which("curl");
        assumeTrue(curl != null, "curl is not on the PATH; skipped");
        try (ImapMockServer server = tlsServer()) {
            Path pem = dir.resolve("cert.pem");
            Files.writeString(pem, server.tls().certificatePem());
            String url = "imaps://127.0.0.1:" + server.tlsPort() + "/INBOX";
            List<String> command = List.of(curl, "-sS", "--cacert", pem.toString(), url, "-u", "alice:secret");
            assertThat(exec(command)).startsWith("0 ");
            server.faults().onHandshake().once().expiredCertificate();
            assertThat(exec(command)).startsWith("60 ").contains("certificate has expired");
            server.faults().onHandshake().once().certificateForOtherHost();
            assertThat(exec(command)).startsWith("60 ").contains("127.0.0.1");
            server.faults().onHandshake().once().untrustedCertificate();
            assertThat(exec(command)).startsWith("60 ").contains("self-signed certificate");
        }
    }

    @Test
    void overTlsDisconnectClosesWithCloseNotifyAndResetWithout() {
        try (ImapMockServer server = tlsServer()) {
            server.faults().on("NOOP").connection(1).disconnect();
            server.faults().on("NOOP").connection(2).reset();
            try (RawClient c = RawClient.tls(server.host(), server.tlsPort(), server.tls().clientSslContext())) {
                c.readLine();
                c.send("a1 NOOP");
                assertThat(c.readLine()).isNull();   // an orderly end of the TLS stream
            }
            try (RawClient c = RawClient.tls(server.host(), server.tlsPort(), server.tls().clientSslContext())) {
                c.readLine();
                c.send("a1 NOOP");
                assertThatThrownBy(c::readLine).isInstanceOf(UncheckedIOException.class)
                        .satisfies(e -> assertThat(causes(e)).anyMatch(t -> t instanceof SocketException
                                || t instanceof javax.net.ssl.SSLException));
            }
        }
    }

    @Test
    void aByeWhileIdlingOverTlsComesFromTheHelperThreadAndEndsTheConnection() {
        try (ImapMockServer server = tlsServer()) {
            server.faults().onIdle(java.time.Duration.ofMillis(50)).bye("Server restarting");
            try (RawClient c = RawClient.tls(server.host(), server.tlsPort(), server.tls().clientSslContext())) {
                c.readLine();
                c.command("a1", "LOGIN alice secret");
                c.command("a2", "SELECT INBOX");
                c.play("""
                        C: a3 IDLE
                        S: + idling
                        S: * BYE Server restarting
                        """);
                assertThat(c.readLine()).isNull();
            }
            try (RawClient c = RawClient.tls(server.host(), server.tlsPort(), server.tls().clientSslContext())) {
                assertThat(c.readLine()).startsWith("* OK ");
            }
        }
    }

    @Test
    void handshakeRulesInAFaultFile() {
        try (ImapMockServer server = tlsServer()) {
            List<FaultRule> rules = server.faults().load("""
                    handshake connection 1 certificate expired
                    handshake connections-from 2 once tls-alert certificate_unknown
                    handshake connection 9 delay 10ms
                    """);
            assertThat(rules).extracting(FaultRule::effects).containsExactly(
                    List.of(new FaultEffect.Certificate(CertificateFault.EXPIRED)),
                    List.of(new FaultEffect.TlsAlert(46)),
                    List.of(new FaultEffect.Delay(Latency.fixed(java.time.Duration.ofMillis(10)))));
            assertThat(rules.get(1).effects().get(0)).hasToString("tls-alert certificate_unknown");
            assertThatThrownBy(() -> RawClient.tls(server.host(), server.tlsPort(), server.tls().clientSslContext()))
                    .satisfies(e -> assertThat(causes(e)).anyMatch(CertificateExpiredException.class::isInstance));
            assertThatThrownBy(() -> RawClient.tls(server.host(), server.tlsPort(), server.tls().clientSslContext()))
                    .hasMessageContaining("Received fatal alert: certificate_unknown");
        }
    }

    @Test
    void handshakeEffectsBelongToTheHandshakeOnly() {
        Faults faults = new Faults(0);
        assertThatThrownBy(() -> faults.load("handshake respond NO [UNAVAILABLE] no"))
                .hasMessage("text:1: 'respond NO [UNAVAILABLE] no' can't happen at the TLS handshake");
        assertThatThrownBy(() -> faults.load("handshake inject * OK hi"))
                .hasMessageContaining("can't happen at the TLS handshake");
        assertThatThrownBy(() -> faults.load("on LOGIN certificate expired"))
                .hasMessage("text:1: 'certificate expired' can't happen after read");
        assertThatThrownBy(() -> faults.load("handshake certificate stale"))
                .hasMessage("text:1: certificate takes expired, other-host or untrusted, not stale");
        assertThatThrownBy(() -> faults.on("STARTTLS").tlsAlert()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.onHandshake().tlsAlert("no_such_alert"))
                .hasMessageStartingWith("Not a TLS alert: no_such_alert; names are [bad_certificate, ");
        assertThat(faults.rules()).isEmpty();
    }

    private static String which(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(d, tool);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    /** The exit status, a space, and what the tool said on both streams. */
    private static String exec(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() + " " + new String(out, StandardCharsets.UTF_8);
    }
}
