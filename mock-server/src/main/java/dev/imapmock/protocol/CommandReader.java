package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decodes commands from a client (RFC 3501 §2.2, §4, §9; LITERAL+ and LITERAL- of RFC 7888;
 * the literal8 {@code ~{n}} of RFC 3516 in APPEND and of RFC 5464 in SETMETADATA). Blocking; one
 * reader per connection, used by one thread.
 *
 * <p>Every malformed command becomes a {@link ReadResult.Malformed} and the reader stays in step
 * with the client: the rest of the line is dropped, a non-synchronizing literal that follows is
 * skipped, and a synchronizing literal is refused simply by never sending {@code +}. Limits are
 * checked before anything is allocated: a literal's announced size is never allocated up front.
 */
public final class CommandReader {

    /** Sends the {@code +} continuation a synchronizing literal waits for. */
    @FunctionalInterface
    public interface Continuation {
        /**
         * Sends the continuation now and flushes it.
         *
         * @throws IOException when the connection fails
         */
        void ready() throws IOException;
    }

    /** Told of each literal a line announces, before the reader takes or refuses it (the client checks listen). */
    @FunctionalInterface
    public interface LiteralListener {
        /**
         * Called once per literal marker, with its announced size.
         *
         * @param size the octets announced; {@link Long#MAX_VALUE} for a size too large for a long
         * @param synchronizing true for {@code {n}}, false for {@code {n+}}
         */
        void literal(long size, boolean synchronizing);
    }

    private static final int TAIL = 32;
    /** A non-synchronizing literal after an error is skipped up to this size even over the limit. */
    private static final long SKIPPABLE = 1024 * 1024;
    /** The largest byte array a JVM reliably allocates: a bound on any literal, whatever the limit. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** RFC 7888 §4: under LITERAL-, the largest non-synchronizing literal. */
    private static final long LITERAL_MINUS_MAX = 4096;
    /** The fetch attributes that take a section (RFC 3501 §9 {@code fetch-att}, RFC 3516), upper case. */
    private static final byte[][] SECTION_ATTRIBUTES = {
        ascii("BODY"), ascii("BODY.PEEK"), ascii("BINARY"), ascii("BINARY.PEEK"), ascii("BINARY.SIZE")
    };

    private InputStream in;
    private final ReaderLimits limits;
    private final Continuation continuation;
    private final Set<Extension> extensions;
    /** Told of each literal marker; null until {@link #listen} is called. */
    private LiteralListener literals;

    private byte[] buf = new byte[256];
    private int len;
    private int pos;
    private boolean overflow;
    private final byte[] tail = new byte[TAIL];
    private int tailLen;
    /** Octets of the current command outside its literals, over all its lines. */
    private long commandLineOctets;
    /** Octets of the current command's literals so far. */
    private long commandLiteralOctets;
    /** The command's first line, kept once a literal is about to replace it in {@code buf}. */
    private String firstLine;
    /** True while reading the arguments of FETCH or UID FETCH, the one place sections occur. */
    private boolean fetchArguments;
    /** True while reading the arguments of APPEND, where BINARY allows a literal8 (RFC 4466 §2.1). */
    private boolean appendArguments;
    /** True while reading SETMETADATA's arguments, whose values may be literal8 (RFC 5464 §5 {@code value}). */
    private boolean metadataArguments;
    /** What quoted strings may carry beyond 7-bit ASCII; see {@link #utf8()}. */
    private QuotedOctets quotedOctets;

    /** What a quoted string may hold beyond 7-bit ASCII. */
    private enum QuotedOctets {
        /** Any octet but CR, LF and NUL, as Dovecot 2.3 takes them: what the names mean is left to the handler. */
        ANY,
        /**
         * 7-bit only (RFC 3501 §9 {@code QUOTED-CHAR}): a server that offers UTF8=ACCEPT holds the
         * client to it until {@code ENABLE UTF8=ACCEPT} (RFC 6855 §3).
         */
        ASCII,
        /** Well-formed UTF-8 (RFC 6855 §3 {@code uQUOTED-CHAR}, RFC 9051 §9 {@code QUOTED-CHAR}). */
        UTF8
    }

