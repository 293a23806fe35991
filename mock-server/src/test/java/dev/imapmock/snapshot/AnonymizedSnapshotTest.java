package dev.imapmock.snapshot;

import dev.imapmock.ImapMockServer;
import dev.imapmock.mime.MimeIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code snapshot --anonymize}: the shape of every message of the corpus survives (the MIME types
 * of BODYSTRUCTURE in order, and every size and line count within the tolerance of
 * docs/snapshot.md), the data does not.
 */
@Timeout(60)
class AnonymizedSnapshotTest {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.\"-])\\d+(?![\\w.\"-])");
    private static final Pattern TYPE = Pattern.compile(
            "\\(\"(text|application|image|audio|video|message|multipart|model|font)\" \"([A-Za-z0-9.+-]+)\"",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    Path temp;
    ImapMockServer source;
    int runs;

    @BeforeEach
    void seed() {
        source = ImapMockServer.builder().user("alice", "secret").fixtures(SnapshotTest.CORPUS).build().start();
        source.deliver("alice", "INBOX", message("<one@corp.example.com>", null, "Quarterly salary negotiation",
                "Bartholomew, the confidential figures are attached."), List.of("\\Seen"));
        source.deliver("alice", "INBOX", message("<two@corp.example.com>", "<one@corp.example.com>",
                "Re: Quarterly salary negotiation", "Thanks Bartholomew, confidential indeed."), List.of());
    }

    @AfterEach
    void stop() {
        source.close();
    }

    static byte[] message(String id, String inReplyTo, String subject, String text) {
        return ("From: Bartholomew Quixote <bart.quixote@corp.example.com>\r\nTo: Zenobia <zenobia@home.example.net>\r\n"
                + "Subject: " + subject + "\r\nDate: Tue, 5 Mar 2024 12:00:00 +0100\r\nMessage-ID: " + id + "\r\n"
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\nReferences: " + inReplyTo + "\r\n")
                + "\r\n" + text + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private Path snapshot(String seed) {
        Path dir = temp.resolve("anon-" + seed + "-" + ++runs);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SnapshotCommand.run(new String[] {"--host", "127.0.0.1", "--port", String.valueOf(source.port()),
            "--user", "alice", "--password-env", "PW", "--out", dir.toString(), "--anonymize", seed},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("PW", "secret")::get, false);
        assertThat(status).as("err: %s", err).isZero();
        return dir;
    }

    @Test
    void everyMessageKeepsItsStructureAndSizesWithinTheTolerance() {
        Path dir = snapshot("s1");
        try (ImapMockServer copy = ImapMockServer.builder().user("alice", "secret").fixtures(dir).build().start()) {
            List<String> original = SnapshotTest.view(source, "FLAGS INTERNALDATE BODYSTRUCTURE RFC822.SIZE");
            List<String> anonymized = SnapshotTest.view(copy, "FLAGS INTERNALDATE BODYSTRUCTURE RFC822.SIZE");
            assertThat(anonymized).hasSameSizeAs(original);
            int compared = 0;
            for (int i = 0; i < original.size(); i++) {
                String a = original.get(i);
                String b = anonymized.get(i);
                if (!a.contains("BODYSTRUCTURE")) {
                    assertThat(b).isEqualTo(a);
                    continue;
                }
                assertThat(types(b)).as("types of %s", a).isEqualTo(types(a));
                List<Long> na = numbers(a);
                List<Long> nb = numbers(b);
                assertThat(nb).as("numbers of %s vs %s", a, b).hasSameSizeAs(na);
                int last = na.size() - 1;
                for (int k = 0; k < last; k++) {
                    assertThat(Math.abs(na.get(k) - nb.get(k))).as("number %d of %s vs %s", k, a, b)
                            .isLessThanOrEqualTo(Math.max(16, na.get(k) / 10));
                }
                // RFC822.SIZE: rewritten headers (fake names, ids) may grow or shrink the whole message more.
                assertThat(Math.abs(na.get(last) - nb.get(last))).as("RFC822.SIZE of %s vs %s", a, b)
                        .isLessThanOrEqualTo(na.get(last) / 10 + 512);
                compared++;
            }
            assertThat(compared).isGreaterThanOrEqualTo(40);
        }
    }

    /** The sizes and line counts, in order (quoted strings and the date taken out first). */
    private static List<Long> numbers(String fetch) {
        String structure = fetch.substring(fetch.indexOf("BODYSTRUCTURE")).replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{\\d+\\}", "");
        List<Long> list = new ArrayList<>();
        Matcher m = NUMBER.matcher(structure);
        while (m.find()) {
            list.add(Long.parseLong(m.group()));
        }
        return list;
    }

    private static List<String> types(String fetch) {
        List<String> list = new ArrayList<>();
        Matcher m = TYPE.matcher(fetch);
        while (m.find()) {
            list.add(m.group(1).toLowerCase() + "/" + m.group(2).toLowerCase());
        }
        return list;
    }

    @Test
    void noOriginalAddressNameOrWordIsLeftAndThreadsStayLinked() throws Exception {
        Path dir = snapshot("s1");
        List<String> originals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SnapshotTest.CORPUS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                // Content-IDs are kept, so that cid: links in HTML still resolve (docs/snapshot.md).
                String text = Files.readString(f, StandardCharsets.ISO_8859_1).replaceAll("(?im)^Content-ID:.*$", "")
                        .replaceAll("cid:[^\"'\\s>]+", "");
                Matcher m = EMAIL.matcher(text);
                while (m.find()) {
                    originals.add(m.group().toLowerCase());
                }
            }
        }
        originals.addAll(List.of("bart.quixote@corp.example.com", "zenobia@home.example.net"));
        String tree = allText(dir).toLowerCase();
        assertThat(originals).hasSizeGreaterThan(10).noneSatisfy(a -> assertThat(tree).contains(a));
        assertThat(tree).doesNotContain("bartholomew", "quixote", "zenobia", "quarterly", "salary", "negotiation",
                "confidential", "corp.example.com");

        byte[] one = Files.readAllBytes(dir.resolve("INBOX/000001.eml"));
        byte[] two = Files.readAllBytes(dir.resolve("INBOX/000002.eml"));
        MimeIndex first = MimeIndex.parse(one);
        MimeIndex reply = MimeIndex.parse(two);
        assertThat(reply.decodedHeader("In-Reply-To")).isEqualTo(first.decodedHeader("Message-ID"))
                .endsWith("@anonymized.example>");
        assertThat(reply.decodedHeader("From")).isEqualTo(first.decodedHeader("From"));
        assertThat(reply.decodedHeader("Subject")).isEqualTo("Re: " + first.decodedHeader("Subject"));
        assertThat(new String(one, StandardCharsets.US_ASCII)).doesNotContain("Bartholomew")
                .contains(first.envelope().from().get(0).name().split(" ")[0] + ", ");
        assertThat(Files.readString(dir.resolve(SnapshotCommand.REPORT))).contains("addresses: ", "text/plain")
                .doesNotContain("quixote", "Bartholomew");
    }

    @Test
    void theSameSeedGivesTheSameTreeAndAnotherSeedAnother() throws Exception {
        Path a = snapshot("seed-a");
        Path again = snapshot("seed-a");
        Path b = snapshot("seed-b");
        assertThat(allText(again)).isEqualTo(allText(a));
        assertThat(allText(b)).isNotEqualTo(allText(a));
    }

    private static String allText(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                sb.append(dir.relativize(f)).append('\n');
                byte[] bytes = Files.readAllBytes(f);
                sb.append(new String(bytes, StandardCharsets.ISO_8859_1));
                if (f.toString().endsWith(".eml")) {
                    MimeIndex index = MimeIndex.parse(bytes);
                    sb.append(index.decodedHeaderText()).append(index.decodedBodyText());
                }
            }
        }
        return sb.toString();
    }
}
