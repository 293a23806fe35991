package dev.imapmock.sasl;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SCRAM-SHA-1 (RFC 5802) and the -PLUS variants with tls-server-end-point channel binding (RFC
 * 5929 §4) over the wire, byte for byte; the client side is {@link ScramClient}, proven first
 * against the RFCs' own examples. Client nonces are fixed; the server's come from a generator
 * seeded by the connection's number.
 */
@Timeout(20)
class ScramTranscriptTest {
    static final String SCRAM = "AUTH=SCRAM-SHA-1 AUTH=SCRAM-SHA-256";
    static final String SCRAM_PLUS = "AUTH=SCRAM-SHA-1 AUTH=SCRAM-SHA-1-PLUS AUTH=SCRAM-SHA-256 AUTH=SCRAM-SHA-256-PLUS";
    static final String AFTER = Capabilities.AFTER_LOGIN;
    static final String NONCE = "fyko+d2lbbFgONRv9qkxdawL";
    static final String SERVER_FIRST = "r=" + java.util.regex.Pattern.quote(NONCE) + "[A-Za-z0-9+/=]{24},"
            + "s=[A-Za-z0-9+/=]{24},i=4096";

    private ImapMockServer server;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").user("bob", "hunter2").tls().tlsPort(0)
                .saslMechanisms("SCRAM-SHA-1", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256", "SCRAM-SHA-256-PLUS")
                .build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String continuation) {
        assertThat(continuation).startsWith("+ ");
        return new String(Base64.getDecoder().decode(continuation.substring(2)), StandardCharsets.UTF_8);
    }

    private RawClient clear() {
        RawClient c = new RawClient(server.host(), server.port());
        c.play("S: * OK [CAPABILITY " + AFTER + " STARTTLS " + SCRAM + "] ImapMock ready.");
        return c;
    }

    private RawClient imaps() {
        RawClient c = RawClient.tls(server.host(), server.tlsPort(), server.tls().clientSslContext());
        c.play("S: * OK [CAPABILITY " + AFTER + " " + SCRAM_PLUS + "] ImapMock ready.");
        return c;
    }

