package dev.imapmock.sasl;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Every SASL mechanism over the wire, byte for byte: success, wrong secret, cancel, bad base64, SASL-IR. */
@Timeout(20)
class SaslTranscriptTest {
    static final String ALL = "AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5 AUTH=SCRAM-SHA-256 AUTH=XOAUTH2 AUTH=OAUTHBEARER";
    static final String BEFORE = Capabilities.BEFORE_LOGIN.replace("AUTH=PLAIN AUTH=LOGIN", ALL);
    static final String AFTER = Capabilities.AFTER_LOGIN;
    static final String XOAUTH2_ERROR = b64("{\"status\":\"401\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}");
    static final String OAUTHBEARER_ERROR = b64("{\"status\":\"invalid_token\",\"scope\":\"https://mail.google.com/\"}");

    private ImapMockServer server;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").user("bob", "hunter2")
                .token("alice", "ya29.test").token("bob", "ya29.bob", "bob-phone")
                .saslMechanisms("PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-256", "XOAUTH2", "OAUTHBEARER")
                .build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String xoauth2(String user, String token) {
        return b64("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
    }

    static String oauthbearer(String user, String token) {
        return b64("n," + (user == null ? "" : "a=" + user) + ",\u0001host=localhost\u0001port=143\u0001auth=Bearer "
                + token + "\u0001\u0001");
    }

    private RawClient connect() {
        RawClient c = new RawClient(server.host(), server.port());
        c.play("S: * OK [CAPABILITY " + BEFORE + "] ImapMock ready.");
        return c;
    }

    private ReceivedCommand last() {
        var commands = server.journal().commands();
        return commands.get(commands.size() - 1);
    }

    @Test
    void plainWithAndWithoutInitialResponse() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE PLAIN
                    S: +\s
                    C: %1$s
                    S: a1 OK [CAPABILITY %2$s] Logged in
                    """.formatted(b64("\0alice\0secret"), AFTER));
        }
        try (RawClient c = connect()) {
            c.play("""
                    C: b1 AUTHENTICATE PLAIN %1$s
                    S: b1 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: b2 AUTHENTICATE PLAIN
                    S: +\s
                    C: *
                    S: b2 BAD Authentication aborted by client.
                    C: b3 AUTHENTICATE PLAIN
                    S: +\s
                    C: %%%%
                    S: b3 BAD Invalid base64 in the authentication response
                    C: b4 AUTHENTICATE PLAIN %2$s
                    S: b4 NO [AUTHORIZATIONFAILED] Can't act as another user
                    """.formatted(b64("\0alice\0wrong"), b64("bob\0alice\0secret")));
            c.assertStillWorks("b5");
        }
    }

    @Test
    void loginAsksUsernameThenPasswordOrTakesTheUserAsInitialResponse() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE LOGIN
                    S: + VXNlcm5hbWU6
                    C: %1$s
                    S: + UGFzc3dvcmQ6
                    C: %2$s
                    S: a1 OK [CAPABILITY %3$s] Logged in
                    """.formatted(b64("alice"), b64("secret"), AFTER));
        }
        try (RawClient c = connect()) {
            c.play("""
                    C: b1 AUTHENTICATE LOGIN %1$s
                    S: + UGFzc3dvcmQ6
                    C: %2$s
                    S: b1 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: b2 AUTHENTICATE LOGIN =
                    S: + VXNlcm5hbWU6
                    C: *
                    S: b2 BAD Authentication aborted by client.
                    C: b3 AUTHENTICATE LOGIN
                    S: + VXNlcm5hbWU6
                    C: ###
                    S: b3 BAD Invalid base64 in the authentication response
                    C: b4 AUTHENTICATE LOGIN %1$s
                    S: + UGFzc3dvcmQ6
                    C: %3$s
                    S: b4 OK [CAPABILITY %4$s] Logged in
                    """.formatted(b64("alice"), b64("wrong"), b64("secret"), AFTER));
        }
    }

    private static String cramResponse(String user, String password, String challengeB64) throws Exception {
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
        byte[] challenge = Base64.getDecoder().decode(challengeB64);
        return b64(user + " " + HexFormat.of().formatHex(mac.doFinal(challenge)));
    }

    @Test
    void cramMd5ChallengesFirstAndRefusesAnInitialResponse() throws Exception {
        try (RawClient c = connect()) {
            c.send("a1 AUTHENTICATE CRAM-MD5");
            String line = c.readLine();
            assertThat(line).matches("\\+ [A-Za-z0-9+/=]+");
            String challenge = line.substring(2);
            assertThat(new String(Base64.getDecoder().decode(challenge), StandardCharsets.UTF_8))
                    .matches("<\\d+\\.imapmock@localhost>");
            c.play("""
                    C: %s
                    S: a1 OK [CAPABILITY %s] Logged in
                    """.formatted(cramResponse("alice", "secret", challenge), AFTER));
        }
        try (RawClient c = connect()) {
            c.play("""
                    C: b1 AUTHENTICATE CRAM-MD5 %s
                    S: b1 BAD CRAM-MD5 does not take an initial response: the server speaks first (RFC 4959 section 3)
                    """.formatted(b64("alice")));
            c.send("b2 AUTHENTICATE CRAM-MD5");
            String challenge = c.readLine().substring(2);
            c.play("""
                    C: %s
                    S: b2 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: b3 AUTHENTICATE CRAM-MD5
                    S~ \\+ [A-Za-z0-9+/=]+
                    C: *
                    S: b3 BAD Authentication aborted by client.
                    C: b4 AUTHENTICATE CRAM-MD5
                    S~ \\+ [A-Za-z0-9+/=]+
                    C: not base64
                    S: b4 BAD Invalid base64 in the authentication response
                    """.formatted(cramResponse("alice", "wrong", challenge)));
            c.assertStillWorks("b5");
        }
    }

    @Test
    void scramSha256WithAndWithoutInitialResponse() throws Exception {
        try (RawClient c = connect()) {
            ScramClient scram = new ScramClient("alice", "secret", "rOprNGfwEbeRWgbNEkqO");
            c.send("a1 AUTHENTICATE SCRAM-SHA-256 " + b64(scram.clientFirst()));
            String serverFirst = decode(c.readLine());
            assertThat(serverFirst).matches("r=rOprNGfwEbeRWgbNEkqO[A-Za-z0-9+/=]{24},s=[A-Za-z0-9+/=]{24},i=4096");
            c.send(b64(scram.clientFinal(serverFirst)));
            assertThat(decode(c.readLine())).isEqualTo(scram.expectedServerFinal());
            c.play("""
                    C:\s
                    S: a1 OK [CAPABILITY %s] Logged in
                    """.formatted(AFTER));
        }
        try (RawClient c = connect()) {
            ScramClient scram = new ScramClient("alice", "wrong", "abc");
            c.play("""
                    C: b1 AUTHENTICATE SCRAM-SHA-256
                    S: +\s
                    C: %s
                    """.formatted(b64(scram.clientFirst())));
            String serverFirst = decode(c.readLine());
            c.play("""
                    C: %s
                    S: b1 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: b2 AUTHENTICATE SCRAM-SHA-256 %s
                    S~ \\+ [A-Za-z0-9+/=]+
                    C: *
                    S: b2 BAD Authentication aborted by client.
                    C: b3 AUTHENTICATE SCRAM-SHA-256 %s
                    S: b3 NO [AUTHENTICATIONFAILED] Authentication failed: channel binding (p=) needs SCRAM-SHA-256-PLUS
                    C: b4 AUTHENTICATE SCRAM-SHA-256 ***
                    S: b4 BAD Invalid base64 in the authentication response
                    """.formatted(b64(scram.clientFinal(serverFirst)), b64(scram.clientFirst()),
                    b64("p=tls-unique,,n=alice,r=abc")));
        }
    }

    private static String decode(String continuation) {
        assertThat(continuation).startsWith("+ ");
        return new String(Base64.getDecoder().decode(continuation.substring(2)), StandardCharsets.UTF_8);
    }

    @Test
    void xoauth2WithAndWithoutInitialResponseAndItsErrorChallenge() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE XOAUTH2 %s
                    S: a1 OK [CAPABILITY %s] Logged in
                    """.formatted(xoauth2("alice", "ya29.test"), AFTER));
        }
        assertThat(last().authentication()).isEqualTo(new ReceivedCommand.Authentication("XOAUTH2", "alice", "alice#1"));
        assertThat(last().line()).isEqualTo("a1 AUTHENTICATE XOAUTH2 ***").doesNotContain("ya29");
        try (RawClient c = connect()) {
            c.play("""
                    C: b1 AUTHENTICATE XOAUTH2
                    S: +\s
                    C: %1$s
                    S: + %2$s
                    C:\s
                    S: b1 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: b2 AUTHENTICATE XOAUTH2 %3$s
                    S: + %2$s
                    C:\s
                    S: b2 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: b3 AUTHENTICATE XOAUTH2
                    S: +\s
                    C: *
                    S: b3 BAD Authentication aborted by client.
                    C: b4 AUTHENTICATE XOAUTH2 %%%%
                    S: b4 BAD Invalid base64 in the authentication response
                    C: b5 AUTHENTICATE XOAUTH2 %4$s
                    S: b5 NO [AUTHENTICATIONFAILED] Invalid SASL argument.
                    C: b6 AUTHENTICATE XOAUTH2
                    S: +\s
                    C: %5$s
                    S: b6 OK [CAPABILITY %6$s] Logged in
                    """.formatted(xoauth2("alice", "ya29.wrong"), XOAUTH2_ERROR, xoauth2("alice", "ya29.bob"),
                    b64("user=alice"), xoauth2("bob", "ya29.bob"), AFTER));
        }
        assertThat(last().authentication()).isEqualTo(new ReceivedCommand.Authentication("XOAUTH2", "bob", "bob-phone"));
    }

    @Test
    void expiredAndRevokedTokensFailMidTestAndARefreshedTokenWorks() {
        try (RawClient c = connect()) {
            server.tokens().expire("ya29.test");
            c.play("""
                    C: a1 AUTHENTICATE XOAUTH2 %1$s
                    S: + %2$s
                    C:\s
                    S: a1 NO [EXPIRED] Invalid credentials (Failure): the token has expired
                    """.formatted(xoauth2("alice", "ya29.test"), XOAUTH2_ERROR));
            assertThat(last().authentication()).isEqualTo(new ReceivedCommand.Authentication("XOAUTH2", null, "alice#1"));
            server.tokens().revoke("ya29.test");
            c.play("""
                    C: a2 AUTHENTICATE OAUTHBEARER %1$s
                    S: + %2$s
                    C: AQ==
                    S: a2 NO [AUTHENTICATIONFAILED] Authentication failed.
                    """.formatted(oauthbearer("alice", "ya29.test"), OAUTHBEARER_ERROR));
            server.tokens().add("alice", "ya29.refreshed", "refreshed");
            c.play("""
                    C: a3 AUTHENTICATE XOAUTH2 %s
                    S: a3 OK [CAPABILITY %s] Logged in
                    """.formatted(xoauth2("alice", "ya29.refreshed"), AFTER));
            assertThat(last().authentication().tokenLabel()).isEqualTo("refreshed");
        }
        assertThat(server.journal().commands()).extracting(ReceivedCommand::toString)
                .noneMatch(s -> s.contains("ya29"));
    }

    @Test
    void oauthBearerWithAndWithoutInitialResponseAuthzidAndErrorChallenge() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE OAUTHBEARER
                    S: +\s
                    C: %s
                    S: a1 OK [CAPABILITY %s] Logged in
                    """.formatted(oauthbearer("alice", "ya29.test"), AFTER));
        }
        try (RawClient c = connect()) {
            c.play("""
                    C: b1 AUTHENTICATE OAUTHBEARER %s
                    S: b1 OK [CAPABILITY %s] Logged in
                    """.formatted(oauthbearer(null, "ya29.bob"), AFTER));
        }
        assertThat(last().authentication()).isEqualTo(new ReceivedCommand.Authentication("OAUTHBEARER", "bob", "bob-phone"));
        try (RawClient c = connect()) {
            c.play("""
                    C: c1 AUTHENTICATE OAUTHBEARER %1$s
                    S: + %2$s
                    C: AQ==
                    S: c1 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: c2 AUTHENTICATE OAUTHBEARER
                    S: +\s
                    C: *
                    S: c2 BAD Authentication aborted by client.
                    C: c3 AUTHENTICATE OAUTHBEARER ?
                    S: c3 BAD Invalid base64 in the authentication response
                    C: c4 AUTHENTICATE OAUTHBEARER %3$s
                    S: c4 NO [AUTHENTICATIONFAILED] Invalid SASL argument: OAUTHBEARER needs n,a=USER, ^A auth=Bearer TOKEN ^A ^A (RFC 7628 section 3.1)
                    """.formatted(oauthbearer("alice", "ya29.bob"), OAUTHBEARER_ERROR, b64("n,a=alice,auth=Bearer x")));
            c.assertStillWorks("c5");
        }
    }

    @Test
    void unknownOrUnconfiguredMechanismIsRefused() {
        try (ImapMockServer plain = ImapMockServer.builder().user("alice", "secret").build().start();
             RawClient c = new RawClient(plain.host(), plain.port())) {
            c.play("""
                    S: * OK [CAPABILITY %s] ImapMock ready.
                    C: a1 AUTHENTICATE CRAM-MD5
                    S: a1 NO Unsupported authentication mechanism.
                    C: a2 AUTHENTICATE XOAUTH2 %s
                    S: a2 NO Unsupported authentication mechanism.
                    """.formatted(Capabilities.BEFORE_LOGIN, xoauth2("alice", "x")));
        }
    }
}
