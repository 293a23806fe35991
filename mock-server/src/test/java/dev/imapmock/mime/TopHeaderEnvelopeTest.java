package dev.imapmock.mime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TopHeader#envelope()} reads the header block alone; it must give the envelope the whole
 * MIME parse gives ({@link MimeIndex#envelope()}), for every message, since FETCH ENVELOPE answers
 * from either, whichever a message has.
 */
class TopHeaderEnvelopeTest {

    private static void assertSameEnvelope(byte[] message, String what) {
        assertThat(TopHeader.scan(message).envelope()).as(what).isEqualTo(MimeIndex.parse(message).envelope());
    }

    @Test
    void everyCorpusMessageHasTheEnvelopeOfItsMimeIndex() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(Path.of("src/test/resources/mime"))) {
            list.sorted().forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            assertSameEnvelope(Files.readAllBytes(file), file.getFileName().toString());
        }
    }

    @Test
    void headersAtTheEdgesHaveTheEnvelopeOfTheirMimeIndex() {
        List<String> messages = List.of(
                "",
                "\r\n",
                "\r\nSubject: in the body\r\n",
                "Subject: no body and no blank line",
                "Subject: no body\r\n",
                "Subject: folded\r\n\tonto two lines\r\nFrom: a@b.c\r\n\r\nbody",
                "Subject: first\r\nSubject: second\r\nTo: x@y.z\r\nTo: w@y.z\r\n\r\n",
                "From: bare@lf.test\nSubject: bare LF\n\nbody\n",
                "From: \r\nSender: \r\nReply-To: (nobody)\r\n\r\n",
                "Date: Mon, 7 Dec 2026 10:00:00 +0000\r\nMessage-ID: <a@b>\r\nIn-Reply-To: <c@d>\r\n\r\n",
                "subject : spaced name\r\nFROM:UPPER@CASE.TEST\r\n\r\n",
                "Subject: =?utf-8?q?encoded_word?=\r\nCc: Undisclosed recipients:;\r\nBcc: <@route:x@y.z>\r\n\r\n",
                "Content-Type: multipart/mixed; boundary=b\r\nSubject: multipart\r\n\r\n--b\r\nSubject: inner\r\n\r\nx\r\n--b--\r\n",
                "Content-Type: message/rfc822\r\nSubject: outer\r\n\r\nSubject: inner\r\nFrom: in@side.test\r\n\r\nx\r\n",
                "X-Only: unrelated\r\n\r\n",
                "Subject: trailing spaces   \r\n \r\nFrom: after-blank-continuation@x.test\r\n\r\n");
        for (String m : messages) {
            assertSameEnvelope(m.getBytes(StandardCharsets.UTF_8), m);
        }
    }

    @Test
    void randomHeaderBlocksHaveTheEnvelopeOfTheirMimeIndex() {
        String[] names = {"Subject", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Date", "Message-ID",
            "In-Reply-To", "X-Other", "subject", "FROM", "Content-Type"};
        String[] values = {"plain text", "a@b.c", "Joe <joe@x.test>, jane@y.test", "", " ", "(comment)",
            "=?iso-8859-1?q?caf=E9?=", "group: a@b.c;", "<id@host>", "multipart/mixed; boundary=z",
            "Mon, 7 Dec 2026 10:00:00 +0000", "caf\u00e9", "\"quoted, name\" <q@n.test>"};
        String[] breaks = {"\r\n", "\n", "\r\n\t", "\r\n "};
        Random random = new Random(20261207);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            int fields = random.nextInt(8);
            for (int f = 0; f < fields; f++) {
                sb.append(names[random.nextInt(names.length)]).append(':')
                        .append(values[random.nextInt(values.length)]);
                if (random.nextInt(4) == 0) {
                    sb.append(breaks[2 + random.nextInt(2)]).append(values[random.nextInt(values.length)]);
                }
                sb.append(breaks[random.nextInt(2)]);
            }
            if (random.nextBoolean()) {
                sb.append("\r\nbody ").append(names[random.nextInt(names.length)]).append(": x\r\n");
            }
            String m = sb.toString();
            assertSameEnvelope(m.getBytes(StandardCharsets.UTF_8), m);
        }
    }
}
