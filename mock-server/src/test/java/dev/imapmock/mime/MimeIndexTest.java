package dev.imapmock.mime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Section extraction and byte offsets; expected sections are what Dovecot 2.3 returned for the same files. */
class MimeIndexTest {

    @Test
    void bodySizeCountsOnlyTheBodyOctets() throws IOException {
        String text = resourceText("01-single-plain.eml");
        MimePart root = MimeIndex.parse(text.getBytes(StandardCharsets.UTF_8)).root();

        int bodyAt = text.indexOf("\r\n\r\n") + 4;
        assertThat(root.bodySize()).isEqualTo(text.length() - bodyAt);
        assertThat(root.lines()).isEqualTo(countLf(text.substring(bodyAt)));
    }

    @Test
    void partSizesAndLinesStopBeforeTheLineBreakOfTheNextBoundary() throws IOException {
        String text = resourceText("20-mixed-everything.eml");
        MimeIndex index = MimeIndex.parse(text.getBytes(StandardCharsets.US_ASCII));
        MimePart first = index.root().children().get(0);

        int start = text.indexOf("Content-MD5");
        String body = text.substring(text.indexOf("\r\n\r\n", start) + 4, text.indexOf("\r\n--outer\r\nContent-Type: app"));
        assertThat(body).isEqualTo("line1\r\nline2");
        assertThat(first.bodySize()).isEqualTo(body.length());
        assertThat(first.lines()).isEqualTo(countLf(body));
        assertThat(index.root().children()).hasSize(5);
    }

    @Test
    void wholeMessageHeaderAndTextSections() throws IOException {
        String text = resourceText("06-nested-rfc822.eml");
        MimeIndex index = MimeIndex.parse(text.getBytes(StandardCharsets.US_ASCII));
        int split = text.indexOf("\r\n\r\n") + 4;

        assertThat(section(index, List.of(), SectionSpec.Kind.ALL)).isEqualTo(text);
        assertThat(section(index, List.of(), SectionSpec.Kind.HEADER)).isEqualTo(text.substring(0, split));
        assertThat(section(index, List.of(), SectionSpec.Kind.TEXT)).isEqualTo(text.substring(split));
    }

    @Test
    void sectionsInsideAnEmbeddedMessageAtEveryDepth() throws IOException {
        MimeIndex index = MimeIndex.parse(resource("06-nested-rfc822.eml"));
        String inner = "Date: Mon, 1 Jan 2024 08:00:00 -0500\r\nFrom: Orig <orig@example.net>\r\nTo: fwd@example.com\r\n"
                + "Subject: hello\r\nMessage-ID: <orig@example.net>\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n";
        String innerText = "--inner\r\nContent-Type: text/plain\r\n\r\nhi\r\n--inner\r\nContent-Type: message/rfc822\r\n\r\n"
                + "Subject: deepest\r\n\r\ndeep body\r\n--inner--\r\n";

        assertThat(section(index, List.of(1), SectionSpec.Kind.ALL)).isEqualTo("Forwarded message below.");
        assertThat(section(index, List.of(2), SectionSpec.Kind.ALL)).isEqualTo(inner + innerText);
        assertThat(section(index, List.of(2), SectionSpec.Kind.MIME))
                .isEqualTo("Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n");
        assertThat(section(index, List.of(2), SectionSpec.Kind.HEADER)).isEqualTo(inner);
        assertThat(section(index, List.of(2), SectionSpec.Kind.TEXT)).isEqualTo(innerText);
        assertThat(section(index, List.of(2, 1), SectionSpec.Kind.ALL)).isEqualTo("hi");
        assertThat(section(index, List.of(2, 1), SectionSpec.Kind.MIME)).isEqualTo("Content-Type: text/plain\r\n\r\n");
        assertThat(section(index, List.of(2, 2), SectionSpec.Kind.ALL)).isEqualTo("Subject: deepest\r\n\r\ndeep body");
        assertThat(section(index, List.of(2, 2), SectionSpec.Kind.HEADER)).isEqualTo("Subject: deepest\r\n\r\n");
        assertThat(section(index, List.of(2, 2), SectionSpec.Kind.TEXT)).isEqualTo("deep body");
        assertThat(section(index, List.of(2, 2, 1), SectionSpec.Kind.ALL)).isEqualTo("deep body");
        assertThat(section(index, List.of(2, 2, 1), SectionSpec.Kind.MIME)).isEqualTo("Subject: deepest\r\n\r\n");
    }

