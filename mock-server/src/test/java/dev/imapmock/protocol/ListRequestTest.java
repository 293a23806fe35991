package dev.imapmock.protocol;

import dev.imapmock.Extension;
import dev.imapmock.protocol.ListRequest.Return;
import dev.imapmock.protocol.ListRequest.Selection;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.imapmock.protocol.ArgTrees.atom;
import static dev.imapmock.protocol.ArgTrees.atoms;
import static dev.imapmock.protocol.ArgTrees.list;
import static dev.imapmock.protocol.ArgTrees.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LIST's arguments, basic and extended (RFC 5258 §3, RFC 6154 §2, RFC 5819 §2), and STATUS items. */
class ListRequestTest {
    private static final Set<Extension> ALL = EnumSet.allOf(Extension.class);

    private static Set<Extension> allBut(Extension... left) {
        Set<Extension> set = EnumSet.allOf(Extension.class);
        set.removeAll(List.of(left));
        return set;
    }

    @Test
    void theBasicFormIsNotExtended() {
        ListRequest request = ListRequest.parse(List.of(quoted(""), atom("%")), ALL);
        assertThat(request.extended()).isFalse();
        assertThat(request.reference()).isEmpty();
        assertThat(request.patterns()).containsExactly("%");
        assertThat(request.selection()).isEmpty();
        assertThat(request.returns()).isEmpty();
        assertThat(request.status()).isEmpty();
    }

    @Test
    void emptyOptionListsMakeTheFormExtended() {
        assertThat(ListRequest.parse(List.of(list(), quoted(""), atom("*")), ALL).extended()).isTrue();
        assertThat(ListRequest.parse(atoms("\"\" * RETURN ()"), ALL).extended()).isTrue();
        assertThat(ListRequest.parse(List.of(quoted(""), list(atom("INBOX"))), ALL).extended()).isTrue();
    }

    @Test
    void selectionOptionsImplyTheirReturnOptions() {
        ListRequest request = ListRequest.parse(List.of(list(atom("subscribed"), atom("Special-Use"),
                atom("RECURSIVEMATCH"), atom("REMOTE")), quoted(""), atom("%")), ALL);
        assertThat(request.selection()).containsExactly(Selection.SUBSCRIBED, Selection.REMOTE,
                Selection.RECURSIVEMATCH, Selection.SPECIAL_USE);
        assertThat(request.returns()).containsExactly(Return.SUBSCRIBED, Return.SPECIAL_USE);
    }

    @Test
    void returnOptionsWithStatusItemsInTheOrderAskedEachOnce() {
        ListRequest request = ListRequest.parse(List.of(quoted(""), list(atom("INBOX"), quoted("Sent*")),
                atom("return"), list(atom("CHILDREN"), atom("status"), list(atom("UNSEEN"), atom("size"),
                        atom("Unseen"), atom("MESSAGES")))), ALL);
        assertThat(request.patterns()).containsExactly("INBOX", "Sent*");
        assertThat(request.returns()).containsExactly(Return.CHILDREN);
        assertThat(request.status()).containsExactly(StatusItem.UNSEEN, StatusItem.SIZE, StatusItem.MESSAGES);
    }

    @Test
    void theLastStatusOptionCountsAsInDovecot() {
        ListRequest request = ListRequest.parse(atoms("\"\" INBOX RETURN (STATUS (MESSAGES) STATUS (RECENT))"), ALL);
        assertThat(request.status()).containsExactly(StatusItem.RECENT);
    }

    @Test
    void recursiveMatchNeedsABaseOption() {
        assertThatThrownBy(() -> ListRequest.parse(List.of(list(atom("RECURSIVEMATCH"), atom("REMOTE")), quoted(""),
                atom("*")), ALL))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("RECURSIVEMATCH needs a selection option it can modify, such as SUBSCRIBED");
        assertThat(ListRequest.parse(List.of(list(atom("RECURSIVEMATCH"), atom("SPECIAL-USE")), quoted(""),
                atom("*")), ALL).selection()).contains(Selection.RECURSIVEMATCH);
    }