    /**
     * A reader that takes non-synchronizing literals (LITERAL+).
     *
     * @param in the connection's input, read from the reader's thread only
     * @param limits the line, literal and nesting limits
     * @param continuation what sends {@code +} before a synchronizing literal is read
     */
    public CommandReader(InputStream in, ReaderLimits limits, Continuation continuation) {
        this(in, limits, continuation, true);
    }

    /**
     * @param nonSyncLiterals whether {@code {n+}} literals are taken (RFC 7888 LITERAL+); when not,
     *                        they are a syntax error and their octets are skipped
     * A reader that takes non-synchronizing literals or not, without any other extension.
     * @param in the connection's input, read from the reader's thread only
     * @param limits the line, literal and nesting limits
     * @param continuation what sends {@code +} before a synchronizing literal is read
     */
    public CommandReader(InputStream in, ReaderLimits limits, Continuation continuation, boolean nonSyncLiterals) {
        this(in, limits, continuation, nonSyncLiterals ? EnumSet.of(Extension.LITERAL_PLUS) : EnumSet.noneOf(Extension.class));
    }

    /**
     * A reader for a server that offers {@code extensions}: LITERAL+ takes {@code {n+}} of any
     * size, LITERAL- up to 4096 octets (a larger one is {@code BAD [TOOBIG]} and its octets are
     * skipped), neither makes {@code {n+}} a syntax error; BINARY takes APPEND's {@code ~{n}},
     * METADATA and METADATA-SERVER take SETMETADATA's;
     * APPENDLIMIT refuses an APPEND literal over the literal limit with {@code NO [TOOBIG]}
     * instead of BAD.
     *
     * @param in the connection's input, read from the reader's thread only
     * @param limits the line, literal and nesting limits
     * @param continuation what sends {@code +} before a synchronizing literal is read
     * @param extensions the server's extensions; copied
     */
    public CommandReader(InputStream in, ReaderLimits limits, Continuation continuation, Set<Extension> extensions) {
        this.in = in;
        this.limits = limits;
        this.continuation = continuation;
        this.extensions = extensions.isEmpty() ? EnumSet.noneOf(Extension.class) : EnumSet.copyOf(extensions);
        this.quotedOctets = extensions.contains(Extension.UTF8_ACCEPT) ? QuotedOctets.ASCII : QuotedOctets.ANY;
    }

    /**
     * Quoted strings carry UTF-8 from now on (RFC 6855 §3 after {@code ENABLE UTF8=ACCEPT}, RFC 9051
     * §9 in IMAP4rev2): a quoted string whose 8-bit octets are not well-formed UTF-8 (RFC 3629 §4)
     * is BAD. Until then, a server that offers UTF8=ACCEPT refuses 8-bit octets in quoted strings
     * with BAD, and one that does not takes them as Dovecot does.
     */
    public void utf8() {
        quotedOctets = QuotedOctets.UTF8;
    }

    /**
     * Reads the next command; null at the end of the stream. Empty lines are skipped, as Dovecot does.
     *
     * @return a {@link Command}, a {@link ReadResult.Malformed} for a command that could not be decoded, or null
     * when the client closed the connection
     * @throws IOException when reading fails, or the stream ends inside a literal ({@link java.io.EOFException})
     */
    public ReadResult next() throws IOException {
        do {
            if (!readLine()) {
                return null;
            }
        } while (len == 0 && !overflow);
        commandLineOctets = len;
        commandLiteralOctets = 0;
        firstLine = null;
        fetchArguments = false;
        appendArguments = false;
        metadataArguments = false;
        String tag = null;
        String name = null;
        try {
            tag = readTag();
            if (overflow) {
                throw new ProtocolException("Command line too long (the limit is " + limits.maxLineLength() + " octets)");
            }
            expectSpace("a command name");
            name = readAtomText("a command name").toUpperCase(java.util.Locale.ROOT);
            if (name.equals("UID")) {
                expectSpace("a command after UID");
                name = "UID " + readAtomText("a command after UID").toUpperCase(java.util.Locale.ROOT);
            }
            // RFC 5465 §8: NOTIFY's MessageNew takes fetch attributes, sections included.
            fetchArguments = name.equals("FETCH") || name.equals("UID FETCH") || name.equals("NOTIFY");
            appendArguments = name.equals("APPEND");
            metadataArguments = name.equals("SETMETADATA") && (extensions.contains(Extension.METADATA)
                    || extensions.contains(Extension.METADATA_SERVER));
            List<Arg> args = new ArrayList<>();
            if (pos < len) {
                expectSpace("an argument");
                args = readList(0, false);
            }
            return new Command(tag, name, args);
        } catch (ProtocolException e) {
            String text = firstLine != null ? firstLine : lineText();
            boolean inStep = skipAfterError();
            return new ReadResult.Malformed(tag, name, e.getMessage(), text, !inStep, e.status(), e.code());
        }
    }

