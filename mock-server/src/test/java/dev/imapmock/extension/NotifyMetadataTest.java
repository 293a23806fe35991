package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * NOTIFY's MailboxMetadataChange and ServerMetadataChange (RFC 5465 §5.6, §5.7): another session's
 * SETMETADATA is told as the unsolicited METADATA response of RFC 5464 §4.4.2, naming the changed
 * entries without their values.
 */
@Timeout(20)
class NotifyMetadataTest {

    private static ImapMockServer server(Extension... without) {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").specialUse(SpecialUseMailboxes.none())
                .without(without).build().start();
        server.store().account("alice").orElseThrow().create("Work");
        return server;
    }

    @Test
    void annotationChangesOfWatchedMailboxesAndOfTheServerAreToldAsMetadata() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret");
             RawClient other = RawClient.login(server, "alice", "secret")) {
            watcher.command("s1", "SELECT INBOX");
            watcher.play("""
                    C: n1 NOTIFY SET (SELECTED (MessageNew MessageExpunge MailboxMetadataChange)) (MAILBOXES Work (MailboxMetadataChange ServerMetadataChange))
                    S: n1 OK NOTIFY completed.
                    """);
            other.command("m1", "SETMETADATA Work (/shared/comment \"Q4 work\" /private/color \"#f00\")");
            other.command("m2", "SETMETADATA INBOX (/private/comment \"mine\")");
            other.command("m3", "SETMETADATA \"\" (/shared/motd \"hello\")");
            other.command("m4", "SETMETADATA Work (/shared/comment \"Q4 work\")");
            other.command("m5", "SETMETADATA Work (/shared/none NIL)");
            watcher.play("""
                    C: p1 NOOP
                    S: * METADATA Work /private/color /shared/comment
                    S: * METADATA INBOX /private/comment
                    S: * METADATA "" /shared/motd
                    S: p1 OK NOOP completed.
                    C: n2 NOTIFY SET (MAILBOXES Work (MessageNew MessageExpunge))
                    S: n2 OK NOTIFY completed.
                    """);
            other.command("m6", "SETMETADATA Work (/shared/comment NIL)");
            watcher.play("""
                    C: p2 NOOP
                    S: p2 OK NOOP completed.
                    """);
        }
    }

    @Test
    void withoutMetadataItsEventsAreRefused() {
        try (ImapMockServer server = server(Extension.METADATA);
             RawClient watcher = RawClient.login(server, "alice", "secret")) {
            watcher.play("""
                    C: n1 NOTIFY SET (PERSONAL (MailboxMetadataChange))
                    S: n1 NO [BADEVENT (MessageNew MessageExpunge FlagChange MailboxName SubscriptionChange ServerMetadataChange)] Unsupported NOTIFY event
                    C: n2 NOTIFY SET (PERSONAL (ServerMetadataChange))
                    S: n2 OK NOTIFY completed.
                    """);
        }
    }
}
