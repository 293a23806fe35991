package dev.imapmock.extension;

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
 * PREVIEW (RFC 8970), SAVEDATE (RFC 8514) and OBJECTID (RFC 8474) over the wire. The previews
 * are what Dovecot 2.3.19 answered for the same five messages.
 */
@Timeout(20)
class PreviewSavedateObjectidTest {
    private static final String[] MESSAGES = {
            "Subject: t1\r\nContent-Type: text/plain\r\n\r\nHello   world,\r\nthis is\ta   preview.\r\n\r\n-- \r\nsig\r\n",
            "Subject: t2\r\nContent-Type: text/html\r\n\r\n<html><head><style>p{}</style></head><body><p>Hi <b>there</b>"
                    + " &amp; you</p><script>x()</script></body></html>\r\n",
            "Subject: t3\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                    + "Caf=C3=A9 " + "x".repeat(300) + "\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--b--\r\n",
            "Subject: t4\r\nContent-Type: image/png\r\n\r\nAAAA\r\n",
            "Subject: t5\r\n\r\n> quoted line\r\nreply text \"q\" \\ back\r\n"};

    private static ImapMockServer server(Extension... with) {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(with)
                .clock(Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC)).build().start();
        for (String m : MESSAGES) {
            server.deliver("alice", "INBOX", m.getBytes(StandardCharsets.UTF_8));
        }
        return server;
    }

    @Test
    void previewIsThePlainTextStartOfTheFirstTextPartAsDovecotMakesIt() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            List<String> lines = c.exchange("f1", "FETCH 1:* (PREVIEW)");
            assertThat(lines).containsExactly(
                    "* 1 FETCH (PREVIEW \"Hello world, this is a preview. -- sig\")",
                    "* 2 FETCH (PREVIEW \"Hi there & you\")",
                    // 200 characters, 201 octets of UTF-8, which the raw client shows octet by octet.
                    "* 3 FETCH (PREVIEW {201}\r\nCaf\u00c3\u00a9 " + "x".repeat(195) + ")",
                    "* 4 FETCH (PREVIEW \"\")",
                    "* 5 FETCH (PREVIEW \"reply text \\\"q\\\" \\\\ back\")",
                    "f1 OK Fetch completed.");
            c.play("""
                    C: f2 FETCH 1 (PREVIEW (LAZY) UID)
                    S: * 1 FETCH (PREVIEW "Hello world, this is a preview. -- sig" UID 1)
                    S: f2 OK Fetch completed.
                    C: f3 FETCH 1 (PREVIEW (FOO))
                    S: f3 BAD FOO is not a PREVIEW modifier; the one known is LAZY
                    C: f4 FETCH 1 PREVIEW
                    S: * 1 FETCH (PREVIEW "Hello world, this is a preview. -- sig")
                    S: f4 OK Fetch completed.
                    C: f5 FETCH 2 (FLAGS)
                    S: * 2 FETCH (FLAGS (\\Recent))
                    S: f5 OK Fetch completed.
                    """);
        }
    }

    @Test
    void saveDateIsWhenTheMessageCameIntoTheMailboxByTheServersClock() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: f1 FETCH 1 (SAVEDATE)
                    S: * 1 FETCH (SAVEDATE "04-Mar-2026 05:06:07 +0000")
                    S: f1 OK Fetch completed.
                    """);
        }
    }

    @Test
    void saveDateSearchKeysCompareTheDayTheMessageWasSaved() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: s1 SEARCH SAVEDON 4-Mar-2026
                    S: * SEARCH 1 2 3 4 5
                    S: s1 OK Search completed.
                    C: s2 SEARCH SAVEDBEFORE 4-Mar-2026
                    S: * SEARCH
                    S: s2 OK Search completed.
                    C: s3 SEARCH SAVEDSINCE 5-Mar-2026
                    S: * SEARCH
                    S: s3 OK Search completed.
                    C: s4 UID SEARCH SAVEDATESUPPORTED UID 2:3
                    S: * SEARCH 2 3
                    S: s4 OK UID SEARCH completed.
                    C: s5 SEARCH SAVEDON 32-Mar-2026
                    S~ s5 BAD .*
                    """);
        }
    }

    @Test
    void emailIdAndThreadIdSearchKeysFindTheirMessages() {
        try (ImapMockServer server = server(Extension.OBJECTID); RawClient c = RawClient.login(server, "alice", "secret")) {
            server.deliver("alice", "INBOX", ("Message-ID: <root@x>\r\nSubject: a\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
            server.deliver("alice", "INBOX", ("Message-ID: <reply@x>\r\nReferences: <root@x>\r\n"
                    + "Subject: Re: a\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
            c.command("s", "SELECT INBOX");
            String emailId = field(c.command("f1", "FETCH 2 (EMAILID)").get(0), "EMAILID");
            String threadId = field(c.command("f2", "FETCH 7 (THREADID)").get(0), "THREADID");
            assertThat(c.command("s1", "SEARCH EMAILID " + emailId)).containsExactly("* SEARCH 2", "s1 OK Search completed.");
            assertThat(c.command("s2", "SEARCH THREADID " + threadId)).containsExactly("* SEARCH 6 7", "s2 OK Search completed.");
            assertThat(c.command("s3", "SEARCH EMAILID Mnothing")).containsExactly("* SEARCH", "s3 OK Search completed.");
            assertThat(c.command("s4", "SEARCH EMAILID \"a b\"")).singleElement().asString()
                    .isEqualTo("s4 BAD EMAILID needs an object identifier of letters, digits, - and _");
        }
    }

    @Test
    void objectIdsSurviveRenameCopyAndMoveAndThreadsShareOne() {
        try (ImapMockServer server = server(Extension.OBJECTID); RawClient c = RawClient.login(server, "alice", "secret")) {
            server.deliver("alice", "INBOX", ("Message-ID: <root@x>\r\nSubject: a\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
            server.deliver("alice", "INBOX", ("Message-ID: <reply@x>\r\nIn-Reply-To: <root@x>\r\nReferences: <root@x>\r\n"
                    + "Subject: Re: a\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
            String created = c.command("c1", "CREATE Work").get(0);
            Matcher id = Pattern.compile("^c1 OK \\[MAILBOXID \\((F[0-9a-f]+)\\)\\] Create completed\\.$").matcher(created);
            assertThat(id.matches()).as(created).isTrue();
            assertThat(c.command("r1", "RENAME Work Attic")).containsExactly("r1 OK Rename completed.");
            assertThat(c.command("s1", "STATUS Attic (MAILBOXID MESSAGES)"))
                    .startsWith("* STATUS Attic (MAILBOXID (" + id.group(1) + ") MESSAGES 0)");
            assertThat(c.command("s2", "SELECT INBOX")).contains("* OK [MAILBOXID (" + mailboxId(c, "INBOX") + ")] Ok");
            String emailId = field(c.command("f1", "FETCH 6 (EMAILID)").get(0), "EMAILID");
            String thread6 = field(c.command("f2", "FETCH 6 (THREADID)").get(0), "THREADID");
            String thread7 = field(c.command("f3", "FETCH 7 (THREADID)").get(0), "THREADID");
            String thread1 = field(c.command("f4", "FETCH 1 (THREADID)").get(0), "THREADID");
            assertThat(thread7).isEqualTo(thread6).isNotEqualTo(thread1);
            assertThat(emailId).matches("M[0-9a-f]+")
                    .isNotEqualTo(field(c.command("f5", "FETCH 7 (EMAILID)").get(0), "EMAILID"));
            c.command("k1", "COPY 6 Attic");
            c.command("m1", "MOVE 6 Attic");
            c.command("s3", "EXAMINE Attic");
            assertThat(c.command("f6", "FETCH 1:2 (EMAILID THREADID)")).containsExactly(
                    "* 1 FETCH (EMAILID (" + emailId + ") THREADID (" + thread6 + "))",
                    "* 2 FETCH (EMAILID (" + emailId + ") THREADID (" + thread6 + "))",
                    "f6 OK Fetch completed.");
        }
    }

    @Test
    void leftOutTheirItemsAreBadAndObjectIdIsOffByDefault() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret")
                .without(Extension.PREVIEW, Extension.SAVEDATE).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            server.deliver("alice", "INBOX", MESSAGES[0].getBytes(StandardCharsets.US_ASCII));
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: f1 FETCH 1 (PREVIEW)
                    S: f1 BAD unknown FETCH data item PREVIEW
                    C: f2 FETCH 1 (SAVEDATE)
                    S: f2 BAD unknown FETCH data item SAVEDATE
                    C: f3 FETCH 1 (EMAILID)
                    S: f3 BAD unknown FETCH data item EMAILID
                    C: s1 STATUS INBOX (MAILBOXID)
                    S: s1 BAD Unknown status item: MAILBOXID
                    C: c1 CREATE Other
                    S: c1 OK Create completed.
                    C: s2 SEARCH SAVEDON 4-Mar-2026
                    S: s2 BAD unknown search key SAVEDON
                    C: s3 SEARCH EMAILID M1
                    S: s3 BAD unknown search key EMAILID
                    """);
        }
    }

    private static String mailboxId(RawClient c, String name) {
        String line = c.command("st", "STATUS " + name + " (MAILBOXID)").get(0);
        Matcher m = Pattern.compile("MAILBOXID \\((F[0-9a-f]+)\\)").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return m.group(1);
    }

    private static String field(String line, String name) {
        Matcher m = Pattern.compile(name + " \\(([A-Za-z0-9_-]+)\\)").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return m.group(1);
    }
}
