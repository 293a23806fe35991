package dev.imapmock.profile;

import dev.imapmock.ImapMockServer;
import dev.imapmock.Profile;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each profile over the wire: greeting, CAPABILITY before and after login, LIST, in exact bytes.
 * The provider values come from the transcripts cited in docs/profiles.md.
 */
@Timeout(30)
class ProfileTranscriptTest {
    static final String GMAIL_BEFORE = "IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 SASL-IR"
            + " AUTH=XOAUTH2 AUTH=PLAIN AUTH=OAUTHBEARER";
    static final String GMAIL_AFTER = "IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 UIDPLUS COMPRESS=DEFLATE"
            + " ENABLE MOVE CONDSTORE ESEARCH UTF8=ACCEPT LIST-EXTENDED LIST-STATUS LITERAL- SPECIAL-USE APPENDLIMIT=35651584";

    private static ImapMockServer server(Profile profile) {
        return ImapMockServer.builder().user("alice", "secret").token("alice", "tok").profile(profile).build().start();
    }

    private static String xoauth2(String user, String token) {
        return Base64.getEncoder().encodeToString(("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001")
                .getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void gmailGreetsListsAndKeepsNoRecent() {
        try (ImapMockServer server = server(Profile.GMAIL); RawClient c = new RawClient(server.host(), server.port())) {
            assertThat(c.readLine()).isEqualTo("* OK Gimap ready for requests from 127.0.0.1 a1b2c3d4e5mb");
            c.play("""
                    C: a CAPABILITY
                    S: * CAPABILITY %s
                    S: a OK Capability completed.
                    C: b LOGIN alice secret
                    S: b OK [CAPABILITY %s] Logged in
                    C: c CAPABILITY
                    S: * CAPABILITY %s
                    S: c OK Capability completed.
                    C: d LIST "" *
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\Noselect \\HasChildren) "/" "[Gmail]"
                    S: * LIST (\\HasNoChildren \\All) "/" "[Gmail]/All Mail"
                    S: * LIST (\\HasNoChildren \\Drafts) "/" "[Gmail]/Drafts"
                    S: * LIST (\\HasNoChildren \\Important) "/" "[Gmail]/Important"
                    S: * LIST (\\HasNoChildren \\Sent) "/" "[Gmail]/Sent Mail"
                    S: * LIST (\\HasNoChildren \\Junk) "/" "[Gmail]/Spam"
                    S: * LIST (\\HasNoChildren \\Flagged) "/" "[Gmail]/Starred"
                    S: * LIST (\\HasNoChildren \\Trash) "/" "[Gmail]/Trash"
                    S: d OK LIST completed.
                    C: e SELECT "[Gmail]"
                    S: e NO [NONEXISTENT] Mailbox doesn't exist: [Gmail]
                    """.formatted(GMAIL_BEFORE, GMAIL_AFTER, GMAIL_AFTER));
            server.deliver("alice", "INBOX", "Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            c.play("""
                    C: f STATUS INBOX (MESSAGES RECENT)
                    S: * STATUS INBOX (MESSAGES 1 RECENT 0)
                    S: f OK Status completed.
                    C: g SELECT INBOX
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                    S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.
                    S: * 1 EXISTS
                    S: * 0 RECENT
                    S~ .*
                    S~ .*
                    S~ .*
                    S: g OK [READ-WRITE] Select completed.
                    C: h FETCH 1 FLAGS
                    S: * 1 FETCH (FLAGS ())
                    S: h OK Fetch completed.
                    C: i SEARCH RECENT
                    S: * SEARCH
                    S: i OK Search completed.
                    """);
        }
    }

    @Test
    void outlookGreetsRefusesPasswordsAndTakesXoauth2() {
        try (ImapMockServer server = server(Profile.OUTLOOK); RawClient c = new RawClient(server.host(), server.port())) {
            assertThat(c.readLine()).isEqualTo("* OK The Microsoft Exchange IMAP4 service is ready."
                    + " [TQBOADIAUABSADEAMQBDAEEAMAAwADEANQAuAG4AYQBtAHAAcgBkADEAMQAuAHAAcgBvAGQALgBvAHUAdABsAG8AbwBrAC4AYwBvAG0A]");
            c.play("""
                    C: a CAPABILITY
                    S: * CAPABILITY IMAP4rev1 SASL-IR UIDPLUS ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+ AUTH=PLAIN AUTH=XOAUTH2
                    S: a OK Capability completed.
                    C: b LOGIN alice secret
                    S: b NO LOGIN failed.
                    C: b2 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==
                    S: b2 NO AUTHENTICATE failed.
                    C: b3 AUTHENTICATE XOAUTH2 %s
                    S: b3 OK [CAPABILITY IMAP4rev1 SASL-IR UIDPLUS MOVE ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+] Logged in
                    C: c CAPABILITY
                    S: * CAPABILITY IMAP4rev1 SASL-IR UIDPLUS MOVE ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+
                    S: c OK Capability completed.
                    C: d LIST "" *
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\HasNoChildren) "/" Archive
                    S: * LIST (\\HasNoChildren) "/" "Deleted Items"
                    S: * LIST (\\HasNoChildren) "/" Drafts
                    S: * LIST (\\HasNoChildren) "/" "Junk Email"
                    S: * LIST (\\HasNoChildren) "/" Outbox
                    S: * LIST (\\HasNoChildren) "/" "Sent Items"
                    S: d OK LIST completed.
                    """.formatted(xoauth2("alice", "tok")));
        }
    }

    @Test
    void minimalIsBareImap4rev1() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").profile(Profile.MINIMAL).build().start();
             RawClient c = new RawClient(server.host(), server.port())) {
            assertThat(c.readLine()).isEqualTo("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ImapMock ready.");
            c.play("""
                    C: a CAPABILITY
                    S: * CAPABILITY IMAP4rev1 AUTH=PLAIN
                    S: a OK Capability completed.
                    C: a2 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==
                    S: a2 BAD AUTHENTICATE takes the mechanism only: an initial response needs SASL-IR, which this server does not offer
                    C: b LOGIN alice secret
                    S: b OK [CAPABILITY IMAP4rev1] Logged in
                    C: c CAPABILITY
                    S: * CAPABILITY IMAP4rev1
                    S: c OK Capability completed.
                    C: d LIST "" *
                    S: * LIST () "/" INBOX
                    S: d OK LIST completed.
                    C: e IDLE
                    S: e BAD Unknown command IDLE
                    C: f NAMESPACE
                    S: f BAD Unknown command NAMESPACE
                    """);
        }
    }

    @Test
    void dovecotIsTheDefault() {
        try (ImapMockServer profiled = ImapMockServer.builder().user("alice", "secret").profile(Profile.DOVECOT).build();
             ImapMockServer plain = ImapMockServer.builder().user("alice", "secret").build()) {
            assertThat(profiled.capabilities(false)).isEqualTo(plain.capabilities(false));
            assertThat(profiled.capabilities(true)).isEqualTo(plain.capabilities(true));
            assertThat(profiled.extensions()).isEqualTo(plain.extensions());
        }
    }

    @Test
    void yahooFileGreetsWithoutCapabilitiesAndListsThemWhenAsked() {
        try (ImapMockServer server = server(Profile.named("yahoo")); RawClient c = new RawClient(server.host(), server.port())) {
            String before = "IMAP4rev1 SASL-IR ID MOVE NAMESPACE UIDPLUS LITERAL+ CHILDREN UNSELECT OBJECTID IDLE ENABLE"
                    + " UIDONLY LIST-EXTENDED LIST-STATUS SPECIAL-USE PARTIAL APPENDLIMIT=41697280";
            String after = "IMAP4rev1 ID MOVE NAMESPACE UIDPLUS LITERAL+ CHILDREN UNSELECT OBJECTID IDLE ENABLE"
                    + " UIDONLY LIST-EXTENDED LIST-STATUS SPECIAL-USE PARTIAL APPENDLIMIT=41697280";
            assertThat(c.readLine()).isEqualTo("* OK Welcome! IMAP Server up and ready to accept your request");
            c.play("""
                    C: a CAPABILITY
                    S: * CAPABILITY %s AUTH=PLAIN AUTH=XOAUTH2 AUTH=OAUTHBEARER
                    S: a OK Capability completed.
                    C: b LOGIN alice secret
                    S: b OK [CAPABILITY %s] Logged in
                    C: c CAPABILITY
                    S: * CAPABILITY %s
                    S: c OK Capability completed.
                    C: d LIST "" *
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\HasNoChildren \\Archive) "/" Archive
                    S: * LIST (\\HasNoChildren \\Junk) "/" Bulk
                    S: * LIST (\\HasNoChildren \\Drafts) "/" Draft
                    S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S: * LIST (\\HasNoChildren \\Trash) "/" Trash
                    S: d OK LIST completed.
                    """.formatted(before, after, after));
        }
    }

    @Test
    void icloudFileGreetsWithItsCapabilities() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").profile(Profile.named("icloud"))
                .build().start(); RawClient c = new RawClient(server.host(), server.port())) {
            assertThat(c.readLine()).isEqualTo(
                    "* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] (2109B29-d3afe4d5aba6) pv33p00im-iscream021.me.com");
            c.play("""
                    C: b LOGIN alice secret
                    S: b OK [CAPABILITY IMAP4rev1 CONDSTORE ENABLE QRESYNC QUOTA NAMESPACE UIDPLUS CHILDREN BINARY UNSELECT SORT CATENATE URLAUTH ESEARCH ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES CONTEXT=SEARCH CONTEXT=SORT WITHIN SASL-IR SEARCHRES METADATA ID IDLE] Logged in
                    C: d LIST "" *
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\HasNoChildren) "/" Archive
                    S: * LIST (\\HasNoChildren) "/" "Deleted Messages"
                    S: * LIST (\\HasNoChildren) "/" Drafts
                    S: * LIST (\\HasNoChildren) "/" Junk
                    S: * LIST (\\HasNoChildren) "/" "Sent Messages"
                    S: d OK LIST completed.
                    """);
        }
    }
}
