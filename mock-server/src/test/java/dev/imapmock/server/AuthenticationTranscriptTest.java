package dev.imapmock.server;

import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.StoreSnapshot;
import java.util.List;
import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The not-authenticated state: CAPABILITY, NOOP, ID, LOGOUT, LOGIN and AUTHENTICATE PLAIN. */
@Timeout(20)
class AuthenticationTranscriptTest {
    static final String CAPS_BEFORE_LOGIN = Capabilities.BEFORE_LOGIN;
    static final String CAPS_AFTER_LOGIN = Capabilities.AFTER_LOGIN;

    private ImapMockServer server;
    private List<String> before;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").user("bob", "hunter2").build().start();
        before = StoreSnapshot.of(server.store());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String plain(String authzid, String user, String password) {
        return Base64.getEncoder().encodeToString((authzid + "\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    private RawClient connect() {
        RawClient c = new RawClient(server.host(), server.port());
        c.play("S: * OK [CAPABILITY " + CAPS_BEFORE_LOGIN + "] ImapMock ready.");
        return c;
    }

    @Test
    void greetingAndCapabilityListAuthPlainBeforeLoginOnly() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 CAPABILITY
                    S: * CAPABILITY %1$s
                    S: a1 OK Capability completed.
                    C: a2 LOGIN alice secret
                    S: a2 OK [CAPABILITY %2$s] Logged in
                    C: a3 CAPABILITY
                    S: * CAPABILITY %2$s
                    S: a3 OK Capability completed.
                    """.formatted(CAPS_BEFORE_LOGIN, CAPS_AFTER_LOGIN));
        }
    }

    @Test
    void capabilityNoopAndLogoutRefuseArguments() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 CAPABILITY now
                    S: a1 BAD Unexpected extra arguments
                    C: a2 NOOP please
                    S: a2 BAD Unexpected extra arguments
                    C: a3 LOGOUT now
                    S: a3 BAD Unexpected extra arguments
                    """);
            c.assertStillWorks("a4");
        }
    }

    @Test
    void noopWorksInEveryState() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 NOOP
                    S: a1 OK NOOP completed.
                    C: a2 LOGIN alice secret
                    S: a2 OK [CAPABILITY %s] Logged in
                    C: a3 NOOP
                    S: a3 OK NOOP completed.
                    """.formatted(CAPS_AFTER_LOGIN));
        }
    }

    @Test
    void idAnswersWithTheServerIdentityForNilOrAList() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 ID NIL
                    S: * ID ("name" "ImapMock" "vendor" "ImapMock")
                    S: a1 OK ID completed.
                    C: a2 ID ("name" "test-client" "version" "1.0")
                    S: * ID ("name" "ImapMock" "vendor" "ImapMock")
                    S: a2 OK ID completed.
                    C: a3 ID ("name")
                    S: a3 BAD ID takes NIL or a list of up to 30 field-value pairs
                    C: a4 ID
                    S: a4 BAD Missing a parameter list or NIL
                    C: a5 ID NIL NIL
                    S: a5 BAD Unexpected extra arguments
                    """);
            c.assertStillWorks("a6");
        }
    }

    @Test
    void logoutSaysByeThenOkThenCloses() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 LOGOUT
                    S: * BYE Logging out
                    S: a1 OK Logout completed.
                    """);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void loginSucceedsWithAtomsQuotedStringsAndLiterals() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 LOGIN "alice" {6}
                    S: + Ready for literal data
                    C: secret
                    S: a1 OK [CAPABILITY %s] Logged in
                    """.formatted(CAPS_AFTER_LOGIN));
            c.assertStillWorks("a2");
        }
        try (RawClient c = connect()) {
            c.play("""
                    C: b1 login bob {7+}
                    C: hunter2
                    S: b1 OK [CAPABILITY %s] Logged in
                    """.formatted(CAPS_AFTER_LOGIN));
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 LOGIN alice wrong
                    S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: a2 LOGIN mallory secret
                    S: a2 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: a3 LOGIN ALICE secret
                    S: a3 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: a4 SELECT INBOX
                    S: a4 BAD SELECT is not allowed in the not authenticated state
                    C: a5 LOGIN alice secret
                    S: a5 OK [CAPABILITY %s] Logged in
                    """.formatted(CAPS_AFTER_LOGIN));
        }
        assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
    }

    @Test
    void loginWithMissingOrExtraArgumentsIsBad() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 LOGIN
                    S: a1 BAD Missing a user name
                    C: a2 LOGIN alice
                    S: a2 BAD Missing a password
                    C: a3 LOGIN alice secret extra
                    S: a3 BAD Unexpected extra arguments
                    C: a4 LOGIN (alice) secret
                    S: a4 BAD Expected a user name, not a list
                    """);
            c.assertStillWorks("a5");
            c.play("""
                    C: a6 SELECT INBOX
                    S: a6 BAD SELECT is not allowed in the not authenticated state
                    """);
        }
    }

    @Test
    void loginWhenAlreadyAuthenticatedIsRefusedAndKeepsTheSession() {
        try (RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 LOGIN bob hunter2
                    S: a1 BAD LOGIN is not allowed in the authenticated state
                    C: a2 AUTHENTICATE PLAIN %s
                    S: a2 BAD AUTHENTICATE is not allowed in the authenticated state
                    """.formatted(plain("", "bob", "hunter2")));
            c.assertStillWorks("a3");
        }
        assertThat(server.journal().commands("NOOP")).extracting(ReceivedCommand::user).containsExactly("alice");
    }

    @Test
    void loginPasswordNeverReachesTheJournal() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 LOGIN alice wrong
                    S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: a2 LOGIN alice secret
                    S: a2 OK [CAPABILITY %s] Logged in
                    """.formatted(CAPS_AFTER_LOGIN));
        }
        assertThat(server.journal().commands("LOGIN")).extracting(ReceivedCommand::line)
                .containsExactly("a1 LOGIN alice ***", "a2 LOGIN alice ***");
    }

    @Test
    void authenticatePlainWithInitialResponse() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE PLAIN %s
                    S: a1 OK [CAPABILITY %s] Logged in
                    C: a2 SELECT INBOX
                    """.formatted(plain("", "alice", "secret"), CAPS_AFTER_LOGIN));
            assertThat(c.readUntilTagged("a2")).last().isEqualTo("a2 OK [READ-WRITE] Select completed.");
        }
    }

    @Test
    void authenticatePlainWithContinuation() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 authenticate plain
                    S: +\s
                    C: %s
                    S: a1 OK [CAPABILITY %s] Logged in
                    """.formatted(plain("", "alice", "secret"), CAPS_AFTER_LOGIN));
            c.assertStillWorks("a2");
        }
    }

    @Test
    void authenticatePlainAcceptsTheUserAsItsOwnAuthzid() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE PLAIN %s
                    S: a1 OK [CAPABILITY %s] Logged in
                    """.formatted(plain("alice", "alice", "secret"), CAPS_AFTER_LOGIN));
        }
    }

    @Test
    void authenticateCanceledWithStarIsBadAndLeavesTheSessionUnauthenticated() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE PLAIN
                    S: +\s
                    C: *
                    S: a1 BAD Authentication aborted by client.
                    C: a2 SELECT INBOX
                    S: a2 BAD SELECT is not allowed in the not authenticated state
                    """);
            c.assertStillWorks("a3");
        }
    }

    @Test
    void authenticateWithWrongPasswordOrUnknownUserFails() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE PLAIN %s
                    S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: a2 AUTHENTICATE PLAIN
                    S: +\s
                    C: %s
                    S: a2 NO [AUTHENTICATIONFAILED] Authentication failed.
                    """.formatted(plain("", "alice", "wrong"), plain("", "mallory", "secret")));
            c.assertStillWorks("a3");
        }
    }

    @Test
    void authenticateAsAnotherUserIsRefused() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE PLAIN %s
                    S: a1 NO [AUTHORIZATIONFAILED] Can't act as another user
                    C: a2 AUTHENTICATE PLAIN %s
                    S: a2 NO [AUTHENTICATIONFAILED] Authentication failed.
                    C: a3 SELECT INBOX
                    S: a3 BAD SELECT is not allowed in the not authenticated state
                    """.formatted(plain("bob", "alice", "secret"), plain("bob", "alice", "wrong")));
            c.assertStillWorks("a4");
        }
    }

    @Test
    void authenticateRefusesOtherMechanismsAndMalformedResponses() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE GSSAPI
                    S: a1 NO Unsupported authentication mechanism.
                    C: a2 AUTHENTICATE PLAIN not-base64!
                    S: a2 BAD Invalid base64 in the authentication response
                    C: a3 AUTHENTICATE PLAIN %s
                    S: a3 NO [AUTHENTICATIONFAILED] Authentication failed: the PLAIN response must be authzid NUL authcid NUL password
                    C: a4 AUTHENTICATE
                    S: a4 BAD Missing an authentication mechanism
                    C: a5 AUTHENTICATE PLAIN *
                    S: a5 BAD Invalid base64 in the authentication response
                    """.formatted(Base64.getEncoder().encodeToString("alice secret".getBytes(StandardCharsets.US_ASCII))));
            c.assertStillWorks("a6");
        }
    }

    @Test
    void anEmptyInitialResponseIsAFailedAuthenticationNotASyntaxError() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE PLAIN =
                    S: a1 NO [AUTHENTICATIONFAILED] Authentication failed: the PLAIN response is empty; it must be authzid NUL authcid NUL password
                    C: a2 SELECT INBOX
                    S: a2 BAD SELECT is not allowed in the not authenticated state
                    C: a3 AUTHENTICATE PLAIN %s
                    S: a3 OK [CAPABILITY %s] Logged in
                    """.formatted(plain("", "alice", "secret"), CAPS_AFTER_LOGIN));
        }
        assertThat(server.journal().commands("AUTHENTICATE")).extracting(c -> c.outcome().status())
                .containsExactly("NO", "OK");
        assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
    }

    @Test
    void anEmptyContinuationLineIsAFailedAuthentication() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE PLAIN
                    S: +\s
                    C:\s
                    S: a1 NO [AUTHENTICATIONFAILED] Authentication failed: the PLAIN response is empty; it must be authzid NUL authcid NUL password
                    C: a2 SELECT INBOX
                    S: a2 BAD SELECT is not allowed in the not authenticated state
                    """);
            c.assertStillWorks("a3");
        }
    }

    @Test
    void equalsSignIsAnEmptyResponseOnlyOnTheCommandLine() {
        // RFC 4959 §3 gives "=" its meaning in the initial response; after "+ " it is base64, and invalid.
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE PLAIN
                    S: +\s
                    C: =
                    S: a1 BAD Invalid base64 in the authentication response
                    """);
            c.assertStillWorks("a2");
        }
    }

    @Test
    void saslResponsesNeverReachTheJournal() {
        try (RawClient c = connect()) {
            c.play("""
                    C: a1 AUTHENTICATE PLAIN %s
                    S: a1 OK [CAPABILITY %s] Logged in
                    """.formatted(plain("", "alice", "secret"), CAPS_AFTER_LOGIN));
        }
        assertThat(server.journal().commands("AUTHENTICATE")).extracting(ReceivedCommand::line)
                .containsExactly("a1 AUTHENTICATE PLAIN ***");
    }
}
