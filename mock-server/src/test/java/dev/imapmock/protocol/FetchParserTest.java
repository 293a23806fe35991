package dev.imapmock.protocol;

import static dev.imapmock.protocol.TestArgs.atom;
import static dev.imapmock.protocol.TestArgs.atoms;
import static dev.imapmock.protocol.TestArgs.list;
import static dev.imapmock.protocol.TestArgs.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imapmock.mime.SectionSpec;
import dev.imapmock.mime.SectionSpec.Kind;
import dev.imapmock.protocol.FetchItem.Attribute;
import dev.imapmock.protocol.FetchItem.BodySection;
import dev.imapmock.protocol.FetchItem.Partial;
import dev.imapmock.protocol.FetchItem.Simple;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FetchParserTest {

    private static FetchItem one(String item) {
        List<FetchItem> items = FetchParser.parse(List.of(atom(item)));
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static BodySection section(String item) {
        return (BodySection) one(item);
    }

    @Test
    void expandsMacrosAsRfc3501Defines() {
        assertThat(FetchParser.parse(atoms("FAST"))).containsExactly(new Simple(Attribute.FLAGS),
                new Simple(Attribute.INTERNALDATE), new Simple(Attribute.RFC822_SIZE));
        assertThat(FetchParser.parse(atoms("all"))).containsExactly(new Simple(Attribute.FLAGS),
                new Simple(Attribute.INTERNALDATE), new Simple(Attribute.RFC822_SIZE), new Simple(Attribute.ENVELOPE));
        assertThat(FetchParser.parse(atoms("Full"))).containsExactly(new Simple(Attribute.FLAGS),
                new Simple(Attribute.INTERNALDATE), new Simple(Attribute.RFC822_SIZE), new Simple(Attribute.ENVELOPE),
                new Simple(Attribute.BODY));
    }

    @ParameterizedTest
    @CsvSource({
        "FLAGS, FLAGS", "internaldate, INTERNALDATE", "RFC822.SIZE, RFC822_SIZE", "uid, UID",
        "ENVELOPE, ENVELOPE", "body, BODY", "BodyStructure, BODYSTRUCTURE", "RFC822, RFC822",
        "rfc822.header, RFC822_HEADER", "RFC822.TEXT, RFC822_TEXT",
    })
    void readsEachSimpleItemInAnyCase(String item, Attribute attribute) {
        assertThat(one(item)).isEqualTo(new Simple(attribute));
    }

    @Test
    void readsAParenthesizedListInOrder() {
        assertThat(FetchParser.parse(List.of(list(atom("UID"), atom("FLAGS"), atom("BODY.PEEK[]")))))
                .containsExactly(new Simple(Attribute.UID), new Simple(Attribute.FLAGS),
                        new BodySection(true, SectionSpec.whole(), null));
    }

    @Test
    void readsTheWholeMessageSection() {
        assertThat(section("BODY[]")).isEqualTo(new BodySection(false, SectionSpec.whole(), null));
        assertThat(section("body.peek[]").peek()).isTrue();
    }

    @Test
    void readsPartPaths() {
        assertThat(section("BODY[1.2.3]").section())
                .isEqualTo(new SectionSpec(List.of(1, 2, 3), Kind.ALL, List.of()));
        assertThat(section("BODY[4.MIME]").section()).isEqualTo(new SectionSpec(List.of(4), Kind.MIME, List.of()));
        assertThat(section("BODY[2.header]").section()).isEqualTo(new SectionSpec(List.of(2), Kind.HEADER, List.of()));
        assertThat(section("BODY[3.1.TEXT]").section()).isEqualTo(new SectionSpec(List.of(3, 1), Kind.TEXT, List.of()));
    }

    @Test
    void readsHeaderFieldListsWithAtomsAndQuotedNames() {
        assertThat(section("BODY.PEEK[HEADER.FIELDS (From \"X-Spam Flag\" to)]").section())
                .isEqualTo(new SectionSpec(List.of(), Kind.HEADER_FIELDS, List.of("From", "X-Spam Flag", "to")));
        assertThat(section("BODY[1.header.fields.not (\"a\\\"b\" Received)]").section())
                .isEqualTo(new SectionSpec(List.of(1), Kind.HEADER_FIELDS_NOT, List.of("a\"b", "Received")));
    }

    @Test
    void readsAPartialRange() {
        BodySection item = section("BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.100>");
        assertThat(item.partial()).isEqualTo(new Partial(0, 100));
        assertThat(item.section().fields()).containsExactly("FROM", "TO");
        assertThat(section("BODY[TEXT]<4294967295.4294967295>").partial())
                .isEqualTo(new Partial(4294967295L, 4294967295L));
    }

    @Test
    void namesTheResponseItemAsRfc3501Requires() {
        assertThat(section("BODY.PEEK[1.header.fields (from)]<10.20>").responseName())
                .isEqualTo("BODY[1.HEADER.FIELDS (FROM)]<10>");
        assertThat(one("rfc822.size").responseName()).isEqualTo("RFC822.SIZE");
    }

    @Test
    void knowsWhichItemsSetSeen() {
        assertThat(one("BODY[]").setsSeen()).isTrue();
        assertThat(one("BODY.PEEK[]").setsSeen()).isFalse();
        assertThat(one("RFC822").setsSeen()).isTrue();
        assertThat(one("RFC822.TEXT").setsSeen()).isTrue();
        assertThat(one("RFC822.HEADER").setsSeen()).isFalse();
        assertThat(one("BODY").setsSeen()).isFalse();
    }

    @Test
    void rejectsAnUnknownItem() {
        assertThatThrownBy(() -> FetchParser.parse(atoms("FLAGZ")))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("unknown FETCH data item FLAGZ");
    }

    @Test
    void rejectsAMacroInsideAList() {
        assertThatThrownBy(() -> FetchParser.parse(atoms("(UID ALL)")))
                .hasMessage("ALL is a macro and must be used alone, not inside a list");
    }

    @Test
    void rejectsMimeWithoutAPartNumber() {
        assertThatThrownBy(() -> FetchParser.parse(atoms("BODY[MIME]")))
                .hasMessage("invalid FETCH data item \"BODY[MIME]\": MIME needs a part number before it, such as 1.MIME");
    }

    @Test
    void rejectsAZeroCountPartial() {
        assertThatThrownBy(() -> FetchParser.parse(atoms("BODY[]<0.0>")))
                .hasMessage("invalid FETCH data item \"BODY[]<0.0>\": the partial range must be <origin.count> "
                        + "with count at least 1, such as <0.1024>");
    }

    @Test
    void rejectsPartNumbersWithALeadingZeroOrTooLarge() {
        assertThatThrownBy(() -> FetchParser.parse(atoms("BODY[1.02]")))
                .hasMessage("invalid FETCH data item \"BODY[1.02]\": part numbers start at 1 and have no leading zero; "
                        + "got 02");
        assertThatThrownBy(() -> FetchParser.parse(atoms("BODY[99999999999]")))
                .hasMessage("invalid FETCH data item \"BODY[99999999999]\": part number 99999999999 is too large");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "BODY[", "BODY[]]", "BODY[0]", "BODY[01]", "BODY[1.]", "BODY[1..2]", "BODY[1 ]", "BODY[.TEXT]",
        "BODY[TEXTS]", "BODY[HEADER.FIELDS]", "BODY[HEADER.FIELDS ()]", "BODY[HEADER.FIELDS (A  B)]",
        "BODY[HEADER.FIELDS (A]", "BODY[HEADER.FIELDS A]", "BODY[HEADER.FIELDS (\"A)]", "BODY[HEADER.FIELDS ( A)]",
        "BODY[HEADER.FIELDS (A)x]", "BODY[TEXT.MIME]", "BODY[HEADER.FIELDS.NOT.X (A)]", "BODY[]<0>", "BODY[]<.5>",
        "BODY[]<a.5>", "BODY[]<0.5", "BODY[]<0.5>x", "BODY[]<-1.5>", "BODY[]<4294967296.1>", "BODY[]x",
        "BODY[99999999999]", "BODY.PEEK", "BODY.PEEK[TEXT", "BODY[HEADER.FIELDS {3}]",
    })
    void rejectsMalformedSections(String item) {
        assertThatThrownBy(() -> FetchParser.parse(List.of(atom(item))))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void rejectsAnEmptyListAndNoItems() {
        assertThatThrownBy(() -> FetchParser.parse(List.of(list())))
                .hasMessage("the list of FETCH data items is empty");
        assertThatThrownBy(() -> FetchParser.parse(List.of()))
                .hasMessage("FETCH needs data items, such as FLAGS or (UID BODY.PEEK[])");
    }

    @Test
    void rejectsStringsAndExtraArguments() {
        assertThatThrownBy(() -> FetchParser.parse(List.of(quoted("FLAGS"))))
                .hasMessage("expected FETCH data items but got a quoted string");
        assertThatThrownBy(() -> FetchParser.parse(List.of(list(atom("UID"), list()))))
                .hasMessage("a parenthesized list is not a FETCH data item");
        assertThatThrownBy(() -> FetchParser.parse(atoms("FLAGS (CHANGEDSINCE 4)")))
                .hasMessage("FETCH takes one data item or one parenthesized list of them; "
                        + "unexpected a parenthesized list after it");
    }

    @Property
    void parseThrowsOnlyProtocolException(@ForAll("trees") List<Arg> args) {
        try {
            assertThat(FetchParser.parse(args)).isNotEmpty();
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property
    void sectionTextThrowsOnlyProtocolException(@ForAll("sectionLike") String item) {
        try {
            FetchParser.parse(List.of(atom(item)));
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).startsWith("invalid FETCH data item");
        }
    }

    @Property
    void responseNameOfAParsedSectionParsesBack(@ForAll("validSections") String item) {
        BodySection parsed = section(item);
        BodySection again = section(parsed.responseName().replaceFirst(">$", ".1>"));
        assertThat(again.section()).isEqualTo(new SectionSpec(parsed.section().path(), parsed.section().kind(),
                parsed.section().fields().stream().map(f -> f.toUpperCase(java.util.Locale.ROOT)).toList()));
    }

    @Provide
    Arbitrary<List<Arg>> trees() {
        return TestArgs.trees("ALL", "FAST", "UID", "BODY[]", "BODY.PEEK[1.MIME]<0.5>", "BODY[HEADER.FIELDS (A)]");
    }

    @Provide
    Arbitrary<String> sectionLike() {
        Arbitrary<String> inside = Arbitraries.strings().withChars("0123.HEADERFILDSNOTXMIE ()\"\\]<>{}").ofMaxLength(30);
        return Arbitraries.oneOf(inside.map(s -> "BODY[" + s), inside.map(s -> "BODY.PEEK[" + s));
    }

    @Provide
    Arbitrary<String> validSections() {
        Arbitrary<String> path = Arbitraries.integers().between(1, 30).list().ofMaxSize(3)
                .map(parts -> String.join(".", parts.stream().map(String::valueOf).toList()));
        Arbitrary<String> fields = Arbitraries.strings().withCharRange('a', 'z').withChars('-').ofMinLength(1)
                .ofMaxLength(8).list().ofMinSize(1).ofMaxSize(3).map(names -> "(" + String.join(" ", names) + ")");
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of("", "HEADER", "TEXT", "MIME"),
                fields.map(f -> "HEADER.FIELDS " + f), fields.map(f -> "HEADER.FIELDS.NOT " + f));
        return net.jqwik.api.Combinators.combine(path, text, Arbitraries.of("", "<0.10>", "<7.1>"))
                .as((p, t, partial) -> {
                    String spec;
                    if (p.isEmpty()) {
                        spec = t.equals("MIME") ? "TEXT" : t;
                    } else {
                        spec = t.isEmpty() ? p : p + "." + t;
                    }
                    return "BODY[" + spec + "]" + partial;
                });
    }
}
