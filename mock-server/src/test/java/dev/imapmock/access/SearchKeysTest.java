package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SEARCH over the wire, every key of RFC 3501 §6.4.4 alone and combined, against the five
 * messages of {@code access/search/} (sequence number = UID):
 * <ol>
 *   <li>241 octets, \Seen \Answered, sent 1-Jan-2024, internal date 2-Jan-2024, from alice to bob,
 *       cc carol, bcc dave, "Quarterly report"</li>
 *   <li>343 octets, \Flagged, 15-Feb-2024, from an RFC 2047 "André", subject "Grüße aus Köln",
 *       UTF-8 base64 body "Schöne Grüße vom Rhein."</li>
 *   <li>257 octets, \Draft $Label1, 1-Mar-2024, X-Priority header, ISO-8859-1 quoted-printable body
 *       "Café crème, soft break."</li>
 *   <li>1582 octets, \Deleted, 10-Mar-2024, from billing, cc bob, a multipart with a base64
 *       text attachment</li>
 *   <li>168 octets, no flags, 20-Mar-2024, from bob, "hello again"</li>
 * </ol>
 * All five are \Recent for the session that selects first.
 */
@Timeout(20)
class SearchKeysTest {
    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").fixtures(Wire.ACCESS.resolve("search")).build().start();
        c = Wire.selected(server, "SELECT INBOX");
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    private String search(String criteria) {
        List<String> lines = c.command("s", "SEARCH " + criteria);
        assertThat(lines).as("answer to SEARCH " + criteria).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("s OK Search completed.");
        return lines.get(0);
    }

