package dev.imapmock.gmail;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gmail's X-GM-EXT-1 items (X-GM-MSGID and X-GM-THRID in FETCH and SEARCH) and its XLIST command,
 * exact bytes, with the errors; each is there only when its extension is asked for.
 */
@Timeout(20)
class GmailExtensionTranscriptTest {
    /** The UIDVALIDITY of the first mailbox under the fixed clock: the clock's epoch second. */
    private static final long INBOX_UIDVALIDITY = Instant.parse("2026-03-04T05:06:07Z").getEpochSecond();
    private static final String[] MESSAGES = {
            "Message-ID: <root@example.org>\r\nSubject: plan\r\n\r\nfirst\r\n",
            "Message-ID: <reply@example.org>\r\nIn-Reply-To: <root@example.org>\r\nReferences: <root@example.org>\r\n"
                    + "Subject: Re: plan\r\n\r\nsecond\r\n",
            "Subject: alone\r\n\r\nthird\r\n"};

    private static ImapMockServer server(Extension... with) {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(with)
                .clock(Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC)).build().start();
        for (String m : MESSAGES) {
            server.deliver("alice", "INBOX", m.getBytes(StandardCharsets.UTF_8));
        }
        return server;
    }

    private static String msgId(long uid) {
        return Long.toUnsignedString((INBOX_UIDVALIDITY << 32) | uid);
    }

    @Test
    void msgIdIsTheStoresMessageIdentityInDecimalAndSearchFindsIt() {
        try (ImapMockServer server = server(Extension.X_GM_EXT_1);
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: f1 FETCH 1:3 (X-GM-MSGID)
                    S: * 1 FETCH (X-GM-MSGID %s)
                    S: * 2 FETCH (X-GM-MSGID %s)
                    S: * 3 FETCH (X-GM-MSGID %s)
                    S: f1 OK Fetch completed.
                    C: f2 UID FETCH 2 (UID X-GM-MSGID FLAGS)
                    S: * 2 FETCH (UID 2 X-GM-MSGID %s FLAGS (\\Recent))
                    S: f2 OK UID FETCH completed.
                    C: s1 SEARCH X-GM-MSGID %s
                    S: * SEARCH 2
                    S: s1 OK Search completed.
                    C: s2 UID SEARCH NOT X-GM-MSGID %s
                    S: * SEARCH 1 3
                    S: s2 OK UID SEARCH completed.
                    C: s3 SEARCH X-GM-MSGID 1
                    S: * SEARCH
                    S: s3 OK Search completed.
                    """.formatted(msgId(1), msgId(2), msgId(3), msgId(2), msgId(2), msgId(2)));
        }
    }

    @Test
    void aCopyKeepsItsMsgIdInTheOtherMailbox() {
        try (ImapMockServer server = server(Extension.X_GM_EXT_1);
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.command("c", "CREATE Work");
            c.command("p", "COPY 2 Work");
            c.command("s2", "SELECT Work");
            c.play("""
                    C: f1 FETCH 1 (X-GM-MSGID)
                    S: * 1 FETCH (X-GM-MSGID %s)
                    S: f1 OK Fetch completed.
                    """.formatted(msgId(2)));
        }
    }

    @Test
    void thrIdIsSharedByAReplyAndItsParentAndIsTheMsgIdOfAMessageWithoutReferences() {
        try (ImapMockServer server = server(Extension.X_GM_EXT_1);
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            List<String> lines = c.exchange("f1", "FETCH 1:3 (X-GM-THRID)");
            Pattern thrid = Pattern.compile("\\* (\\d) FETCH \\(X-GM-THRID (\\d+)\\)");
            String[] ids = new String[4];
            for (String line : lines.subList(0, 3)) {
                Matcher m = thrid.matcher(line);
                assertThat(m.matches()).as(line).isTrue();
                ids[Integer.parseInt(m.group(1))] = m.group(2);
            }
            assertThat(lines.get(3)).isEqualTo("f1 OK Fetch completed.");
            assertThat(ids[1]).isEqualTo(ids[2]).isNotEqualTo(ids[3]);
            assertThat(ids[3]).isEqualTo(msgId(3));
            c.play("""
                    C: s1 SEARCH X-GM-THRID %s
                    S: * SEARCH 1 2
                    S: s1 OK Search completed.
                    C: f2 FETCH 1 (X-GM-THRID X-GM-MSGID)
                    S: * 1 FETCH (X-GM-THRID %s X-GM-MSGID %s)
                    S: f2 OK Fetch completed.
                    """.formatted(ids[1], ids[1], msgId(1)));
        }
    }

    @Test
    void malformedIdsAreBadAndTheConnectionStaysUsable() {
        try (ImapMockServer server = server(Extension.X_GM_EXT_1);
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: s1 SEARCH X-GM-MSGID abc
                    S: s1 BAD search key X-GM-MSGID needs a number from 0 to 18446744073709551615, not abc
                    C: s2 SEARCH X-GM-THRID 18446744073709551616
                    S: s2 BAD search key X-GM-THRID needs a number from 0 to 18446744073709551615, not 18446744073709551616
                    C: s3 SEARCH X-GM-MSGID
                    S~ s3 BAD .*X-GM-MSGID.*
                    C: s4 SEARCH X-GM-MSGID 18446744073709551615
                    S: * SEARCH
                    S: s4 OK Search completed.
                    """);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void withoutXGmExt1TheItemsAndKeysAreBadAndTheCapabilityIsGone() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(c.command("c1", "CAPABILITY").get(0)).doesNotContain("X-GM-EXT-1").doesNotContain("XLIST");
            c.command("s", "SELECT INBOX");
            assertThat(c.command("f1", "FETCH 1 (X-GM-MSGID)").get(0)).startsWith("f1 BAD ");
            assertThat(c.command("f2", "FETCH 1 X-GM-THRID").get(0)).startsWith("f2 BAD ");
            assertThat(c.command("s1", "SEARCH X-GM-MSGID 1").get(0)).startsWith("s1 BAD ");
            c.play("""
                    C: x1 XLIST "" "*"
                    S: x1 BAD Unknown command XLIST
                    """);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void capabilityNamesBothGmailExtensionsWhenAskedFor() {
        try (ImapMockServer server = server(Extension.X_GM_EXT_1, Extension.XLIST);
             RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(c.command("c1", "CAPABILITY").get(0)).endsWith(" X-GM-EXT-1 XLIST");
        }
    }

    @Test
    void xlistMarksInboxAndGivesGmailsNamesForTheSpecialUses() {
        try (ImapMockServer server = server(Extension.XLIST);
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: x1 XLIST "" "*"
                    S: * XLIST (\\HasNoChildren \\Inbox) "/" INBOX
                    S: * XLIST (\\HasNoChildren \\Archive) "/" Archive
                    S: * XLIST (\\HasNoChildren \\Drafts) "/" Drafts
                    S: * XLIST (\\HasNoChildren \\Spam) "/" Junk
                    S: * XLIST (\\HasNoChildren \\Sent) "/" Sent
                    S: * XLIST (\\HasNoChildren \\Trash) "/" Trash
                    S: x1 OK XLIST completed.
                    C: x2 XLIST "" ""
                    S: * XLIST (\\Noselect) "/" ""
                    S: x2 OK XLIST completed.
                    C: x3 XLIST "" "J%%"
                    S: * XLIST (\\HasNoChildren \\Spam) "/" Junk
                    S: x3 OK XLIST completed.
                    C: x4 XLIST (SUBSCRIBED) "" "*"
                    S: x4 BAD XLIST takes a reference and one pattern, nothing more
                    C: x5 LIST "" "J*"
                    S: * LIST (\\HasNoChildren \\Junk) "/" Junk
                    S: x5 OK LIST completed.
                    """);
            c.assertStillWorks("n1");
        }
    }
}
