package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static dev.imapmock.access.Wire.assertTranscript;

/**
 * FETCH of every data item and macro of RFC 3501 §6.4.5, byte for byte, in EXAMINE so that no
 * \Seen side effect mixes in. Message 1 is {@code 01-single-plain.eml} (403 octets), message 3
 * {@code 03-alternative.eml}. Where Dovecot 2.3.19 answers the same, the expected text is its answer.
 */
@Timeout(20)
class FetchItemsTest {
    private static final String ENVELOPE_1 = "(\"Tue, 2 Jan 2024 09:30:00 +0100\" \"Quarterly report\""
            + " ((\"Alice Example\" NIL \"alice\" \"example.org\")) ((\"Alice Example\" NIL \"alice\" \"example.org\"))"
            + " ((\"Alice Example\" NIL \"alice\" \"example.org\")) ((\"Bob\" NIL \"bob\" \"example.net\")"
            + "(NIL NIL \"carol\" \"example.com\")) ((\"Dave, the Boss\" NIL \"dave\" \"example.com\")) NIL"
            + " \"<q0@example.net>\" \"<q1@example.org>\")";
    private static final String HEADER_1 = """
            Date: Tue, 2 Jan 2024 09:30:00 +0100
            From: Alice Example <alice@example.org>
            To: Bob <bob@example.net>, carol@example.com
            Cc: "Dave, the Boss" <dave@example.com>
            Subject: Quarterly report
            Message-ID: <q1@example.org>
            In-Reply-To: <q0@example.net>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8; format=flowed
            Content-Transfer-Encoding: 7bit

            """;
    private static final String TEXT_1 = """
            Hello Bob,

            the report is attached.
            """;

    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        server = Wire.mimeServer();
        c = Wire.selected(server, "EXAMINE INBOX");
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    @Test
    void allMacroIsFlagsInternalDateSizeAndEnvelope() {
        assertTranscript(c.exchange("a1", "FETCH 1 ALL"), """
                * 1 FETCH (FLAGS (\\Recent) INTERNALDATE "02-Jan-2024 09:30:00 +0100" RFC822.SIZE 403 ENVELOPE %s)
                a1 OK Fetch completed.
                """.formatted(ENVELOPE_1));
    }

    @Test
    void fastMacroIsFlagsInternalDateAndSize() {
        assertTranscript(c.exchange("a1", "FETCH 1 FAST"), """
                * 1 FETCH (FLAGS (\\Recent) INTERNALDATE "02-Jan-2024 09:30:00 +0100" RFC822.SIZE 403)
                a1 OK Fetch completed.
                """);
    }

    @Test
    void fullMacroAddsTheNonExtensibleBody() {
        assertTranscript(c.exchange("a1", "FETCH 1 FULL"), """
                * 1 FETCH (FLAGS (\\Recent) INTERNALDATE "02-Jan-2024 09:30:00 +0100" RFC822.SIZE 403 ENVELOPE %s \
                BODY ("text" "plain" ("charset" "UTF-8" "format" "flowed") NIL NIL "7bit" 39 3))
                a1 OK Fetch completed.
                """.formatted(ENVELOPE_1));
    }

    @Test
    void simpleItemsComeInTheOrderAsked() {
        assertTranscript(c.exchange("a1", "FETCH 1 (RFC822.SIZE UID INTERNALDATE FLAGS)"), """
                * 1 FETCH (RFC822.SIZE 403 UID 1 INTERNALDATE "02-Jan-2024 09:30:00 +0100" FLAGS (\\Recent))
                a1 OK Fetch completed.
                """);
    }

    @Test
    void eachSimpleItemAlone() {
        assertTranscript(c.exchange("a1", "FETCH 1 FLAGS"), "* 1 FETCH (FLAGS (\\Recent))\na1 OK Fetch completed.\n");
        assertTranscript(c.exchange("a2", "FETCH 1 INTERNALDATE"),
                "* 1 FETCH (INTERNALDATE \"02-Jan-2024 09:30:00 +0100\")\na2 OK Fetch completed.\n");
        assertTranscript(c.exchange("a3", "FETCH 1 RFC822.SIZE"), "* 1 FETCH (RFC822.SIZE 403)\na3 OK Fetch completed.\n");
        assertTranscript(c.exchange("a4", "FETCH 1 UID"), "* 1 FETCH (UID 1)\na4 OK Fetch completed.\n");
        assertTranscript(c.exchange("a5", "FETCH 1 ENVELOPE"),
                "* 1 FETCH (ENVELOPE " + ENVELOPE_1 + ")\na5 OK Fetch completed.\n");
    }

