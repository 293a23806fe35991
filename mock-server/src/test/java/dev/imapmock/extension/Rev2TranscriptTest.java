package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * IMAP4rev2 (RFC 9051) beside IMAP4rev1: the differences of Appendix E, in a rev1 session, after
 * {@code ENABLE IMAP4rev2}, and on a rev2-only server.
 */
@Timeout(20)
class Rev2TranscriptTest {
    private static final String REV2_AFTER_LOGIN = Capabilities.AFTER_LOGIN.replace("IMAP4rev1", "IMAP4rev1 IMAP4rev2");
    private static final String ONLY_AFTER_LOGIN = Capabilities.AFTER_LOGIN.replace("IMAP4rev1", "IMAP4rev2");

    private static ImapMockServer server(boolean rev2Only) {
        ImapMockServer.Builder b = ImapMockServer.builder().user("alice", "secret");
        ImapMockServer server = (rev2Only ? b.rev2Only() : b.with(Extension.IMAP4REV2)).build().start();
        server.deliver("alice", "INBOX", "Subject: one\r\n\r\nbody one\r\n".getBytes(StandardCharsets.US_ASCII));
        server.deliver("alice", "INBOX", "Subject: two\r\n\r\nbody two\r\n".getBytes(StandardCharsets.US_ASCII));
        return server;
    }

    /** A client of a server that offers both, logged in, after ENABLE IMAP4rev2. */
    private static RawClient enabled(ImapMockServer server) {
        RawClient c = RawClient.login(server, "alice", "secret");
        c.play("""
                C: e1 ENABLE IMAP4rev2
                S: * ENABLED IMAP4rev2
                S: e1 OK Enabled.
                """);
        return c;
    }

    private static RawClient rev2Only(ImapMockServer server) {
        RawClient c = new RawClient(server.host(), server.port());
        c.play("""
                S: * OK [CAPABILITY %s AUTH=PLAIN AUTH=LOGIN] ImapMock ready.
                C: L0 LOGIN alice secret
                S: L0 OK [CAPABILITY %s] Logged in
                """.formatted(Capabilities.BEFORE_LOGIN.replace("IMAP4rev1", "IMAP4rev2").replace(" AUTH=PLAIN AUTH=LOGIN", ""),
                ONLY_AFTER_LOGIN));
        return c;
    }

    private static final String REV2_SELECT = """
            C: s1 SELECT INBOX
            S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
            S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.
            S: * 2 EXISTS
            S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
            S: * OK [UIDNEXT 3] Predicted next UID
            S: * LIST (\\HasNoChildren) "/" INBOX
            S: s1 OK [READ-WRITE] Select completed.
            """;

