package dev.imapmock.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.imapmock.sandbox.admin.AdminClient.body;
import static dev.imapmock.sandbox.admin.AdminClient.text;
import static dev.imapmock.sandbox.admin.Problem.assertProblem;
import static dev.imapmock.sandbox.admin.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code .../messages}: pages, delivery (one, or a batch all or none), views, flags, expunge. */
@Timeout(30)
class MessagesApiTest {
    private static final String BASE = "/api/users/alice/mailboxes/INBOX/messages";
    private static final String RICH = """
            From: =?UTF-8?Q?J=C3=BCrgen?= <jurgen@example.com>\r
            To: Alice <alice@example.org>, bob@example.org\r
            Cc: Team: carol@example.org;\r
            Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= and a report\r
            Date: Fri, 01 Mar 2024 10:15:30 +0100\r
            Message-ID: <rich-1@example.com>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary=outer\r
            \r
            --outer\r
            Content-Type: multipart/alternative; boundary=inner\r
            \r
            --inner\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Hallo, sch=C3=B6n.\r
            --inner\r
            Content-Type: text/html; charset=utf-8\r
            \r
            <p>Hallo <script>alert(1)</script><img src="https://tracker.example/x.png"></p>\r
            --inner--\r
            --outer\r
            Content-Type: application/pdf; name="report.pdf"\r
            Content-Disposition: attachment; filename="report.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            JVBERi0xLjQK\r
            --outer--\r
            """;

    private AdminClient api;

