package dev.imapmock.cli;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.SpecialUse;
import dev.imapmock.store.SpecialUseMailboxes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --special-use NAME=USE} and {@code --special-use none}. */
class SpecialUseOptionTest {

    private static ImapMockServer build(String... args) {
        return Launcher.build(Options.parse(args), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void givenMailboxesReplaceTheDefaultsForEveryUser() {
        Options options = Options.parse(new String[] {"--user", "a:b", "--user", "c:d",
                "--special-use", "Sent Items=\\Sent", "--special-use", "Bin=\\trash \\Junk"});
        assertThat(options.specialUse()).isEqualTo(SpecialUseMailboxes.none()
                .with("Sent Items", SpecialUse.SENT).with("Bin", SpecialUse.TRASH, SpecialUse.JUNK));
        try (ImapMockServer server = Launcher.build(options, new PrintStream(new ByteArrayOutputStream()))) {
            for (String user : new String[] {"a", "c"}) {
                assertThat(server.store().account(user).orElseThrow().mailboxes()).extracting(Mailbox::name)
                        .containsExactly("Bin", "INBOX", "Sent Items");
            }
            assertThat(server.store().account("a").orElseThrow().specialUses("Bin"))
                    .containsExactly(SpecialUse.JUNK, SpecialUse.TRASH);
        }
    }

    @Test
    void noneLeavesOnlyInboxAndWithoutTheOptionTheDefaultsStay() {
        try (ImapMockServer server = build("--user", "a:b", "--special-use", "none", "--special-use", "none")) {
            assertThat(server.store().account("a").orElseThrow().mailboxes()).extracting(Mailbox::name)
                    .containsExactly("INBOX");
        }
        assertThat(Options.parse(new String[] {"--user", "a:b"}).specialUse()).isNull();
        try (ImapMockServer server = build("--user", "a:b")) {
            assertThat(server.store().account("a").orElseThrow().mailboxes()).hasSize(6);
        }
    }

    @Test
    void malformedValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--special-use", "Sent"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--special-use needs NAME=USE such as \"Sent Items=\\Sent\", or none, not Sent");
        assertThatThrownBy(() -> Options.parse(new String[] {"--special-use", "Sent="}))
                .hasMessage("--special-use needs NAME=USE such as \"Sent Items=\\Sent\", or none, not Sent=");
        assertThatThrownBy(() -> Options.parse(new String[] {"--special-use", "Everything=\\All"}))
                .hasMessage("--special-use: unknown special use \\All (known: \\Archive \\Drafts \\Junk \\Sent \\Trash)");
        assertThatThrownBy(() -> Options.parse(new String[] {"--special-use", "Sent=\\Sent", "--special-use", "Sent=\\Drafts"}))
                .hasMessage("--special-use: Special-use mailbox given twice: Sent");
        assertThatThrownBy(() -> Options.parse(new String[] {"--special-use", "INBOX=\\Junk"}))
                .hasMessage("--special-use: INBOX can't be a special-use mailbox: INBOX");
        assertThatThrownBy(() -> Options.parse(new String[] {"--special-use", "none", "--special-use", "Sent=\\Sent"}))
                .hasMessage("--special-use none leaves no special-use mailbox, so it can't be given with NAME=USE");
        assertThatThrownBy(() -> Options.parse(new String[] {"--special-use", "Sent=\\Sent", "--special-use", "none"}))
                .hasMessage("--special-use none leaves no special-use mailbox, so it can't be given with NAME=USE");
        assertThatThrownBy(() -> Options.parse(new String[] {"--special-use"})).hasMessage("--special-use needs a value");
    }

    @Test
    void helpMentionsTheOption() {
        assertThat(Options.HELP).contains("--special-use NAME=USE").contains("--special-use none");
    }
}