    @Test
    void bodyAndBodyStructureOfAMultipart() {
        assertTranscript(c.exchange("a1", "FETCH 3 (BODY BODYSTRUCTURE)"), """
                * 3 FETCH (BODY (("text" "plain" ("charset" "iso-8859-1") NIL NIL "quoted-printable" 30 1)\
                ("text" "html" ("charset" "utf-8") NIL NIL "base64" 28 0) "alternative") \
                BODYSTRUCTURE (("text" "plain" ("charset" "iso-8859-1") NIL NIL "quoted-printable" 30 1 NIL NIL NIL NIL)\
                ("text" "html" ("charset" "utf-8") NIL NIL "base64" 28 0 NIL NIL NIL NIL) "alternative" \
                ("boundary" "=_alt") NIL NIL NIL))
                a1 OK Fetch completed.
                """);
    }

    @Test
    void rfc822IsTheWholeMessageAsALiteral() {
        String message = new String(Wire.read(Wire.MIME.resolve("01-single-plain.eml")), StandardCharsets.ISO_8859_1);
        assertTranscript(c.exchange("a1", "FETCH 1 RFC822"),
                ("* 1 FETCH (RFC822 {403}\n" + message.replace("\r\n", "\n") + ")\na1 OK Fetch completed.\n"));
    }

    @Test
    void rfc822HeaderAndRfc822Text() {
        assertTranscript(c.exchange("a1", "FETCH 1 (RFC822.HEADER RFC822.TEXT)"),
                "* 1 FETCH (RFC822.HEADER {364}\n" + HEADER_1 + " RFC822.TEXT {39}\n" + TEXT_1
                        + ")\na1 OK Fetch completed.\n");
    }

    @Test
    void wholeMessageHeaderAndTextSections() {
        String message = new String(Wire.read(Wire.MIME.resolve("01-single-plain.eml")), StandardCharsets.ISO_8859_1);
        assertTranscript(c.exchange("a1", "FETCH 1 (BODY[] BODY[HEADER] BODY[TEXT])"),
                "* 1 FETCH (BODY[] {403}\n" + message.replace("\r\n", "\n") + " BODY[HEADER] {364}\n" + HEADER_1
                        + " BODY[TEXT] {39}\n" + TEXT_1 + ")\na1 OK Fetch completed.\n");
    }

    @Test
    void peekIsAnsweredUnderTheBodyName() {
        assertTranscript(c.exchange("a1", "FETCH 1 (BODY.PEEK[TEXT] BODY.PEEK[HEADER.FIELDS (Subject)])"),
                "* 1 FETCH (BODY[TEXT] {39}\n" + TEXT_1
                        + " BODY[HEADER.FIELDS (SUBJECT)] {29}\nSubject: Quarterly report\n\n)\na1 OK Fetch completed.\n");
    }

    @Test
    void headerFieldsKeepsTheNamedFieldsInMessageOrderWithTheBlankLine() {
        assertTranscript(c.exchange("a1", "FETCH 6 (BODY[HEADER.FIELDS (Subject FROM x-none)] "
                        + "BODY[HEADER.FIELDS.NOT (subject)])"), """
                * 6 FETCH (BODY[HEADER.FIELDS (SUBJECT FROM X-NONE)] {46}
                From: fwd@example.com
                Subject: Fwd: hello

                 BODY[HEADER.FIELDS.NOT (SUBJECT)] {72}
                From: fwd@example.com
                Content-Type: multipart/mixed; boundary=outer

                )
                a1 OK Fetch completed.
                """);
    }

    @Test
    void headerFieldsWithNoMatchingFieldIsTheBlankLineAlone() {
        assertTranscript(c.exchange("a1", "FETCH 1 BODY[HEADER.FIELDS (X-Nothing)]"), """
                * 1 FETCH (BODY[HEADER.FIELDS (X-NOTHING)] {2}

                )
                a1 OK Fetch completed.
                """);
    }

    @Test
    void partOneOfANonMultipartMessageIsItsBodyAndItsMimeHeaderIsTheMessageHeader() {
        assertTranscript(c.exchange("a1", "FETCH 1 (BODY[1] BODY[1.MIME])"),
                "* 1 FETCH (BODY[1] {39}\n" + TEXT_1 + " BODY[1.MIME] {364}\n" + HEADER_1
                        + ")\na1 OK Fetch completed.\n");
    }

    @Test
    void sectionsThatDoNotExistAreEmptyStrings() {
        assertTranscript(c.exchange("a1", "FETCH 1 (BODY[2] BODY[1.HEADER] BODY[1.TEXT])"), """
                * 1 FETCH (BODY[2] "" BODY[1.HEADER] "" BODY[1.TEXT] "")
                a1 OK Fetch completed.
                """);
    }

