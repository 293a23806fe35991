package dev.imapmock.protocol;

import static dev.imapmock.protocol.ArgTrees.atom;
import static dev.imapmock.protocol.ArgTrees.atoms;
import static dev.imapmock.protocol.ArgTrees.list;
import static dev.imapmock.protocol.ArgTrees.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreParserTest {

    @Test
    void replacesFlagsFromAList() {
        StoreOperation op = StoreParser.parse(atoms("FLAGS (\\Seen \\Deleted)"));
        assertThat(op.mode()).isEqualTo(StoreOperation.Mode.REPLACE);
        assertThat(op.silent()).isFalse();
        assertThat(op.flags()).containsExactly("\\Seen", "\\Deleted");
    }

    @ParameterizedTest
    @CsvSource({
        "+FLAGS, ADD, false",
        "-flags, REMOVE, false",
        "+FLAGS.SILENT, ADD, true",
        "flags.silent, REPLACE, true",
        "-Flags.Silent, REMOVE, true",
    })
    void readsModeAndSilenceInAnyCase(String item, StoreOperation.Mode mode, boolean silent) {
        StoreOperation op = StoreParser.parse(atoms(item + " (\\Seen)"));
        assertThat(op.mode()).isEqualTo(mode);
        assertThat(op.silent()).isEqualTo(silent);
    }

    @Test
    void acceptsFlagsWithoutParentheses() {
        assertThat(StoreParser.parse(atoms("+FLAGS \\Flagged $Label")).flags()).containsExactly("\\Flagged", "$Label");
    }

    @Test
    void normalizesSystemFlagsToCanonicalCaseAndKeepsKeywordsAsSent() {
        assertThat(StoreParser.parse(atoms("FLAGS (\\SEEN \\answered \\dRaFt \\flagged \\DELETED Junk)")).flags())
                .containsExactly("\\Seen", "\\Answered", "\\Draft", "\\Flagged", "\\Deleted", "Junk");
    }

    @Test
    void emptyListClearsAllFlags() {
        StoreOperation op = StoreParser.parse(atoms("FLAGS ()"));
        assertThat(op.flags()).isEmpty();
        assertThat(op.itemName()).isEqualTo("FLAGS");
    }

    @Test
    void dropsRepeatedFlags() {
        assertThat(StoreParser.parse(atoms("+FLAGS (\\Seen \\seen a a)")).flags()).containsExactly("\\Seen", "a");
    }

    @Test
    void writesTheItemNameBack() {
        assertThat(StoreParser.parse(atoms("-flags.silent (a)")).itemName()).isEqualTo("-FLAGS.SILENT");
    }

    @Test
    void rejectsRecentWithAnExplanation() {
        assertThatThrownBy(() -> StoreParser.parse(atoms("+FLAGS (\\Recent)")))
                .isExactlyInstanceOf(ProtocolException.class)
                .hasMessage("\\Recent is set by the server only; a client cannot set or clear it");
    }

    @Test
    void rejectsUnknownBackslashFlags() {
        assertThatThrownBy(() -> StoreParser.parse(atoms("+FLAGS (\\Important)")))
                .hasMessage("unknown flag \\Important; system flags are \\Answered \\Flagged \\Deleted \\Seen \\Draft, "
                        + "keywords have no backslash");
    }

    @Test
    void rejectsAQuotedFlag() {
        assertThatThrownBy(() -> StoreParser.parse(List.of(atom("FLAGS"), list(quoted("x")))))
                .hasMessage("a flag must be an atom such as \\Seen or $Label, not a quoted string");
    }

    @Test
    void rejectsAKeywordWithCharactersAnAtomCannotHold() {
        assertThatThrownBy(() -> StoreParser.parse(List.of(atom("FLAGS"), atom("a*b"))))
                .hasMessage("\"a*b\" is not a valid flag keyword");
    }

    @Test
    void rejectsAnUnknownDataItem() {
        assertThatThrownBy(() -> StoreParser.parse(atoms("FLAG (\\Seen)")))
                .hasMessage("STORE expects FLAGS, +FLAGS or -FLAGS (optionally with .SILENT) but got FLAG");
        assertThatThrownBy(() -> StoreParser.parse(atoms("+FLAGS.LOUD (\\Seen)")))
                .isExactlyInstanceOf(ProtocolException.class);
    }

    @Test
    void rejectsMissingFlags() {
        assertThatThrownBy(() -> StoreParser.parse(atoms("+FLAGS")))
                .hasMessage("STORE +FLAGS needs a flag list such as (\\Seen)");
        assertThatThrownBy(() -> StoreParser.parse(List.of()))
                .hasMessage("STORE needs a data item (FLAGS, +FLAGS or -FLAGS) and flags");
    }

    @Test
    void rejectsArgumentsAfterTheFlagList() {
        assertThatThrownBy(() -> StoreParser.parse(atoms("FLAGS (\\Seen) \\Draft")))
                .hasMessage("STORE takes one flag list; found more arguments after it");
    }

    @Test
    void rejectsModifiers() {
        assertThatThrownBy(() -> StoreParser.parse(atoms("(UNCHANGEDSINCE 5) FLAGS (\\Seen)")))
                .hasMessage("STORE modifiers in parentheses are not supported");
    }

    @Test
    void appendFlagListUsesTheSameRules() {
        assertThat(FlagNames.parseFlagList((Arg.ListArg) list(atom("\\draft"), atom("$Forwarded"))))
                .containsExactly("\\Draft", "$Forwarded");
        assertThat(FlagNames.parseFlagList((Arg.ListArg) list())).isEmpty();
        assertThatThrownBy(() -> FlagNames.parseFlagList((Arg.ListArg) list(list())))
                .hasMessage("a flag must be an atom such as \\Seen or $Label, not a parenthesized list");
    }

    @Property
    void parseThrowsOnlyProtocolException(@ForAll("trees") List<Arg> args) {
        try {
            StoreOperation op = StoreParser.parse(args);
            assertThat(op.flags()).allSatisfy(flag -> assertThat(flag).isNotBlank());
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<List<Arg>> trees() {
        return ArgTrees.trees("FLAGS", "+FLAGS", "-FLAGS.SILENT", "\\Seen", "\\Recent", "\\X", "kw", "\\");
    }
}
