package dev.imapmock.urlauth;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.testing.MutableClock;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * URLAUTH (RFC 4467) and URLAUTH=BINARY (RFC 5524) over a socket, exact bytes: GENURLAUTH,
 * URLFETCH in both forms, RESETKEY, ;EXPIRE= against the server's clock, CATENATE with an
 * authorized URL, and every refusal. The tests give INBOX a known access key, so each expected
 * token is computed here as RFC 4467 §7 says: HMAC-SHA1 of the rump URL, in hex after {@code 01}.
 */
@Timeout(20)
class UrlAuthTranscriptTest {
    static final String MESSAGE = "From: a@example.com\r\nSubject: hi\r\nContent-Type: text/plain\r\n\r\nHello world";
    static final String MULTIPART = "Subject: two\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nHi\r\n"
            + "--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n"
            + "--b--\r\n";
    static final byte[] KEY = new byte[64];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) i;
        }
    }

    static ImapMockServer server(MutableClock clock, Extension... extensions) {
        ImapMockServer.Builder builder = ImapMockServer.builder().user("alice", "secret").user("bob", "secret")
                .with(extensions);
        if (clock != null) {
            builder.clock(clock);
        }
        ImapMockServer server = builder.build().start();
        Mailbox inbox = inbox(server);
        add(inbox, MESSAGE);
        add(inbox, MULTIPART);
        inbox.urlAuthKey(() -> KEY);
        return server;
    }

    static ImapMockServer server() {
        return server(null, Extension.URLAUTH, Extension.URLAUTH_BINARY);
    }

    static Mailbox inbox(ImapMockServer server) {
        return server.store().account("alice").orElseThrow().require("INBOX");
    }

    static void add(Mailbox box, String text) {
        box.append(List.of(new Mailbox.NewMessage(text.getBytes(StandardCharsets.US_ASCII), Flags.NONE,
                OffsetDateTime.parse("2026-12-01T10:00:00Z"))));
    }

    /** The rump URL with its INTERNAL token under {@code key}, as RFC 4467 §7 computes it. */
    static String authorized(String rump, byte[] key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        return rump + ":internal:01" + HexFormat.of().formatHex(mac.doFinal(rump.getBytes(StandardCharsets.UTF_8)));
    }

    static String authorized(String rump) throws Exception {
        return authorized(rump, KEY);
    }

    @Test
    void genurlauthAppendsAnInternalTokenAndUrlfetchReadsWhatTheAccessAllows() throws Exception {
        String anonymous = "imap://alice@mail.example.com/INBOX/;UID=1;URLAUTH=anonymous";
        try (ImapMockServer server = server()) {
            String forBob = "imap://alice@mail.example.com/INBOX;UIDVALIDITY=" + inbox(server).uidValidity()
                    + "/;UID=1/;SECTION=1;URLAUTH=user+bob";
            String authuser = "imap://alice@mail.example.com/INBOX/;UID=1/;SECTION=HEADER.FIELDS%20(SUBJECT);URLAUTH=authuser";
            String submit = "imap://alice@mail.example.com/INBOX/;UID=1;URLAUTH=submit+bob";
            try (RawClient alice = RawClient.login(server, "alice", "secret")) {
                alice.play("""
                        C: a1 GENURLAUTH "%s" INTERNAL "%s" internal
                        S: * GENURLAUTH %s %s
                        S: a1 OK GENURLAUTH completed.
                        C: a2 GENURLAUTH "%s" INTERNAL "%s" INTERNAL
                        S: * GENURLAUTH "%s" %s
                        S: a2 OK GENURLAUTH completed.
                        C: a3 URLFETCH %s
                        S: * URLFETCH %s {73}
                        S: From: a@example.com
                        S: Subject: hi
                        S: Content-Type: text/plain
                        S:\s
                        S: Hello world
                        S: a3 OK URLFETCH completed.
                        C: a4 URLFETCH "%s"
                        S: * URLFETCH %s NIL
                        S: * NO Failed to fetch URLAUTH "%s": No 'user+bob' access allowed for user alice.
                        S: a4 OK URLFETCH completed.
                        C: a5 URLFETCH "%s"
                        S: * URLFETCH %s NIL
                        S: * NO Failed to fetch URLAUTH "%s": No 'submit+bob' access allowed for user alice.
                        S: a5 OK URLFETCH completed.
                        """.formatted(anonymous, forBob, authorized(anonymous), authorized(forBob),
                        authuser, submit, authorized(authuser), authorized(submit),
                        authorized(anonymous), authorized(anonymous),
                        authorized(forBob), authorized(forBob), authorized(forBob),
                        authorized(submit), authorized(submit), authorized(submit)));
                alice.assertStillWorks("a6");
            }
            try (RawClient bob = RawClient.login(server, "bob", "secret")) {
                bob.play("""
                        C: b1 URLFETCH %s "%s"
                        S: * URLFETCH %s {11}
                        S: Hello world
                        S: * URLFETCH "%s" {15}
                        S: Subject: hi
                        S:\s
                        S:\s
                        S: b1 OK URLFETCH completed.
                        """.formatted(authorized(forBob), authorized(authuser), authorized(forBob), authorized(authuser))
                        );
            }
        }
    }

    @Test
    void theParenthesizedFormAnswersEachMetadataItemInItsOwnParentheses() throws Exception {
        String text = authorized("imap://alice@h/INBOX/;UID=2/;SECTION=1;URLAUTH=anonymous");
        String octets = authorized("imap://alice@h/INBOX/;UID=2/;SECTION=2;URLAUTH=anonymous");
        try (ImapMockServer server = server(); RawClient alice = RawClient.login(server, "alice", "secret")) {
            alice.play("""
                    C: a1 URLFETCH (%1$s BODYPARTSTRUCTURE BINARY)
                    S: * URLFETCH %1$s (BODYPARTSTRUCTURE ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 2 0 NIL NIL NIL NIL)) (BINARY {2}
                    S: Hi)
                    S: a1 OK URLFETCH completed.
                    C: a2 URLFETCH (%2$s BINARY) (%2$s body) %1$s
                    S: * URLFETCH %2$s (BINARY ~{3}
                    S: \u0000\u0001\u0002)
                    S: * URLFETCH %2$s (BODY {4}
                    S: AAEC)
                    S: * URLFETCH %1$s {2}
                    S: Hi
                    S: a2 OK URLFETCH completed.
                    C: a3 URLFETCH (%1$s)
                    S: * URLFETCH %1$s (BODY {2}
                    S: Hi)
                    S: a3 OK URLFETCH completed.
                    C: a4 URLFETCH (%1$s BODYPARTSTRUCTURE)
                    S: * URLFETCH %1$s (BODYPARTSTRUCTURE ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 2 0 NIL NIL NIL NIL))
                    S: a4 OK URLFETCH completed.
                    C: a5 URLFETCH ("imap://alice@h/INBOX/;UID=2;URLAUTH=anonymous:internal:0123456789abcdef0123456789abcdef01" BODY)
                    S: * URLFETCH imap://alice@h/INBOX/;UID=2;URLAUTH=anonymous:internal:0123456789abcdef0123456789abcdef01 NIL
                    S: * NO Failed to fetch URLAUTH "imap://alice@h/INBOX/;UID=2;URLAUTH=anonymous:internal:0123456789abcdef0123456789abcdef01": URLAUTH verification failed.
                    S: a5 OK URLFETCH completed.
                    C: a6 URLFETCH (%1$s BODY BINARY)
                    S: a6 BAD URL cannot have both BODY and BINARY fetch parameters
                    C: a7 URLFETCH (%1$s SIZE)
                    S: a7 BAD Unknown URL fetch parameter: SIZE
                    C: a8 URLFETCH ()
                    S: a8 BAD Missing a URL at the start of the parentheses
                    """.formatted(text, octets));
            alice.assertStillWorks("a9");
        }
    }

    @Test
    void withoutUrlauthBinaryTheParenthesizedFormIsBad() throws Exception {
        String text = authorized("imap://alice@h/INBOX/;UID=2/;SECTION=1;URLAUTH=anonymous");
        try (ImapMockServer server = server(null, Extension.URLAUTH);
             RawClient alice = RawClient.login(server, "alice", "secret")) {
            alice.play("""
                    C: a1 CAPABILITY
                    S~ \\* CAPABILITY .* NOTIFY URLAUTH METADATA .*
                    S: a1 OK Capability completed.
                    C: a2 URLFETCH (%1$s BINARY)
                    S: a2 BAD Expected a URL to fetch, not a list
                    C: a3 URLFETCH %1$s
                    S: * URLFETCH %1$s {2}
                    S: Hi
                    S: a3 OK URLFETCH completed.
                    """.formatted(text));
        }
    }

    @Test
    void aServerWithoutUrlauthDoesNotKnowItsCommands() {
        try (ImapMockServer server = server(null); RawClient alice = RawClient.login(server, "alice", "secret")) {
            alice.play("""
                    C: a1 GENURLAUTH "imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous" INTERNAL
                    S: a1 BAD Unknown command GENURLAUTH
                    C: a2 URLFETCH "imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous:internal:0123456789abcdef0123456789abcdef01"
                    S: a2 BAD Unknown command URLFETCH
                    C: a3 RESETKEY
                    S: a3 BAD Unknown command RESETKEY
                    """);
            List<String> capability = alice.command("a4", "CAPABILITY");
            assertThat(capability.get(0)).doesNotContain("URLAUTH");
        }
    }

    @Test
    void resetkeyRevokesEveryTokenOfTheMailbox() throws Exception {
        String url = authorized("imap://alice@h/INBOX/;UID=1/;SECTION=1;URLAUTH=anonymous");
        try (ImapMockServer server = server(); RawClient alice = RawClient.login(server, "alice", "secret")) {
            alice.play("""
                    C: a1 URLFETCH %1$s
                    S: * URLFETCH %1$s {11}
                    S: Hello world
                    S: a1 OK URLFETCH completed.
                    C: a2 RESETKEY INBOX INTERNAL
                    S: a2 OK [URLMECH INTERNAL] Key removed.
                    C: a3 URLFETCH %1$s
                    S: * URLFETCH %1$s NIL
                    S: * NO Failed to fetch URLAUTH "%1$s": URLAUTH verification failed.
                    S: a3 OK URLFETCH completed.
                    C: a4 RESETKEY INBOX
                    S: a4 OK [URLMECH INTERNAL] Key removed.
                    C: a5 RESETKEY
                    S: a5 OK All keys removed.
                    C: a6 RESETKEY INBOX XSAMPLE
                    S: a6 NO Unsupported URLAUTH mechanism: XSAMPLE
                    C: a7 RESETKEY Nope
                    S: a7 NO [NONEXISTENT] Mailbox doesn't exist: Nope
                    C: a8 RESETKEY (INBOX)
                    S: a8 BAD Expected a mailbox name, not a list
                    C: a9 RESETKEY INBOX "INTERNAL"
                    S: a9 BAD Expected a URLAUTH mechanism, such as INTERNAL
                    """.formatted(url));
            assertThat(inbox(server).urlAuthKey()).isNull();
            List<String> again = alice.command("a10", "GENURLAUTH \"imap://alice@h/INBOX/;UID=1/;SECTION=1;URLAUTH=anonymous\" INTERNAL");
            assertThat(again.get(0)).startsWith("* GENURLAUTH imap://alice@h/INBOX/;UID=1/;SECTION=1;URLAUTH=anonymous:internal:01")
                    .isNotEqualTo("* GENURLAUTH " + url);
            assertThat(again.get(0)).isEqualTo("* GENURLAUTH " + authorized(
                    "imap://alice@h/INBOX/;UID=1/;SECTION=1;URLAUTH=anonymous", inbox(server).urlAuthKey()));
        }
    }

    @Test
    void expireIsJudgedByTheServersClock() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        String rump = "imap://alice@h/INBOX/;UID=1/;SECTION=1;EXPIRE=2030-01-01T01:00:00Z;URLAUTH=anonymous";
        try (ImapMockServer server = server(clock, Extension.URLAUTH, Extension.URLAUTH_BINARY);
             RawClient alice = RawClient.login(server, "alice", "secret")) {
            alice.play("""
                    C: a1 GENURLAUTH "%1$s" INTERNAL
                    S: * GENURLAUTH %2$s
                    S: a1 OK GENURLAUTH completed.
                    C: a2 URLFETCH %2$s
                    S: * URLFETCH %2$s {11}
                    S: Hello world
                    S: a2 OK URLFETCH completed.
                    C: a3 GENURLAUTH "imap://alice@h/INBOX/;UID=1;EXPIRE=2029-12-31T23:59:59Z;URLAUTH=anonymous" INTERNAL
                    S: a3 BAD URLAUTH has already expired
                    C: a4 GENURLAUTH "imap://alice@h/INBOX/;UID=1;EXPIRE=soon;URLAUTH=anonymous" INTERNAL
                    S: a4 BAD Invalid IMAP URL: invalid date-time for ;EXPIRE=, such as 2030-01-31T12:00:00Z
                    """.formatted(rump, authorized(rump)));
            clock.advance(Duration.ofHours(2));
            alice.play("""
                    C: a5 URLFETCH %1$s
                    S: * URLFETCH %1$s NIL
                    S: * NO Failed to fetch URLAUTH "%1$s": URLAUTH has expired.
                    S: a5 OK URLFETCH completed.
                    """.formatted(authorized(rump)));
        }
    }

    @Test
    void genurlauthRefusesWhatItCannotAuthorizeAndGeneratesNothing() throws Exception {
        try (ImapMockServer server = server(); RawClient alice = RawClient.login(server, "alice", "secret")) {
            alice.play("""
                    C: a1 GENURLAUTH "imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous" XSAMPLE
                    S: a1 NO Unsupported URLAUTH mechanism: XSAMPLE
                    C: a2 GENURLAUTH "imap://alice@h/INBOX/;UID=1" INTERNAL
                    S: a2 BAD Invalid URL: Must be an URLAUTH rump URL
                    C: a3 GENURLAUTH "imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous:internal:0123456789abcdef0123456789abcdef01" INTERNAL
                    S: a3 BAD Invalid URL: Must be an URLAUTH rump URL
                    C: a4 GENURLAUTH "imap://bob@h/INBOX/;UID=1;URLAUTH=anonymous" INTERNAL
                    S: a4 BAD Not permitted to generate URLAUTH for user bob
                    C: a5 GENURLAUTH "imap://alice@h/Nope/;UID=1;URLAUTH=anonymous" INTERNAL
                    S: a5 BAD Invalid URL: Mailbox doesn't exist: Nope
                    C: a6 GENURLAUTH "imap://alice@h/INBOX/;UID=99;URLAUTH=anonymous" INTERNAL
                    S: a6 BAD Invalid URL: Message not found
                    C: a7 GENURLAUTH "imap://alice@h/INBOX;UIDVALIDITY=1/;UID=1;URLAUTH=anonymous" INTERNAL
                    S: a7 BAD Invalid URL: Invalid UIDVALIDITY
                    C: a8 GENURLAUTH "/INBOX/;UID=1;URLAUTH=anonymous" INTERNAL
                    S: a8 BAD Invalid IMAP URL: ;URLAUTH= needs an absolute URL, imap://user@host/mailbox/;UID=n
                    C: a9 GENURLAUTH "imap://alice@h/INBOX/;UID=1;URLAUTH=user+" INTERNAL
                    S: a9 BAD Invalid IMAP URL: Empty URLAUTH access user for `user' application
                    C: a10 GENURLAUTH "imap://alice@h/INBOX/;UID=1;URLAUTH=nobody" INTERNAL
                    S: a10 BAD Invalid IMAP URL: unknown URLAUTH access identifier "nobody"; expected anonymous, authuser, user+name or submit+name
                    C: a11 GENURLAUTH "imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous" INTERNAL "imap://alice@h/INBOX/;UID=1" INTERNAL
                    S: a11 BAD Invalid URL: Must be an URLAUTH rump URL
                    C: a12 GENURLAUTH
                    S: a12 BAD Missing the URL to authorize and its mechanism, as in GENURLAUTH "imap://user@host/INBOX/;UID=1;URLAUTH=anonymous" INTERNAL
                    C: a13 GENURLAUTH "imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous"
                    S: a13 BAD Missing the URLAUTH mechanism after the URL, such as INTERNAL
                    C: a14 GENURLAUTH (x) INTERNAL
                    S: a14 BAD Expected the URL to authorize, not a list
                    """);
            alice.assertStillWorks("a15");
        }
    }

    @Test
    void urlfetchAnswersNilForWhatGrantsNothing() throws Exception {
        String url = authorized("imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous");
        String tampered = url.substring(0, url.length() - 1) + (url.endsWith("0") ? "1" : "0");
        try (ImapMockServer server = server(); RawClient alice = RawClient.login(server, "alice", "secret")) {
            alice.play("""
                    C: a1 URLFETCH %1$s garbage /INBOX/;UID=1 "imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous:internal:01"
                    S: * URLFETCH %1$s NIL
                    S: * NO Failed to fetch URLAUTH "%1$s": URLAUTH verification failed.
                    S: * URLFETCH garbage NIL
                    S: * NO Failed to fetch URLAUTH "garbage": Invalid IMAP URL: expected imap://user@host/mailbox/;UID=n, /mailbox/;UID=n or ;UID=n.
                    S: * URLFETCH /INBOX/;UID=1 NIL
                    S: * NO Failed to fetch URLAUTH "/INBOX/;UID=1": Invalid URL: Must be a full URLAUTH URL.
                    S: * URLFETCH imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous:internal:01 NIL
                    S: * NO Failed to fetch URLAUTH "imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous:internal:01": Invalid IMAP URL: Too short URLAUTH token.
                    S: a1 OK URLFETCH completed.
                    C: a2 URLFETCH "imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous:xsample:0123456789abcdef0123456789abcdef01"
                    S: * URLFETCH imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous:xsample:0123456789abcdef0123456789abcdef01 NIL
                    S: * NO Failed to fetch URLAUTH "imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous:xsample:0123456789abcdef0123456789abcdef01": Unsupported URLAUTH mechanism: xsample.
                    S: a2 OK URLFETCH completed.
                    C: a3 URLFETCH "%2$s"
                    S: * URLFETCH %2$s NIL
                    S: * NO Failed to fetch URLAUTH "%2$s": Invalid URLAUTH: Mailbox doesn't exist: Nope.
                    S: a3 OK URLFETCH completed.
                    C: a4 URLFETCH
                    S: a4 BAD Missing the URL to fetch
                    """.formatted(tampered, "imap://alice@h/Nope/;UID=1;URLAUTH=anonymous:internal:0123456789abcdef0123456789abcdef01"));
            alice.assertStillWorks("a5");
        }
    }

    @Test
    void catenateTakesAnAuthorizedUrlOfAnotherUsersMessage() throws Exception {
        String forBob = authorized("imap://alice@h/INBOX/;UID=1/;SECTION=1;URLAUTH=user+bob");
        String forCarol = authorized("imap://alice@h/INBOX/;UID=1/;SECTION=1;URLAUTH=user+carol");
        try (ImapMockServer server = server(); RawClient bob = RawClient.login(server, "bob", "secret")) {
            bob.play("""
                    C: b1 APPEND INBOX CATENATE (TEXT {13+}
                    C: Subject: fw
                    C:  URL "%1$s")
                    S~ b1 OK \\[APPENDUID \\d+ 1\\] Append completed\\.
                    C: b2 APPEND INBOX CATENATE (URL "%2$s")
                    S: b2 NO [BADURL %2$s] No 'user+carol' access allowed for user bob
                    C: b3 APPEND INBOX CATENATE (URL "imap://alice@h/INBOX/;UID=1;URLAUTH=user+bob")
                    S: b3 NO [BADURL imap://alice@h/INBOX/;UID=1;URLAUTH=user+bob] Invalid URL: Must be a full URLAUTH URL
                    """.formatted(forBob, forCarol));
            byte[] appended = server.store().account("bob").orElseThrow().require("INBOX").byUid(1).bytes();
            assertThat(new String(appended, StandardCharsets.US_ASCII)).isEqualTo("Subject: fw\r\nHello world");
        }
    }

    @Test
    void keysFromTheSeededGeneratorRepeatFromRunToRun() {
        String command = "GENURLAUTH \"imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous\" INTERNAL";
        List<String> first;
        List<String> second;
        try (ImapMockServer server = fresh(); RawClient alice = RawClient.login(server, "alice", "secret")) {
            first = alice.command("a1", command);
        }
        try (ImapMockServer server = fresh(); RawClient alice = RawClient.login(server, "alice", "secret")) {
            second = alice.command("a1", command);
        }
        assertThat(first.get(0)).matches("\\* GENURLAUTH imap://alice@h/INBOX/;UID=1;URLAUTH=anonymous:internal:01[0-9a-f]{40}");
        assertThat(second).isEqualTo(first);
    }

    private static ImapMockServer fresh() {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(Extension.URLAUTH).build().start();
        add(inbox(server), MESSAGE);
        return server;
    }
}