    @Test
    void partOneOfASinglePartMessageIsItsBodyAndItsMimeHeaderIsTheMessageHeader() throws IOException {
        MimeIndex index = MimeIndex.parse(resource("02-no-content-type.eml"));

        assertThat(section(index, List.of(1), SectionSpec.Kind.ALL)).isEqualTo("body without final line break");
        assertThat(section(index, List.of(1), SectionSpec.Kind.MIME))
                .isEqualTo("Subject: folded\r\n  subject\tline\r\nFrom: a@b.example\r\n\r\n");
        assertThat(section(index, List.of(1), SectionSpec.Kind.HEADER)).isEmpty();
    }

    @Test
    void missingPartsAndHeaderOfANonMessagePartAreEmpty() throws IOException {
        MimeIndex index = MimeIndex.parse(resource("20-mixed-everything.eml"));

        assertThat(section(index, List.of(9), SectionSpec.Kind.ALL)).isEmpty();
        assertThat(section(index, List.of(1, 2), SectionSpec.Kind.ALL)).isEmpty();
        assertThat(section(index, List.of(2), SectionSpec.Kind.HEADER)).isEmpty();
        assertThat(section(index, List.of(5, 1), SectionSpec.Kind.ALL)).isEmpty();
        assertThat(section(index, List.of(5), SectionSpec.Kind.ALL)).isEqualTo("no boundary");
        assertThat(index.resolve(List.of(0))).isNull();
    }

    @Test
    void partOneOfALeafPartIsThePartItselfAsDovecotAnswers() throws IOException {
        MimeIndex index = MimeIndex.parse(resource("20-mixed-everything.eml"));

        assertThat(section(index, List.of(1, 1), SectionSpec.Kind.ALL))
                .isEqualTo(section(index, List.of(1), SectionSpec.Kind.ALL))
                .isNotEmpty();
        assertThat(section(index, List.of(1, 1, 1), SectionSpec.Kind.ALL)).isNotEmpty();
    }

    @Test
    void digestPartsDefaultToEmbeddedMessages() throws IOException {
        MimeIndex index = MimeIndex.parse(resource("07-digest.eml"));

        assertThat(section(index, List.of(1), SectionSpec.Kind.MIME)).isEqualTo("\r\n");
        assertThat(section(index, List.of(1), SectionSpec.Kind.ALL)).isEqualTo("Subject: one\r\n\r\nbody one");
        assertThat(section(index, List.of(1, 1), SectionSpec.Kind.ALL)).isEqualTo("body one");
        assertThat(section(index, List.of(1), SectionSpec.Kind.HEADER)).isEqualTo("Subject: one\r\n\r\n");
        assertThat(section(index, List.of(3, 1), SectionSpec.Kind.ALL)).isEqualTo("<p>");
    }

    @Test
    void headerFieldsKeepsOriginalLinesInOrderAndEndsWithTheBlankLine() {
        String msg = "Subject: lf\r\nNoColonLine\r\nto: a@b\r\n  (folded)\r\nX-Other: 1\r\nTO: c@d\r\n\r\nbody";
        MimeIndex index = MimeIndex.parse(msg.getBytes(StandardCharsets.US_ASCII));

        assertThat(fields(index, SectionSpec.Kind.HEADER_FIELDS, "To", "subject", "nocolonline"))
                .isEqualTo("Subject: lf\r\nto: a@b\r\n  (folded)\r\nTO: c@d\r\n\r\n");
        assertThat(fields(index, SectionSpec.Kind.HEADER_FIELDS_NOT, "to", "subject"))
                .isEqualTo("NoColonLine\r\nX-Other: 1\r\n\r\n");
        assertThat(fields(index, SectionSpec.Kind.HEADER_FIELDS, "nothing")).isEqualTo("\r\n");
    }

    @Test
    void headerFieldsOfAnEmbeddedMessage() throws IOException {
        MimeIndex index = MimeIndex.parse(resource("06-nested-rfc822.eml"));
        SectionSpec spec = new SectionSpec(List.of(2), SectionSpec.Kind.HEADER_FIELDS, List.of("subject", "from"));

        assertThat(index.section(spec).toString()).isEqualTo("From: Orig <orig@example.net>\r\nSubject: hello\r\n\r\n");
    }

    @Test
    void missingFinalBoundaryKeepsTheLastLineBreakOfTheLastPart() throws IOException {
        MimeIndex index = MimeIndex.parse(resource("11-missing-final-boundary.eml"));

        assertThat(section(index, List.of(2), SectionSpec.Kind.ALL)).isEqualTo("--c\r\n\r\ninner plain");
        assertThat(section(index, List.of(2, 1), SectionSpec.Kind.ALL)).isEqualTo("inner plain");
        assertThat(section(index, List.of(3), SectionSpec.Kind.ALL)).isEqualTo("last, no close delimiter\r\n");
    }

