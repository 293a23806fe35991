package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BINARY (RFC 3516): FETCH BINARY, BINARY.PEEK and BINARY.SIZE with the part's
 * Content-Transfer-Encoding undone, literal8 where Dovecot 2.3 sends it, UNKNOWN-CTE, and APPEND
 * of a literal8. Expected bytes were checked against Dovecot 2.3 with the same message.
 */
@Timeout(20)
class BinaryTest {
    /** Bytes 0 to 39: NUL, and CR and LF that are not line ends. */
    static final byte[] ATTACHMENT = new byte[40];

    static {
        for (int i = 0; i < ATTACHMENT.length; i++) {
            ATTACHMENT[i] = (byte) i;
        }
    }

    /** Part 1 quoted-printable, 2 base64 (binary bytes), 3 8bit, 4 base64 text. */
    static final String MIXED = "From: a@example.com\r\nTo: b@example.com\r\nSubject: bin\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n"
            + "--XX\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "caf=C3=A9 soft=\r\nbreak =3D end\r\n"
            + "--XX\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getEncoder().encodeToString(ATTACHMENT) + "\r\n"
            + "--XX\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\nh\u00e9llo 8bit\r\n"
            + "--XX\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8gd29ybGQ=\r\n"
            + "--XX--\r\n";

    static final String UNKNOWN = "Subject: uu\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n"
            + "--B\r\nContent-Transfer-Encoding: base64\r\n\r\naGk=\r\n"
            + "--B\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 f\r\n--B--\r\n";

    private static ImapMockServer server(Extension... without) {
        return ImapMockServer.builder().user("alice", "secret").without(without).build().start();
    }

