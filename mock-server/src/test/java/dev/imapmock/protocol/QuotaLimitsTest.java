package dev.imapmock.protocol;

import dev.imapmock.Extension;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.imapmock.protocol.ArgTrees.atom;
import static dev.imapmock.protocol.ArgTrees.list;
import static dev.imapmock.protocol.ArgTrees.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SETQUOTA's resource limits (RFC 9208 §4.1.3, {@code setquota-list}). */
class QuotaLimitsTest {
    private static final Set<Extension> ALL = EnumSet.allOf(Extension.class);

    private static QuotaLimits parse(Arg... items) {
        return QuotaLimits.parse(new Arg.ListArg(List.of(items)), ALL);
    }

    @Test
    void namesInAnyCaseWithLimitsFromZeroToTheLargestNumber64() {
        assertThat(parse(atom("message"), atom("0"), atom("STORAGE"), atom("9223372036854775807")))
                .isEqualTo(new QuotaLimits(Map.of(QuotaResource.MESSAGE, 0L, QuotaResource.STORAGE, Long.MAX_VALUE), List.of()));
        assertThat(parse()).isEqualTo(new QuotaLimits(Map.of(), List.of()));
    }

    @Test
    void wellFormedResourcesTheServerDoesNotKnowAreKeptForTheCommandToRefuse() {
        assertThat(parse(atom("MAILBOX"), atom("3"), atom("STORAGE"), atom("1")))
                .isEqualTo(new QuotaLimits(Map.of(QuotaResource.STORAGE, 1L), List.of("MAILBOX")));
        assertThat(QuotaLimits.parse((Arg.ListArg) list(atom("STORAGE"), atom("1")), EnumSet.complementOf(
                EnumSet.of(Extension.QUOTA_RES_STORAGE)))).isEqualTo(new QuotaLimits(Map.of(), List.of("STORAGE")));
    }

    @Test
    void malformedListsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> parse(atom("STORAGE"))).hasMessage("Resource STORAGE has no limit");
        assertThatThrownBy(() -> parse(quoted("STORAGE"), atom("1"))).hasMessage("Expected a resource name, not a quoted string");
        assertThatThrownBy(() -> parse(atom("STORAGE"), atom("1x")))
                .hasMessage("The limit of STORAGE needs a number from 0 to 9223372036854775807, not 1x");
        assertThatThrownBy(() -> parse(atom("STORAGE"), atom("99999999999999999999")))
                .hasMessage("The limit of STORAGE needs a number from 0 to 9223372036854775807, not 99999999999999999999");
        assertThatThrownBy(() -> parse(atom("STORAGE"), quoted("1")))
                .hasMessage("The limit of STORAGE needs a number from 0 to 9223372036854775807, not a quoted string");
        assertThatThrownBy(() -> parse(atom("MAILBOX"), atom("1"), atom("mailbox"), atom("2")))
                .hasMessage("Resource given twice: mailbox");
    }
}