    @Test
    void boundaryThatIsAPrefixOfAnotherGoesToTheLongestMatch() {
        String msg = "Content-Type: multipart/mixed; boundary=ab\n\n--ab\nContent-Type: multipart/related; boundary=abc\n\n"
                + "--abc\n\nx\n--abc--\n--ab\n\ny\n--ab--\n";
        MimeIndex index = MimeIndex.parse(msg.getBytes(StandardCharsets.US_ASCII));

        assertThat(section(index, List.of(1, 1), SectionSpec.Kind.ALL)).isEqualTo("x");
        assertThat(section(index, List.of(2), SectionSpec.Kind.ALL)).isEqualTo("y");
    }

    @Test
    void headerOnlyAndEmptyMessagesHaveEmptyBodies() throws IOException {
        MimeIndex headerOnly = MimeIndex.parse(resource("23-header-only.eml"));
        MimeIndex empty = MimeIndex.parse(new byte[0]);

        assertThat(headerOnly.root().bodySize()).isZero();
        assertThat(section(headerOnly, List.of(), SectionSpec.Kind.HEADER))
                .isEqualTo("From: a@b.example\r\nSubject: header only, no body, no final line break");
        assertThat(empty.root().bodySize()).isZero();
        assertThat(section(empty, List.of(), SectionSpec.Kind.HEADER)).isEmpty();
        assertThat(section(empty, List.of(1), SectionSpec.Kind.ALL)).isEmpty();
        assertThat(empty.envelope()).isEqualTo(Envelope.EMPTY);
    }

    @Test
    void lazyPartFieldsAreReadFromTheHeader() throws IOException {
        MimePart part = MimeIndex.parse(resource("20-mixed-everything.eml")).root().children().get(0);

        assertThat(part.type()).isEqualTo("TEXT");
        assertThat(part.parameter("charset")).isEqualTo("ISO-8859-1");
        assertThat(part.contentTransferEncoding()).isEqualTo("Quoted-Printable");
        assertThat(part.contentId()).isEqualTo("<cid1@x> ");
        assertThat(part.languages()).containsExactly("en", "de");
        assertThat(part.contentMd5()).isEqualTo("Q2hlY2sgSW50ZWdyaXR5IQ==");
    }

    @Test
    void anyInputIndexesWithoutThrowingAndPartsStayInsideTheMessage() {
        Random random = new Random(42);
        String alphabet = "-\r\n:; =\"abc/\tContent-Type: multipart/mixed; boundary=a\r\n--a--\r\nmessage/rfc822\r\n";
        for (int round = 0; round < 2000; round++) {
            byte[] msg;
            if (round % 2 == 0) {
                msg = new byte[random.nextInt(300)];
                random.nextBytes(msg);
            } else {
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(60);
                for (int i = 0; i < n; i++) {
                    int from = random.nextInt(alphabet.length());
                    sb.append(alphabet, from, Math.min(alphabet.length(), from + 1 + random.nextInt(20)));
                }
                msg = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
            byte[] message = msg;
            assertThatCode(() -> {
                MimeIndex index = MimeIndex.parse(message);
                checkBounds(index.root(), message.length);
                index.envelope();
                index.decodedBodyText();
                index.decodedHeaderText();
                dev.imapmock.protocol.StructureEncoder.bodyStructure(index.root(), true);
            }).doesNotThrowAnyException();
        }
    }

    private static void checkBounds(MimePart part, int length) {
        assertThat(part.headerStart()).isBetween(0, length);
        assertThat(part.bodyStart()).isBetween(part.headerStart(), length);
        assertThat(part.bodyEnd()).isBetween(part.bodyStart(), length);
        part.children().forEach(c -> {
            assertThat(c.headerStart()).isGreaterThanOrEqualTo(part.bodyStart());
            assertThat(c.bodyEnd()).isLessThanOrEqualTo(part.bodyEnd());
            checkBounds(c, length);
        });
        part.embeddedMessage().ifPresent(m -> checkBounds(m, length));
    }

    private static String section(MimeIndex index, List<Integer> path, SectionSpec.Kind kind) {
        return index.section(new SectionSpec(path, kind, List.of())).toString();
    }

    private static String fields(MimeIndex index, SectionSpec.Kind kind, String... names) {
        return index.section(new SectionSpec(List.of(), kind, List.of(names))).toString();
    }

    private static int countLf(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }

    static byte[] resource(String file) throws IOException {
        try (InputStream in = MimeIndexTest.class.getResourceAsStream("/mime/" + file)) {
            return in.readAllBytes();
        }
    }

    static String resourceText(String file) throws IOException {
        return new String(resource(file), StandardCharsets.ISO_8859_1);
    }
}
