package dev.imapmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader's bracket rule: {@code [} and {@code ]} are plain atom characters (RFC 3501 §9),
 * except that in FETCH a section-taking attribute (BODY, BODY.PEEK, BINARY, BINARY.PEEK,
 * BINARY.SIZE) keeps its whole section, spaces and all, in one atom.
 */
class CommandReaderSectionsTest {
    private static final ReaderLimits LIMITS = new ReaderLimits(1024, 4096, 8);

    private final AtomicInteger continuations = new AtomicInteger();

    private List<ReadResult> read(String wire) throws IOException {
        CommandReader reader = new CommandReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.US_ASCII)),
                LIMITS, continuations::incrementAndGet);
        List<ReadResult> results = new ArrayList<>();
        for (ReadResult r = reader.next(); r != null; r = reader.next()) {
            results.add(r);
        }
        return results;
    }

    private Command command(String line) throws IOException {
        List<ReadResult> results = read(line + "\r\n");
        assertThat(results).singleElement().isInstanceOf(Command.class);
        return (Command) results.get(0);
    }

    private ReadResult.Malformed malformed(String line) throws IOException {
        List<ReadResult> results = read(line + "\r\n");
        assertThat(results).singleElement().isInstanceOf(ReadResult.Malformed.class);
        return (ReadResult.Malformed) results.get(0);
    }

    private static List<Arg> atoms(String... texts) {
        List<Arg> args = new ArrayList<>();
        for (String t : texts) {
            args.add(new Arg.Atom(t));
        }
        return args;
    }

    @Test
    void aFetchSectionWithSpacesAndParenthesesIsOneArgument() throws IOException {
        assertThat(command("a FETCH 1 BODY[HEADER.FIELDS (A B)]").args())
                .containsExactlyElementsOf(atoms("1", "BODY[HEADER.FIELDS (A B)]"));
    }

    @Test
    void sectionsInsideAFetchListKeepQuotesPartialsAndTheOtherItems() throws IOException {
        assertThat(command("a UID FETCH 1:* (UID BODY.PEEK[HEADER.FIELDS (FROM \"X) ]\")]<0.100> FLAGS)").args())
                .containsExactly(new Arg.Atom("1:*"), new Arg.ListArg(
                        atoms("UID", "BODY.PEEK[HEADER.FIELDS (FROM \"X) ]\")]<0.100>", "FLAGS")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"body[HEADER.FIELDS (A B)]", "Body.Peek[HEADER.FIELDS.NOT (A B)]<0.9>",
        "BINARY[1 2]", "binary.peek[1 2]<0.5>", "BINARY.SIZE[1 2]"})
    void everySectionTakingAttributeOpensASectionInAnyCase(String item) throws IOException {
        assertThat(command("a FETCH 1 " + item).args()).containsExactlyElementsOf(atoms("1", item));
    }

    @Test
    void insideTheFieldListBracketsAreCharactersOfAFieldName() throws IOException {
        assertThat(command("a FETCH 1 BODY.PEEK[HEADER.FIELDS (X]Y X[Y)] FLAGS").args())
                .containsExactlyElementsOf(atoms("1", "BODY.PEEK[HEADER.FIELDS (X]Y X[Y)]", "FLAGS"));
    }

    @Test
    void onlyTheAttributeNamesOpenASection() throws IOException {
        assertThat(command("a FETCH 1 XBODY[A B]").args()).containsExactlyElementsOf(atoms("1", "XBODY[A", "B]"));
        assertThat(command("a FETCH 1 (FLAGS foo[bar a[b]c)").args())
                .containsExactly(new Arg.Atom("1"), new Arg.ListArg(atoms("FLAGS", "foo[bar", "a[b]c")));
    }

    @Test
    void bracketsAreOrdinaryCharactersInAtoms() throws IOException {
        assertThat(command("a SELECT foo[bar").args()).containsExactlyElementsOf(atoms("foo[bar"));
        assertThat(command("a CREATE a[b]c").args()).containsExactlyElementsOf(atoms("a[b]c"));
        assertThat(command("a RENAME [ ]").args()).containsExactlyElementsOf(atoms("[", "]"));
        assertThat(command("a SELECT !#$&'+,-.0123456789:;<=>?@^_`|[}").args())
                .containsExactlyElementsOf(atoms("!#$&'+,-.0123456789:;<=>?@^_`|[}"));
        List<Arg> list = command("a LIST \"\" !#$&'+,-.0123456789:;<=>?@^_`|[}%*").args();
        assertThat(list).hasSize(2);
        assertThat(list.get(0)).isInstanceOf(Arg.Quoted.class).extracting(Arg::text).isEqualTo("");
        assertThat(list.get(1)).isEqualTo(new Arg.Atom("!#$&'+,-.0123456789:;<=>?@^_`|[}%*"));
    }

    @Test
    void aSectionNameOutsideFetchIsAPlainAtom() throws IOException {
        assertThat(command("a CREATE BODY[a").args()).containsExactlyElementsOf(atoms("BODY[a"));
        assertThat(command("a SEARCH BODY[a b] HEADER X[Y 2").args())
                .containsExactlyElementsOf(atoms("BODY[a", "b]", "HEADER", "X[Y", "2"));
    }

    @Test
    void tagsAndCommandNamesTakeBrackets() throws IOException {
        Command c = command("t[1] NOOP[");
        assertThat(c.tag()).isEqualTo("t[1]");
        assertThat(c.name()).isEqualTo("NOOP[");
    }

    @Test
    void anUnclosedSectionIsMalformed() throws IOException {
        assertThat(malformed("a FETCH 1 BODY[x").reason()).isEqualTo("Missing ']'");
        assertThat(malformed("a FETCH 1 BODY.PEEK[HEADER.FIELDS (FROM]").reason())
                .isEqualTo("Missing ')' in the section");
        assertThat(malformed("a FETCH 1 BODY[HEADER.FIELDS (\"FROM)]").reason())
                .isEqualTo("Missing '\"' at the end of a quoted string");
    }

    @Test
    void aLiteralInASectionIsRefusedAndANonSynchronizingOneIsSkipped() throws IOException {
        List<ReadResult> results = read("a FETCH 1 BODY[HEADER.FIELDS ({6+}\r\nb NOOP)]\r\nc NOOP\r\n");
        assertThat(results).hasSize(2);
        assertThat(results.get(0)).isInstanceOf(ReadResult.Malformed.class);
        assertThat(((ReadResult.Malformed) results.get(0)).reason())
                .isEqualTo("A section's header field names must be atoms or quoted strings, not literals");
        assertThat(results.get(1)).isInstanceOf(Command.class);
        assertThat(results.get(1).tag()).isEqualTo("c");
        assertThat(continuations).hasValue(0);
    }

    @Test
    void aSynchronizingLiteralInASectionGetsNoContinuation() throws IOException {
        List<ReadResult> results = read("a FETCH 1 BODY[HEADER.FIELDS ({4}\r\nc NOOP\r\n");
        assertThat(results).extracting(ReadResult::tag).containsExactly("a", "c");
        assertThat(continuations).hasValue(0);
    }

    @Test
    void aNonSynchronizingLiteralTooLongToCountEndsTheConnectionAfterAnError() throws IOException {
        List<ReadResult> results = read("a CREATE \"x {99999999999999999999999+}\r\nc NOOP\r\n");
        assertThat(results).first().isInstanceOf(ReadResult.Malformed.class);
        assertThat(((ReadResult.Malformed) results.get(0)).fatal()).isTrue();
        assertThat(malformed("a APPEND INBOX {99999999999999999999999+}").reason())
                .isEqualTo("Literal too big (the limit is 4096 octets)");
    }

    @Test
    void leadingZerosDoNotMakeALiteralTooLong() throws IOException {
        List<ReadResult> results = read("a CREATE {0000000000000000000003+}\r\nabc\r\nc NOOP\r\n");
        assertThat(results).extracting(ReadResult::tag).containsExactly("a", "c");
        assertThat(((Command) results.get(0)).args()).singleElement()
                .satisfies(arg -> assertThat(arg.text()).isEqualTo("abc"));
    }
}
