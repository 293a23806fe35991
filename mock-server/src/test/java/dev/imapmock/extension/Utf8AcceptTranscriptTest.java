package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * UTF8=ACCEPT (RFC 6855) over a socket, exact bytes: each rule before and after
 * {@code ENABLE UTF8=ACCEPT}, IMAP4rev2's UTF-8 names (RFC 9051 §5.1) through the same path, and
 * a server without the extension, which answers as one that never had it.
 */
@Timeout(20)
class Utf8AcceptTranscriptTest {
    private static final String UTF8_AFTER_LOGIN = Capabilities.AFTER_LOGIN.replace("PREVIEW ESEARCH",
            "PREVIEW UTF8=ACCEPT ESEARCH");
    private static final String HEADER_8BIT = "Subject: caf\u00e9\r\nFrom: j\u00f6rg@example.com\r\n\r\nbody\r\n";

    private static ImapMockServer server(Extension... extensions) {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").specialUse(SpecialUseMailboxes.none())
                .with(extensions).build().start();
        alice(server).create("Entw\u00fcrfe");
        return server;
    }

    private static Account alice(ImapMockServer server) {
        return server.store().account("alice").orElseThrow();
    }

    private static RawClient enabled(ImapMockServer server) {
        RawClient c = RawClient.login(server, "alice", "secret");
        c.play("""
                C: e1 ENABLE UTF8=ACCEPT
                S: * ENABLED UTF8=ACCEPT
                S: e1 OK Enabled.
                """);
        return c;
    }

    private static int octets(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void capabilityListsItAndEnableTurnsItOnOnce() {
        try (ImapMockServer server = server(Extension.UTF8_ACCEPT); RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: a1 LOGIN alice secret
                    S: a1 OK [CAPABILITY %s] Logged in
                    C: a2 ENABLE UTF8=ACCEPT
                    S: * ENABLED UTF8=ACCEPT
                    S: a2 OK Enabled.
                    C: a3 ENABLE UTF8=ACCEPT
                    S: a3 OK Enabled.
                    """.formatted(UTF8_AFTER_LOGIN));
        }
    }

    @Test
    void aServerWithoutItNeitherListsNorEnablesItAndKeepsModifiedUtf7() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 CAPABILITY
                    S: * CAPABILITY %s
                    S: a1 OK Capability completed.
                    C: a2 ENABLE UTF8=ACCEPT
                    S: a2 OK Enabled.
                    C: a3 LIST "" *
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\HasNoChildren) "/" Entw&APw-rfe
                    S: a3 OK LIST completed.
                    C: a4 CREATE "Caf\u00e9"
                    S: a4 NO Mailbox name "Caf\\u00E9" is not valid modified UTF-7: the character U+00E9 at position 4 must be written in modified BASE64
                    C: a5 APPEND INBOX UTF8 ("x")
                    S: a5 BAD The message must be sent as a literal
                    """.formatted(Capabilities.AFTER_LOGIN));
            c.assertStillWorks("n1");
        }
    }

