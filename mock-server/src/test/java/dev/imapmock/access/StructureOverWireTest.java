package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ENVELOPE and BODYSTRUCTURE over the wire for every message of the MIME corpus and of
 * {@code access/search/} (25 structurally different messages). For every leaf part the octet
 * count the structure announces must equal the length of {@code BODY[n]} for the same part, and
 * the line count of text and message/rfc822 parts the number of line ends in it: a consistency
 * check that needs no hard-coded numbers.
 */
@Timeout(30)
class StructureOverWireTest {
    private static ImapMockServer server;
    private static RawClient client;

    @BeforeAll
    static void start() throws Exception {
        server = Wire.emptyServer();
        for (Path file : corpusFiles()) {
            server.deliver("alice", "INBOX", Files.readAllBytes(file));
        }
        client = Wire.selected(server, "EXAMINE INBOX");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static List<Path> corpusFiles() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Wire.MIME, Wire.ACCESS.resolve("search"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".eml")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    static Stream<Integer> messages() throws Exception {
        return IntStream.rangeClosed(1, corpusFiles().size()).boxed();
    }

    @Test
    void theCorpusHasAtLeastTwentyMessages() throws Exception {
        assertThat(corpusFiles()).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "message {0}")
    @MethodSource("messages")
    void everyLeafPartIsAsLongAsItsStructureSays(int seq) {
        List<String> lines = client.exchange("b" + seq, "FETCH " + seq + " (BODYSTRUCTURE ENVELOPE RFC822.SIZE BODY[])");
        assertThat(lines).hasSize(2);
        String response = lines.get(0);
        assertThat(Integer.parseInt(Wire.itemValue(response, "RFC822.SIZE")))
                .isEqualTo(Wire.itemValue(response, "BODY[]").length());
        Sexp structure = Sexp.parse(Wire.itemValue(response, "BODYSTRUCTURE"));
        assertThat(Sexp.parse(Wire.itemValue(response, "ENVELOPE")).items()).hasSize(10);
        List<String> checked = new ArrayList<>();
        checkPart(seq, structure, structure.items().get(0).isList() ? "" : "1", true, checked);
        assertThat(checked).isNotEmpty();
    }

    /** Walks a body structure: {@code path} addresses {@code body}; multiparts give "" at the top. */
    private void checkPart(int seq, Sexp body, String path, boolean top, List<String> checked) {
        List<Sexp> items = body.items();
        if (items.get(0).isList()) {
            int n = 0;
            for (Sexp child : items) {
                if (!child.isList()) {
                    break;
                }
                n++;
                checkPart(seq, child, path.isEmpty() ? Integer.toString(n) : path + "." + n, false, checked);
            }
            return;
        }
        String type = items.get(0).text();
        String subtype = items.get(1).text();
        int size = Integer.parseInt(items.get(6).text());
        String octets = fetchSection(seq, path);
        assertThat(octets.length()).as("message %d part %s size", seq, path).isEqualTo(size);
        checked.add(path);
        if (type.equalsIgnoreCase("text")) {
            assertThat(Long.parseLong(items.get(7).text())).as("message %d part %s lines", seq, path)
                    .isEqualTo(lineEnds(octets));
        } else if (type.equalsIgnoreCase("message") && subtype.equalsIgnoreCase("rfc822")) {
            assertThat(items.get(7).items()).as("embedded envelope").hasSize(10);
            assertThat(Long.parseLong(items.get(9).text())).as("message %d part %s lines", seq, path)
                    .isEqualTo(lineEnds(octets));
            Sexp inner = items.get(8);
            checkPart(seq, inner, inner.items().get(0).isList() ? path : path + ".1", false, checked);
        }
    }

    private String fetchSection(int seq, String path) {
        List<String> lines = client.exchange("p", "FETCH " + seq + " BODY.PEEK[" + path + "]");
        assertThat(lines).hasSize(2);
        return Wire.itemValue(lines.get(0), "BODY[" + path + "]");
    }

    /** Dovecot counts line ends: a last line without one does not count. */
    private static long lineEnds(String octets) {
        return octets.chars().filter(c -> c == '\n').count();
    }

    @Test
    void nestedMessageStructureIsExactOverTheWire() {
        List<String> lines = client.exchange("x", "FETCH 6 BODYSTRUCTURE");
        assertThat(lines).containsExactly("* 6 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL"
                + " \"7bit\" 24 0 NIL NIL NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 317 (\"Mon, 1 Jan 2024 08:00:00"
                + " -0500\" \"hello\" ((\"Orig\" NIL \"orig\" \"example.net\")) ((\"Orig\" NIL \"orig\" \"example.net\"))"
                + " ((\"Orig\" NIL \"orig\" \"example.net\")) ((NIL NIL \"fwd\" \"example.com\")) NIL NIL NIL"
                + " \"<orig@example.net>\") ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 2 0 NIL NIL"
                + " NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 29 (NIL \"deepest\" NIL NIL NIL NIL NIL NIL NIL"
                + " NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 9 0 NIL NIL NIL NIL) 2 NIL NIL NIL"
                + " NIL) \"alternative\" (\"boundary\" \"inner\") NIL NIL NIL) 18 NIL (\"attachment\" NIL) NIL NIL)"
                + " \"mixed\" (\"boundary\" \"outer\") NIL NIL NIL))", "x OK Fetch completed.");
    }

    @Test
    void encodedWordsAndGroupsInTheEnvelopeAreSentAsWritten() {
        assertThat(client.exchange("e1", "FETCH 8 ENVELOPE").get(0)).isEqualTo("* 8 FETCH (ENVELOPE (NIL"
                + " \"=?utf-8?q?Gr=C3=BC=C3=9Fe?= aus =?iso-8859-1?b?S/Zsbg==?= und =?x-unknown?q?abc?=\""
                + " ((\"=?ISO-8859-1?Q?Andr=E9?= Pirard\" NIL \"PIRARD\" \"vm1.ulg.ac.be\"))"
                + " ((\"=?ISO-8859-1?Q?Andr=E9?= Pirard\" NIL \"PIRARD\" \"vm1.ulg.ac.be\"))"
                + " ((\"=?ISO-8859-1?Q?Andr=E9?= Pirard\" NIL \"PIRARD\" \"vm1.ulg.ac.be\"))"
                + " ((\"=?utf-8?B?SsO8cmdlbg==?=\" NIL \"jurgen\" \"example.de\")) NIL NIL NIL NIL))");
        assertThat(client.exchange("e2", "FETCH 9 ENVELOPE").get(0)).isEqualTo("* 9 FETCH (ENVELOPE (NIL \"groups\""
                + " ((\"Sender\" NIL \"s\" \"example.com\")) ((\"Real Sender\" NIL \"real\" \"example.com\"))"
                + " ((NIL NIL \"replies\" \"example.com\")) ((NIL NIL \"Team\" NIL)(NIL NIL \"a\" \"example.com\")"
                + "(\"B\" NIL \"b\" \"example.com\")(NIL NIL NIL NIL)(NIL NIL \"solo\" \"example.com\"))"
                + " ((NIL NIL \"Undisclosed recipients\" NIL)(NIL NIL NIL NIL)) ((\"Kay Zed\" NIL \"k\" \"example.com\"))"
                + " NIL NIL))");
    }

    /** A parsed IMAP value: an atom/NIL/number, a string (quoted or literal), or a list. */
    record Sexp(String text, List<Sexp> items) {
        boolean isList() {
            return items != null;
        }

        static Sexp parse(String s) {
            int[] pos = {0};
            return read(s, pos);
        }

        private static Sexp read(String s, int[] pos) {
            char c = s.charAt(pos[0]);
            if (c == '(') {
                pos[0]++;
                List<Sexp> list = new ArrayList<>();
                while (s.charAt(pos[0]) != ')') {
                    if (s.charAt(pos[0]) == ' ') {
                        pos[0]++;
                        continue;
                    }
                    list.add(read(s, pos));
                }
                pos[0]++;
                return new Sexp(null, list);
            }
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                int i = pos[0] + 1;
                while (s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                    sb.append(s.charAt(i++));
                }
                pos[0] = i + 1;
                return new Sexp(sb.toString(), null);
            }
            if (c == '{') {
                int close = s.indexOf('}', pos[0]);
                int n = Integer.parseInt(s.substring(pos[0] + 1, close));
                int start = close + 3;
                pos[0] = start + n;
                return new Sexp(s.substring(start, start + n), null);
            }
            int i = pos[0];
            while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != ')') {
                i++;
            }
            String atom = s.substring(pos[0], i);
            pos[0] = i;
            return new Sexp(atom, null);
        }
    }
}