    @Test
    void partsAtEveryDepthIncludingInsideAnEmbeddedMessage() {
        assertTranscript(c.exchange("a1", "FETCH 6 (BODY[1] BODY[1.MIME] BODY[2.MIME] BODY[2.HEADER] BODY[2.1] "
                        + "BODY[2.1.MIME] BODY[2.2] BODY[2.2.HEADER] BODY[2.2.TEXT] BODY[2.2.1] BODY[2.2.MIME])"), """
                * 6 FETCH (BODY[1] {24}
                Forwarded message below. BODY[1.MIME] {28}
                Content-Type: text/plain

                 BODY[2.MIME] {65}
                Content-Type: message/rfc822
                Content-Disposition: attachment

                 BODY[2.HEADER] {193}
                Date: Mon, 1 Jan 2024 08:00:00 -0500
                From: Orig <orig@example.net>
                To: fwd@example.com
                Subject: hello
                Message-ID: <orig@example.net>
                Content-Type: multipart/alternative; boundary=inner

                 BODY[2.1] {2}
                hi BODY[2.1.MIME] {28}
                Content-Type: text/plain

                 BODY[2.2] {29}
                Subject: deepest

                deep body BODY[2.2.HEADER] {20}
                Subject: deepest

                 BODY[2.2.TEXT] {9}
                deep body BODY[2.2.1] {9}
                deep body BODY[2.2.MIME] {32}
                Content-Type: message/rfc822

                )
                a1 OK Fetch completed.
                """);
    }

    @Test
    void embeddedMessageTextAndHeaderFieldsOfAPart() {
        assertTranscript(c.exchange("a1", "FETCH 6 (BODY[2.TEXT] BODY[2.HEADER.FIELDS (SUBJECT)])"), """
                * 6 FETCH (BODY[2.TEXT] {124}
                --inner
                Content-Type: text/plain

                hi
                --inner
                Content-Type: message/rfc822

                Subject: deepest

                deep body
                --inner--
                 BODY[2.HEADER.FIELDS (SUBJECT)] {18}
                Subject: hello

                )
                a1 OK Fetch completed.
                """);
    }

    @Test
    void attachmentPartsAreServedStillEncoded() {
        assertTranscript(c.exchange("a1", "FETCH 4 (BODY[2] BODY[2.MIME])"), """
                * 4 FETCH (BODY[2] {12}
                JVBERi0xLjQK BODY[2.MIME] {191}
                Content-Type: application/pdf; name="report.pdf"
                Content-Disposition: attachment; filename="report.pdf"; size=12
                Content-Transfer-Encoding: base64
                Content-Description: Quarterly report

                )
                a1 OK Fetch completed.
                """);
    }

    @Test
    void partialFetchFromOriginZero() {
        assertTranscript(c.exchange("a1", "FETCH 1 BODY[]<0.10>"),
                "* 1 FETCH (BODY[]<0> {10}\nDate: Tue,)\na1 OK Fetch completed.\n");
    }

    @Test
    void partialFetchOfTheLastOctet() {
        org.assertj.core.api.Assertions.assertThat(String.join("\r\n", c.exchange("a1", "FETCH 1 BODY[]<402.10>")))
                .isEqualTo("* 1 FETCH (BODY[]<402> {1}\r\n\n)\r\na1 OK Fetch completed.");
    }

    @Test
    void partialFetchAtOrPastTheEndIsAnEmptyString() {
        assertTranscript(c.exchange("a1", "FETCH 1 (BODY[]<403.10> BODY[]<500.1>)"),
                "* 1 FETCH (BODY[]<403> \"\" BODY[]<500> \"\")\na1 OK Fetch completed.\n");
    }

    @Test
    void partialFetchWhoseCountRunsPastTheEndGetsTheRest() {
        assertTranscript(c.exchange("a1", "FETCH 1 (BODY[TEXT]<30.100> BODY.PEEK[1]<2.3>)"),
                "* 1 FETCH (BODY[TEXT]<30> {9}\ntached.\n BODY[1]<2> {3}\nllo)\na1 OK Fetch completed.\n");
    }

    @Test
    void partialRangeWithoutCountIsRefusedAndTheConnectionStaysUsable() {
        c.send("a1 FETCH 1 BODY[]<5>");
        org.assertj.core.api.Assertions.assertThat(c.readLine()).startsWith("a1 BAD ");
        assertTranscript(c.exchange("a2", "NOOP"), "a2 OK NOOP completed.\n");
    }

    @Test
    void uidFetchAlwaysPutsTheUidFirst() {
        assertTranscript(c.exchange("a1", "UID FETCH 2 (FLAGS)"), """
                * 2 FETCH (UID 2 FLAGS (\\Recent))
                a1 OK UID FETCH completed.
                """);
        assertTranscript(c.exchange("a2", "UID FETCH 2 (RFC822.SIZE UID)"), """
                * 2 FETCH (UID 2 RFC822.SIZE 83)
                a2 OK UID FETCH completed.
                """);
    }
}