    @Test
    void beforeEnableNamesAreModifiedUtf7AndEightBitQuotedStringsAreBad() {
        try (ImapMockServer server = server(Extension.UTF8_ACCEPT); RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: a1 LIST "" *
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\HasNoChildren) "/" Entw&APw-rfe
                    S: a1 OK LIST completed.
                    C: a2 CREATE "Caf\u00e9"
                    S: a2 BAD 8-bit characters in a quoted string need ENABLE UTF8=ACCEPT first; send them in a literal
                    C: a3 CREATE {5}
                    S: + Ready for literal data
                    C: Caf\u00e9
                    S: a3 NO Mailbox name "Caf\\u00E9" is not valid modified UTF-7: the character U+00E9 at position 4 must be written in modified BASE64
                    C: a4 STATUS Entw&APw-rfe (MESSAGES)
                    S: * STATUS Entw&APw-rfe (MESSAGES 0)
                    S: a4 OK Status completed.
                    C: a5 SEARCH CHARSET UTF-8 ALL
                    S: a5 BAD SEARCH is not allowed in the authenticated state
                    """.replace("{5}", "{" + octets("Caf\u00e9") + "}"));
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void beforeEnableTheUtf8DataItemIsBadAndEightBitHeadersAreNo() {
        try (ImapMockServer server = server(Extension.UTF8_ACCEPT); RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> before = StoreSnapshot.of(server.store());
            int n = octets(HEADER_8BIT);
            c.send("a1 APPEND INBOX UTF8 (~{" + n + "+}");
            c.sendRaw((HEADER_8BIT + ")\r\n").getBytes(StandardCharsets.UTF_8));
            c.play("""
                    S: a1 BAD The UTF8 data item of APPEND needs ENABLE UTF8=ACCEPT first
                    """);
            c.send("a2 APPEND INBOX {" + n + "+}");
            c.sendRaw((HEADER_8BIT + "\r\n").getBytes(StandardCharsets.UTF_8));
            c.play("""
                    S: a2 NO The message has 8-bit octets in its header; send ENABLE UTF8=ACCEPT first
                    """);
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            String bodyOnly = "Subject: x\r\n\r\ncaf\u00e9\r\n";
            c.send("a3 APPEND INBOX {" + octets(bodyOnly) + "+}");
            c.sendRaw((bodyOnly + "\r\n").getBytes(StandardCharsets.UTF_8));
            c.play("""
                    S~ a3 OK \\[APPENDUID \\d+ 1\\] Append completed\\.
                    """);
            assertThat(alice(server).mailbox("INBOX").status().messages()).isEqualTo(1);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void afterEnableNamesAreUtf8BothWaysAndModifiedUtf7IsTakenLiterally() {
        try (ImapMockServer server = server(Extension.UTF8_ACCEPT); RawClient c = enabled(server)) {
            c.play("""
                    C: a1 LIST "" *
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\HasNoChildren) "/" "Entw\u00fcrfe"
                    S: a1 OK LIST completed.
                    C: a2 CREATE "Caf\u00e9/\u65e5\u672c\u8a9e"
                    S: a2 OK Create completed.
                    C: a3 CREATE &AOk-
                    S: a3 OK Create completed.
                    C: a4 LIST "" *
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\HasNoChildren) "/" &AOk-
                    S: * LIST (\\HasChildren) "/" "Caf\u00e9"
                    S: * LIST (\\HasNoChildren) "/" "Caf\u00e9/\u65e5\u672c\u8a9e"
                    S: * LIST (\\HasNoChildren) "/" "Entw\u00fcrfe"
                    S: a4 OK LIST completed.
                    C: a5 LIST "" "Caf\u00e9/%"
                    S: * LIST (\\HasNoChildren) "/" "Caf\u00e9/\u65e5\u672c\u8a9e"
                    S: a5 OK LIST completed.
                    C: a6 STATUS "Entw\u00fcrfe" (MESSAGES)
                    S: * STATUS "Entw\u00fcrfe" (MESSAGES 0)
                    S: a6 OK Status completed.
                    C: a7 STATUS Entw&APw-rfe (MESSAGES)
                    S: a7 NO [NONEXISTENT] Mailbox doesn't exist: Entw&APw-rfe
                    C: a8 LSUB "" *
                    S: a8 OK LSUB completed.
                    C: a9 SUBSCRIBE "Caf\u00e9"
                    S: a9 OK Subscribe completed.
                    C: b1 LSUB "" *
                    S: * LSUB () "/" "Caf\u00e9"
                    S: b1 OK LSUB completed.
                    C: b2 RENAME "Caf\u00e9/\u65e5\u672c\u8a9e" "Caf\u00e9/x"
                    S: b2 OK Rename completed.
                    C: b3 GETACL "Caf\u00e9"
                    S: * ACL "Caf\u00e9" alice lrwstipekxacd
                    S: b3 OK Getacl completed.
                    C: b4 MYRIGHTS "Caf\u00e9"
                    S: * MYRIGHTS "Caf\u00e9" lrwstipekxacd
                    S: b4 OK Myrights completed.
                    C: b5 LISTRIGHTS "Caf\u00e9" bob
                    S: * LISTRIGHTS "Caf\u00e9" bob "" l r w s t i p e k x a
                    S: b5 OK Listrights completed.
                    C: b6 SETMETADATA "Caf\u00e9" (/shared/comment "d\u00e9j\u00e0")
                    S: b6 OK Setmetadata completed.
                    C: b7 GETMETADATA "Caf\u00e9" /shared/comment
                    S: * METADATA "Caf\u00e9" (/shared/comment {6}
                    S: d\u00e9j\u00e0)
                    S: b7 OK Getmetadata completed.
                    C: b8 GETQUOTAROOT "Caf\u00e9"
                    S: * QUOTAROOT "Caf\u00e9"
                    S: b8 OK Getquotaroot completed.
                    """);
            assertThat(alice(server).mailbox("Caf\u00e9/x")).isNotNull();
            assertThat(alice(server).mailbox("&AOk-")).isNotNull();
            c.assertStillWorks("n1");
        }
    }

    @Test
    void afterEnableInvalidUtf8IsBadAndForbiddenCharactersAreNo() {
        try (ImapMockServer server = server(Extension.UTF8_ACCEPT); RawClient c = enabled(server)) {
            List<String> before = StoreSnapshot.of(server.store());
            c.sendRaw("a1 CREATE \"Caf\u00c3\"\r\n".getBytes(StandardCharsets.ISO_8859_1));
            c.play("""
                    S: a1 BAD A quoted string is not valid UTF-8
                    """);
            c.sendRaw("a2 CREATE \"\u00c0\u00af\"\r\n".getBytes(StandardCharsets.ISO_8859_1));
            c.play("""
                    S: a2 BAD A quoted string is not valid UTF-8
                    C: a3 CREATE "a\u0085b"
                    S: a3 NO Mailbox name holds U+0085 at position 2, which a mailbox name may not hold
                    C: a4 CREATE "line\u2028break"
                    S: a4 NO Mailbox name holds U+2028 at position 5, which a mailbox name may not hold
                    """);
            c.sendRaw("a5 CREATE {2}\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.readLine()).isEqualTo("+ Ready for literal data");
            c.sendRaw(new byte[] {(byte) 0xc3, 'x', '\r', '\n'});
            c.play("""
                    S: a5 NO Mailbox name is not valid UTF-8
                    """);
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void afterEnableSearchTakesNoCharsetAndSortTakesOnlyUtf8() {
        try (ImapMockServer server = server(Extension.UTF8_ACCEPT); RawClient c = enabled(server)) {
            server.deliver("alice", "INBOX", HEADER_8BIT.getBytes(StandardCharsets.UTF_8));
            server.deliver("alice", "INBOX", "Subject: plain\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
            c.command("s0", "SELECT INBOX");
            c.play("""
                    C: a1 SEARCH SUBJECT "caf\u00e9"
                    S: * SEARCH 1
                    S: a1 OK Search completed.
                    C: a2 SEARCH CHARSET UTF-8 SUBJECT "caf\u00e9"
                    S: a2 BAD SEARCH takes no CHARSET after ENABLE UTF8=ACCEPT: its strings are UTF-8
                    C: a3 SEARCH CHARSET KOI8-R ALL
                    S: a3 BAD SEARCH takes no CHARSET after ENABLE UTF8=ACCEPT: its strings are UTF-8
                    C: a4 SORT (SUBJECT) UTF-8 ALL
                    S: * SORT 1 2
                    S: a4 OK Sort completed.
                    C: a5 SORT (SUBJECT) US-ASCII ALL
                    S: a5 BAD SORT takes only the charset UTF-8 after ENABLE UTF8=ACCEPT
                    C: a6 THREAD REFERENCES US-ASCII ALL
                    S: a6 BAD THREAD takes only the charset UTF-8 after ENABLE UTF8=ACCEPT
                    C: a7 THREAD ORDEREDSUBJECT utf-8 ALL
                    S: * THREAD (1)(2)
                    S: a7 OK Thread completed.
                    """);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void afterEnableAppendTakesTheUtf8DataItemAndStoresItAsSent() {
        try (ImapMockServer server = server(Extension.UTF8_ACCEPT); RawClient c = enabled(server)) {
            int n = octets(HEADER_8BIT);
            c.send("a1 APPEND \"Entw\u00fcrfe\" (\\Seen) UTF8 (~{" + n + "+}");
            c.sendRaw((HEADER_8BIT + ")\r\n").getBytes(StandardCharsets.UTF_8));
            c.play("""
                    S~ a1 OK \\[APPENDUID \\d+ 1\\] Append completed\\.
                    """);
            c.send("a2 APPEND INBOX {" + n + "+}");
            c.sendRaw((HEADER_8BIT + "\r\n").getBytes(StandardCharsets.UTF_8));
            c.play("""
                    S~ a2 OK \\[APPENDUID \\d+ 1\\] Append completed\\.
                    C: a3 APPEND INBOX UTF8 x
                    S: a3 BAD UTF8 must be followed by a literal8 in parentheses: UTF8 (~{n})
                    C: a4 APPEND INBOX UTF8 ("x")
                    S: a4 BAD UTF8 must be followed by one literal8 in parentheses: UTF8 (~{n})
                    """);
            assertThat(alice(server).mailbox("Entw\u00fcrfe").messages().get(0).bytes())
                    .isEqualTo(HEADER_8BIT.getBytes(StandardCharsets.UTF_8));
            assertThat(alice(server).mailbox("Entw\u00fcrfe").messages().get(0).flags().has("\\Seen")).isTrue();
            c.assertStillWorks("n1");
        }
    }

    @Test
    void notifyTellsEachSessionNamesInItsOwnEncoding() {
        try (ImapMockServer server = server(Extension.UTF8_ACCEPT);
             RawClient utf8 = enabled(server);
             RawClient legacy = RawClient.login(server, "alice", "secret");
             RawClient other = RawClient.login(server, "alice", "secret")) {
            utf8.play("""
                    C: n1 NOTIFY SET STATUS (MAILBOXES "Entw\u00fcrfe" (MessageNew MessageExpunge)) (PERSONAL (MailboxName))
                    S: * STATUS "Entw\u00fcrfe" (MESSAGES 0 UIDNEXT 1 UIDVALIDITY %d UNSEEN 0)
                    S: n1 OK NOTIFY completed.
                    """.formatted(alice(server).mailbox("Entw\u00fcrfe").uidValidity()));
            legacy.play("""
                    C: n1 NOTIFY SET (PERSONAL (MailboxName))
                    S: n1 OK NOTIFY completed.
                    """);
            other.command("c1", "RENAME Entw&APw-rfe Gel&APY-scht");
            utf8.play("""
                    C: p1 NOOP
                    S: * LIST () "/" "Gel\u00f6scht" ("OLDNAME" ("Entw\u00fcrfe"))
                    S: p1 OK NOOP completed.
                    """);
            legacy.play("""
                    C: p1 NOOP
                    S: * LIST () "/" Gel&APY-scht ("OLDNAME" (Entw&APw-rfe))
                    S: p1 OK NOOP completed.
                    """);
        }
    }

    @Test
    void catenateTakesAUtf8PartAfterEnable() {
        try (ImapMockServer server = server(Extension.UTF8_ACCEPT); RawClient c = enabled(server)) {
            int n = octets(HEADER_8BIT);
            c.send("a1 APPEND INBOX CATENATE (UTF8 (~{" + n + "+}");
            c.sendRaw((HEADER_8BIT + ") TEXT {8+}\r\nmore\r\n\r\n)\r\n").getBytes(StandardCharsets.UTF_8));
            c.play("""
                    S~ a1 OK \\[APPENDUID \\d+ 1\\] Append completed\\.
                    """);
            assertThat(alice(server).mailbox("INBOX").messages().get(0).bytes())
                    .isEqualTo((HEADER_8BIT + "more\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            c.assertStillWorks("n1");
        }
    }

    @Test
    void faultRulesFindTheMailboxAUtf8SessionNames() {
        try (ImapMockServer server = server(Extension.UTF8_ACCEPT); RawClient c = enabled(server);
             RawClient legacy = RawClient.login(server, "alice", "secret")) {
            server.faults().on("STATUS").mailbox("Entw\u00fcrfe").respond("NO [UNAVAILABLE] Try later");
            c.play("""
                    C: a1 STATUS "Entw\u00fcrfe" (MESSAGES)
                    S: a1 NO [UNAVAILABLE] Try later
                    """);
            legacy.play("""
                    C: a1 STATUS Entw&APw-rfe (MESSAGES)
                    S: a1 NO [UNAVAILABLE] Try later
                    """);
        }
    }

    @Test
    void rev2SessionsSpeakUtf8NamesThroughTheSamePath() {
        try (ImapMockServer server = server(Extension.IMAP4REV2); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 LIST "" Entw*
                    S: * LIST (\\HasNoChildren) "/" Entw&APw-rfe
                    S: a1 OK LIST completed.
                    C: a2 ENABLE IMAP4rev2
                    S: * ENABLED IMAP4rev2
                    S: a2 OK Enabled.
                    C: a3 LIST "" Entw*
                    S: * LIST (\\HasNoChildren) "/" "Entw\u00fcrfe"
                    S: a3 OK LIST completed.
                    C: a4 SELECT "Entw\u00fcrfe"
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                    S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.
                    S: * 0 EXISTS
                    S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                    S: * OK [UIDNEXT 1] Predicted next UID
                    S: * LIST (\\HasNoChildren) "/" "Entw\u00fcrfe"
                    S: a4 OK [READ-WRITE] Select completed.
                    C: a5 CREATE &AOk-
                    S: a5 OK Create completed.
                    C: a6 SEARCH CHARSET UTF-8 ALL
                    S: * ESEARCH (TAG "a6")
                    S: a6 OK Search completed.
                    """);
            c.sendRaw("a7 CREATE \"x\u00ff\"\r\n".getBytes(StandardCharsets.ISO_8859_1));
            c.play("""
                    S: a7 BAD A quoted string is not valid UTF-8
                    """);
            assertThat(alice(server).mailbox("&AOk-")).isNotNull();
            c.assertStillWorks("n1");
        }
    }

    @Test
    void aRev2OnlyServerSpeaksUtf8NamesFromTheStart() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").specialUse(SpecialUseMailboxes.none())
                .rev2Only().build().start(); RawClient c = new RawClient(server.host(), server.port())) {
            c.play("""
                    S~ \\* OK \\[CAPABILITY IMAP4rev2 .*\\] ImapMock ready\\.
                    C: a0 LOGIN alice secret
                    S~ a0 OK \\[CAPABILITY IMAP4rev2 .*\\] Logged in
                    C: a1 CREATE "\u00c4pfel"
                    S: a1 OK Create completed.
                    C: a2 LIST "" *
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\HasNoChildren) "/" "\u00c4pfel"
                    S: a2 OK LIST completed.
                    """);
            assertThat(alice(server).mailbox("\u00c4pfel")).isNotNull();
        }
    }
}
