package dev.imapmock.protocol;

import dev.imapmock.protocol.NotifyRequest.Event;
import dev.imapmock.protocol.NotifyRequest.Filter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.imapmock.protocol.ArgTrees.atom;
import static dev.imapmock.protocol.ArgTrees.list;
import static dev.imapmock.protocol.ArgTrees.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifyRequestTest {

    @Test
    void setWithStatusKeepsEveryGroupInOrderWithItsMailboxesAndEvents() {
        NotifyRequest r = NotifyRequest.parse(List.of(atom("set"), atom("status"),
                list(atom("selected-delayed"), list(atom("MessageNew"), list(atom("UID"), atom("FLAGS")),
                        atom("messageexpunge"))),
                list(atom("SUBTREE"), list(atom("Work"), quoted("Old Mail")), atom("NONE")),
                list(atom("MAILBOXES"), atom("INBOX"), list(atom("FlagChange"), atom("Whatever")))));
        assertThat(r.none()).isFalse();
        assertThat(r.status()).isTrue();
        assertThat(r.groups()).extracting(NotifyRequest.Group::filter)
                .containsExactly(Filter.SELECTED_DELAYED, Filter.SUBTREE, Filter.MAILBOXES);
        assertThat(r.groups().get(0).events()).containsExactlyInAnyOrder(Event.MESSAGENEW, Event.MESSAGEEXPUNGE);
        assertThat(r.groups().get(0).fetch()).containsExactly(atom("UID"), atom("FLAGS"));
        assertThat(r.groups().get(1).mailboxes()).containsExactly("Work", "Old Mail");
        assertThat(r.groups().get(1).events()).isEmpty();
        assertThat(r.groups().get(2).mailboxes()).containsExactly("INBOX");
        assertThat(r.groups().get(2).events()).containsExactlyInAnyOrder(Event.FLAGCHANGE, Event.OTHER);
    }

    @Test
    void noneTakesNothingMore() {
        assertThat(NotifyRequest.parse(List.of(atom("NONE"))).none()).isTrue();
        assertThatThrownBy(() -> NotifyRequest.parse(List.of(atom("NONE"), atom("x"))))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void malformedGroupsAreProtocolErrors() {
        assertThatThrownBy(() -> NotifyRequest.parse(List.of(atom("SET"), list(atom("PERSONAL"), atom("Foo")))))
                .isInstanceOf(ProtocolException.class).hasMessage("Expected NONE or a list of events");
        assertThatThrownBy(() -> NotifyRequest.parse(List.of(atom("SET"), list(atom("PERSONAL")))))
                .isInstanceOf(ProtocolException.class).hasMessage("Missing events");
        assertThatThrownBy(() -> NotifyRequest.parse(List.of(atom("SET"), atom("PERSONAL"))))
                .isInstanceOf(ProtocolException.class).hasMessage("Expected event group in parentheses");
        assertThatThrownBy(() -> NotifyRequest.parse(List.of(atom("SET"),
                list(atom("PERSONAL"), list(atom("MessageNew")), atom("extra")))))
                .isInstanceOf(ProtocolException.class).hasMessage("Unexpected extra arguments");
    }
}
