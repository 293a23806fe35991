package dev.imapmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link CommandReader} over arbitrary input: it never throws anything but an
 * {@link IOException} at the end of the stream, always yields a {@link Command} or a
 * {@link ReadResult.Malformed}, keeps in step with the client after garbage, and decodes every
 * well-formed command back to the argument tree it was rendered from.
 */
class CommandReaderPropertiesTest {
    private static final ReaderLimits LIMITS = new ReaderLimits(1024, 4096, 8);
    private static final ReaderLimits ROOMY = new ReaderLimits(1 << 20, 4096, 8);

    @Property(tries = 3000)
    void arbitraryBytesYieldOnlyCommandsOrMalformed(@ForAll("noise") byte[] input) {
        readAll(input);
    }

    @Property(tries = 3000)
    void tokenSoupYieldsOnlyCommandsOrMalformed(@ForAll("soup") byte[] input) {
        readAll(input);
    }

    @Property(tries = 1000)
    void wellFormedCommandsSurviveARoundTrip(@ForAll("commands") Command command, @ForAll boolean sync) {
        byte[] wire = render(command, sync);
        AtomicInteger continuations = new AtomicInteger();
        List<ReadResult> read = readAll(wire, ROOMY, continuations);

        assertThat(read).hasSize(1);
        assertThat(read.get(0)).isInstanceOf(Command.class);
        Command back = (Command) read.get(0);
        assertThat(back.tag()).isEqualTo(command.tag());
        assertThat(back.name()).isEqualTo(command.name());
        assertThat(describe(back.args())).isEqualTo(describe(command.args()));
        assertThat(continuations.get()).isEqualTo(sync ? literalCount(command.args()) : 0);
    }

    @Property(tries = 1000)
    void aGarbageLineNeverSwallowsTheNextCommand(@ForAll("garbageLine") byte[] garbage,
                                                 @ForAll("commands") Command command) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(garbage);
        wire.writeBytes(new byte[] {'\r', '\n'});
        wire.writeBytes(render(command, false));
        List<ReadResult> read = readAll(wire.toByteArray(), ROOMY, new AtomicInteger());

