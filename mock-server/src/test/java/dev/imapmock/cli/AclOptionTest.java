package dev.imapmock.cli;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --acl USER:MAILBOX:IDENTIFIER:RIGHTS}, for a user's mailbox and for the shared namespace. */
@Timeout(20)
class AclOptionTest {

    private static ImapMockServer build(String... args) {
        return Launcher.build(Options.parse(args), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void anAclEntryMakesTheMailboxVisibleToTheOtherUser() {
        try (ImapMockServer server = build("--user", "alice:secret", "--user", "bob:secret", "--special-use", "none",
                "--acl", "alice:Projects/2026:bob:lrs", "--acl", ":news:anyone:lr").start();
             RawClient c = RawClient.login(server, "bob", "secret")) {
            c.play("""
                    C: a1 LIST "" "*"
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\Noselect \\HasChildren) "/" "Other Users"
                    S: * LIST (\\Noselect \\HasChildren) "/" "Other Users/alice"
                    S: * LIST (\\Noselect \\HasChildren) "/" "Other Users/alice/Projects"
                    S: * LIST (\\HasNoChildren) "/" "Other Users/alice/Projects/2026"
                    S: * LIST (\\Noselect \\HasChildren) "/" Shared
                    S: * LIST (\\HasNoChildren) "/" Shared/news
                    S: a1 OK LIST completed.
                    C: a2 MYRIGHTS "Other Users/alice/Projects/2026"
                    S: * MYRIGHTS "Other Users/alice/Projects/2026" lrs
                    S: a2 OK Myrights completed.
                    """);
            assertThat(server.store().account("alice").orElseThrow().mailbox("Projects/2026")).isNotNull();
        }
    }

    @Test
    void malformedEntriesAndUnknownRightsAreRefusedWithTheReason() {
        for (String bad : new String[] {"alice", "alice:box", "alice:box:bob", "alice::bob:lr", "alice:box::lr"}) {
            assertThatThrownBy(() -> Options.parse(new String[] {"--acl", bad})).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--acl needs USER:MAILBOX:IDENTIFIER:RIGHTS such as alice:Projects:bob:lr, not " + bad);
        }
        assertThatThrownBy(() -> Options.parse(new String[] {"--acl", "alice:box:bob:lrq"}))
                .hasMessage("--acl: Invalid ACL right: q");
        assertThatThrownBy(() -> build("--user", "alice:secret", "--acl", "carol:box:bob:lr"))
                .hasMessage("acl names a user that is not configured: carol");
    }
}