    @Test
    void capabilityListsRev2AfterRev1AndEnableTurnsItOnOnce() {
        try (ImapMockServer server = server(false); RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: a1 LOGIN alice secret
                    S: a1 OK [CAPABILITY %s] Logged in
                    C: a2 ENABLE IMAP4rev2
                    S: * ENABLED IMAP4rev2
                    S: a2 OK Enabled.
                    C: a3 ENABLE IMAP4rev2
                    S: a3 OK Enabled.
                    C: a4 CAPABILITY
                    S: * CAPABILITY %s
                    S: a4 OK Capability completed.
                    """.formatted(REV2_AFTER_LOGIN, REV2_AFTER_LOGIN));
        }
    }

    @Test
    void withoutItEnableIgnoresTheNameAndTheSessionStaysRev1() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(Extension.IMAP4REV2.onByDefault()).isFalse();
            c.play("""
                    C: a1 ENABLE IMAP4rev2
                    S: a1 OK Enabled.
                    C: a2 CHECK
                    S: a2 BAD CHECK is not allowed in the authenticated state
                    """);
        }
    }

    @Test
    void rev1SelectHasRecentAndUnseenAndNoList() {
        try (ImapMockServer server = server(false); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: s1 SELECT INBOX
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                    S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.
                    S: * 2 EXISTS
                    S: * 2 RECENT
                    S: * OK [UNSEEN 1] First unseen.
                    S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                    S: * OK [UIDNEXT 3] Predicted next UID
                    S: s1 OK [READ-WRITE] Select completed.
                    C: f1 FETCH 1 (FLAGS RFC822.HEADER)
                    S: * 1 FETCH (FLAGS (\\Recent) RFC822.HEADER {16}
                    S: Subject: one
                    S:\s
                    S: )
                    S: f1 OK Fetch completed.
                    C: f2 SEARCH RECENT
                    S: * SEARCH 1 2
                    S: f2 OK Search completed.
                    """);
        }
    }

    @Test
    void enabledSelectHasNoRecentNoUnseenAndAListResponse() {
        try (ImapMockServer server = server(false); RawClient c = enabled(server)) {
            c.play(REV2_SELECT);
        }
    }

    @Test
    void rev2OnlySelectHasNoRecentNoUnseenAndAListResponse() {
        try (ImapMockServer server = server(true); RawClient c = rev2Only(server)) {
            c.play(REV2_SELECT);
        }
    }

    /** The rules that hold once a rev2 mailbox is selected, in both rev2 modes. */
    private static void playRev2Rules(RawClient c, ImapMockServer server) {
        c.play(REV2_SELECT + """
                C: f1 FETCH 1:2 FLAGS
                S: * 1 FETCH (FLAGS ())
                S: * 2 FETCH (FLAGS ())
                S: f1 OK Fetch completed.
                C: f2 FETCH 1 RFC822
                S: f2 BAD IMAP4rev2 has no RFC822 fetch item: use BODY[], BODY.PEEK[HEADER] or BODY[TEXT]
                C: f3 FETCH 1 RFC822.HEADER
                S: f3 BAD IMAP4rev2 has no RFC822.HEADER fetch item: use BODY[], BODY.PEEK[HEADER] or BODY[TEXT]
                C: f4 UID FETCH 1 RFC822.TEXT
                S: f4 BAD IMAP4rev2 has no RFC822.TEXT fetch item: use BODY[], BODY.PEEK[HEADER] or BODY[TEXT]
                C: f5 FETCH 1 (RFC822.SIZE BODY.PEEK[HEADER])
                S: * 1 FETCH (RFC822.SIZE 26 BODY[HEADER] {16}
                S: Subject: one
                S:\s
                S: )
                S: f5 OK Fetch completed.
                C: q1 SEARCH SUBJECT two
                S: * ESEARCH (TAG "q1") ALL 2
                S: q1 OK Search completed.
                C: q2 UID SEARCH ALL
                S: * ESEARCH (TAG "q2") UID ALL 1:2
                S: q2 OK UID SEARCH completed.
                C: q3 SEARCH SUBJECT nothing
                S: * ESEARCH (TAG "q3")
                S: q3 OK Search completed.
                C: q4 SEARCH RETURN (COUNT) ALL
                S: * ESEARCH (TAG "q4") COUNT 2
                S: q4 OK Search completed.
                C: q5 SEARCH RECENT
                S: q5 BAD IMAP4rev2 has no \\Recent flag: the search keys NEW, OLD and RECENT are gone
                C: q6 SEARCH NOT NEW
                S: q6 BAD IMAP4rev2 has no \\Recent flag: the search keys NEW, OLD and RECENT are gone
                C: q7 SEARCH OR SEEN OLD
                S: q7 BAD IMAP4rev2 has no \\Recent flag: the search keys NEW, OLD and RECENT are gone
                C: t1 STORE 1 +FLAGS (\\Recent)
                S: t1 BAD \\Recent is set by the server only; a client cannot set or clear it
                C: c1 CHECK
                S: c1 BAD Unknown command CHECK
                C: c2 LSUB "" "*"
                S: c2 BAD Unknown command LSUB
                C: st1 STATUS INBOX (RECENT)
                S: st1 BAD IMAP4rev2 has no RECENT status item
                C: st2 STATUS INBOX (MESSAGES SIZE DELETED)
                S: * STATUS INBOX (MESSAGES 2 SIZE 52 DELETED 0)
                S: st2 OK Status completed.
                C: x1 SELECT INBOX
                S: * OK [CLOSED] Previous mailbox closed.
                """);
        c.readUntilTagged("x1");
        server.deliver("alice", "INBOX", "Subject: three\r\n\r\nbody three\r\n".getBytes(StandardCharsets.US_ASCII));
        c.play("""
                C: n1 NOOP
                S: * 3 EXISTS
                S: n1 OK NOOP completed.
                C: n2 UNSELECT
                S: n2 OK Unselect completed.
                C: n2a SUBSCRIBE INBOX
                S: n2a OK Subscribe completed.
                C: n3 LIST (SUBSCRIBED) "" "*"
                S: * LIST (\\Subscribed) "/" INBOX
                S: n3 OK LIST completed.
                """);
        c.assertStillWorks("z1");
    }

    @Test
    void enabledSessionsFollowEveryRev2Rule() {
        try (ImapMockServer server = server(false); RawClient c = enabled(server)) {
            playRev2Rules(c, server);
        }
    }

    @Test
    void rev2OnlySessionsFollowEveryRev2RuleFromTheStart() {
        try (ImapMockServer server = server(true); RawClient c = rev2Only(server)) {
            playRev2Rules(c, server);
        }
    }

    @Test
    void rev1SessionsOfTheSameServerKeepRev1Rules() {
        try (ImapMockServer server = server(false); RawClient rev2 = enabled(server);
             RawClient rev1 = RawClient.login(server, "alice", "secret")) {
            rev2.play(REV2_SELECT);
            rev1.play("""
                    C: c1 CHECK
                    S: c1 BAD CHECK is not allowed in the authenticated state
                    C: c1a SUBSCRIBE INBOX
                    S: c1a OK Subscribe completed.
                    C: c2 LSUB "" "INBOX"
                    S: * LSUB () "/" INBOX
                    S: c2 OK LSUB completed.
                    C: c3 STATUS INBOX (RECENT)
                    S: * STATUS INBOX (RECENT 0)
                    S: c3 OK Status completed.
                    """);
        }
    }

    @Test
    void enablingRev2WhileSelectedDropsRecentAtOnce() {
        try (ImapMockServer server = server(false); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s1", "SELECT INBOX");
            c.play("""
                    C: e1 ENABLE IMAP4rev2
                    S: * ENABLED IMAP4rev2
                    S: e1 OK Enabled.
                    C: f1 FETCH 1 FLAGS
                    S: * 1 FETCH (FLAGS ())
                    S: f1 OK Fetch completed.
                    """);
        }
    }

    @Test
    void rev2OnlyIsRefusedWithoutTheExtensionsRev2FoldsIn() {
        assertThat(Extension.IMAP4REV2.requires()).contains(Extension.ENABLE, Extension.ESEARCH, Extension.LIST_EXTENDED,
                Extension.STATUS_SIZE, Extension.BINARY, Extension.MOVE);
        assertThatThrownBy(() -> ImapMockServer.builder().rev2Only().without(Extension.ESEARCH).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rev2Only needs the IMAP4rev2 extension, which is turned off");
    }
}