    @Test
    void optionsOfLeftOutExtensionsAreUnknown() {
        assertThatThrownBy(() -> ListRequest.parse(List.of(list(atom("SPECIAL-USE")), quoted(""), atom("*")),
                allBut(Extension.SPECIAL_USE)))
                .hasMessage("Unknown LIST selection option SPECIAL-USE; the ones known are SUBSCRIBED, REMOTE, RECURSIVEMATCH");
        assertThatThrownBy(() -> ListRequest.parse(atoms("\"\" * RETURN (STATUS (MESSAGES))"), allBut(Extension.LIST_STATUS)))
                .hasMessage("Unknown LIST return option STATUS; the ones known are SUBSCRIBED, CHILDREN, SPECIAL-USE");
        assertThatThrownBy(() -> ListRequest.parse(atoms("\"\" * RETURN (STATUS (SIZE))"), allBut(Extension.STATUS_SIZE)))
                .hasMessage("Unknown status item: SIZE");
        assertThatThrownBy(() -> ListRequest.parse(List.of(list(), quoted(""), atom("*")), allBut(Extension.LIST_EXTENDED)))
                .hasMessage("Expected a reference name, not a list");
        assertThatThrownBy(() -> ListRequest.parse(atoms("\"\" * RETURN ()"), allBut(Extension.LIST_EXTENDED)))
                .hasMessage("Unexpected extra arguments");
    }

    @Test
    void statusItemsMustBeKnownAtomsAndAtLeastOne() {
        assertThatThrownBy(() -> StatusItem.parse(new Arg.ListArg(List.of()), ALL))
                .hasMessage("STATUS needs at least one status item");
        assertThatThrownBy(() -> StatusItem.parse(new Arg.ListArg(List.of(quoted("MESSAGES"))), ALL))
                .hasMessage("Invalid status item");
        assertThatThrownBy(() -> StatusItem.parse(new Arg.ListArg(List.of(atom("MESSAGES"), atom("APPENDLIMIT"))),
                allBut(Extension.APPENDLIMIT)))
                .hasMessage("Unknown status item: APPENDLIMIT");
        assertThatThrownBy(() -> StatusItem.parse(new Arg.ListArg(List.of(atom("MESSAGES"), atom("FOO"))), ALL))
                .hasMessage("Unknown status item: FOO");
        assertThatThrownBy(() -> StatusItem.parse(new Arg.ListArg(List.of(atom("DELETED"))), allBut(Extension.QUOTA_RES_MESSAGE)))
                .hasMessage("Unknown status item: DELETED");
        assertThatThrownBy(() -> StatusItem.parse(new Arg.ListArg(List.of(atom("deleted-storage"))),
                allBut(Extension.QUOTA_RES_STORAGE)))
                .hasMessage("Unknown status item: deleted-storage");
        assertThat(StatusItem.parse(new Arg.ListArg(List.of(atom("Deleted-Storage"), atom("deleted"))), ALL))
                .containsExactly(StatusItem.DELETED_STORAGE, StatusItem.DELETED);
        assertThatThrownBy(() -> StatusItem.parse(new Arg.ListArg(List.of(atom("HIGHESTMODSEQ"))), allBut(Extension.CONDSTORE)))
                .hasMessage("Unknown status item: HIGHESTMODSEQ");
        assertThat(StatusItem.parse(new Arg.ListArg(List.of(atom("highestmodseq"), atom("UIDVALIDITY"), atom("RECENT"),
                atom("UIDNEXT"))), ALL))
                .containsExactly(StatusItem.HIGHESTMODSEQ, StatusItem.UIDVALIDITY, StatusItem.RECENT, StatusItem.UIDNEXT);
    }

    @Test
    void createParametersTakeUseWithAttributes() {
        assertThat(CreateParameters.parse(List.of(), ALL)).isEqualTo(CreateParameters.NONE);
        assertThat(CreateParameters.parse(atoms("(use (\\Sent \\whatever))"), ALL).uses())
                .containsExactly("\\Sent", "\\whatever");
        assertThat(CreateParameters.parse(atoms("(USE ())"), ALL).uses()).isEmpty();
        assertThatThrownBy(() -> CreateParameters.parse(atoms("(USE (\\))"), ALL))
                .hasMessage("USE takes special-use attributes such as \\Sent, not \\");
        assertThatThrownBy(() -> CreateParameters.parse(atoms("(USE (\\Sent))"), allBut(Extension.CREATE_SPECIAL_USE)))
                .hasMessage("Unexpected extra arguments");
    }
}