    /**
     * Tells {@code listener} of every literal announced from now on.
     *
     * @param listener told of each literal marker, on the reader's thread; replaces the one before
     */
    public void listen(LiteralListener listener) {
        this.literals = listener;
    }

    /**
     * Octets of the command last returned by {@link #next()} outside its literals, over all its
     * lines without their line ends (at most the line limit for a line over it).
     *
     * @return the count of octets, for the journal and the line limit
     */
    public long commandLineOctets() {
        return commandLineOctets;
    }

    /**
     * Reads from {@code in} from now on, between two commands: the transport under the reader
     * changed (TLS began). Whatever the old stream still held is never read.
     *
     * @param in the new input stream
     */
    public void input(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one raw line (for AUTHENTICATE responses and IDLE's DONE), without its line end;
     * null at the end of the stream. Throws when the line exceeds the line limit.
     *
     * @return the line as UTF-8 text, or null at the end of the stream
     * @throws ProtocolException when the line is longer than the line limit
     * @throws IOException when reading fails
     */
    public String readRawLine() throws IOException {
        if (!readLine()) {
            return null;
        }
        if (overflow) {
            throw new ProtocolException("Line too long (the limit is " + limits.maxLineLength() + " octets)");
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    // ---- arguments

    private List<Arg> readList(int depth, boolean inParens) throws IOException {
        if (depth > limits.maxNesting()) {
            throw new ProtocolException("Too deeply nested parentheses (the limit is " + limits.maxNesting() + ")");
        }
        List<Arg> items = new ArrayList<>();
        boolean first = true;
        while (true) {
            if (pos >= len) {
                if (inParens) {
                    throw new ProtocolException("Missing ')'");
                }
                return items;
            }
            if (buf[pos] == ')') {
                if (!inParens) {
                    throw new ProtocolException("Unexpected ')'");
                }
                pos++;
                return items;
            }
            if (!first) {
                expectSpace("')' or a space");
                if (pos >= len) {
                    throw new ProtocolException("Unexpected space at the end of the line");
                }
            }
            first = false;
            items.add(readArg(depth));
        }
    }

    private Arg readArg(int depth) throws IOException {
        byte c = buf[pos];
        switch (c) {
            case '(' -> {
                pos++;
                return new Arg.ListArg(readList(depth + 1, true));
            }
            case '"' -> {
                return new Arg.Quoted(readQuoted());
            }
            case '{' -> {
                return new Arg.Literal(readLiteral(pos), false);
            }
            case '~' -> {
                if (pos + 1 < len && buf[pos + 1] == '{' && literalSizeAtEnd(pos + 1) >= 0) {
                    if (!metadataArguments) {
                        // RFC 6855 §4: APPEND's UTF8 data item carries its message in a literal8.
                        if (!extensions.contains(Extension.BINARY) && !(appendArguments
                                && extensions.contains(Extension.UTF8_ACCEPT))) {
                            throw new ProtocolException("A literal8 ~{n} needs BINARY, which this server does not offer");
                        }
                        if (!appendArguments) {
                            throw new ProtocolException("A literal8 ~{n} may only carry a message in APPEND");
                        }
                    }
                    return new Arg.Literal(readLiteral(pos + 1), true);
                }
                return new Arg.Atom(readAtomText("an argument"));
            }
            case ' ' -> throw new ProtocolException("Unexpected extra space");
            default -> {
                return new Arg.Atom(readAtomText("an argument"));
            }
        }
    }

    private byte[] readQuoted() {
        byte[] text = readQuotedOctets();
        if (quotedOctets != QuotedOctets.ANY) {
            for (int i = 0; i < text.length; i++) {
                if (text[i] < 0) {
                    if (quotedOctets == QuotedOctets.ASCII) {
                        throw new ProtocolException("8-bit characters in a quoted string need ENABLE UTF8=ACCEPT"
                                + " first; send them in a literal");
                    }
                    checkUtf8(text);
                    break;
                }
            }
        }
        return text;
    }

    /** RFC 3629 §4: the 8-bit octets of {@code text} are whole, shortest-form UTF-8 sequences, no surrogates. */
    private static void checkUtf8(byte[] text) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try {
            decoder.decode(java.nio.ByteBuffer.wrap(text));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ProtocolException("A quoted string is not valid UTF-8");
        }
    }

    private byte[] readQuotedOctets() {
        pos++;
        byte[] out = new byte[len - pos];
        int n = 0;
        while (pos < len) {
            byte c = buf[pos++];
            if (c == '"') {
                return Arrays.copyOf(out, n);
            }
            if (c == '\\') {
                if (pos >= len || (buf[pos] != '"' && buf[pos] != '\\')) {
                    throw new ProtocolException("Invalid escape in quoted string: only \\\" and \\\\ are allowed");
                }
                c = buf[pos++];
            } else if (c == '\r' || c == 0) {
                throw new ProtocolException("Invalid character in quoted string");
            }
            out[n++] = c;
        }
        throw new ProtocolException("Missing '\"' at the end of a quoted string");
    }

    /**
     * Reads {@code {n}} or {@code {n+}} (for a literal8 {@code ~{n}}, the part after the tilde),
     * starting at {@code open}, at the end of the line, then the n octets, then the next line,
     * where parsing goes on.
     */
    private byte[] readLiteral(int open) throws IOException {
        long size = literalSizeAtEnd(open);
        if (size < 0) {
            throw new ProtocolException("Invalid literal: expected {size} or {size+} at the end of the line");
        }
        boolean sync = buf[len - 2] != '+';
        if (literals != null) {
            literals.literal(size, sync);
        }
        if (!sync && !extensions.contains(Extension.LITERAL_PLUS)) {
            if (!extensions.contains(Extension.LITERAL_MINUS)) {
                throw new ProtocolException("Non-synchronizing literals {n+} need LITERAL+, which this server does not offer");
            }
            if (size > LITERAL_MINUS_MAX) {
                // RFC 7888 §4: the client sends the octets anyway; they are skipped after the BAD.
                throw ProtocolException.bad("TOOBIG", "Non-synchronizing literal of " + describeSize(size)
                        + ": LITERAL- takes {n+} up to " + LITERAL_MINUS_MAX + " octets; send a larger one as {n}");
            }
        }
        long max = Math.min(limits.maxLiteralSize(), MAX_ARRAY);
        // RFC 7889 §4: with APPENDLIMIT, a message over the limit is refused before it is sent.
        boolean appendLimit = appendArguments && extensions.contains(Extension.APPENDLIMIT);
        if (size > max) {
            String reason = size == Long.MAX_VALUE ? "Literal too big (the limit is " + max + " octets)"
                    : "Literal too big (" + size + " octets; the limit is " + max + ")";
            throw appendLimit ? ProtocolException.no("TOOBIG", reason) : new ProtocolException(reason);
        }
        // One command's literals share the limit, so chaining literals cannot grow a command without end.
        if (commandLiteralOctets + size > max) {
            String reason = "Literals too big (" + (commandLiteralOctets + size)
                    + " octets in one command; the limit is " + max + ")";
            throw appendLimit ? ProtocolException.no("TOOBIG", reason) : new ProtocolException(reason);
        }
        commandLiteralOctets += size;
        if (firstLine == null) {
            firstLine = lineText();
        }
        if (sync) {
            continuation.ready();
        }
        byte[] data = readOctets(size);
        if (!readLine()) {
            throw new java.io.EOFException();
        }
        // The lines between a command's literals share the line limit, as one line would.
        commandLineOctets += len;
        if (overflow || commandLineOctets > limits.maxLineLength()) {
            throw new ProtocolException("Command line too long (the limit is " + limits.maxLineLength() + " octets)");
        }
        return data;
    }

    private static String describeSize(long size) {
        return size == Long.MAX_VALUE ? "more octets than a number holds" : size + " octets";
    }

    /** The size of a literal marker spanning {@code from} to the line's end, or -1 if there is none. */
    private long literalSizeAtEnd(int from) {
        return literalSize(buf, from, len);
    }

    /**
     * The size a literal marker {@code {digits}} or {@code {digits+}} in {@code [from, end)}
     * announces, or -1 when it is no marker. A size too large for a {@code long} is
     * {@link Long#MAX_VALUE}: it is still a literal the client will send, so after an error it
     * must end the connection rather than be taken for command text.
     */
    private static long literalSize(byte[] b, int from, int end) {
        if (end - from < 3 || b[from] != '{' || b[end - 1] != '}') {
            return -1;
        }
        int last = b[end - 2] == '+' ? end - 2 : end - 1;
        if (last == from + 1) {
            return -1;
        }
        long size = 0;
        for (int i = from + 1; i < last; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            int digit = b[i] - '0';
            size = size > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : size * 10 + digit;
        }
        return size;
    }

    private byte[] readOctets(long size) throws IOException {
        int n = (int) size;
        byte[] data = new byte[Math.min(n, 64 * 1024)];
        int filled = 0;
        while (filled < n) {
            if (filled == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(n, (long) data.length * 2));
            }
            int r = in.read(data, filled, data.length - filled);
            if (r < 0) {
                throw new java.io.EOFException();
            }
            filled += r;
        }
        return data;
    }

    private String readTag() {
        int start = pos;
        while (pos < len && buf[pos] != ' ') {
            int c = buf[pos] & 0xff;
            if (c == '+' || !(ImapStrings.isAtomChar(c) || c == ']')) {
                throw new ProtocolException(start == pos && c != '+' ? "Missing tag" : "Invalid character in tag");
            }
            pos++;
        }
        if (pos == start) {
            throw new ProtocolException("Missing tag");
        }
        return new String(buf, start, pos - start, StandardCharsets.US_ASCII);
    }

    /**
     * Reads an atom: up to a space, a parenthesis or the line's end. {@code [} and {@code ]} are
     * ordinary characters here (RFC 3501 §9: {@code [} is an ATOM-CHAR, {@code ]} an ASTRING-CHAR,
     * so {@code foo[bar} is a mailbox name). The one exception is a fetch attribute that takes a
     * section: in FETCH, an atom that so far reads BODY, BODY.PEEK, BINARY, BINARY.PEEK or
     * BINARY.SIZE (any case) opens its section at {@code [}, and the section, spaces and all, stays
     * part of the atom, so {@code BODY.PEEK[HEADER.FIELDS (FROM "X")]<0.100>} is one argument.
     */
    private String readAtomText(String what) {
        int start = pos;
        while (pos < len) {
            int c = buf[pos] & 0xff;
            if (c == ' ' || c == '(' || c == ')') {
                break;
            }
            if (c == '[' && fetchArguments && takesSection(start, pos)) {
                skipSection(what);
                continue;
            }
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '{') {
                throw new ProtocolException("Invalid character in " + what);
            }
            pos++;
        }
        if (pos == start) {
            throw new ProtocolException("Expected " + what);
        }
        return new String(buf, start, pos - start, StandardCharsets.US_ASCII);
    }

    /** True when {@code buf[from, to)} is, ignoring ASCII case, a fetch attribute that takes a section. */
    private boolean takesSection(int from, int to) {
        for (byte[] name : SECTION_ATTRIBUTES) {
            if (name.length == to - from && equalsIgnoreAsciiCase(name, from)) {
                return true;
            }
        }
        return false;
    }

    private boolean equalsIgnoreAsciiCase(byte[] upper, int from) {
        for (int i = 0; i < upper.length; i++) {
            int c = buf[from + i];
            if (c >= 'a' && c <= 'z') {
                c -= 'a' - 'A';
            }
            if (c != upper[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves past a section, from its {@code [} to the {@code ]} that closes it (RFC 3501 §9
     * {@code section}, RFC 3516 {@code section-binary}). Its header list holds astrings, so
     * inside the parentheses {@code [} and {@code ]} are characters of a field name, and a quoted
     * string may hold anything. A literal there is refused: an atom cannot carry one.
     */
    private void skipSection(String what) {
        pos++;
        int parens = 0;
        while (pos < len) {
            int c = buf[pos] & 0xff;
            if (c == '"') {
                skipQuotedInBrackets();
                continue;
            }
            if (c == '{' && literalSizeAtEnd(pos) >= 0) {
                throw new ProtocolException("A section's header field names must be atoms or quoted strings, not literals");
            }
            if (c < 0x20 || c >= 0x7f || c == '{') {
                throw new ProtocolException("Invalid character in " + what);
            }
            if (c == '(') {
                parens++;
            } else if (c == ')' && parens > 0) {
                parens--;
            } else if (c == ']' && parens == 0) {
                pos++;
                return;
            }
            pos++;
        }
        throw new ProtocolException(parens > 0 ? "Missing ')' in the section" : "Missing ']'");
    }

    private void skipQuotedInBrackets() {
        pos++;
        while (pos < len && buf[pos] != '"') {
            pos += buf[pos] == '\\' ? 2 : 1;
        }
        if (pos >= len) {
            throw new ProtocolException("Missing '\"' at the end of a quoted string");
        }
        pos++;
    }

    private void expectSpace(String what) {
        if (pos >= len) {
            throw new ProtocolException("Expected " + what);
        }
        if (buf[pos] != ' ') {
            throw new ProtocolException("Expected a space before " + what);
        }
        pos++;
    }

    // ---- lines

    /**
     * Reads up to LF into {@code buf} (without CR LF). A line over the limit is read to its end
     * and dropped, keeping only its start and its last octets, and flagged as overflowing.
     */
    private boolean readLine() throws IOException {
        len = 0;
        pos = 0;
        overflow = false;
        tailLen = 0;
        int max = limits.maxLineLength();
        while (true) {
            int c = in.read();
            if (c < 0) {
                return false;
            }
            if (c == '\n') {
                if (overflow) {
                    return true;
                }
                if (len > 0 && buf[len - 1] == '\r') {
                    len--;
                }
                return true;
            }
            if (len < max) {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, Math.min(max, buf.length * 2));
                }
                buf[len++] = (byte) c;
            } else {
                overflow = true;
                if (tailLen == TAIL) {
                    System.arraycopy(tail, 1, tail, 0, TAIL - 1);
                    tailLen--;
                }
                tail[tailLen++] = (byte) c;
            }
        }
    }

    /**
     * After an error, keeps in step with the client: while the line just read ends with a
     * non-synchronizing literal, the client sends its octets and more command text at once, so
     * both are skipped. A synchronizing literal waits for {@code +}, which is never sent. Returns
     * false when a literal is too large to skip (over the literal limit and over 1 MiB): the
     * connection cannot stay in step and must close.
     */
    private boolean skipAfterError() throws IOException {
        while (true) {
            byte[] end = overflow ? tail : buf;
            int endLen = overflow ? (tailLen > 0 && tail[tailLen - 1] == '\r' ? tailLen - 1 : tailLen) : len;
            int open = lastIndexOf(end, endLen, (byte) '{');
            if (open < 0 || endLen < 2 || end[endLen - 2] != '+') {
                return true;
            }
            long size = literalSize(end, open, endLen);
            if (size < 0) {
                return true;
            }
            if (size > Math.max(limits.maxLiteralSize(), SKIPPABLE)) {
                return false;
            }
            skipOctets(size);
            if (!readLine()) {
                return true;
            }
        }
    }

    private void skipOctets(long size) throws IOException {
        byte[] scratch = new byte[8192];
        long left = size;
        while (left > 0) {
            int r = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (r < 0) {
                return;
            }
            left -= r;
        }
    }

    private static int lastIndexOf(byte[] b, int end, byte c) {
        for (int i = end - 1; i >= 0; i--) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private String lineText() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }
}
