package dev.imapmock.server;

import dev.imapmock.testing.Capabilities;
import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.SSLContext;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * STARTTLS (RFC 3501 §6.2.1), implicit TLS (RFC 8314) and LOGINDISABLED (RFC 3501 §6.2.3) over a
 * raw socket, exact lines; the answers and their texts are Dovecot 2.3's.
 */
@Timeout(20)
class TlsTranscriptTest {
    private static final String BASE = Capabilities.AFTER_LOGIN;
    private static final String PLAIN_BEFORE_LOGIN = BASE + " STARTTLS AUTH=PLAIN AUTH=LOGIN";
    private static final String TLS_BEFORE_LOGIN = BASE + " AUTH=PLAIN AUTH=LOGIN";
    private static final String REQUIRED_BEFORE_TLS = BASE + " STARTTLS LOGINDISABLED";

    private static ImapMockServer.Builder alice() {
        return ImapMockServer.builder().user("alice", "secret");
    }

    private static RawClient connect(ImapMockServer server, String capabilities) {
        RawClient c = new RawClient(server.host(), server.port());
        c.play("S: * OK [CAPABILITY " + capabilities + "] ImapMock ready.");
        return c;
    }

    private static SSLContext trust(ImapMockServer server) {
        return server.tls().clientSslContext();
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void starttlsUpgradesTheConnectionAndTheCapabilityListLosesStarttls() throws Exception {
        try (ImapMockServer server = alice().tls().build().start(); RawClient c = connect(server, PLAIN_BEFORE_LOGIN)) {
            c.play("""
                    C: a1 CAPABILITY
                    S: * CAPABILITY %s
                    S: a1 OK Capability completed.
                    C: a2 STARTTLS
                    S: a2 OK Begin TLS negotiation now.
                    """.formatted(PLAIN_BEFORE_LOGIN));
            c.startTls(trust(server));
            assertThat(c.tlsSession().getPeerCertificates()[0]).isEqualTo(server.tls().certificate());
            c.play("""
                    C: a3 CAPABILITY
                    S: * CAPABILITY %1$s
                    S: a3 OK Capability completed.
                    C: a4 LOGIN alice secret
                    S: a4 OK [CAPABILITY %2$s] Logged in
                    C: a5 CAPABILITY
                    S: * CAPABILITY %2$s
                    S: a5 OK Capability completed.
                    """.formatted(TLS_BEFORE_LOGIN, BASE));
            c.assertStillWorks("a6");
        }
    }

    @Test
    void starttlsTwiceIsBad() {
        try (ImapMockServer server = alice().tls().build().start(); RawClient c = connect(server, PLAIN_BEFORE_LOGIN)) {
            c.play("""
                    C: a1 STARTTLS
                    S: a1 OK Begin TLS negotiation now.
                    """);
            c.startTls(trust(server));
            c.play("""
                    C: a2 STARTTLS
                    S: a2 BAD TLS is already active.
                    """);
            c.assertStillWorks("a3");
            assertThat(c.tlsSession()).isNotNull();
        }
    }

    @Test
    void starttlsWhenAuthenticatedIsBadAndTheConnectionStaysClear() {
        try (ImapMockServer server = alice().tls().build().start(); RawClient c = connect(server, PLAIN_BEFORE_LOGIN)) {
            c.play("""
                    C: a1 LOGIN alice secret
                    S: a1 OK [CAPABILITY %s] Logged in
                    C: a2 STARTTLS
                    S: a2 BAD STARTTLS is not allowed in the authenticated state
                    C: a3 SELECT INBOX
                    """.formatted(BASE));
            c.readUntilTagged("a3");
            c.play("""
                    C: a4 STARTTLS
                    S: a4 BAD STARTTLS is not allowed in the selected state
                    """);
            c.assertStillWorks("a5");
        }
    }

    @Test
    void starttlsTakesNoArguments() {
        try (ImapMockServer server = alice().tls().build().start(); RawClient c = connect(server, PLAIN_BEFORE_LOGIN)) {
            c.play("""
                    C: a1 STARTTLS now
                    S: a1 BAD Unexpected extra arguments
                    """);
            c.assertStillWorks("a2");
        }
    }

    /**
     * CVE-2011-0411: a man in the middle appends commands to the client's STARTTLS, in clear; a
     * server that executed them after the handshake would take them as the client's own.
     */
    @Test
    void commandsPipelinedInClearAfterStarttlsAreDiscardedNotExecuted() {
        try (ImapMockServer server = alice().tls().build().start(); RawClient c = connect(server, PLAIN_BEFORE_LOGIN)) {
            c.sendAscii("a1 STARTTLS\r\nb1 LOGIN alice secret\r\nb2 SELECT INBOX\r\n");
            c.play("S: a1 OK Begin TLS negotiation now.");
            c.startTls(trust(server));
            c.play("""
                    C: a2 SELECT INBOX
                    S: a2 BAD SELECT is not allowed in the not authenticated state
                    C: a3 CAPABILITY
                    S: * CAPABILITY %s
                    S: a3 OK Capability completed.
                    """.formatted(TLS_BEFORE_LOGIN));
            assertThat(server.journal().commands()).extracting(ReceivedCommand::tag).containsExactly("a1", "a2", "a3");
        }
    }

    @Test
    void clearTextSentAfterTheOkInsteadOfAHandshakeEndsTheConnection() {
        try (ImapMockServer server = alice().tls().build().start(); RawClient c = connect(server, PLAIN_BEFORE_LOGIN)) {
            c.play("""
                    C: a1 STARTTLS
                    S: a1 OK Begin TLS negotiation now.
                    C: b1 LOGIN alice secret
                    """);
            assertThat(c.readToEnd()).doesNotContain("b1");
            assertThat(server.journal().commands()).extracting(ReceivedCommand::tag).containsExactly("a1");
        }
    }

    @Test
    void requireTlsDisablesLoginAndPlainUntilStarttls() {
        try (ImapMockServer server = alice().tls().requireTls().build().start();
             RawClient c = connect(server, REQUIRED_BEFORE_TLS)) {
            c.play("""
                    C: a1 CAPABILITY
                    S: * CAPABILITY %s
                    S: a1 OK Capability completed.
                    C: a2 LOGIN alice secret
                    S: * BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway. If anyone was listening, the password was exposed.
                    S: a2 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.
                    C: a3 AUTHENTICATE PLAIN %s
                    S: a3 NO [PRIVACYREQUIRED] Plaintext authentication disabled.
                    C: a4 AUTHENTICATE PLAIN
                    S: a4 NO [PRIVACYREQUIRED] Plaintext authentication disabled.
                    C: a5 LOGIN alice wrong
                    S: * BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway. If anyone was listening, the password was exposed.
                    S: a5 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.
                    C: a6 SELECT INBOX
                    S: a6 BAD SELECT is not allowed in the not authenticated state
                    C: a7 STARTTLS
                    S: a7 OK Begin TLS negotiation now.
                    """.formatted(REQUIRED_BEFORE_TLS, plain("alice", "secret")));
            c.startTls(trust(server));
            c.play("""
                    C: a8 CAPABILITY
                    S: * CAPABILITY %s
                    S: a8 OK Capability completed.
                    C: a9 AUTHENTICATE PLAIN %s
                    S: a9 OK [CAPABILITY %s] Logged in
                    """.formatted(TLS_BEFORE_LOGIN, plain("alice", "secret"), BASE));
            assertThat(server.journal().commands()).extracting(ReceivedCommand::line).noneMatch(l -> l.contains("secret"));
        }
    }

    @Test
    void requireTlsRefusesLoginEvenWithTheRightPasswordAndThenAcceptsItOverTls() {
        try (ImapMockServer server = alice().tls().requireTls().build().start();
             RawClient c = connect(server, REQUIRED_BEFORE_TLS)) {
            c.command("a1", "LOGIN alice secret");
            c.play("""
                    C: a2 STARTTLS
                    S: a2 OK Begin TLS negotiation now.
                    """);
            c.startTls(trust(server));
            c.play("""
                    C: a3 LOGIN alice secret
                    S: a3 OK [CAPABILITY %s] Logged in
                    """.formatted(BASE));
            assertThat(server.journal().commands("LOGIN")).extracting(r -> r.outcome().toString()).containsExactly(
                    "NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.",
                    "OK [CAPABILITY " + BASE + "] Logged in");
        }
    }

    @Test
    void implicitTlsGreetsOverTlsWithoutStarttls() throws Exception {
        try (ImapMockServer server = alice().tls().tlsPort(0).requireTls().build().start();
             RawClient c = RawClient.tls(server.host(), server.tlsPort(), trust(server))) {
            assertThat(server.tlsPort()).isNotEqualTo(server.port());
            c.play("""
                    S: * OK [CAPABILITY %1$s] ImapMock ready.
                    C: a1 STARTTLS
                    S: a1 BAD TLS is already active.
                    C: a2 LOGIN alice secret
                    S: a2 OK [CAPABILITY %2$s] Logged in
                    """.formatted(TLS_BEFORE_LOGIN, BASE));
            assertThat(c.tlsSession().getPeerCertificates()[0]).isEqualTo(server.tls().certificate());
        }
    }

    @Test
    void implicitTlsAloneLeavesThePlainPortWithoutStarttls() {
        try (ImapMockServer server = alice().tlsPort(0).build().start();
             RawClient clear = connect(server, TLS_BEFORE_LOGIN);
             RawClient tls = RawClient.tls(server.host(), server.tlsPort(), trust(server))) {
            clear.play("""
                    C: a1 STARTTLS
                    S: a1 BAD Unknown command STARTTLS
                    """);
            tls.play("""
                    S: * OK [CAPABILITY %s] ImapMock ready.
                    C: a1 STARTTLS
                    S: a1 BAD Unknown command STARTTLS
                    """.formatted(TLS_BEFORE_LOGIN));
            assertThat(server.extensions()).doesNotContain(Extension.STARTTLS);
        }
    }

    @Test
    void requireTlsWithImplicitTlsOnlyDisablesLoginOnThePlainPort() {
        try (ImapMockServer server = alice().tlsPort(0).requireTls().build().start();
             RawClient clear = connect(server, BASE + " LOGINDISABLED");
             RawClient tls = RawClient.tls(server.host(), server.tlsPort(), trust(server))) {
            clear.command("a1", "LOGIN alice secret");
            tls.play("""
                    S: * OK [CAPABILITY %1$s] ImapMock ready.
                    C: a1 LOGIN alice secret
                    S: a1 OK [CAPABILITY %2$s] Logged in
                    """.formatted(TLS_BEFORE_LOGIN, BASE));
            assertThat(server.journal().commands("LOGIN")).extracting(r -> r.outcome().status())
                    .containsExactlyInAnyOrder("NO", "OK");
        }
    }

    @Test
    void withoutStarttlsATlsServerNeitherAdvertisesNorKnowsIt() {
        try (ImapMockServer server = alice().tls().tlsPort(0).without(Extension.STARTTLS).build().start();
             RawClient c = connect(server, TLS_BEFORE_LOGIN)) {
            c.play("""
                    C: a1 CAPABILITY
                    S: * CAPABILITY %s
                    S: a1 OK Capability completed.
                    C: a2 STARTTLS
                    S: a2 BAD Unknown command STARTTLS
                    """.formatted(TLS_BEFORE_LOGIN));
            c.assertStillWorks("a3");
            assertThat(server.extensions()).doesNotContain(Extension.STARTTLS);
        }
    }

    @Test
    void aServerWithoutTlsDoesNotKnowStarttls() {
        try (ImapMockServer server = alice().build().start(); RawClient c = connect(server, TLS_BEFORE_LOGIN)) {
            c.play("""
                    C: a1 STARTTLS
                    S: a1 BAD Unknown command STARTTLS
                    """);
            assertThatThrownBy(server::tls).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not speak TLS");
            assertThatThrownBy(server::tlsPort).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aStarttlsAnsweredNoByAFaultRuleLeavesTheConnectionClear() {
        try (ImapMockServer server = alice().tls().build().start(); RawClient c = connect(server, PLAIN_BEFORE_LOGIN)) {
            server.faults().on("STARTTLS").once().respond("NO [UNAVAILABLE] TLS is down");
            server.faults().on("STARTTLS").beforeResponse().nth(2).respond("BAD Not now");
            c.play("""
                    C: a1 STARTTLS
                    S: a1 NO [UNAVAILABLE] TLS is down
                    C: a2 NOOP
                    S: a2 OK NOOP completed.
                    C: a3 STARTTLS
                    S: a3 BAD Not now
                    C: a4 NOOP
                    S: a4 OK NOOP completed.
                    C: a5 STARTTLS
                    S: a5 OK Begin TLS negotiation now.
                    """);
            assertThat(c.tlsSession()).isNull();
            c.startTls(trust(server));
            c.assertStillWorks("a6");
        }
    }

    @Test
    void autologoutSaysByeOverTls() {
        try (ImapMockServer server = alice().tls().idleTimeout(Duration.ofMillis(300)).build().start();
             RawClient c = connect(server, PLAIN_BEFORE_LOGIN)) {
            c.play("""
                    C: a1 STARTTLS
                    S: a1 OK Begin TLS negotiation now.
                    """);
            c.startTls(trust(server));
            c.play("S: * BYE Autologout; idle for too long");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void tlsProtocolsLimitWhatTheServerNegotiates() throws Exception {
        try (ImapMockServer server = alice().tlsPort(0).tlsProtocols("TLSv1.2").build().start();
             RawClient c = RawClient.tls(server.host(), server.tlsPort(), trust(server))) {
            c.readLine();
            assertThat(c.tlsSession().getProtocol()).isEqualTo("TLSv1.2");
        }
        try (ImapMockServer server = alice().tlsPort(0).tlsProtocols("TLSv1.2").build().start()) {
            SSLContext only13 = SSLContext.getInstance("TLSv1.3");
            only13.init(null, new javax.net.ssl.TrustManager[] {server.tls().trustManager()}, null);
            javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) only13.getSocketFactory()
                    .createSocket(server.host(), server.tlsPort());
            try (s) {
                s.setEnabledProtocols(new String[] {"TLSv1.3"});
                assertThatThrownBy(s::startHandshake).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
            }
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsTheHandshake() throws Exception {
        try (ImapMockServer server = alice().tlsPort(0).build().start()) {
            SSLContext jdkDefault = SSLContext.getInstance("TLS");
            jdkDefault.init(null, null, null);
            assertThatThrownBy(() -> RawClient.tls(server.host(), server.tlsPort(), jdkDefault))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class)
                    .hasMessageContaining("unable to find valid certification path");
            try (RawClient c = RawClient.tls(server.host(), server.tlsPort(), trust(server))) {
                assertThat(c.readLine()).startsWith("* OK [CAPABILITY ");
            }
        }
    }

    @Test
    void theGeneratedCertificateIsSharedByTheServersOfTheJvmUnlessAFreshOneIsAsked() {
        try (ImapMockServer a = alice().tls().build(); ImapMockServer b = alice().tlsPort(0).build();
             ImapMockServer fresh = alice().tls().tlsFreshCertificate().build()) {
            assertThat(a.tls().certificate()).isEqualTo(b.tls().certificate());
            assertThat(fresh.tls().certificate()).isNotEqualTo(a.tls().certificate());
            assertThat(a.tls().clientSslContext()).isSameAs(b.tls().clientSslContext());
        }
    }

    @Test
    void aKeyManagerFactoryOrAnSslContextOfTheUsersOwn() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        dev.imapmock.tls.CertificateGenerator.Generated own = dev.imapmock.tls.CertificateGenerator.generate(
                dev.imapmock.tls.TlsIdentity.localhostSpec("own", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))));
        char[] password = "changeit".toCharArray();
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("own", own.keyPair().getPrivate(), password, new java.security.cert.Certificate[] {own.certificate()});
        javax.net.ssl.KeyManagerFactory factory = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
        factory.init(store, password);

        try (ImapMockServer server = alice().tlsPort(0).tlsKeyManagers(factory).build().start();
             RawClient c = RawClient.tls(server.host(), server.tlsPort(), trust(server))) {
            assertThat(server.tls().certificate()).isEqualTo(own.certificate());
            assertThat(c.readLine()).startsWith("* OK ");
            assertThat(c.tlsSession().getPeerCertificates()[0]).isEqualTo(own.certificate());
        }

        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        try (ImapMockServer server = alice().tlsPort(0).tlsContext(context).build().start()) {
            assertThatThrownBy(() -> server.tls().clientSslContext()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("This server uses an SSLContext it was given, whose certificate ImapMock cannot see:"
                            + " trust it the way that context was built");
            assertThatThrownBy(() -> server.tls().certificatePem()).isInstanceOf(IllegalStateException.class);
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
            tmf.init(store);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            try (RawClient c = RawClient.tls(server.host(), server.tlsPort(), client)) {
                assertThat(c.readLine()).startsWith("* OK ");
            }
        }
        assertThatThrownBy(() -> alice().tls().tlsFreshCertificate().tlsContext(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("tlsContext() and tlsFreshCertificate() both choose the certificate; give one");
    }

    /** Else the JDK client's last handshake flight can wait up to 40 ms for a delayed ACK (Nagle). */
    @Test
    void theClientContextsSocketsSendAtOnce() throws Exception {
        try (ImapMockServer server = alice().tlsPort(0).build().start();
             java.net.Socket s = server.tls().clientSslContext().getSocketFactory()
                     .createSocket(server.host(), server.tlsPort());
             java.net.Socket layered = server.tls().clientSslContext().getSocketFactory()
                     .createSocket(new java.net.Socket(server.host(), server.tlsPort()), server.host(), server.tlsPort(), true)) {
            assertThat(s.getTcpNoDelay()).isTrue();
            assertThat(layered.getTcpNoDelay()).isTrue();
            assertThat(server.tls().clientSslContext().getProtocol()).isEqualTo("TLS");
        }
    }

    @Test
    void tlsSettingsWithoutTlsAreRefused() {
        assertThatThrownBy(() -> alice().requireTls().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requireTls() needs tls() or tlsPort(): the server does not speak TLS");
        assertThatThrownBy(() -> alice().tlsProtocols("TLSv1.2").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tlsProtocols() needs tls() or tlsPort(): the server does not speak TLS");
        assertThatThrownBy(() -> alice().tls().tlsProtocols("TLSv9").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown TLS protocol [TLSv9]; this JDK knows [");
        assertThatThrownBy(() -> alice().extensions(List.of(Extension.STARTTLS)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("STARTTLS was asked for, but the server does not speak TLS: call tls()");
    }
}
