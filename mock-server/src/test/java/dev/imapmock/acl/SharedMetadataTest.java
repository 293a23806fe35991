package dev.imapmock.acl;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * METADATA (RFC 5464) on another user's mailbox, over a socket: {@code /shared} entries are the
 * mailbox's, {@code /private} ones each user's own, as Dovecot 2.3 keeps them; a mailbox the user
 * has no right on does not exist for it.
 */
@Timeout(20)
class SharedMetadataTest {

    @Test
    void sharedEntriesAreCommonAndPrivateOnesEachUsersOwn() {
        try (ImapMockServer server = ImapMockServer.builder().specialUse(SpecialUseMailboxes.none())
                .user("alice", "secret").user("bob", "secret").acl("alice", "box", "bob", "lr")
                .acl("alice", "private", "alice", "lrwstipekxa").build().start();
             RawClient alice = RawClient.login(server, "alice", "secret");
             RawClient bob = RawClient.login(server, "bob", "secret")) {
            alice.play("""
                    C: a1 SETMETADATA box (/shared/comment "team box" /private/color "red")
                    S: a1 OK Setmetadata completed.
                    """);
            bob.play("""
                    C: b1 GETMETADATA "Other Users/alice/box" (/shared/comment /private/color)
                    S: * METADATA "Other Users/alice/box" (/shared/comment "team box" /private/color NIL)
                    S: b1 OK Getmetadata completed.
                    C: b2 SETMETADATA "Other Users/alice/box" (/private/color "blue" /shared/owner "bob")
                    S: b2 OK Setmetadata completed.
                    C: b3 GETMETADATA (DEPTH infinity) "Other Users/alice/box" (/private /shared)
                    S: * METADATA "Other Users/alice/box" (/private/color "blue" /shared/comment "team box" /shared/owner "bob")
                    S: b3 OK Getmetadata completed.
                    C: b4 GETMETADATA "Other Users/alice/private" /shared/comment
                    S: b4 NO [NONEXISTENT] Mailbox doesn't exist: Other Users/alice/private
                    C: b5 SETMETADATA "Other Users/alice/private" (/shared/comment "x")
                    S: b5 NO [NONEXISTENT] Mailbox doesn't exist: Other Users/alice/private
                    """);
            alice.play("""
                    C: a2 GETMETADATA (DEPTH infinity) box (/private /shared)
                    S: * METADATA box (/private/color "red" /shared/comment "team box" /shared/owner "bob")
                    S: a2 OK Getmetadata completed.
                    """);
        }
    }
}
