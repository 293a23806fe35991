package dev.imapmock.mime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MimeIndex#headerTextContains} and {@link MimeIndex#bodyTextContains} match in the octets
 * where they can; they must answer exactly as SEARCH TEXT/BODY's string comparison: the decoded
 * header or body text, lowered, then {@code contains} of the lowered needle.
 */
class TextContainsTest {
    private static final List<String> NEEDLES = List.of("", "a", "i", "k", "invoice", "INVOICE", "kelvin", "\u212Aelvin",
            "\u212A", "\u0130", "i\u0307", "stanbul", "subject", "subject:", "subject: ", ": ", " invoice", "from:", "\n",
            "body\nsecond", "line\r\nnext", "grüße", "caf\u00e9", "\u00e9", "=?", "zeppelin", "x-no-such-word");

    @Test
    void answersAsTheStringComparisonForEveryCorpusMessage() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/mime"))) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                corpus.add(Files.readAllBytes(file));
            }
        }
        assertThat(corpus).hasSizeGreaterThan(10);
        for (byte[] m : corpus) {
            MimeIndex index = MimeIndex.parse(m);
            Set<String> needles = new TreeSet<>(NEEDLES);
            sample(index.decodedHeaderText(), needles);
            sample(index.decodedBodyText(), needles);
            for (String needle : needles) {
                assertSameAnswers(m, needle);
            }
        }
    }

    @Test
    void answersAsTheStringComparisonInEveryCharsetAndTransferEncoding() {
        List<String> texts = List.of("Plain ASCII invoice text\r\nsecond line\r\n", "Stra\u00dfe und Gr\u00fc\u00dfe, caf\u00e9\r\n",
                "\u0130stanbul, 5 \u212Aelvin, KELVIN\r\n", "\u041f\u0440\u0438\u0432\u0435\u0442 invoice\r\n", "");
        List<String> charsets = List.of("utf-8", "us-ascii", "iso-8859-1", "latin1", "windows-1252", "iso-8859-9",
                "windows-1254", "shift_jis", "iso-2022-jp", "utf-16", "x-unknown-charset", "");
        for (String text : texts) {
            for (String charset : charsets) {
                Charset cs = charset.isEmpty() || charset.startsWith("x-") ? StandardCharsets.UTF_8 : Charset.forName(charset);
                byte[] content = text.getBytes(cs);
                String type = "Content-Type: text/plain" + (charset.isEmpty() ? "" : "; charset=" + charset) + "\r\n";
                for (String encoding : List.of("", "7bit", "8bit", "base64", "quoted-printable")) {
                    String body = switch (encoding) {
                        case "base64" -> Base64.getMimeEncoder().encodeToString(content) + "\r\n";
                        case "quoted-printable" -> quotedPrintable(content);
                        default -> new String(content, StandardCharsets.ISO_8859_1);
                    };
                    String cte = encoding.isEmpty() ? "" : "Content-Transfer-Encoding: " + encoding + "\r\n";
                    byte[] m = ("Subject: test\r\n" + type + cte + "\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
                    Set<String> needles = new TreeSet<>(NEEDLES);
                    sample(MimeIndex.parse(m).decodedBodyText(), needles);
                    for (String needle : needles) {
                        assertSameAnswers(m, needle);
                    }
                }
            }
        }
    }

    @Test
    void answersAsTheStringComparisonInNestedAndEmbeddedParts() {
        String m = "Subject: outer\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nfirst part ends with body\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\n\r\ninvoice in a binary part\r\n"
                + "--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: =?utf-8?q?inner_caf=C3=A9?=\r\nFrom: x@y.test\r\n\r\n"
                + "second inner \u0130 body\r\n"
                + "--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>quoted=\r\n soft invoice</p>\r\n"
                + "--b--\r\n";
        byte[] bytes = m.getBytes(StandardCharsets.UTF_8);
        MimeIndex index = MimeIndex.parse(bytes);
        Set<String> needles = new TreeSet<>(NEEDLES);
        needles.addAll(List.of("quoted soft", "inner caf\u00e9", "inner", "binary", "body\nsubject", "ends with body"));
        sample(index.decodedBodyText(), needles);
        for (String needle : needles) {
            assertSameAnswers(bytes, needle);
        }
        assertThat(index.bodyTextContains("binary")).isFalse();
        assertThat(index.bodyTextContains("INNER CAF\u00c9")).isTrue();
        assertThat(index.bodyTextContains("quoted soft")).isTrue();
    }

    /** Random octets around the cases that matter: letters in both cases, İ and K in UTF-8, line breaks. */
    @Test
    void answersAsTheStringComparisonForRandomOctets() {
        SplittableRandom random = new SplittableRandom(20261207);
        String[] pieces = {"a", "B", "i", "I", "k", "K", "n", "N", "x", " ", ":", "=?", "?=", "\r\n", "\r", "\n", "\r\n ", "\t",
            "\u00c4", "\u00b0", "\u00e2", "\u0084", "\u00aa", "\u00c3", "\u00ff", "\u0080"};
        byte[] kelvin = "\u212A".getBytes(StandardCharsets.UTF_8);
        byte[] dottedI = "\u0130".getBytes(StandardCharsets.UTF_8);
        String[] alphabet = {"a", "b", "i", "k", "n", "x", " ", ":", "1"};
        for (int round = 0; round < 3_000; round++) {
            StringBuilder header = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (StringBuilder sb : List.of(header, body)) {
                for (int i = 0, n = random.nextInt(40); i < n; i++) {
                    int r = random.nextInt(pieces.length + 2);
                    sb.append(r < pieces.length ? pieces[r]
                            : new String(r == pieces.length ? kelvin : dottedI, StandardCharsets.ISO_8859_1));
                }
            }
            String charset = List.of("", "; charset=utf-8", "; charset=iso-8859-1", "; charset=windows-1252",
                    "; charset=windows-1254").get(random.nextInt(5));
            String m = "Subject: " + header + "\r\nX-" + header + ": v\r\nContent-Type: text/plain" + charset + "\r\n\r\n" + body;
            byte[] bytes = m.getBytes(StandardCharsets.ISO_8859_1);
            for (int k = 0; k < 8; k++) {
                StringBuilder needle = new StringBuilder();
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    needle.append(alphabet[random.nextInt(alphabet.length)]);
                }
                assertSameAnswers(bytes, needle.toString());
            }
        }
    }

    /** What the octet shortcut relies on, checked against this JDK rather than assumed. */
    @Test
    void loweringMakesAsciiFromTwoCodePointsOnlyAndTheShortcutCharsetsKeepAscii() {
        List<Integer> intoAscii = new ArrayList<>();
        for (int c = 0x80; c <= Character.MAX_CODE_POINT; c++) {
            if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
                continue;
            }
            String lowered = new String(Character.toChars(c)).toLowerCase(Locale.ROOT);
            if (lowered.chars().anyMatch(ch -> ch < 0x80)) {
                intoAscii.add(c);
            }
        }
        assertThat(intoAscii).containsExactly(0x130, 0x212A);
        for (String name : List.of("us-ascii", "utf-8", "iso-8859-1", "windows-1252")) {
            assertThat(SearchText.asciiTransparent(name)).as(name).isTrue();
            Charset cs = Charset.forName(name);
            for (int b = 0; b < 256; b++) {
                String decoded = new String(new byte[] {(byte) b}, cs).toLowerCase(Locale.ROOT);
                assertThat(b < 0x80 ? decoded.equals(String.valueOf((char) b).toLowerCase(Locale.ROOT))
                        : decoded.chars().allMatch(ch -> ch >= 0x80)).as("%s octet %d", name, b).isTrue();
            }
        }
        for (String name : List.of("iso-8859-9", "windows-1254", "shift_jis", "iso-2022-jp", "utf-16")) {
            assertThat(SearchText.asciiTransparent(name)).as(name).isFalse();
        }
        // A charset the JDK does not know is read as ASCII, else UTF-8, else ISO-8859-1, as with none.
        assertThat(SearchText.asciiTransparent("x-unknown-charset")).isTrue();
    }

    @Test
    void octetMatchFindsTheNeedleAtEveryOffsetAndAcrossWords() {
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at + 3 <= length; at++) {
                byte[] octets = new byte[length];
                java.util.Arrays.fill(octets, (byte) 'y');
                octets[at] = 'Z';
                octets[at + 1] = 'a';
                octets[at + 2] = 'P';
                assertThat(AsciiMatch.contains(octets, 0, length, "zap")).as("%d at %d", length, at).isTrue();
                assertThat(AsciiMatch.contains(octets, at + 1, length, "zap")).isFalse();
                assertThat(AsciiMatch.contains(octets, 0, at + 2, "zap")).isFalse();
                assertThat(AsciiMatch.contains(octets, 0, length, "zaq")).isFalse();
            }
        }
        byte[] ones = {1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1};
        assertThat(AsciiMatch.contains(ones, 0, ones.length, "\u0000\u0001\u0001\u0001")).isTrue();
        assertThat(AsciiMatch.contains(ones, 0, ones.length, "\u0001\u0000\u0000")).isFalse();
    }

    private static void assertSameAnswers(byte[] m, String needle) {
        MimeIndex index = MimeIndex.parse(m);
        String lower = needle.toLowerCase(Locale.ROOT);
        assertThat(index.headerTextContains(needle))
                .as("header holds %s in %s", needle, new String(m, StandardCharsets.ISO_8859_1))
                .isEqualTo(index.decodedHeaderText().toLowerCase(Locale.ROOT).contains(lower));
        assertThat(index.bodyTextContains(needle))
                .as("body holds %s in %s", needle, new String(m, StandardCharsets.ISO_8859_1))
                .isEqualTo(index.decodedBodyText().toLowerCase(Locale.ROOT).contains(lower));
    }

    /** Substrings of the text, lengths 1 to 9 from every 13th character, as needles. */
    private static void sample(String text, Set<String> needles) {
        for (int i = 0; i < text.length(); i += 13) {
            for (int j = i + 1; j <= Math.min(text.length(), i + 9); j++) {
                needles.add(text.substring(i, j));
            }
        }
    }

    private static String quotedPrintable(byte[] content) {
        StringBuilder sb = new StringBuilder();
        int column = 0;
        for (byte b : content) {
            int v = b & 0xff;
            String piece = v >= 33 && v <= 126 && v != '=' ? String.valueOf((char) v) : String.format("=%02X", v);
            if (column + piece.length() > 70) {
                sb.append("=\r\n");
                column = 0;
            }
            sb.append(piece);
            column += piece.length();
        }
        return sb.append("\r\n").toString();
    }
}
