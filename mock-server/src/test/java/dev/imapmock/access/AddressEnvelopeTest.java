package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ENVELOPE over the wire for the RFC 5322 address forms of {@code access/addresses.txt}: one
 * message per form, holding that From field and a subject. The expected From lists are the bytes
 * Dovecot 2.3.19.1 sent for the same messages (see the file), except the obs-local-parts Dovecot
 * does not read, where we answer as RFC 5322 §4.4 reads them.
 */
@Timeout(30)
class AddressEnvelopeTest {
    static final Path FILE = Wire.ACCESS.resolve("addresses.txt");
    private static final Pattern LITERAL_IN_FILE = Pattern.compile("\\{(\\d+)\\}\\\\r\\\\n");
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\}\r\n");

    private static ImapMockServer server;
    private static RawClient client;

    /** One form: its From field (CRLF between its lines), the From list expected, and whether it is Dovecot's. */
    record Case(int seq, String field, String fromList, boolean dovecots) {
    }

    @BeforeAll
    static void start() {
        server = Wire.emptyServer();
        for (Case c : cases()) {
            server.deliver("alice", "INBOX", (c.field() + "\r\nSubject: s\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
        }
        client = Wire.selected(server, "EXAMINE INBOX");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static List<Case> cases() {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> cases = new ArrayList<>();
        StringBuilder field = null;
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("= ") || line.startsWith("! ")) {
                String list = LITERAL_IN_FILE.matcher(line.substring(2)).replaceAll("{$1}\r\n");
                cases.add(new Case(cases.size() + 1, field.toString(), list, line.charAt(0) == '='));
                field = null;
            } else if (line.startsWith(" ") || line.startsWith("\t")) {
                field.append("\r\n").append(line);
            } else {
                field = new StringBuilder(line);
            }
        }
        return cases;
    }

    static Stream<Named<Case>> dovecotCases() {
        return cases().stream().filter(Case::dovecots).map(c -> Named.of(c.field(), c));
    }

    static Stream<Named<Case>> rfc5322Cases() {
        return cases().stream().filter(c -> !c.dovecots()).map(c -> Named.of(c.field(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dovecotCases")
    void envelopeAddressesAreWhatDovecotSends(Case c) {
        assertThat(fetchEnvelope(c.seq())).isEqualTo(envelopeWithFrom(c.seq(), sevenBitLiteralsQuoted(wire(c.fromList()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc5322Cases")
    void obsoleteLocalPartsAreReadAsRfc5322Says(Case c) {
        assertThat(fetchEnvelope(c.seq())).isEqualTo(envelopeWithFrom(c.seq(), wire(c.fromList())));
    }

    @Test
    void theTableCoversAtLeastTwentyFiveFormsAnsweredByDovecot() {
        assertThat(dovecotCases()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(cases()).hasSize((int) (dovecotCases().count() + rfc5322Cases().count()));
    }

    @Test
    void onlyLiteralsOfPrintableSevenBitTextAreRewritten() {
        assertThat(sevenBitLiteralsQuoted("(({7}\r\nKay Zed NIL \"k\" \"example.com\"))"))
                .isEqualTo("((\"Kay Zed\" NIL \"k\" \"example.com\"))");
        assertThat(sevenBitLiteralsQuoted("(({3}\r\na\"b NIL {3}\r\nx\\y \"b\"))"))
                .isEqualTo("((\"a\\\"b\" NIL \"x\\\\y\" \"b\"))");
        String eightBit = wire("(({5}\r\nJörg NIL \"joerg\" \"example.de\"))");
        assertThat(sevenBitLiteralsQuoted(eightBit)).isEqualTo(eightBit);
    }

    private String fetchEnvelope(int seq) {
        List<String> responses = client.exchange("f" + seq, "FETCH " + seq + " ENVELOPE");
        assertThat(responses).hasSize(2);
        return responses.get(0);
    }

    /** The whole FETCH response: Sender and Reply-To default to From (RFC 3501 §7.4.2). */
    private static String envelopeWithFrom(int seq, String from) {
        return "* " + seq + " FETCH (ENVELOPE (NIL \"s\" " + from + " " + from + " " + from + " NIL NIL NIL NIL NIL))";
    }

    /** Text as {@link RawClient#readResponse} reports it: one char per octet. */
    private static String wire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Rewrites every literal whose octets are all printable US-ASCII as the equivalent quoted string. */
    static String sevenBitLiteralsQuoted(String response) {
        StringBuilder out = new StringBuilder();
        Matcher m = LITERAL.matcher(response);
        int p = 0;
        while (m.find(p)) {
            int start = m.end();
            int end = start + Integer.parseInt(m.group(1));
            String octets = response.substring(start, end);
            out.append(response, p, m.start());
            if (octets.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
                out.append('"').append(octets.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                out.append(response, m.start(), end);
            }
            p = end;
        }
        return out.append(response.substring(p)).toString();
    }
}
