package dev.imapmock.snapshot;

import dev.imapmock.protocol.Arg;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decodes server responses (RFC 3501 §7, §9 {@code response}) into {@link Response}s whose data
 * are the protocol layer's {@link Arg} values: atoms, quoted strings, literals and parenthesized
 * lists. The server side's {@code CommandReader} reads the other direction, which has different
 * framing (tags, continuations it must send, limits it must enforce), so the two share the value
 * types, not the reader. Blocking; one reader per connection, used by one thread.
 *
 * <p>Lenient where servers are: an atom is anything up to a space, a parenthesis or the line's
 * end, and a bracketed section ({@code BODY[HEADER.FIELDS (FROM)]}) stays inside its atom.
 */
final class ResponseReader {
    private static final Set<String> STATUS = Set.of("OK", "NO", "BAD", "BYE", "PREAUTH");
    /** The largest literal a byte array holds. */
    private static final long MAX_LITERAL = Integer.MAX_VALUE - 8;
    private static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private byte[] line = new byte[256];
    private int len;
    private int pos;
    private long literalOctets;

    ResponseReader(InputStream in) {
        this.in = in;
    }

    /** Octets of literal data read so far, for progress. */
    long literalOctets() {
        return literalOctets;
    }

    /**
     * The next response.
     *
     * @throws EOFException when the server closed the connection, even in the middle of a response
     * @throws IOException  when the response cannot be read, or does not parse (the message says why)
     */
    Response next() throws IOException {
        readLine();
        String tag = token();
        if (tag.isEmpty()) {
            throw new IOException("malformed response from the server: " + lineText());
        }
        if (tag.equals(Response.CONTINUATION)) {
            return new Response(tag, null, rest(), List.of());
        }
        int mark = pos;
        String word = token().toUpperCase(Locale.ROOT);
        if (STATUS.contains(word)) {
            return new Response(tag, word, rest(), List.of());
        }
        if (!tag.equals(Response.UNTAGGED)) {
            throw new IOException("malformed response from the server: " + lineText());
        }
        pos = mark;
        return new Response(tag, null, "", list(false));
    }

    private String token() {
        int start = pos;
        while (pos < len && line[pos] != ' ') {
            pos++;
        }
        String t = new String(line, start, pos - start, StandardCharsets.US_ASCII);
        if (pos < len) {
            pos++;
        }
        return t;
    }

    private String rest() {
        return new String(line, pos, len - pos, StandardCharsets.UTF_8);
    }

    private List<Arg> list(boolean inParens) throws IOException {
        List<Arg> items = new ArrayList<>();
        while (true) {
            while (pos < len && line[pos] == ' ') {
                pos++;
            }
            if (pos >= len) {
                if (inParens) {
                    throw new IOException("malformed response from the server, ')' missing: " + lineText());
                }
                return items;
            }
            byte c = line[pos];
            if (c == ')') {
                if (!inParens) {
                    throw new IOException("malformed response from the server, unexpected ')': " + lineText());
                }
                pos++;
                return items;
            }
            if (c == '(') {
                pos++;
                items.add(new Arg.ListArg(list(true)));
            } else if (c == '"') {
                items.add(new Arg.Quoted(quoted()));
            } else if ((c == '{' || (c == '~' && pos + 1 < len && line[pos + 1] == '{')) && literalAtEnd()) {
                items.add(new Arg.Literal(literal(), c == '~'));
            } else {
                items.add(new Arg.Atom(atom()));
            }
        }
    }

    private byte[] quoted() throws IOException {
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (pos < len) {
            byte c = line[pos++];
            if (c == '"') {
                return out.toByteArray();
            }
            if (c == '\\' && pos < len) {
                c = line[pos++];
            }
            out.write(c);
        }
        throw new IOException("malformed response from the server, '\"' missing: " + lineText());
    }

    /** True when the rest of the line is exactly a literal marker: {@code {n}} (or {@code ~{n}}). */
    private boolean literalAtEnd() {
        int open = line[pos] == '~' ? pos + 1 : pos;
        if (len - open < 3 || line[len - 1] != '}') {
            return false;
        }
        for (int i = open + 1; i < len - 1; i++) {
            if (line[i] < '0' || line[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** Reads the literal whose marker ends the line, then the next line, where parsing goes on. */
    private byte[] literal() throws IOException {
        int open = line[pos] == '~' ? pos + 1 : pos;
        String digits = new String(line, open + 1, len - open - 2, StandardCharsets.US_ASCII);
        long size = digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (size > MAX_LITERAL) {
            throw new IOException("the server announced a literal of " + digits + " octets, more than can be held");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("connection closed by the server in the middle of a literal");
        }
        literalOctets += size;
        readLine();
        return data;
    }

    private String atom() {
        int start = pos;
        int brackets = 0;
        while (pos < len) {
            byte c = line[pos];
            if (c == '[') {
                brackets++;
            } else if (c == ']' && brackets > 0) {
                brackets--;
            } else if (brackets == 0 && (c == ' ' || c == '(' || c == ')')) {
                break;
            }
            pos++;
        }
        return new String(line, start, pos - start, StandardCharsets.UTF_8);
    }

    /** Reads up to LF into {@code line}, without CR LF. */
    private void readLine() throws IOException {
        len = 0;
        pos = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (c == '\n') {
                if (len > 0 && line[len - 1] == '\r') {
                    len--;
                }
                return;
            }
            if (len == MAX_LINE) {
                throw new IOException("the server sent a line longer than " + MAX_LINE + " octets");
            }
            if (len == line.length) {
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[len++] = (byte) c;
        }
    }

    private String lineText() {
        String text = new String(line, 0, Math.min(len, 200), StandardCharsets.UTF_8);
        return len > 200 ? text + "..." : text;
    }
}