        assertThat(read).isNotEmpty();
        ReadResult last = read.get(read.size() - 1);
        assertThat(last).isInstanceOf(Command.class);
        assertThat(describe(((Command) last).args())).isEqualTo(describe(command.args()));
        assertThat(read.size()).isLessThanOrEqualTo(2);
    }

    // ---- reading

    private static List<ReadResult> readAll(byte[] input) {
        return readAll(input, LIMITS, new AtomicInteger());
    }

    /** Reads until the end of the input; an IOException may only come from the stream's end. */
    private static List<ReadResult> readAll(byte[] input, ReaderLimits limits, AtomicInteger continuations) {
        CommandReader reader = new CommandReader(new ByteArrayInputStream(input), limits,
                continuations::incrementAndGet);
        List<ReadResult> results = new ArrayList<>();
        while (true) {
            ReadResult r;
            try {
                r = reader.next();
            } catch (IOException e) {
                return results;
            }
            if (r == null) {
                return results;
            }
            check(r);
            results.add(r);
            assertThat(results.size()).isLessThanOrEqualTo(input.length + 1);
        }
    }

    private static void check(ReadResult r) {
        if (r instanceof Command c) {
            assertThat(c.tag()).isNotEmpty();
            assertThat(c.name()).isNotEmpty();
        } else {
            ReadResult.Malformed m = (ReadResult.Malformed) r;
            assertThat(m.reason()).isNotBlank().doesNotContain("Exception").doesNotContain("java.");
            assertThat(m.text()).isNotNull();
        }
    }

    // ---- generators

    @Provide
    Arbitrary<byte[]> noise() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
    }

    /** Pieces of IMAP syntax, valid and broken, glued in any order. */
    @Provide
    Arbitrary<byte[]> soup() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("A1 ", "a.b ", "* ", "+ ", "UID ", "FETCH ", "APPEND ", "LOGIN ", "NOOP", "SEARCH ",
                        "1:* ", "BODY[HEADER.FIELDS (A B)]<0.9>", "BODY[", "]", "[", "(", ")", "((((((((((", "\"",
                        "\\", "\\\"", " ", "  ", "\r\n", "\n", "\r", "\0", "{", "}", "{0}\r\n", "{3}\r\n",
                        "{2+}\r\n", "{0+}\r\n", "{5000}\r\n", "{99999999999999}\r\n", "{4096+}\r\n",
                        "{-1}\r\n", "{1+}", "{12", "NIL", "\u00e9", "&Jjo-", "&", "x".repeat(1100)),
                Arbitraries.strings().ofMaxLength(6));
        return token.list().ofMaxSize(60).map(tokens -> String.join("", tokens).getBytes(StandardCharsets.UTF_8));
    }

    /** One line of printable junk with no line end and no literal marker. */
    @Provide
    Arbitrary<byte[]> garbageLine() {
        return Arbitraries.bytes().filter(b -> b != '\n' && b != '{').array(byte[].class).ofMaxSize(200);
    }

    @Provide
    Arbitrary<Command> commands() {
        Arbitrary<String> tag = atomText(false).filter(t -> t.chars().allMatch(
                c -> c != '+' && (ImapStrings.isAtomChar(c) || c == ']')));
        Arbitrary<String> name = atomText(false).filter(n -> !n.equalsIgnoreCase("UID")
                && !n.equalsIgnoreCase("FETCH"));
        Arbitrary<Command> other = Combinators.combine(tag, name, args(false)).as(Command::new);
        Arbitrary<Command> fetch = Combinators.combine(tag, Arbitraries.of("FETCH", "UID FETCH"), args(true))
                .as(Command::new);
        return Arbitraries.oneOf(other, fetch);
    }

    /**
     * Atoms as a client sends them: with {@code [} and {@code ]} anywhere. Only FETCH arguments
     * ({@code inFetch}) may hold sections with spaces in them, and there a plain atom must not
     * start like one ({@code BODY[}).
     */
    private static Arbitrary<String> atomText(boolean inFetch) {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('!', '~')
                .excludeChars('(', ')', '{', '"', ' ')
                .ofMinLength(1).ofMaxLength(10);
        if (!inFetch) {
            return Arbitraries.oneOf(plain, Arbitraries.of("foo[bar", "a[b]c", "[", "]", "[}", "BODY[x", "x]["));
        }
        return Arbitraries.oneOf(plain.filter(a -> !opensSection(a)), Arbitraries.of("BODY[]",
                "BODY.PEEK[HEADER.FIELDS (FROM \"To\")]<0.100>", "BODY[1.2.MIME]", "a[b[c]d]",
                "body.peek[HEADER.FIELDS (X]Y X[Y \"a]b\")]", "BINARY[1]", "binary.peek[1.2]<0.10>",
                "BINARY.SIZE[]", "foo[bar", "x][y"));
    }

    private static boolean opensSection(String atom) {
        int open = atom.indexOf('[');
        return open >= 0 && List.of("BODY", "BODY.PEEK", "BINARY", "BINARY.PEEK", "BINARY.SIZE")
                .contains(atom.substring(0, open).toUpperCase(java.util.Locale.ROOT));
    }

    private static Arbitrary<List<Arg>> args(boolean inFetch) {
        Arbitrary<byte[]> quotable = Arbitraries.bytes().filter(b -> b != '\r' && b != '\n' && b != 0)
                .array(byte[].class).ofMaxSize(20);
        Arbitrary<Arg> leaf = Arbitraries.oneOf(
                atomText(inFetch).map(Arg.Atom::new),
                quotable.map(Arg.Quoted::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(Arg.Literal::new));
        Arbitrary<Arg> tree = Arbitraries.recursive(() -> leaf,
                inner -> inner.list().ofMaxSize(4).map(items -> (Arg) new Arg.ListArg(items)), 0, 5);
        return tree.list().ofMaxSize(6);
    }

    // ---- rendering an argument tree as a client would send it

    private static byte[] render(Command command, boolean sync) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((command.tag() + " " + command.name()).getBytes(StandardCharsets.US_ASCII));
        for (Arg a : command.args()) {
            out.write(' ');
            render(out, a, sync);
        }
        out.writeBytes(new byte[] {'\r', '\n'});
        return out.toByteArray();
    }

    private static void render(ByteArrayOutputStream out, Arg arg, boolean sync) {
        if (arg instanceof Arg.Atom a) {
            out.writeBytes(a.text().getBytes(StandardCharsets.US_ASCII));
        } else if (arg instanceof Arg.Quoted q) {
            out.write('"');
            for (byte b : q.bytes()) {
                if (b == '"' || b == '\\') {
                    out.write('\\');
                }
                out.write(b);
            }
            out.write('"');
        } else if (arg instanceof Arg.Literal l) {
            out.writeBytes(("{" + l.bytes().length + (sync ? "" : "+") + "}\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(l.bytes());
        } else {
            out.write('(');
            List<Arg> items = ((Arg.ListArg) arg).items();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.write(' ');
                }
                render(out, items.get(i), sync);
            }
            out.write(')');
        }
    }

    private static int literalCount(List<Arg> args) {
        int n = 0;
        for (Arg a : args) {
            if (a instanceof Arg.Literal) {
                n++;
            } else if (a instanceof Arg.ListArg l) {
                n += literalCount(l.items());
            }
        }
        return n;
    }

    /** A comparable description of an argument tree (byte arrays by content). */
    private static String describe(List<Arg> args) {
        StringBuilder sb = new StringBuilder();
        for (Arg a : args) {
            if (a instanceof Arg.Atom atom) {
                sb.append("A:").append(atom.text());
            } else if (a instanceof Arg.Quoted q) {
                sb.append("Q:").append(HexFormat.of().formatHex(q.bytes()));
            } else if (a instanceof Arg.Literal l) {
                sb.append("L:").append(HexFormat.of().formatHex(l.bytes()));
            } else {
                sb.append("(").append(describe(((Arg.ListArg) a).items())).append(")");
            }
            sb.append(' ');
        }
        return sb.toString();
    }
}
