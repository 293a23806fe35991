package dev.imapmock.gmail;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SEARCH X-GM-RAW: every operator of the documented subset, OR, negation, quoted phrases and
 * parentheses, against four messages of known dates and flags; malformed queries answer BAD.
 */
@Timeout(20)
class GmailRawSearchTest {
    private static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");

    private static ImapMockServer server() {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(Extension.X_GM_EXT_1)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().start();
        Mailbox inbox = server.store().account("alice").orElseThrow().mailbox("INBOX");
        add(inbox, "From: Ann <ann@example.org>\r\nTo: bob@example.org\r\nSubject: quarterly report\r\n\r\n"
                + "the numbers are final\r\n", Flags.of(List.of("\\Seen")), "2026-03-03T10:00:00Z");
        add(inbox, "From: carl@example.net\r\nTo: ann@example.org\r\nSubject: lunch\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nmenu attached\r\n"
                + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=menu.pdf\r\n\r\n"
                + "JVBERi0=\r\n--b--\r\n", Flags.NONE, "2026-02-01T10:00:00Z");
        add(inbox, "From: ann@example.org\r\nTo: dora@example.com\r\nSubject: Re: quarterly report\r\n\r\n"
                + "numbers look final to me\r\n", Flags.of(List.of("\\Flagged", "\\Seen")), "2025-06-15T10:00:00Z");
        add(inbox, "From: eve@example.com\r\nTo: bob@example.org\r\nSubject: holiday\r\n\r\nsee you in june\r\n",
                Flags.NONE, "2024-01-10T10:00:00Z");
        return server;
    }

    private static void add(Mailbox box, String message, Flags flags, String date) {
        box.append(message.getBytes(StandardCharsets.US_ASCII), flags,
                OffsetDateTime.ofInstant(Instant.parse(date), ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            from:ann                          | 1 3
            from:ann@example.org              | 1 3
            to:bob                            | 1 4
            subject:quarterly                 | 1 3
            subject:"quarterly report"        | 1 3
            is:unread                         | 2 4
            is:read                           | 1 3
            is:starred                        | 3
            has:attachment                    | 2
            after:2026/02/01                  | 1 2
            before:2026/02/01                 | 3 4
            after:2025/01/01 before:2026/03/01| 2 3
            newer_than:2d                     | 1
            newer_than:2m                     | 1 2
            older_than:1y                     | 4
            older_than:30d                    | 2 3 4
            older_than:40d                    | 3 4
            numbers                           | 1 3
            "numbers are final"               | 1
            -from:ann                         | 2 4
            from:carl OR from:eve             | 2 4
            from:carl OR from:eve is:unread   | 2 4
            from:ann OR from:eve -is:read     | 4
            (from:carl OR is:starred) lunch   | 2
            -(from:ann OR from:carl)          | 4
            FROM:ANN IS:STARRED               | 3
            zebra                             | ''
            """)
    void xGmRawFindsWhatGmailsSearchSyntaxSays(String query, String expected) {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            String quoted = "\"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            List<String> lines = c.command("r1", "SEARCH X-GM-RAW " + quoted);
            assertThat(lines).containsExactly(expected.isEmpty() ? "* SEARCH" : "* SEARCH " + expected,
                    "r1 OK Search completed.");
        }
    }

    @Test
    void xGmRawIsACombinableSearchKeyAndWorksWithUidSearch() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: r1 UID SEARCH UID 2:4 X-GM-RAW "to:bob"
                    S: * SEARCH 4
                    S: r1 OK UID SEARCH completed.
                    C: r2 SEARCH OR X-GM-RAW is:starred X-GM-RAW has:attachment
                    S: * SEARCH 2 3
                    S: r2 OK Search completed.
                    """);
        }
    }

    @Test
    void malformedQueriesAreBadWithTheirReasonAndTheConnectionStaysUsable() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: b1 SEARCH X-GM-RAW ""
                    S: b1 BAD X-GM-RAW needs a query, not an empty string
                    C: b2 SEARCH X-GM-RAW "subject:\\"open"
                    S: b2 BAD X-GM-RAW query has a " without its closing "
                    C: b3 SEARCH X-GM-RAW "is:important"
                    S: b3 BAD X-GM-RAW knows is:unread, is:read and is:starred, not is:important
                    C: b4 SEARCH X-GM-RAW "has:drive"
                    S: b4 BAD X-GM-RAW knows has:attachment, not has:drive
                    C: b5 SEARCH X-GM-RAW "before:yesterday"
                    S: b5 BAD X-GM-RAW operator before: needs a date such as 2026/03/04, not yesterday
                    C: b6 SEARCH X-GM-RAW "newer_than:2w"
                    S: b6 BAD X-GM-RAW operator newer_than: needs an age such as 2d, 3m or 1y, not 2w
                    C: b7 SEARCH X-GM-RAW "label:"
                    S: b7 BAD X-GM-RAW operator label: needs a value
                    C: b8 SEARCH X-GM-RAW "from:a OR"
                    S: b8 BAD X-GM-RAW query has OR without a term after it
                    C: b9 SEARCH X-GM-RAW "(from:a"
                    S: b9 BAD X-GM-RAW query has a ( without its )
                    C: b10 SEARCH X-GM-RAW "from:"
                    S: b10 BAD X-GM-RAW operator from: needs a value
                    C: b11 SEARCH X-GM-RAW "foo:bar"
                    S: b11 BAD X-GM-RAW operator foo: is unknown
                    C: b12 SEARCH X-GM-RAW "- a"
                    S: b12 BAD X-GM-RAW query has - without a term after it
                    C: b13 SEARCH X-GM-RAW
                    S~ b13 BAD .*X-GM-RAW.*
                    """);
            c.assertStillWorks("n1");
        }
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            assertThat(c.command("r1", "SEARCH X-GM-RAW \"from:ann\"").get(0)).startsWith("r1 BAD ");
            c.assertStillWorks("n1");
        }
    }
}
