package dev.imapmock.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The work a mail client does with a response, which the discarding client skips: every untagged
 * response is split into values (atoms and quoted strings become {@code String}s, literals
 * {@code byte[]}s, parenthesized lists {@code List}s) and FETCH responses are counted with their
 * items. It is fed one line at a time, each line with the literal that ends it, if any
 * (RFC 3501 §4.3: a literal's octets follow the CRLF of the line that announces it).
 *
 * <p>Not thread-safe; one parser per connection.
 */
final class ResponseParser {
    /** What a command's untagged responses held. */
    record Parsed(int responses, int fetches, int fetchItems, long literalOctets) {
    }

    private static final Set<String> STATUS = java.util.Set.of("OK", "NO", "BAD", "BYE", "PREAUTH");

    private final ArrayDeque<List<Object>> open = new ArrayDeque<>();
    private List<Object> response;
    private int responses;
    private int fetches;
    private int fetchItems;
    private long literalOctets;

    /**
     * Parses one line of an untagged response ({@code * ...}, without its CRLF).
     *
     * @return the octet count of the literal the line announces, or -1 when the response is complete
     * @throws IOException when the line is not well-formed IMAP
     */
    long line(byte[] line, int length) throws IOException {
        int i = 0;
        if (response == null) {
            if (length < 2 || line[0] != '*' || line[1] != ' ') {
                throw new IOException("Not an untagged response: " + text(line, 0, length));
            }
            response = new ArrayList<>();
            i = 2;
        }
        while (i < length) {
            byte c = line[i];
            if (c == ' ') {
                i++;
            } else if (c == '(') {
                List<Object> list = new ArrayList<>();
                current().add(list);
                open.push(list);
                i++;
            } else if (c == ')') {
                if (open.isEmpty()) {
                    throw new IOException("Unbalanced ')': " + text(line, 0, length));
                }
                open.pop();
                i++;
            } else if (c == '"') {
                i = quoted(line, i + 1, length);
            } else if (c == '{') {
                int close = i + 1;
                long n = 0;
                while (close < length && line[close] >= '0' && line[close] <= '9') {
                    n = n * 10 + (line[close++] - '0');
                }
                if (close != length - 1 || line[close] != '}' || close == i + 1) {
                    throw new IOException("A literal must end its line: " + text(line, 0, length));
                }
                return n;
            } else if (open.isEmpty() && response.size() == 1 && STATUS.contains(String.valueOf(response.get(0)))) {
                // * OK/NO/BAD/BYE/PREAUTH [code] text: the rest of the line is free text
                current().add(text(line, i, length));
                i = length;
            } else {
                i = atom(line, i, length);
            }
        }
        finish();
        return -1;
    }

    /** The octets of the literal the last line announced; the response continues on the next line. */
    void literal(byte[] octets) {
        current().add(octets);
        literalOctets += octets.length;
    }

    /** The counts so far, then starts counting again. */
    Parsed take() throws IOException {
        if (response != null) {
            throw new IOException("A response was cut off");
        }
        Parsed parsed = new Parsed(responses, fetches, fetchItems, literalOctets);
        responses = 0;
        fetches = 0;
        fetchItems = 0;
        literalOctets = 0;
        return parsed;
    }

    private void finish() throws IOException {
        if (!open.isEmpty()) {
            return;
        }
        responses++;
        // * n FETCH (name value name value ...)
        if (response.size() == 3 && "FETCH".equalsIgnoreCase(String.valueOf(response.get(1)))
                && response.get(2) instanceof List<?> items) {
            if (items.size() % 2 != 0) {
                throw new IOException("A FETCH response with an item name and no value");
            }
            fetches++;
            fetchItems += items.size() / 2;
        }
        response = null;
    }

    private List<Object> current() {
        return open.isEmpty() ? response : open.peek();
    }

    private int quoted(byte[] line, int i, int length) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (i < length && line[i] != '"') {
            if (line[i] == '\\' && i + 1 < length) {
                i++;
            }
            sb.append((char) (line[i++] & 0xff));
        }
        if (i == length) {
            throw new IOException("Unterminated quoted string: " + text(line, 0, length));
        }
        current().add(sb.toString());
        return i + 1;
    }

    /** An atom, which may hold a section in brackets with spaces and parentheses: BODY[HEADER.FIELDS (TO)]. */
    private int atom(byte[] line, int i, int length) {
        int start = i;
        int brackets = 0;
        while (i < length) {
            byte c = line[i];
            if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (brackets == 0 && (c == ' ' || c == '(' || c == ')')) {
                break;
            }
            i++;
        }
        current().add(text(line, start, i));
        return i;
    }

    private static String text(byte[] line, int from, int to) {
        return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