    private static void deliver(ImapMockServer server, String message) {
        server.deliver("alice", "INBOX", message.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void binaryPeekDecodesQuotedPrintableAndBase64AndPassesEightBitThrough() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            deliver(server, MIXED);
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: f1 FETCH 1 (BINARY.PEEK[1] BINARY.SIZE[1])
                    S: * 1 FETCH (BINARY[1] ~{21}
                    S: caf\u00e9 softbreak = end BINARY.SIZE[1] 21)
                    S: f1 OK Fetch completed.
                    C: f2 FETCH 1 (BINARY.SIZE[1] BINARY.SIZE[2] BINARY.SIZE[3] BINARY.SIZE[4])
                    S: * 1 FETCH (BINARY.SIZE[1] 21 BINARY.SIZE[2] 40 BINARY.SIZE[3] 11 BINARY.SIZE[4] 11)
                    S: f2 OK Fetch completed.
                    C: f3 FETCH 1 (BINARY.PEEK[3] BINARY.PEEK[4])
                    S: * 1 FETCH (BINARY[3] {11}
                    S: h\u00e9llo 8bit BINARY[4] ~{11}
                    S: hello world)
                    S: f3 OK Fetch completed.
                    C: f4 FETCH 1 (BINARY.PEEK[4]<6.100> BINARY.PEEK[4]<20.3> BINARY.PEEK[9] BINARY.SIZE[9])
                    S: * 1 FETCH (BINARY[4]<6> ~{5}
                    S: world BINARY[4]<20> ~{0}
                    S:  BINARY[9] {0}
                    S:  BINARY.SIZE[9] 0)
                    S: f4 OK Fetch completed.
                    C: f5 FETCH 1 FLAGS
                    S: * 1 FETCH (FLAGS (\\Recent))
                    S: f5 OK Fetch completed.
                    """);
            List<String> attachment = c.exchange("f6", "FETCH 1 BINARY.PEEK[2]");
            assertThat(attachment.get(0)).isEqualTo("* 1 FETCH (BINARY[2] ~{40}\r\n"
                    + new String(ATTACHMENT, StandardCharsets.ISO_8859_1) + ")");
            assertThat(attachment.get(1)).isEqualTo("f6 OK Fetch completed.");
        }
    }

    @Test
    void binaryWithoutPeekSetsSeenAndPartialCountsDecodedOctets() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            deliver(server, MIXED);
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: f1 FETCH 1 BINARY[1]<3.4>
                    S: * 1 FETCH (BINARY[1]<3> ~{4}
                    S: \u00e9 s FLAGS (\\Seen \\Recent))
                    S: f1 OK Fetch completed.
                    C: f2 UID FETCH 1 BINARY[4]
                    S: * 1 FETCH (UID 1 BINARY[4] ~{11}
                    S: hello world)
                    S: f2 OK UID FETCH completed.
                    """);
        }
    }

    @Test
    void binaryOfTheWholeMessageOrAMultipartDecodesEveryLeafAndRewritesItsEncodingField() {
        String nested = "From: a@example.com\r\nSubject: nest\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"O\"\r\n\r\npreamble\r\n"
                + "--O\r\nContent-Type: multipart/alternative; boundary=\"I\"\r\n\r\n"
                + "--I\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\naGk=\r\n--I--\r\n"
                + "--O\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\ncontent-transfer-encoding:\r\n"
                + " quoted-printable\r\n\r\na=3Db\r\n"
                + "--O--\r\nepilogue\r\n";
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            deliver(server, nested);
            deliver(server, "Subject: plain\r\n\r\nhello\r\n");
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: f1 FETCH 1 (BINARY.PEEK[1] BINARY.PEEK[2] BINARY.PEEK[2.1] BINARY.SIZE[2] BINARY.PEEK[1.1])
                    S: * 1 FETCH (BINARY[1] ~{79}
                    S: --I
                    S: Content-Type: text/plain
                    S: Content-Transfer-Encoding: binary
                    S:\s
                    S: hi
                    S: --I--
                    S:  BINARY[2] ~{56}
                    S: Subject: inner
                    S: Content-Transfer-Encoding: binary
                    S:\s
                    S: a=b BINARY[2.1] ~{3}
                    S: a=b BINARY.SIZE[2] 56 BINARY[1.1] ~{2}
                    S: hi)
                    S: f1 OK Fetch completed.
                    C: f2 FETCH 1 BINARY.SIZE[]
                    S: * 1 FETCH (BINARY.SIZE[] 361)
                    S: f2 OK Fetch completed.
                    C: f3 FETCH 2 (BINARY.PEEK[] BINARY.PEEK[1])
                    S: * 2 FETCH (BINARY[] {25}
                    S: Subject: plain
                    S:\s
                    S: hello
                    S:  BINARY[1] {7}
                    S: hello
                    S: )
                    S: f3 OK Fetch completed.
                    """);
            List<String> whole = c.exchange("f4", "FETCH 1 BINARY.PEEK[]");
            assertThat(whole.get(0)).startsWith("* 1 FETCH (BINARY[] ~{361}\r\nFrom: a@example.com\r\n")
                    .contains("preamble\r\n--O\r\n").endsWith("a=b\r\n--O--\r\nepilogue\r\n)");
        }
    }

    @Test
    void anUnknownTransferEncodingFailsTheFetchWithUnknownCteBeforeAnythingIsSentOrSeen() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            deliver(server, "Subject: ok\r\n\r\nfine\r\n");
            deliver(server, UNKNOWN);
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: f1 FETCH 2 (BINARY.PEEK[1] BINARY.SIZE[2])
                    S: f1 NO [UNKNOWN-CTE] Unknown Content-Transfer-Encoding x-uuencode
                    C: f2 FETCH 1:2 BINARY[]
                    S: f2 NO [UNKNOWN-CTE] Unknown Content-Transfer-Encoding x-uuencode
                    C: f3 FETCH 1:2 (FLAGS BINARY.PEEK[1])
                    S: * 1 FETCH (FLAGS (\\Recent) BINARY[1] {6}
                    S: fine
                    S: )
                    S: * 2 FETCH (FLAGS (\\Recent) BINARY[1] ~{2}
                    S: hi)
                    S: f3 OK Fetch completed.
                    C: f4 FETCH 2 BODY.PEEK[2]
                    S: * 2 FETCH (BODY[2] {11}
                    S: begin 644 f)
                    S: f4 OK Fetch completed.
                    """);
        }
    }

    @Test
    void encodedDataIsDecodedStrictlyAsDovecotDoesAndInvalidDataIsParseError() {
        List<String> bodies = List.of(
                "quoted-printable\r\n\r\na  \r\nb\t=\r\nc",
                "quoted-printable\r\n\r\nx=  \r\ny=c3=a9",
                "base64\r\n\r\naG k=",
                "quoted-printable\r\n\r\nbad=4",
                "base64\r\n\r\nbGQ=\r\nZZZ",
                "base64\r\n\r\na-_b",
                "base64\r\n\r\naGk");
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            for (String body : bodies) {
                deliver(server, "Subject: d\r\nContent-Transfer-Encoding: " + body);
            }
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: f1 FETCH 1:3 BINARY.PEEK[1]
                    S: * 1 FETCH (BINARY[1] ~{6}
                    S: a
                    S: b\tc)
                    S: * 2 FETCH (BINARY[1] ~{4}
                    S: xy\u00e9)
                    S: * 3 FETCH (BINARY[1] ~{2}
                    S: hi)
                    S: f1 OK Fetch completed.
                    C: f2 FETCH 4 BINARY.PEEK[1]
                    S: f2 NO [PARSE] Invalid data in MIME part: an '=' in quoted-printable is neither =XX nor a soft line break
                    C: f3 FETCH 5 BINARY.SIZE[1]
                    S: f3 NO [PARSE] Invalid data in MIME part: base64 data after the '=' padding
                    C: f4 FETCH 6 BINARY[]
                    S: f4 NO [PARSE] Invalid data in MIME part: invalid character in base64
                    C: f5 FETCH 7 BINARY[1]
                    S: f5 NO [PARSE] Invalid data in MIME part: base64 data ends in the middle of a quantum
                    C: f6 FETCH 4:7 FLAGS
                    S: * 4 FETCH (FLAGS (\\Recent))
                    S: * 5 FETCH (FLAGS (\\Recent))
                    S: * 6 FETCH (FLAGS (\\Recent))
                    S: * 7 FETCH (FLAGS (\\Recent))
                    S: f6 OK Fetch completed.
                    """);
        }
    }

    @Test
    void malformedBinaryItemsAreBadAndTheConnectionStaysUsable() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            deliver(server, MIXED);
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: b1 FETCH 1 BINARY
                    S: b1 BAD BINARY needs a part number in brackets, such as BINARY[1] or BINARY[]
                    C: b2 FETCH 1 BINARY.SIZE
                    S: b2 BAD BINARY.SIZE needs a part number in brackets, such as BINARY.SIZE[1] or BINARY.SIZE[]
                    C: b3 FETCH 1 BINARY.PEEK[1
                    S: b3 BAD Missing ']'
                    C: b4 FETCH 1 BINARY.PEEK[TEXT]
                    S: b4 BAD invalid FETCH data item "BINARY.PEEK[TEXT]": a BINARY section holds part numbers only, such as [1.2]; HEADER, TEXT and MIME are for BODY
                    C: b5 FETCH 1 BINARY[1.MIME]
                    S: b5 BAD invalid FETCH data item "BINARY[1.MIME]": a BINARY section holds part numbers only, such as [1.2]; HEADER, TEXT and MIME are for BODY
                    C: b6 FETCH 1 BINARY.SIZE[1]<0.3>
                    S: b6 BAD invalid FETCH data item "BINARY.SIZE[1]<0.3>": BINARY.SIZE takes no partial range
                    C: b7 FETCH 1 BINARY[0]
                    S: b7 BAD invalid FETCH data item "BINARY[0]": part numbers start at 1 and have no leading zero; got 0
                    C: b8 FETCH 1 BINARY[1]<5.0>
                    S: b8 BAD invalid FETCH data item "BINARY[1]<5.0>": the partial range must be <origin.count> with count at least 1, such as <0.1024>
                    C: b9 FETCH 1 FLAGS
                    S: * 1 FETCH (FLAGS (\\Recent))
                    S: b9 OK Fetch completed.
                    """);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void appendTakesALiteral8WithNulAndRefusesNulInAPlainLiteral() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> before = StoreSnapshot.of(server.store());
            c.sendRaw("a1 APPEND INBOX {19+}\r\nSubject: x\r\n\r\na\0b\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            c.play("""
                    S: a1 BAD The message holds a NUL octet, which a literal {n} may not carry; send it as a literal8 ~{n}
                    """);
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            c.sendRaw(("a2 APPEND INBOX ~{54+}\r\nSubject: x\r\nContent-Transfer-Encoding: binary\r\n\r\na\0b\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            c.play("""
                    S~ a2 OK \\[APPENDUID \\d+ 1\\] Append completed\\.
                    C: a3 APPEND INBOX ~{5}
                    S: + Ready for literal data
                    """);
            c.sendRaw("x\0y\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            c.play("""
                    S~ a3 OK \\[APPENDUID \\d+ 2\\] Append completed\\.
                    C: s SELECT INBOX
                    """);
            c.readUntilTagged("s");
            List<String> fetched = c.exchange("f1", "FETCH 1 (BINARY.PEEK[1] BINARY.SIZE[1])");
            assertThat(fetched.get(0)).isEqualTo("* 1 FETCH (BINARY[1] ~{5}\r\na\0b\r\n BINARY.SIZE[1] 5)");
            c.play("""
                    C: f2 FETCH 1 BODY.PEEK[]
                    S: * 1 FETCH (BODY[] {57}
                    S: Subject: x
                    S: Content-Transfer-Encoding: base64
                    S:\s
                    S: YQBiDQo=)
                    S: f2 OK Fetch completed.
                    """);
            assertThat(server.journal().commands()).filteredOn(cmd -> cmd.name().equals("APPEND"))
                    .extracting(cmd -> cmd.arguments()).containsExactly("INBOX {19}", "INBOX ~{54}", "INBOX ~{5}");
            c.play("""
                    C: a4 LIST "" ~{3}
                    S: a4 BAD A literal8 ~{n} may only carry a message in APPEND
                    """);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void aLiteral8PartWithNulUnderSevenBitIsStoredAsBase64AndItsSiblingsAsSent() {
        String message = "Subject: m\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n"
                + "--B\r\nContent-Type: text/plain\r\n\r\nx\0y\r\n"
                + "--B\r\nContent-Type: text/plain\r\n\r\nplain\r\n--B--\r\n";
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.sendRaw(("a1 APPEND INBOX ~{" + message.length() + "+}\r\n" + message + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            c.readUntilTagged("a1");
            assertThat(new String(server.store().account("alice").orElseThrow().mailbox("INBOX").messages().get(0)
                    .bytes(), StandardCharsets.ISO_8859_1)).isEqualTo("Subject: m\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n"
                    + "--B\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\neAB5\r\n"
                    + "--B\r\nContent-Type: text/plain\r\n\r\nplain\r\n--B--\r\n");
            c.command("s", "SELECT INBOX");
            assertThat(c.exchange("f1", "FETCH 1 BINARY.PEEK[1]").get(0)).isEqualTo("* 1 FETCH (BINARY[1] ~{3}\r\nx\0y)");
        }
    }

    @Test
    void withoutBinaryItsFetchItemsAndLiteral8AreBad() {
        try (ImapMockServer server = server(Extension.BINARY); RawClient c = RawClient.login(server, "alice", "secret")) {
            deliver(server, MIXED);
            List<String> before = StoreSnapshot.of(server.store());
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: b1 FETCH 1 BINARY.PEEK[1]
                    S: b1 BAD unknown FETCH data item BINARY.PEEK[1]
                    C: b2 FETCH 1 BINARY.SIZE[1]
                    S: b2 BAD unknown FETCH data item BINARY.SIZE[1]
                    C: b3 FETCH 1 BINARY[1]
                    S: b3 BAD unknown FETCH data item BINARY[1]
                    C: a1 APPEND INBOX ~{3+}
                    C: abc
                    S: a1 BAD A literal8 ~{n} needs BINARY, which this server does not offer
                    """);
            c.assertStillWorks("n1");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        }
    }
}
