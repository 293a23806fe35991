package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.SpecialUse;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Which special-use mailboxes accounts start with: {@link SpecialUseMailboxes} and the builder. */
@Timeout(20)
class SpecialUseConfigurationTest {

    private static List<String> names(ImapMockServer server, String user) {
        return server.store().account(user).orElseThrow().mailboxes().stream().map(Mailbox::name).toList();
    }

    @Test
    void theDefaultsAreTheFiveCommonFoldersInThatOrder() {
        assertThat(SpecialUseMailboxes.defaults().mailboxes()).containsExactly(
                entry("Sent", Set.of(SpecialUse.SENT)), entry("Drafts", Set.of(SpecialUse.DRAFTS)),
                entry("Trash", Set.of(SpecialUse.TRASH)), entry("Junk", Set.of(SpecialUse.JUNK)),
                entry("Archive", Set.of(SpecialUse.ARCHIVE)));
        assertThat(SpecialUseMailboxes.none().mailboxes()).isEmpty();
    }

    @Test
    void withAddsAMailboxAndWithoutTakesAUseAway() {
        SpecialUseMailboxes custom = SpecialUseMailboxes.none()
                .with("Sent Items", SpecialUse.SENT)
                .with("Bin", SpecialUse.TRASH, SpecialUse.JUNK);
        assertThat(custom.mailboxes()).containsExactly(entry("Sent Items", Set.of(SpecialUse.SENT)),
                entry("Bin", Set.of(SpecialUse.JUNK, SpecialUse.TRASH)));
        assertThat(custom.without(SpecialUse.JUNK).mailboxes()).containsExactly(
                entry("Sent Items", Set.of(SpecialUse.SENT)), entry("Bin", Set.of(SpecialUse.TRASH)));
        assertThat(custom.without(SpecialUse.SENT).mailboxes()).containsOnlyKeys("Bin");
        assertThat(SpecialUseMailboxes.defaults().without(SpecialUse.ARCHIVE).mailboxes())
                .containsOnlyKeys("Sent", "Drafts", "Trash", "Junk");
        assertThat(custom.mailboxes()).as("unchanged by with and without").hasSize(2);
    }

    @Test
    void theValueIsACopyThatCannotBeChanged() {
        Map<String, Set<SpecialUse>> source = new HashMap<>();
        source.put("Outbox", Set.of(SpecialUse.SENT));
        SpecialUseMailboxes value = new SpecialUseMailboxes(source);
        source.put("Bin", Set.of(SpecialUse.TRASH));
        assertThat(value.mailboxes()).containsOnlyKeys("Outbox");
        assertThatThrownBy(() -> value.mailboxes().put("Bin", Set.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThat(value).isEqualTo(SpecialUseMailboxes.none().with("Outbox", SpecialUse.SENT));
    }

    @Test
    void badNamesAndMissingUsesAreRefusedWithTheReason() {
        SpecialUseMailboxes none = SpecialUseMailboxes.none();
        assertThatThrownBy(() -> none.with("", SpecialUse.SENT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A special-use mailbox needs a name");
        assertThatThrownBy(() -> none.with("inbox", SpecialUse.SENT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INBOX can't be a special-use mailbox: inbox");
        assertThatThrownBy(() -> none.with("Mail//Sent", SpecialUse.SENT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Special-use mailbox name is not valid: Mailbox name has an empty hierarchy level: Mail//Sent");
        assertThatThrownBy(() -> none.with("Sent/", SpecialUse.SENT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Special-use mailbox name is not valid: Mailbox name has an empty hierarchy level: Sent/");
        assertThatThrownBy(() -> none.with("Se\tnt", SpecialUse.SENT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Special-use mailbox name is not valid: Mailbox name has a control character");
        assertThatThrownBy(() -> none.with("Sent")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Special-use mailbox Sent needs at least one use");
        assertThatThrownBy(() -> SpecialUseMailboxes.defaults().with("Sent", SpecialUse.DRAFTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Special-use mailbox given twice: Sent");
        Map<String, Set<SpecialUse>> twice = new LinkedHashMap<>();
        twice.put("inbox/Sent", Set.of(SpecialUse.SENT));
        twice.put("INBOX/Sent", Set.of(SpecialUse.SENT));
        assertThatThrownBy(() -> new SpecialUseMailboxes(twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Special-use mailbox given twice: INBOX/Sent");
        assertThatThrownBy(() -> none.with(null, SpecialUse.SENT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> none.with("Sent", (SpecialUse) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theBuilderGivesEveryUserTheSameMailboxesUnlessOneHasItsOwn() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "a").user("bob", "b").user("carol", "c")
                .specialUse(SpecialUseMailboxes.none().with("Mail/Sent Items", SpecialUse.SENT))
                .specialUse("bob", SpecialUseMailboxes.none())
                .specialUse("carol", SpecialUseMailboxes.defaults())
                .specialUse("carol", SpecialUseMailboxes.none().with("Papierkorb", SpecialUse.TRASH))
                .build().start()) {
            assertThat(names(server, "alice")).containsExactly("INBOX", "Mail", "Mail/Sent Items");
            Account alice = server.store().account("alice").orElseThrow();
            assertThat(alice.specialUses("Mail/Sent Items")).containsExactly(SpecialUse.SENT);
            assertThat(alice.specialUses("Mail")).isEmpty();
            assertThat(names(server, "bob")).containsExactly("INBOX");
            assertThat(names(server, "carol")).containsExactly("INBOX", "Papierkorb");
            try (RawClient c = RawClient.login(server, "alice", "a")) {
                c.play("""
                        C: a1 LIST "" Mail*
                        S: * LIST (\\HasChildren) "/" Mail
                        S: * LIST (\\HasNoChildren \\Sent) "/" "Mail/Sent Items"
                        S: a1 OK LIST completed.
                        """);
            }
        }
    }

    @Test
    void withoutSpecialUseTheDefaultIsNoneButGivenMailboxesAreCreated() {
        try (ImapMockServer bare = ImapMockServer.builder().user("alice", "a").without(Extension.SPECIAL_USE).build()) {
            assertThat(names(bare, "alice")).containsExactly("INBOX");
        }
        try (ImapMockServer given = ImapMockServer.builder().user("alice", "a").without(Extension.SPECIAL_USE)
                .specialUse(SpecialUseMailboxes.none().with("Sent", SpecialUse.SENT)).build()) {
            assertThat(names(given, "alice")).containsExactly("INBOX", "Sent");
        }
        try (ImapMockServer full = ImapMockServer.builder().user("alice", "a").build()) {
            assertThat(names(full, "alice")).containsExactly("Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash");
        }
    }

    @Test
    void aUserTheServerDoesNotHaveIsRefusedWhenItIsBuilt() {
        assertThatThrownBy(() -> ImapMockServer.builder().user("alice", "a")
                .specialUse("alise", SpecialUseMailboxes.none()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("specialUse names a user that is not configured: alise");
        assertThatThrownBy(() -> ImapMockServer.builder().specialUse(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ImapMockServer.builder().specialUse("alice", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void attributesAreMatchedInAsciiCaseOnly() {
        assertThat(SpecialUse.ofAttribute("\\sENT")).contains(SpecialUse.SENT);
        assertThat(SpecialUse.ofAttribute("\\ſent")).isEmpty();
        assertThat(SpecialUse.ofAttribute("Sent")).isEmpty();
        assertThat(SpecialUse.ofAttribute("\\All")).isEmpty();
        assertThat(SpecialUse.attributes()).isEqualTo("\\Archive \\Drafts \\Junk \\Sent \\Trash");
    }
}
