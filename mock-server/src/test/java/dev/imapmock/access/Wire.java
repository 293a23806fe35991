package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared pieces of the message-access wire tests. */
final class Wire {
    /** The MIME corpus: 20 messages, file-name order, UIDs 1 to 20. */
    static final Path MIME = Path.of("src/test/resources/mime");
    static final Path ACCESS = Path.of("src/test/resources/access");

    private Wire() {
    }

    /** A server whose alice has the MIME corpus in INBOX. */
    static ImapMockServer mimeServer() {
        return ImapMockServer.builder().user("alice", "secret").fixtures(MIME).build().start();
    }

    /** A server whose alice has an empty INBOX. */
    static ImapMockServer emptyServer() {
        return ImapMockServer.builder().user("alice", "secret").build().start();
    }

    static RawClient selected(ImapMockServer server, String command) {
        RawClient c = RawClient.login(server, "alice", "secret");
        List<String> lines = c.command("S0", command);
        assertThat(lines.get(lines.size() - 1)).startsWith("S0 OK");
        return c;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a whole exchange byte for byte: {@code expected} is a text block whose line ends
     * stand for CRLF; literal contents appear inline, exactly as sent.
     */
    static void assertTranscript(List<String> responses, String expected) {
        String actual = String.join("\r\n", responses) + "\r\n";
        assertThat(actual).isEqualTo(expected.replace("\n", "\r\n"));
    }

    /** A message made of header lines and body lines joined with CRLF. */
    static byte[] message(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\}\r\n");

    /**
     * The value of a data item in one {@code * n FETCH (...)} response: the octets of a literal or
     * quoted string that follows {@code name + " "}. Literal-aware, so it never looks inside one.
     */
    static String itemValue(String response, String name) {
        int p = response.indexOf('(') + 1;
        while (p < response.length()) {
            int space = response.indexOf(' ', p);
            String item = response.substring(p, space);
            int bracket = item.indexOf('[');
            if (bracket >= 0 && item.indexOf(']') < 0) {
                space = response.indexOf(']', p);
                space = response.indexOf(' ', space);
                item = response.substring(p, space);
            }
            int valueStart = space + 1;
            int valueEnd = valueEnd(response, valueStart);
            if (item.equals(name)) {
                String raw = response.substring(valueStart, valueEnd);
                Matcher m = LITERAL.matcher(raw);
                if (m.lookingAt()) {
                    return raw.substring(m.end());
                }
                if (raw.startsWith("\"")) {
                    return raw.substring(1, raw.length() - 1);
                }
                return raw;
            }
            p = valueEnd + 1;
        }
        throw new AssertionError("No " + name + " in " + response);
    }

    /** Where a value (atom, string, literal or parenthesized list) that starts at {@code p} ends. */
    private static int valueEnd(String s, int p) {
        int depth = 0;
        int i = p;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '{') {
                Matcher m = LITERAL.matcher(s);
                if (m.find(i) && m.start() == i) {
                    i = m.end() + Integer.parseInt(m.group(1));
                    if (depth == 0) {
                        return i;
                    }
                    continue;
                }
            }
            if (c == '"') {
                i++;
                while (s.charAt(i) != '"') {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                if (depth == 0) {
                    return i;
                }
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ' ' && depth == 0) {
                return i;
            }
            i++;
        }
        return i;
    }
}
