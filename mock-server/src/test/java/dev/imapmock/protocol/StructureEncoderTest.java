package dev.imapmock.protocol;

import dev.imapmock.mime.MimeIndex;
import dev.imapmock.mime.MimePart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ENVELOPE, BODYSTRUCTURE and BODY of the messages under {@code src/test/resources/mime/}. Every
 * expected answer is the one Dovecot 2.3.19 gave for the same file, except where noted:
 * <ul>
 *   <li>Dovecot sends a subject or personal name it had to tidy (collapsed white space) as a
 *       literal; we send the same value quoted, which means the same thing on the wire.</li>
 *   <li>Dovecot merges RFC 2231 parameter sections ({@code name*0}, {@code name*1}) into one
 *       parameter and moves it after the plain ones; we report parameters as sent (04, 20).</li>
 * </ul>
 */
class StructureEncoderTest {

    static Stream<Arguments> corpus() {
        return Stream.of(
        // 01-single-plain.eml
        Arguments.of("01-single-plain.eml",
                "(\"Tue, 2 Jan 2024 09:30:00 +0100\" \"Quarterly report\" ((\"Alice Example\" NIL \"alice\" \"example.org\")) ((\"Alice Example\" NIL \"alice\" \"example.org\")) ((\"Alice Example\" NIL \"alice\" \"example.org\")) ((\"Bob\" NIL \"bob\" \"example.net\")(NIL NIL \"carol\" \"example.com\")) ((\"Dave, the Boss\" NIL \"dave\" \"example.com\")) NIL \"<q0@example.net>\" \"<q1@example.org>\")",
                "(\"text\" \"plain\" (\"charset\" \"UTF-8\" \"format\" \"flowed\") NIL NIL \"7bit\" 39 3 NIL NIL NIL NIL)",
                "(\"text\" \"plain\" (\"charset\" \"UTF-8\" \"format\" \"flowed\") NIL NIL \"7bit\" 39 3)"),
        // 02-no-content-type.eml
        Arguments.of("02-no-content-type.eml",
                "(NIL \"folded subject line\" ((NIL NIL \"a\" \"b.example\")) ((NIL NIL \"a\" \"b.example\")) ((NIL NIL \"a\" \"b.example\")) NIL NIL NIL NIL NIL)",
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 29 0 NIL NIL NIL NIL)",
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 29 0)"),
        // 03-alternative.eml
        Arguments.of("03-alternative.eml",
                "(NIL \"alt\" ((NIL NIL \"news\" \"example.com\")) ((NIL NIL \"news\" \"example.com\")) ((NIL NIL \"news\" \"example.com\")) ((NIL NIL \"you\" \"example.org\")) NIL NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"iso-8859-1\") NIL NIL \"quoted-printable\" 30 1 NIL NIL NIL NIL)(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"base64\" 28 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"=_alt\") NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"iso-8859-1\") NIL NIL \"quoted-printable\" 30 1)(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"base64\" 28 0) \"alternative\")"),
        // 04-mixed-attachments.eml
        Arguments.of("04-mixed-attachments.eml",
                "(NIL \"attachments\" ((NIL NIL \"a\" \"example.com\")) ((NIL NIL \"a\" \"example.com\")) ((NIL NIL \"a\" \"example.com\")) ((NIL NIL \"b\" \"example.com\")) NIL NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 16 0 NIL NIL NIL NIL)(\"application\" \"pdf\" (\"name\" \"report.pdf\") NIL \"Quarterly report\" \"base64\" 12 NIL (\"attachment\" (\"filename\" \"report.pdf\" \"size\" \"12\")) NIL NIL)(\"text\" \"plain\" (\"charset\" \"utf-8\" \"name*\" \"utf-8''na%C3%AFve.txt\") NIL NIL \"8bit\" 6 0 NIL (\"attachment\" (\"filename*0*\" \"utf-8''na%C3%AF\" \"filename*1\" \"ve.txt\")) NIL NIL) \"mixed\" (\"boundary\" \"mix\") NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 16 0)(\"application\" \"pdf\" (\"name\" \"report.pdf\") NIL \"Quarterly report\" \"base64\" 12)(\"text\" \"plain\" (\"charset\" \"utf-8\" \"name*\" \"utf-8''na%C3%AFve.txt\") NIL NIL \"8bit\" 6 0) \"mixed\")"),
        // 05-related-inline.eml
        Arguments.of("05-related-inline.eml",
                "(NIL \"related\" ((NIL NIL \"a\" \"example.com\")) ((NIL NIL \"a\" \"example.com\")) ((NIL NIL \"a\" \"example.com\")) NIL NIL NIL NIL NIL)",
                "((\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 22 0 NIL NIL NIL NIL)(\"image\" \"png\" NIL \"<logo@x>\" NIL \"base64\" 12 NIL (\"inline\" (\"filename\" \"logo.png\")) NIL \"logo.png\") \"related\" (\"type\" \"text/html\" \"boundary\" \"rel\") NIL NIL NIL)",
                "((\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 22 0)(\"image\" \"png\" NIL \"<logo@x>\" NIL \"base64\" 12) \"related\")"),
        // 06-nested-rfc822.eml
        Arguments.of("06-nested-rfc822.eml",
                "(NIL \"Fwd: hello\" ((NIL NIL \"fwd\" \"example.com\")) ((NIL NIL \"fwd\" \"example.com\")) ((NIL NIL \"fwd\" \"example.com\")) NIL NIL NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 24 0 NIL NIL NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 317 (\"Mon, 1 Jan 2024 08:00:00 -0500\" \"hello\" ((\"Orig\" NIL \"orig\" \"example.net\")) ((\"Orig\" NIL \"orig\" \"example.net\")) ((\"Orig\" NIL \"orig\" \"example.net\")) ((NIL NIL \"fwd\" \"example.com\")) NIL NIL NIL \"<orig@example.net>\") ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 2 0 NIL NIL NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 29 (NIL \"deepest\" NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 9 0 NIL NIL NIL NIL) 2 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"inner\") NIL NIL NIL) 18 NIL (\"attachment\" NIL) NIL NIL) \"mixed\" (\"boundary\" \"outer\") NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 24 0)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 317 (\"Mon, 1 Jan 2024 08:00:00 -0500\" \"hello\" ((\"Orig\" NIL \"orig\" \"example.net\")) ((\"Orig\" NIL \"orig\" \"example.net\")) ((\"Orig\" NIL \"orig\" \"example.net\")) ((NIL NIL \"fwd\" \"example.com\")) NIL NIL NIL \"<orig@example.net>\") ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 2 0)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 29 (NIL \"deepest\" NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 9 0) 2) \"alternative\") 18) \"mixed\")"),
        // 07-digest.eml
        Arguments.of("07-digest.eml",
                "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)",
                "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 24 (NIL \"one\" NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 8 0 NIL NIL NIL NIL) 2 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 0 NIL NIL NIL NIL)((\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"dd\") NIL NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 0 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) 0 NIL NIL NIL NIL) \"digest\" (\"boundary\" \"d\") NIL NIL NIL)",
                "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 24 (NIL \"one\" NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 8 0) 2)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 0)((\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0) \"mixed\")(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 0 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) 0) \"digest\")"),
        // 08-rfc2047.eml
        Arguments.of("08-rfc2047.eml",
                "(NIL \"=?utf-8?q?Gr=C3=BC=C3=9Fe?= aus =?iso-8859-1?b?S/Zsbg==?= und =?x-unknown?q?abc?=\" ((\"=?ISO-8859-1?Q?Andr=E9?= Pirard\" NIL \"PIRARD\" \"vm1.ulg.ac.be\")) ((\"=?ISO-8859-1?Q?Andr=E9?= Pirard\" NIL \"PIRARD\" \"vm1.ulg.ac.be\")) ((\"=?ISO-8859-1?Q?Andr=E9?= Pirard\" NIL \"PIRARD\" \"vm1.ulg.ac.be\")) ((\"=?utf-8?B?SsO8cmdlbg==?=\" NIL \"jurgen\" \"example.de\")) NIL NIL NIL NIL)",
                "(\"text\" \"plain\" (\"charset\" \"iso-8859-1\") NIL NIL \"quoted-printable\" 20 1 NIL NIL NIL NIL)",
                "(\"text\" \"plain\" (\"charset\" \"iso-8859-1\") NIL NIL \"quoted-printable\" 20 1)"),
        // 09-groups.eml
        Arguments.of("09-groups.eml",
                "(NIL \"groups\" ((\"Sender\" NIL \"s\" \"example.com\")) ((\"Real Sender\" NIL \"real\" \"example.com\")) ((NIL NIL \"replies\" \"example.com\")) ((NIL NIL \"Team\" NIL)(NIL NIL \"a\" \"example.com\")(\"B\" NIL \"b\" \"example.com\")(NIL NIL NIL NIL)(NIL NIL \"solo\" \"example.com\")) ((NIL NIL \"Undisclosed recipients\" NIL)(NIL NIL NIL NIL)) ((\"Kay Zed\" NIL \"k\" \"example.com\")) NIL NIL)",
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)"),
        // 10-missing-headers.eml
        Arguments.of("10-missing-headers.eml",
                "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)",
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 1 NIL NIL NIL NIL)",
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 1)"),
        // 11-missing-final-boundary.eml
        Arguments.of("11-missing-final-boundary.eml",
                "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 5 0 NIL NIL NIL NIL)((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 11 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"c\") NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 26 1 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 5 0)((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 11 0) \"alternative\")(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 26 1) \"mixed\")"),
        // 13-header-without-colon.eml
        Arguments.of("13-header-without-colon.eml",
                "(NIL \"odd\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 4 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"q\") NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 4 0) \"mixed\")"),
        // 14-unknown-encoding.eml
        Arguments.of("14-unknown-encoding.eml",
                "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"x-uuencode\" 11 0 NIL NIL NIL NIL)(\"application\" \"octet-stream\" NIL NIL NIL \"Banana\" 2 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"u\") NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"x-uuencode\" 11 0)(\"application\" \"octet-stream\" NIL NIL NIL \"Banana\" 2) \"mixed\")"),
        // 17-empty.eml
        Arguments.of("17-empty.eml",
                "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)",
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)",
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)"),
        // 18-boundary-never-found.eml
        Arguments.of("18-boundary-never-found.eml",
                "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"zz\") NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")"),
        // 19-odd-content-types.eml
        Arguments.of("19-odd-content-types.eml",
                "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)",
                "((\"Text\" \"HTML\" (\"charset\" \"utf-8\") \"<a  @b>\" \"=?utf-8?q?x?=\" \"7bit\" 0 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 0 0 NIL (\"attachment\" (\"filename\" \"x y.txt\")) (\"en\" \"de-DE\") NIL)(\"image\" \"png\" (\"name\" \"a.png\") NIL NIL \"BASE64\" 6 NIL (\"inline\" (\"filename\" \"a.png\")) NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                "((\"Text\" \"HTML\" (\"charset\" \"utf-8\") \"<a  @b>\" \"=?utf-8?q?x?=\" \"7bit\" 0 0)(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 0 0)(\"image\" \"png\" (\"name\" \"a.png\") NIL NIL \"BASE64\" 6) \"mixed\")"),
        // 20-mixed-everything.eml
        Arguments.of("20-mixed-everything.eml",
                "(NIL \"multi\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
                "((\"TEXT\" \"Plain\" (\"CharSet\" \"ISO-8859-1\" \"format\" \"flowed\") \"<cid1@x> \" \"some  desc\" \"Quoted-Printable\" 12 1 \"Q2hlY2sgSW50ZWdyaXR5IQ==\" NIL (\"en\" \"de\") \"http://x/y\")(\"application\" \"octet-stream\" (\"name*0\" \"long\" \"name*1\" \"name.bin\") NIL NIL \"7bit\" 3 NIL (\"Attachment\" (\"filename*\" \"utf-8''%E2%82%AC.txt\" \"size\" \"3\")) NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 39 (NIL \"inner\" ((NIL NIL \"x\" \"y\")) ((NIL NIL \"x\" \"y\")) ((NIL NIL \"x\" \"y\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 0 NIL NIL NIL NIL) 3 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 0 NIL (\"inline\" NIL) (\"fr\") NIL)((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"alternative\" NIL NIL NIL NIL) \"Mixed\" (\"boundary\" \"outer\" \"foo\" \"Bar\") NIL NIL NIL)",
                "((\"TEXT\" \"Plain\" (\"CharSet\" \"ISO-8859-1\" \"format\" \"flowed\") \"<cid1@x> \" \"some  desc\" \"Quoted-Printable\" 12 1)(\"application\" \"octet-stream\" (\"name*0\" \"long\" \"name*1\" \"name.bin\") NIL NIL \"7bit\" 3)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 39 (NIL \"inner\" ((NIL NIL \"x\" \"y\")) ((NIL NIL \"x\" \"y\")) ((NIL NIL \"x\" \"y\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 0) 3)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 0)((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"alternative\") \"Mixed\")"),
        // 21-multipart-without-boundary.eml
        Arguments.of("21-multipart-without-boundary.eml",
                "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" NIL NIL NIL NIL)",
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")"),
        // 23-header-only.eml
        Arguments.of("23-header-only.eml",
                "(NIL \"header only, no body, no final line break\" ((NIL NIL \"a\" \"b.example\")) ((NIL NIL \"a\" \"b.example\")) ((NIL NIL \"a\" \"b.example\")) NIL NIL NIL NIL NIL)",
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)",
                "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void envelopeBodyStructureAndBodyMatchDovecotByteForByte(String file, String envelope, String bodyStructure,
                                                             String body) throws IOException {
        MimeIndex index = MimeIndex.parse(resource(file));

        assertThat(utf8(StructureEncoder.envelope(index.envelope()))).isEqualTo(envelope);
        assertThat(utf8(StructureEncoder.bodyStructure(index.root(), true))).isEqualTo(bodyStructure);
        assertThat(utf8(StructureEncoder.bodyStructure(index.root(), false))).isEqualTo(body);
    }

    @Test
    void bareLineFeedMessageIsMeasuredInItsOwnOctets() {
        String msg = "Subject: lf\nContent-Type: multipart/mixed; boundary=\"ab\"\n\n--ab\n"
                + "Content-Type: text/plain\n\none\ntwo\n--ab\nContent-Type: text\n\nzz\n";
        MimeIndex index = MimeIndex.parse(msg.getBytes(StandardCharsets.US_ASCII));

        // "one\ntwo" before the LF that belongs to the boundary; the last part runs to the end.
        assertThat(utf8(StructureEncoder.bodyStructure(index.root(), false))).isEqualTo(
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 7 1)"
                        + "(\"text\" \"\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1) \"mixed\")");
    }

    @Test
    void eightBitHeaderValuesAreSentAsLiterals() {
        String msg = "Subject: caf\u00e9\nContent-Type: text/plain; name=\"r\u00e9sum\u00e9.txt\"\n"
                + "Content-Description: d\u00e9j\u00e0 vu\n\nhi\n";
        MimeIndex index = MimeIndex.parse(msg.getBytes(StandardCharsets.UTF_8));

        assertThat(utf8(StructureEncoder.envelope(index.envelope())))
                .isEqualTo("(NIL {5}\r\ncaf\u00e9 NIL NIL NIL NIL NIL NIL NIL NIL)");
        assertThat(utf8(StructureEncoder.bodyStructure(index.root(), true))).isEqualTo(
                "(\"text\" \"plain\" (\"name\" {12}\r\nr\u00e9sum\u00e9.txt \"charset\" \"us-ascii\") NIL {9}\r\nd\u00e9j\u00e0 vu"
                        + " \"7bit\" 3 1 NIL NIL NIL NIL)");
    }

    @Test
    void nestingDeeperThanTheCapEndsInALeafAndStillEncodes() {
        StringBuilder msg = new StringBuilder();
        int depth = 80;
        for (int i = 0; i < depth; i++) {
            msg.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n--b").append(i).append("\r\n");
        }
        msg.append("Content-Type: text/plain\r\n\r\nleaf\r\n");
        MimeIndex index = MimeIndex.parse(msg.toString().getBytes(StandardCharsets.US_ASCII));

        String body = utf8(StructureEncoder.bodyStructure(index.root(), false));
        int levels = 0;
        for (MimePart p = index.root(); !p.children().isEmpty(); p = p.children().get(0)) {
            levels++;
        }
        assertThat(levels).isEqualTo(50);
        assertThat(body).startsWith("(((((").contains("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)")
                .endsWith(" \"mixed\")");
        assertThat(body.chars().filter(c -> c == '(').count()).isEqualTo(body.chars().filter(c -> c == ')').count());
    }

    @Test
    void messageRfc822PartReportsEnvelopeStructureAndLines() {
        String msg = "Content-Type: message/rfc822\r\n\r\nSubject: inner\r\nFrom: x@y\r\n\r\ninner body\r\n";
        MimeIndex index = MimeIndex.parse(msg.getBytes(StandardCharsets.US_ASCII));

        assertThat(utf8(StructureEncoder.bodyStructure(index.root(), false))).isEqualTo(
                "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 41 (NIL \"inner\" ((NIL NIL \"x\" \"y\")) "
                        + "((NIL NIL \"x\" \"y\")) ((NIL NIL \"x\" \"y\")) NIL NIL NIL NIL NIL) "
                        + "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 12 1) 4)");
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = StructureEncoderTest.class.getResourceAsStream("/mime/" + file)) {
            return in.readAllBytes();
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
