package dev.imapmock.docs;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.SpecialUse;
import dev.imapmock.store.SpecialUseMailboxes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java snippet of docs/special-use.md, compiled and run so it cannot rot. */
@Timeout(30)
class SpecialUseDocTest {

    @Test
    void mailboxesLikeOutlooksForOneUserAndNoneForAnother() {
        // --- special-use: java
        ImapMockServer server = ImapMockServer.builder()
                .user("alice", "secret")
                .user("bob", "secret")
                .specialUse(SpecialUseMailboxes.none()                  // every user: Outlook's names
                        .with("Sent Items", SpecialUse.SENT)
                        .with("Deleted Items", SpecialUse.TRASH)
                        .with("Junk Email", SpecialUse.JUNK))
                .specialUse("bob", SpecialUseMailboxes.none())         // bob: only INBOX
                .build()
                .start();
        // --- special-use: end
        try (server) {
            assertThat(server.store().account("alice").orElseThrow().specialUses("Deleted Items"))
                    .containsExactly(SpecialUse.TRASH);
            assertThat(server.store().account("bob").orElseThrow().mailboxes()).hasSize(1);
        }
    }
}