    @BeforeEach
    void start() {
        api = AdminClient.start(ImapMockServer.builder().user("alice", "secret"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static byte[] mail(String subject) {
        return ("Subject: " + subject + "\r\nFrom: x@example.com\r\n\r\nbody of " + subject + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private long deliver(byte[] message) {
        HttpResponse<byte[]> r = api.send("POST", BASE, "message/rfc822", message);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(201);
        return body(r).get("uid").asLong();
    }

    private Mailbox inbox() {
        return api.server.store().account("alice").orElseThrow().mailbox("INBOX");
    }

    @Test
    void deliveredMessageGetsTheNextUidAndReachesAnIdlingSession() {
        try (Imap imap = new Imap(api.server.host(), api.server.port())) {
            imap.command("a1", "LOGIN alice secret");
            imap.command("a2", "SELECT INBOX");
            HttpResponse<byte[]> r = api.send("POST", BASE, "message/rfc822", mail("hello"));
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(body(r).get("uid").asLong()).isEqualTo(1);
            assertThat(r.headers().firstValue("Location")).contains(BASE + "/1");
            assertThat(imap.command("a3", "NOOP")).contains("* 1 EXISTS");
        }
        assertThat(deliver(mail("second"))).isEqualTo(2);
    }

    @Test
    void pagesAreNewestFirstWithTheTotal() {
        for (int i = 1; i <= 7; i++) {
            deliver(mail("m" + i));
        }
        JsonNode page = body(api.get(BASE + "?offset=2&limit=3"));
        assertThat(page.get("total").asInt()).isEqualTo(7);
        assertThat(page.get("offset").asInt()).isEqualTo(2);
        assertThat(page.get("limit").asInt()).isEqualTo(3);
        assertThat(page.get("messages")).extracting(m -> m.get("uid").asLong()).containsExactly(5L, 4L, 3L);
        JsonNode last = body(api.get(BASE + "?offset=6"));
        assertThat(last.get("messages")).hasSize(1);
        assertThat(last.get("limit").asInt()).isEqualTo(50);
        assertThat(body(api.get(BASE + "?offset=70")).get("messages")).isEmpty();
        assertThat(fields(assertProblem(api.get(BASE + "?limit=0"), 400))).containsExactly("limit");
        assertThat(fields(assertProblem(api.get(BASE + "?limit=1001"), 400))).containsExactly("limit");
        assertThat(fields(assertProblem(api.get(BASE + "?offset=-1"), 400))).containsExactly("offset");
        assertThat(fields(assertProblem(api.get(BASE + "?offset=x"), 400))).containsExactly("offset");
    }

    @Test
    void summaryAndParsedViewShowEnvelopePartsAndText() {
        long uid = deliver(RICH.getBytes(StandardCharsets.UTF_8));
        JsonNode s = body(api.get(BASE)).get("messages").get(0);
        assertThat(s.get("subject").asText()).isEqualTo("Grüße and a report");
        assertThat(s.get("from").get(0).get("name").asText()).isEqualTo("Jürgen");
        assertThat(s.get("from").get(0).get("address").asText()).isEqualTo("jurgen@example.com");
        assertThat(s.get("to")).hasSize(2);
        assertThat(s.get("to").get(1).get("name").isNull()).isTrue();
        assertThat(s.get("cc")).extracting(a -> a.get("address").asText()).containsExactly("carol@example.org");
        assertThat(s.get("date").asText()).isEqualTo("2024-03-01T09:15:30Z");
        assertThat(s.get("internalDate").asText()).endsWith("Z");
        assertThat(s.get("messageId").asText()).isEqualTo("<rich-1@example.com>");
        assertThat(s.get("hasAttachments").asBoolean()).isTrue();
        assertThat(s.get("size").asInt()).isEqualTo(RICH.getBytes(StandardCharsets.UTF_8).length);

        JsonNode p = body(api.get(BASE + "/" + uid));
        assertThat(p.get("text").asText()).isEqualTo("Hallo, schön.");
        assertThat(p.get("hasHtml").asBoolean()).isTrue();
        assertThat(p.get("headers").get(0).get("name").asText()).isEqualTo("From");
        assertThat(p.get("headers").get(0).get("value").asText()).isEqualTo("Jürgen <jurgen@example.com>");
        JsonNode parts = p.get("parts");
        assertThat(parts).extracting(n -> n.get("part").asText()).containsExactly("1", "2");
        assertThat(parts.get(0).get("contentType").asText()).isEqualTo("multipart/alternative");
        assertThat(parts.get(0).get("parts")).extracting(n -> n.get("part").asText()).containsExactly("1.1", "1.2");
        assertThat(parts.get(1).get("filename").asText()).isEqualTo("report.pdf");
        assertThat(parts.get(1).get("disposition").asText()).isEqualTo("attachment");
    }

    @Test
    void rawIsTheExactBytes() {
        byte[] bytes = RICH.getBytes(StandardCharsets.UTF_8);
        long uid = deliver(bytes);
        HttpResponse<byte[]> raw = api.get(BASE + "/" + uid + "/raw");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(AdminClient.type(raw)).isEqualTo("message/rfc822");
        assertThat(raw.body()).isEqualTo(bytes);
    }

    @Test
    void htmlIsServedUnderAPolicyThatRunsAndLoadsNothing() {
        long uid = deliver(RICH.getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> html = api.get(BASE + "/" + uid + "/html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(AdminClient.type(html)).isEqualTo("text/html; charset=utf-8");
        assertThat(html.headers().firstValue("Content-Security-Policy"))
                .contains("sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        assertThat(html.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(text(html)).contains("<p>Hallo")
                .startsWith("<style>a[href^=\"javascript:\" i],a[href^=\"data:\" i],a[href^=\"vbscript:\" i]"
                        + "{pointer-events:none;");
        long plain = deliver(mail("plain"));
        assertProblem(api.get(BASE + "/" + plain + "/html"), 404);
    }

    @Test
    void partsAreDecodedDownloads() {
        long uid = deliver(RICH.getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> pdf = api.get(BASE + "/" + uid + "/parts/2");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(AdminClient.type(pdf)).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment; filename=\"report.pdf\"");
        assertThat(text(pdf)).isEqualTo("%PDF-1.4\n");
        HttpResponse<byte[]> text = api.get(BASE + "/" + uid + "/parts/1.1");
        assertThat(AdminClient.type(text)).isEqualTo("text/plain; charset=utf-8");
        assertThat(text(text)).isEqualTo("Hallo, schön.");
        assertProblem(api.get(BASE + "/" + uid + "/parts/1"), 404);
        assertProblem(api.get(BASE + "/" + uid + "/parts/9"), 404);
        assertThat(fields(assertProblem(api.get(BASE + "/" + uid + "/parts/1.x"), 400))).containsExactly("part");
    }

    @Test
    void flagsAreAddedAndRemovedAndSessionsSeeThem() {
        long uid = deliver(mail("f"));
        try (Imap imap = new Imap(api.server.host(), api.server.port())) {
            imap.command("a1", "LOGIN alice secret");
            imap.command("a2", "SELECT INBOX");
            HttpResponse<byte[]> r = api.json("PUT", BASE + "/" + uid + "/flags", "{\"add\":[\"\\\\seen\",\"\\\\Flagged\",\"Work\"]}");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(body(r).get("flags")).extracting(JsonNode::asText).containsExactly("\\Flagged", "\\Seen", "Work");
            assertThat(imap.command("a3", "NOOP")).anyMatch(l -> l.startsWith("* 1 FETCH (FLAGS (") && l.contains("Work"));
        }
        JsonNode after = body(api.json("PUT", BASE + "/" + uid + "/flags", "{\"remove\":[\"\\\\Flagged\",\"work\"]}"));
        assertThat(after.get("flags")).extracting(JsonNode::asText).containsExactly("\\Seen");
        assertThat(fields(assertProblem(api.json("PUT", BASE + "/" + uid + "/flags", "{\"add\":[\"\\\\Recent\"]}"), 400)))
                .containsExactly("add");
        assertThat(fields(assertProblem(api.json("PUT", BASE + "/" + uid + "/flags", "{\"remove\":[\"a b\"],\"add\":\"x\"}"), 400)))
                .containsExactlyInAnyOrder("add", "remove");
        assertProblem(api.json("PUT", BASE + "/" + uid + "/flags", "{\"add\":"), 400);
        assertProblem(api.send("PUT", BASE + "/" + uid + "/flags", "text/plain", new byte[] {'x'}), 415);
        assertProblem(api.json("PUT", BASE + "/99/flags", "{\"add\":[]}"), 404);
        assertThat(inbox().byUid(uid).flags().names()).containsExactly("\\Seen");
    }

    @Test
    void deleteExpungesAndSessionsSeeExpunge() {
        deliver(mail("a"));
        long uid = deliver(mail("b"));
        try (Imap imap = new Imap(api.server.host(), api.server.port())) {
            imap.command("a1", "LOGIN alice secret");
            imap.command("a2", "SELECT INBOX");
            assertThat(api.delete(BASE + "/" + uid).statusCode()).isEqualTo(204);
            assertThat(imap.command("a3", "NOOP")).contains("* 2 EXPUNGE");
        }
        assertProblem(api.delete(BASE + "/" + uid), 404);
        assertThat(inbox().size()).isEqualTo(1);
    }

    @Test
    void unknownUserMailboxOrUidIs404AndABadUid400() {
        deliver(mail("a"));
        assertProblem(api.get("/api/users/nobody/mailboxes/INBOX/messages"), 404);
        assertProblem(api.get("/api/users/alice/mailboxes/Nope/messages"), 404);
        assertProblem(api.send("POST", "/api/users/alice/mailboxes/Nope/messages", "message/rfc822", mail("x")), 404);
        assertProblem(api.get(BASE + "/42"), 404);
        assertProblem(api.get(BASE + "/42/raw"), 404);
        assertThat(fields(assertProblem(api.get(BASE + "/abc"), 400))).containsExactly("uid");
        assertThat(fields(assertProblem(api.get(BASE + "/0"), 400))).containsExactly("uid");
        assertProblem(api.json("PATCH", BASE + "/1", "{}"), 405);
    }

    @Test
    void deliveryRefusesOtherTypesAndWhatIsNoMessage() {
        assertProblem(api.send("POST", BASE, "text/plain", mail("x")), 415);
        assertProblem(api.send("POST", BASE, null, mail("x")), 415);
        assertThat(fields(assertProblem(api.send("POST", BASE, "message/rfc822", new byte[0]), 400))).containsExactly("body");
        JsonNode p = assertProblem(api.send("POST", BASE, "message/rfc822", "just text\r\n".getBytes(StandardCharsets.US_ASCII)), 400);
        assertThat(p.get("detail").asText()).contains("header field");
        assertThat(inbox().size()).isZero();
    }

    @Test
    void batchDeliversEveryFileWithConsecutiveUids() {
        Form form = new Form().file("a.eml", mail("a")).file("b.eml", mail("b")).file("c.eml", mail("c"));
        HttpResponse<byte[]> r = api.send("POST", BASE, form.contentType(), form.bytes());
        assertThat(r.statusCode()).as(text(r)).isEqualTo(201);
        assertThat(body(r).get("uids")).extracting(JsonNode::asLong).containsExactly(1L, 2L, 3L);
        assertThat(inbox().messages()).extracting(m -> new String(m.bytes(), StandardCharsets.US_ASCII))
                .allMatch(s -> s.startsWith("Subject: "));
        assertThat(inbox().byUid(2).bytes()).isEqualTo(mail("b"));
    }

    @Test
    void batchWithOneBrokenMessageDeliversNoneAndNamesIt() {
        Form form = new Form().file("good.eml", mail("a")).file("broken.eml", "no header here".getBytes(StandardCharsets.US_ASCII))
                .file("empty.eml", new byte[0]);
        JsonNode p = assertProblem(api.send("POST", BASE, form.contentType(), form.bytes()), 400);
        assertThat(fields(p)).containsExactly("broken.eml", "empty.eml");
        assertThat(inbox().size()).isZero();
        assertProblem(api.send("POST", BASE, "multipart/form-data", form.bytes()), 400);
        assertProblem(api.send("POST", BASE, "multipart/form-data; boundary=zzz", "garbage".getBytes(StandardCharsets.US_ASCII)), 400);
        assertThat(inbox().size()).isZero();
    }

    /** A multipart/form-data body as browsers and {@code curl -F} send it. */
    static final class Form {
        private final String boundary = "----imapmock-test-boundary";
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Form file(String name, byte[] bytes) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: message/rfc822\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bytes);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return all.toByteArray();
        }
    }

    @Test
    void listOfAFreshMailboxIsEmpty() {
        JsonNode page = body(api.get(BASE));
        assertThat(page.get("total").asInt()).isZero();
        assertThat(page.get("messages")).isEmpty();
        assertThat(List.of(page.get("limit").asInt())).containsExactly(50);
    }
}