    @ParameterizedTest(name = "SEARCH {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ALL | 1 2 3 4 5",
            "ANSWERED | 1", "UNANSWERED | 2 3 4 5",
            "DELETED | 4", "UNDELETED | 1 2 3 5",
            "DRAFT | 3", "UNDRAFT | 1 2 4 5",
            "FLAGGED | 2", "UNFLAGGED | 1 3 4 5",
            "SEEN | 1", "UNSEEN | 2 3 4 5",
            "KEYWORD $Label1 | 3", "KEYWORD $label1 | 3", "UNKEYWORD $Label1 | 1 2 4 5", "KEYWORD $Other | ''",
            "RECENT | 1 2 3 4 5", "NEW | 2 3 4 5", "OLD | ''",
            "BCC dave | 1", "BCC bob | ''",
            "CC bob | 4", "CC CAROL | 1",
            "FROM alice | 1", "FROM billing | 4", "FROM \"Andr\" | 2", "FROM example.fr | 2",
            "TO bob | 1 3", "TO alice@example.org | 2 4 5",
            "SUBJECT report | 1", "SUBJECT \"hello again\" | 5", "SUBJECT aus | 2",
            "BODY Rhein | 2", "BODY numbers | 1", "BODY \"soft break\" | 3", "BODY payload | 4",
            "BODY Quarterly | ''",
            "TEXT Quarterly | 1", "TEXT hello | 5", "TEXT Rhein | 2", "TEXT billing@ | 4",
            "HEADER X-Priority 1 | 3", "HEADER X-Priority \"\" | 3", "HEADER message-id koeln | 2",
            "HEADER X-Missing \"\" | ''",
            "BEFORE 2-Jan-2024 | ''", "BEFORE 3-Jan-2024 | 1", "ON 2-Jan-2024 | 1", "ON 1-Jan-2024 | ''",
            "SINCE 10-Mar-2024 | 4 5", "SINCE 21-Mar-2024 | ''",
            "SENTBEFORE 2-Jan-2024 | 1", "SENTON 1-Jan-2024 | 1", "SENTON 15-Feb-2024 | 2",
            "SENTSINCE 1-Mar-2024 | 3 4 5", "SENTSINCE 21-Mar-2024 | ''",
            "LARGER 300 | 2 4", "SMALLER 250 | 1 5", "LARGER 1582 | ''", "SMALLER 168 | ''", "LARGER 1581 | 4",
            "UID 2:4 | 2 3 4", "UID * | 5", "UID 4:* | 4 5", "UID 900:* | 5", "UID 4:2,5 | 2 3 4 5",
            "2,4 | 2 4", "*:4 | 4 5", "2:* | 2 3 4 5", "* | 5", "3:1 | 1 2 3",
    })
    void eachKeyAlone(String criteria, String expected) {
        assertThat(search(criteria)).isEqualTo(("* SEARCH " + expected).strip());
    }

    @ParameterizedTest(name = "SEARCH {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "NOT SEEN | 2 3 4 5", "NOT NOT SEEN | 1",
            "OR SEEN FLAGGED | 1 2", "OR (SEEN FLAGGED) DRAFT | 3", "OR SEEN OR FLAGGED DRAFT | 1 2 3",
            "(OR SEEN DRAFT) TO bob | 1 3", "UNDELETED TO alice | 2 5",
            "UNSEEN UNDELETED SINCE 1-Mar-2024 | 3 5", "NOT (OR FROM alice OR TO bob CC bob) | 2 5", "NOT (FROM alice OR TO bob CC bob) | 2 3 4 5",
            "((SEEN)) | 1", "2:4 NOT DELETED | 2 3", "UID 1:3 OR ANSWERED DRAFT | 1 3",
            "LARGER 200 SMALLER 300 | 1 3", "NOT LARGER 300 NOT SMALLER 250 | 3",
            "SENTSINCE 1-Feb-2024 SENTBEFORE 10-Mar-2024 | 2 3", "OR ON 2-Jan-2024 ON 20-Mar-2024 | 1 5",
            "NEW UNKEYWORD $Label1 FLAGGED | 2", "ALL NOT ALL | ''",
    })
    void keysCombined(String criteria, String expected) {
        assertThat(search(criteria)).isEqualTo(("* SEARCH " + expected).strip());
    }

    @Test
    void encodedHeadersAreSearchedDecoded() {
        assertThat(search("CHARSET UTF-8 SUBJECT \"Grüße\"")).isEqualTo("* SEARCH 2");
        assertThat(search("CHARSET UTF-8 FROM \"André\"")).isEqualTo("* SEARCH 2");
        assertThat(search("SUBJECT =?utf-8?q?")).isEqualTo("* SEARCH");
    }

    @Test
    void base64AndQuotedPrintableBodiesAreSearchedDecoded() {
        assertThat(search("CHARSET UTF-8 BODY \"Schöne\"")).isEqualTo("* SEARCH 2");
        assertThat(search("CHARSET UTF-8 BODY \"crème\"")).isEqualTo("* SEARCH 3");
        assertThat(search("BODY U2Now7Zu")).isEqualTo("* SEARCH");
        assertThat(search("BODY Caf=E9")).isEqualTo("* SEARCH");
    }

    @Test
    void utf8CharsetWithANonSynchronizingLiteral() {
        byte[] value = "Köln".getBytes(StandardCharsets.UTF_8);
        c.sendRaw(("s1 SEARCH CHARSET UTF-8 SUBJECT {" + value.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
        c.sendRaw(value);
        c.send("");
        assertThat(c.readUntilTagged("s1")).containsExactly("* SEARCH 2", "s1 OK Search completed.");
    }

    @Test
    void utf8CharsetWithASynchronizingLiteral() {
        byte[] value = "grüsse".getBytes(StandardCharsets.UTF_8);
        byte[] match = "GRÜßE".getBytes(StandardCharsets.UTF_8);
        c.sendRaw(("s1 SEARCH CHARSET UTF-8 TEXT {" + match.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(c.readLine()).startsWith("+ ");
        c.sendRaw(match);
        c.send("");
        assertThat(c.readUntilTagged("s1")).containsExactly("* SEARCH 2", "s1 OK Search completed.");
        c.sendRaw(("s2 SEARCH CHARSET UTF-8 BODY {" + value.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(c.readLine()).startsWith("+ ");
        c.sendRaw(value);
        c.send("");
        assertThat(c.readUntilTagged("s2")).containsExactly("* SEARCH", "s2 OK Search completed.");
    }

    @Test
    void usAsciiCharsetIsAccepted() {
        assertThat(search("CHARSET US-ASCII SUBJECT report")).isEqualTo("* SEARCH 1");
    }

    @Test
    void anotherCharsetIsRefusedWithBadCharsetAndTheConnectionStaysUsable() {
        assertThat(c.command("s1", "SEARCH CHARSET KOI8-R SUBJECT report"))
                .singleElement().asString().startsWith("s1 NO [BADCHARSET (UTF-8 US-ASCII)] ");
        assertThat(search("SUBJECT report")).isEqualTo("* SEARCH 1");
    }

    @Test
    void uidSearchAnswersWithUids() {
        assertThat(c.command("e", "EXPUNGE")).containsExactly("* 4 EXPUNGE", "* 4 RECENT", "e OK Expunge completed.");
        assertThat(search("ALL")).isEqualTo("* SEARCH 1 2 3 4");
        assertThat(c.command("u1", "UID SEARCH ALL")).containsExactly("* SEARCH 1 2 3 5", "u1 OK UID SEARCH completed.");
        assertThat(c.command("u2", "UID SEARCH FROM bob")).containsExactly("* SEARCH 5", "u2 OK UID SEARCH completed.");
        assertThat(c.command("u3", "UID SEARCH UID 4:*")).containsExactly("* SEARCH 5", "u3 OK UID SEARCH completed.");
        assertThat(search("UID 5")).isEqualTo("* SEARCH 4");
        assertThat(search("4")).isEqualTo("* SEARCH 4");
    }

    @Test
    void recentBelongsToTheFirstSessionAndNewOnlyMatchesUnseenRecentMail() {
        c.command("c1", "UNSELECT");
        server.deliver("alice", "INBOX", Wire.message("Subject: late\n\nlate mail\n"));
        try (RawClient other = Wire.selected(server, "SELECT INBOX")) {
            assertThat(other.command("s1", "SEARCH RECENT")).containsExactly("* SEARCH 6", "s1 OK Search completed.");
            assertThat(other.command("s2", "SEARCH NEW")).containsExactly("* SEARCH 6", "s2 OK Search completed.");
            assertThat(other.command("s3", "SEARCH OLD")).containsExactly("* SEARCH 1 2 3 4 5", "s3 OK Search completed.");
            other.command("f", "STORE 6 +FLAGS.SILENT (\\Seen)");
            assertThat(other.command("s4", "SEARCH NEW")).containsExactly("* SEARCH", "s4 OK Search completed.");
            assertThat(other.command("s5", "SEARCH RECENT")).containsExactly("* SEARCH 6", "s5 OK Search completed.");
        }
    }

    @Test
    void malformedCriteriaAreBadAndTheConnectionStaysUsable() {
        assertThat(c.command("b1", "SEARCH NOSUCHKEY")).singleElement().asString().startsWith("b1 BAD ");
        assertThat(c.command("b2", "SEARCH OR SEEN")).singleElement().asString().startsWith("b2 BAD ");
        assertThat(c.command("b3", "SEARCH BEFORE 32-Jan-2024")).singleElement().asString().startsWith("b3 BAD ");
        assertThat(c.command("b4", "SEARCH (SEEN")).last().asString().startsWith("b4 BAD ");
        assertThat(search("SEEN")).isEqualTo("* SEARCH 1");
    }
}