    /** RFC 5929 §4.1 computed here from the certificate the client received: SHA-256 for SHA256withECDSA. */
    private static byte[] serverEndPoint(RawClient c) throws Exception {
        java.security.cert.X509Certificate leaf =
                (java.security.cert.X509Certificate) c.tlsSession().getPeerCertificates()[0];
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withECDSA");
        return MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded());
    }

    /** Runs a whole exchange that must succeed, with the initial response on the command line. */
    private void succeeds(RawClient c, String tag, String mechanism, ScramClient scram) throws Exception {
        c.send(tag + " AUTHENTICATE " + mechanism + " " + b64(scram.clientFirst()));
        String serverFirst = decode(c.readLine());
        assertThat(serverFirst).matches(SERVER_FIRST);
        c.send(b64(scram.clientFinal(serverFirst)));
        assertThat(decode(c.readLine())).isEqualTo(scram.expectedServerFinal());
        c.play("""
                C:\s
                S: %s OK [CAPABILITY %s] Logged in
                """.formatted(tag, AFTER));
    }

    @Test
    void theTestClientComputesTheExamplesOfRfc5802AndRfc7677() throws Exception {
        ScramClient sha1 = new ScramClient("SHA-1", "n,,", new byte[0], "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL");
        assertThat(sha1.clientFirst()).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
        assertThat(sha1.clientFinal("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"))
                .isEqualTo("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        assertThat(sha1.expectedServerFinal()).isEqualTo("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
        ScramClient sha256 = new ScramClient("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        assertThat(sha256.clientFinal("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,"
                + "i=4096")).isEqualTo("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        assertThat(sha256.expectedServerFinal()).isEqualTo("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    @Test
    void scramSha1WithAndWithoutInitialResponse() throws Exception {
        try (RawClient c = clear()) {
            succeeds(c, "a1", "SCRAM-SHA-1", new ScramClient("SHA-1", "n,,", new byte[0], "alice", "secret", NONCE));
        }
        try (RawClient c = clear()) {
            ScramClient scram = new ScramClient("SHA-1", "n,,", new byte[0], "bob", "hunter2", NONCE);
            c.play("""
                    C: b1 AUTHENTICATE SCRAM-SHA-1
                    S: +\s
                    C: %s
                    """.formatted(b64(scram.clientFirst())));
            String serverFirst = decode(c.readLine());
            assertThat(serverFirst).matches(SERVER_FIRST);
            c.send(b64(scram.clientFinal(serverFirst)));
            assertThat(decode(c.readLine())).isEqualTo(scram.expectedServerFinal());
            c.play("""
                    C:\s
                    S: b1 OK [CAPABILITY %s] Logged in
                    """.formatted(AFTER));
        }
        assertThat(server.journal().commands("AUTHENTICATE")).extracting(ReceivedCommand::authentication)
                .containsExactly(new ReceivedCommand.Authentication("SCRAM-SHA-1", "alice", null),
                        new ReceivedCommand.Authentication("SCRAM-SHA-1", "bob", null));
    }

    @Test
    void scramSha1WrongPasswordBadProofCancelAndBadBase64() throws Exception {
        try (RawClient c = clear()) {
            ScramClient wrong = new ScramClient("SHA-1", "n,,", new byte[0], "alice", "wrong", NONCE);
            c.send("a1 AUTHENTICATE SCRAM-SHA-1 " + b64(wrong.clientFirst()));
            String serverFirst = decode(c.readLine());
            c.play("""
                    C: %s
                    S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.
                    """.formatted(b64(wrong.clientFinal(serverFirst))));

            ScramClient right = new ScramClient("SHA-1", "n,,", new byte[0], "alice", "secret", NONCE);
            c.send("a2 AUTHENTICATE SCRAM-SHA-1 " + b64(right.clientFirst()));
            String final2 = right.clientFinal(decode(c.readLine()));
            // One bit of the proof flipped: the right password, but not the right proof of it.
            String proof = final2.substring(final2.indexOf(",p=") + 3);
            byte[] bytes = Base64.getDecoder().decode(proof);
            bytes[0] ^= 1;
            String tampered = final2.substring(0, final2.indexOf(",p=") + 3) + Base64.getEncoder().encodeToString(bytes);
            c.play("""
                    C: %s
                    S: a2 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: a3 AUTHENTICATE SCRAM-SHA-1 %s
                    S~ \\+ [A-Za-z0-9+/=]+
                    C: *
                    S: a3 BAD Authentication aborted by client.
                    """.formatted(b64(tampered), b64(right.clientFirst())));
            c.send("a4 AUTHENTICATE SCRAM-SHA-1 " + b64(right.clientFirst()));
            String nonce = decode(c.readLine()).split(",")[0];
            c.play("""
                    C: %s
                    S: a4 NO [AUTHENTICATIONFAILED] Authentication failed: the SCRAM message must have a base64 proof
                    C: a5 AUTHENTICATE SCRAM-SHA-1 ***
                    S: a5 BAD Invalid base64 in the authentication response
                    C: a6 AUTHENTICATE SCRAM-SHA-1 %s
                    S: a6 NO [AUTHENTICATIONFAILED] Authentication failed: the SCRAM message must have a gs2-header starting with n, y or p=TYPE
                    """.formatted(b64("c=biws," + nonce + ",p=***"), b64("x,,n=alice,r=abc")));
            c.assertStillWorks("a7");
        }
    }

    @Test
    void aClearConnectionOffersNoPlusAndTakesY() throws Exception {
        try (RawClient c = clear()) {
            c.play("""
                    C: a1 AUTHENTICATE SCRAM-SHA-256-PLUS
                    S: a1 NO Unsupported authentication mechanism.
                    C: a2 AUTHENTICATE SCRAM-SHA-1 %s
                    S: a2 NO [AUTHENTICATIONFAILED] Authentication failed: channel binding (p=) needs SCRAM-SHA-1-PLUS
                    """.formatted(b64("p=tls-server-end-point,,n=alice,r=abc")));
            // y: the client could bind, and rightly saw no -PLUS here.
            succeeds(c, "a3", "SCRAM-SHA-256", new ScramClient("SHA-256", "y,,", new byte[0], "alice", "secret", NONCE));
        }
    }

    @Test
    void plusBindsTheServerCertificateOverImplicitTls() throws Exception {
        try (RawClient c = imaps()) {
            byte[] binding = serverEndPoint(c);
            succeeds(c, "a1", "SCRAM-SHA-256-PLUS", new ScramClient("SHA-256", "p=tls-server-end-point,,", binding,
                    "alice", "secret", NONCE));
        }
        try (RawClient c = imaps()) {
            byte[] binding = serverEndPoint(c);
            succeeds(c, "b1", "SCRAM-SHA-1-PLUS", new ScramClient("SHA-1", "p=tls-server-end-point,a=bob,", binding,
                    "bob", "hunter2", NONCE));
        }
        assertThat(server.journal().commands("AUTHENTICATE")).extracting(ReceivedCommand::authentication)
                .containsExactly(new ReceivedCommand.Authentication("SCRAM-SHA-256-PLUS", "alice", null),
                        new ReceivedCommand.Authentication("SCRAM-SHA-1-PLUS", "bob", null));
        // Masked as every mechanism's responses are: the journal keeps the mechanism only.
        assertThat(server.journal().commands()).extracting(ReceivedCommand::line)
                .containsExactly("a1 AUTHENTICATE SCRAM-SHA-256-PLUS ***", "b1 AUTHENTICATE SCRAM-SHA-1-PLUS ***");
        for (ReceivedCommand command : server.journal().commands()) {
            assertThat(command + " " + command.arguments() + " " + command.responses())
                    .doesNotContain(NONCE).doesNotContain(b64("p=tls-server-end-point")).doesNotContain("cD10bHMt");
        }
    }

    @Test
    void plusAfterStarttlsIsOfferedAgainAndBindsToo() throws Exception {
        try (RawClient c = clear()) {
            c.play("""
                    C: a1 STARTTLS
                    S: a1 OK Begin TLS negotiation now.
                    """);
            c.startTls(server.tls().clientSslContext());
            c.play("""
                    C: a2 CAPABILITY
                    S: * CAPABILITY %s %s
                    S: a2 OK Capability completed.
                    """.formatted(AFTER, SCRAM_PLUS));
            succeeds(c, "a3", "SCRAM-SHA-256-PLUS", new ScramClient("SHA-256", "p=tls-server-end-point,,",
                    serverEndPoint(c), "alice", "secret", NONCE));
        }
    }

    @Test
    void plusRefusesOtherBindingTypesNoBindingAndWrongBindingData() throws Exception {
        try (RawClient c = imaps()) {
            c.play("""
                    C: a1 AUTHENTICATE SCRAM-SHA-256-PLUS %s
                    S: a1 NO [AUTHENTICATIONFAILED] Authentication failed: channel binding type tls-unique is not supported here; the types are [tls-server-end-point]
                    C: a2 AUTHENTICATE SCRAM-SHA-256-PLUS %s
                    S: a2 NO [AUTHENTICATIONFAILED] Authentication failed: channel binding type tls-exporter is not supported here; the types are [tls-server-end-point]
                    C: a3 AUTHENTICATE SCRAM-SHA-256-PLUS %s
                    S: a3 NO [AUTHENTICATIONFAILED] Authentication failed: SCRAM-SHA-256-PLUS needs channel binding: the gs2-header must start with p=TYPE, one of [tls-server-end-point]
                    C: a4 AUTHENTICATE SCRAM-SHA-1-PLUS %s
                    S: a4 NO [AUTHENTICATIONFAILED] Authentication failed: SCRAM-SHA-1-PLUS needs channel binding: the gs2-header must start with p=TYPE, one of [tls-server-end-point]
                    C: a5 AUTHENTICATE SCRAM-SHA-256-PLUS %s
                    S: a5 NO [AUTHENTICATIONFAILED] Authentication failed: the SCRAM message must have a channel binding type of letters, digits, dots and hyphens after p=
                    """.formatted(b64("p=tls-unique,,n=alice,r=abc"), b64("p=tls-exporter,,n=alice,r=abc"),
                    b64("n,,n=alice,r=abc"), b64("y,,n=alice,r=abc"), b64("p=tls_unique,,n=alice,r=abc")));
            // The binding of another certificate: what a client behind a TLS-terminating proxy sees.
            byte[] other = MessageDigest.getInstance("SHA-256").digest("another certificate".getBytes(StandardCharsets.UTF_8));
            ScramClient scram = new ScramClient("SHA-256", "p=tls-server-end-point,,", other, "alice", "secret", NONCE);
            c.send("a6 AUTHENTICATE SCRAM-SHA-256-PLUS " + b64(scram.clientFirst()));
            String serverFirst = decode(c.readLine());
            c.play("""
                    C: %s
                    S: a6 NO [AUTHENTICATIONFAILED] Authentication failed: c= does not hold the gs2-header and the channel binding data of this connection
                    """.formatted(b64(scram.clientFinal(serverFirst))));
            // The right binding data under a header other than the one sent first.
            ScramClient header = new ScramClient("SHA-256", "p=tls-server-end-point,,", serverEndPoint(c),
                    "alice", "secret", NONCE);
            c.send("a7 AUTHENTICATE SCRAM-SHA-256-PLUS " + b64("p=tls-server-end-point,a=alice,n=alice,r=" + NONCE));
            serverFirst = decode(c.readLine());
            c.play("""
                    C: %s
                    S: a7 NO [AUTHENTICATIONFAILED] Authentication failed: c= does not hold the gs2-header and the channel binding data of this connection
                    """.formatted(b64(header.clientFinal(serverFirst))));
            c.assertStillWorks("a8");
        }
    }

    @Test
    void overTlsTheClientsYIsADowngradeAndNStillWorks() throws Exception {
        try (RawClient c = imaps()) {
            c.play("""
                    C: a1 AUTHENTICATE SCRAM-SHA-256 %s
                    S: a1 NO [AUTHENTICATIONFAILED] Authentication failed: the client saw no channel binding, but this server offers SCRAM-SHA-256-PLUS (a downgrade, RFC 5802 section 6)
                    C: a2 AUTHENTICATE SCRAM-SHA-1 %s
                    S: a2 NO [AUTHENTICATIONFAILED] Authentication failed: the client saw no channel binding, but this server offers SCRAM-SHA-1-PLUS (a downgrade, RFC 5802 section 6)
                    C: a3 AUTHENTICATE SCRAM-SHA-256 %s
                    S: a3 NO [AUTHENTICATIONFAILED] Authentication failed: channel binding (p=) needs SCRAM-SHA-256-PLUS
                    """.formatted(b64("y,,n=alice,r=abc"), b64("y,,n=alice,r=abc"),
                    b64("p=tls-server-end-point,,n=alice,r=abc")));
            succeeds(c, "a4", "SCRAM-SHA-256", new ScramClient("SHA-256", "n,,", new byte[0], "alice", "secret", NONCE));
        }
    }

    @Test
    void withoutPlusConfiguredYIsNoDowngradeOverTls() throws Exception {
        try (ImapMockServer plain = ImapMockServer.builder().user("alice", "secret").tlsPort(0)
                .saslMechanisms("SCRAM-SHA-256").build().start();
             RawClient c = RawClient.tls(plain.host(), plain.tlsPort(), plain.tls().clientSslContext())) {
            c.play("S: * OK [CAPABILITY " + AFTER + " AUTH=SCRAM-SHA-256] ImapMock ready.");
            succeeds(c, "a1", "SCRAM-SHA-256", new ScramClient("SHA-256", "y,,", new byte[0], "alice", "secret", NONCE));
        }
    }

    @Test
    void plusBindsAnRsaCertificateWithSha256Too() throws Exception {
        try (ImapMockServer rsa = ImapMockServer.builder().user("alice", "secret").tlsPort(0)
                .tlsKeyAlgorithm(dev.imapmock.tls.KeyAlgorithm.RSA).saslMechanisms("SCRAM-SHA-256-PLUS").build().start();
             RawClient c = RawClient.tls(rsa.host(), rsa.tlsPort(), rsa.tls().clientSslContext())) {
            c.play("S: * OK [CAPABILITY " + AFTER + " AUTH=SCRAM-SHA-256-PLUS] ImapMock ready.");
            java.security.cert.X509Certificate leaf =
                    (java.security.cert.X509Certificate) c.tlsSession().getPeerCertificates()[0];
            assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withRSA");
            byte[] binding = MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded());
            succeeds(c, "a1", "SCRAM-SHA-256-PLUS", new ScramClient("SHA-256", "p=tls-server-end-point,,", binding,
                    "alice", "secret", NONCE));
        }
    }

    @Test
    void theDefaultMechanismsStayPlainAndLogin() {
        try (ImapMockServer tls = ImapMockServer.builder().user("alice", "secret").tlsPort(0).build().start();
             RawClient c = RawClient.tls(tls.host(), tls.tlsPort(), tls.tls().clientSslContext())) {
            c.play("S: * OK [CAPABILITY " + Capabilities.BEFORE_LOGIN + "] ImapMock ready.");
        }
    }
}
