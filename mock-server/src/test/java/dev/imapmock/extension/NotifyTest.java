package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * NOTIFY (RFC 5465): one session changes the account, the other, which asked NOTIFY for it, hears
 * of the changes to mailboxes it has not selected as {@code * STATUS} and of mailbox names and
 * subscriptions as {@code * LIST}, after its next command or at once while it idles. The lines are
 * those Dovecot 2.3 sends for the same changes (docs/compliance.md lists where they differ): a
 * mailbox's first STATUS of the session carries its UIDVALIDITY, later ones only when it changed.
 */
@Timeout(20)
class NotifyTest {
    private static final byte[] MAIL = "Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    private static ImapMockServer server(Extension... without) {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").specialUse(SpecialUseMailboxes.none())
                .without(without).build().start();
        Account alice = server.store().account("alice").orElseThrow();
        alice.create("Work");
        alice.create("Work/Reports");
        alice.create("Other");
        alice.subscribe("Work");
        return server;
    }

    private static long uidValidity(ImapMockServer server, String mailbox) {
        return server.store().account("alice").orElseThrow().mailbox(mailbox).uidValidity();
    }

    @Test
    void messageEventsOfMailboxesNotSelectedArriveAsStatusAfterTheNextCommand() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret");
             RawClient other = RawClient.login(server, "alice", "secret")) {
            watcher.play("""
                    C: n1 NOTIFY SET (PERSONAL (MessageNew MessageExpunge FlagChange))
                    S: n1 OK NOTIFY completed.
                    """);
            other.command("a1", "APPEND Work {4+}\r\nx\r\n");
            watcher.play("""
                    C: p1 NOOP
                    S: * STATUS Work (MESSAGES 1 UIDNEXT 2 UIDVALIDITY %d UNSEEN 1)
                    S: p1 OK NOOP completed.
                    """.formatted(uidValidity(server, "Work")));
            other.command("s1", "SELECT Work");
            other.command("s2", "STORE 1 +FLAGS (\\Seen)");
            watcher.play("""
                    C: p2 NOOP
                    S: * STATUS Work (UNSEEN 0)
                    S: p2 OK NOOP completed.
                    """);
            // A flag change and an expunge while the watcher cannot be told (it is sending a literal):
            // one STATUS for both, after the command's own responses, as Dovecot sends it.
            watcher.play("""
                    C: p3 STATUS {4}
                    S: + Ready for literal data
                    """);
            other.command("s3", "STORE 1 +FLAGS (\\Deleted)");
            other.command("s4", "EXPUNGE");
            watcher.play("""
                    C: Work (UIDNEXT)
                    S: * STATUS Work (UIDNEXT 2)
                    S: * STATUS Work (MESSAGES 0 UIDNEXT 2 UNSEEN 0)
                    S: p3 OK Status completed.
                    """);
        }
    }

    @Test
    void aClientThatOnlyListensHearsBetweenCommands() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret");
             RawClient other = RawClient.login(server, "alice", "secret")) {
            watcher.play("""
                    C: n1 NOTIFY SET (PERSONAL (MessageNew MessageExpunge))
                    S: n1 OK NOTIFY completed.
                    """);
            other.command("a1", "APPEND Work {4+}\r\nx\r\n");
            // No command: the notification comes as soon as it happens, as Dovecot sends it.
            watcher.play("""
                    S: * STATUS Work (MESSAGES 1 UIDNEXT 2 UIDVALIDITY %d UNSEEN 1)
                    """.formatted(uidValidity(server, "Work")));
            other.command("c1", "CREATE New");
            watcher.assertStillWorks("p1");
        }
    }

    @Test
    void aSessionThatIdlesHearsAtOnceWithoutASelectedMailbox() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret")) {
            watcher.play("""
                    C: n1 NOTIFY SET (INBOXES (MessageNew MessageExpunge))
                    S: n1 OK NOTIFY completed.
                    C: i1 IDLE
                    S: + idling
                    """);
            server.deliver("alice", "Work", MAIL);
            server.deliver("alice", "INBOX", MAIL);
            watcher.play("""
                    S: * STATUS INBOX (MESSAGES 1 UIDNEXT 2 UIDVALIDITY %d UNSEEN 1)
                    C: DONE
                    S: i1 OK Idle completed.
                    """.formatted(uidValidity(server, "INBOX")));
        }
    }

    @Test
    void theSelectedMailboxIsToldAsEverAndNotAgainAsStatus() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret")) {
            watcher.command("s1", "SELECT INBOX");
            watcher.play("""
                    C: n1 NOTIFY SET (SELECTED (MessageNew (UID) MessageExpunge)) (PERSONAL (MessageNew MessageExpunge))
                    S: n1 OK NOTIFY completed.
                    C: i1 IDLE
                    S: + idling
                    """);
            server.deliver("alice", "INBOX", MAIL);
            watcher.play("""
                    S: * 1 EXISTS
                    S: * 1 RECENT
                    S: * 1 FETCH (UID 1)
                    """);
            server.deliver("alice", "Other", MAIL);
            watcher.play("""
                    S: * STATUS Other (MESSAGES 1 UIDNEXT 2 UIDVALIDITY %d UNSEEN 1)
                    C: DONE
                    S: i1 OK Idle completed.
                    """.formatted(uidValidity(server, "Other")));
        }
    }

    @Test
    void filtersChooseTheMailboxesAndTheEventsOfEveryGroupThatTakesOneAddUp() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret")) {
            watcher.play("""
                    C: n1 NOTIFY SET (MAILBOXES Other NONE) (SUBTREE Work (MessageNew MessageExpunge)) (PERSONAL (FlagChange))
                    S: n1 OK NOTIFY completed.
                    """);
            server.deliver("alice", "Other", MAIL);
            server.deliver("alice", "Work/Reports", MAIL);
            server.deliver("alice", "INBOX", MAIL);
            watcher.play("""
                    C: p1 NOOP
                    S: * STATUS Work/Reports (MESSAGES 1 UIDNEXT 2 UIDVALIDITY %d UNSEEN 1)
                    S: p1 OK NOOP completed.
                    C: n2 NOTIFY SET (SUBSCRIBED (MessageNew MessageExpunge)) (MAILBOXES (INBOX "Other") (MessageNew MessageExpunge))
                    S: n2 OK NOTIFY completed.
                    """.formatted(uidValidity(server, "Work/Reports")));
            server.deliver("alice", "Work", MAIL);
            server.deliver("alice", "Work/Reports", MAIL);
            server.deliver("alice", "Other", MAIL);
            watcher.play("""
                    C: p2 NOOP
                    S: * STATUS Work (MESSAGES 1 UIDNEXT 2 UIDVALIDITY %d UNSEEN 1)
                    S: * STATUS Other (MESSAGES 2 UIDNEXT 3 UIDVALIDITY %d UNSEEN 2)
                    S: p2 OK NOOP completed.
                    C: n3 NOTIFY NONE
                    S: n3 OK NOTIFY completed.
                    """.formatted(uidValidity(server, "Work"), uidValidity(server, "Other")));
            server.deliver("alice", "Other", MAIL);
            watcher.play("""
                    C: p3 NOOP
                    S: p3 OK NOOP completed.
                    """);
        }
    }

    @Test
    void setStatusTellsEveryWatchedMailboxButTheSelectedOneAtOnceInboxFirst() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret")) {
            server.deliver("alice", "Work", MAIL, List.of("\\Seen"));
            watcher.command("s1", "SELECT INBOX");
            watcher.play("""
                    C: n1 NOTIFY SET STATUS (SELECTED (MessageNew MessageExpunge)) (SUBTREE Work (MessageNew MessageExpunge))
                    S: * STATUS Work (MESSAGES 1 UIDNEXT 2 UIDVALIDITY %d UNSEEN 0)
                    S: * STATUS Work/Reports (MESSAGES 0 UIDNEXT 1 UIDVALIDITY %d UNSEEN 0)
                    S: n1 OK NOTIFY completed.
                    """.formatted(uidValidity(server, "Work"), uidValidity(server, "Work/Reports")));
            watcher.command("u1", "UNSELECT");
            watcher.play("""
                    C: n2 NOTIFY SET STATUS (MAILBOXES (Work INBOX) (MessageNew MessageExpunge))
                    S: * STATUS INBOX (MESSAGES 0 UIDNEXT 1 UIDVALIDITY %d UNSEEN 0)
                    S: * STATUS Work (MESSAGES 1 UIDNEXT 2 UIDVALIDITY %d UNSEEN 0)
                    S: n2 OK NOTIFY completed.
                    """.formatted(uidValidity(server, "INBOX"), uidValidity(server, "Work")));
        }
    }

    @Test
    void mailboxNameAndSubscriptionChangesArriveAsList() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret");
             RawClient other = RawClient.login(server, "alice", "secret")) {
            watcher.play("""
                    C: n1 NOTIFY SET (PERSONAL (MailboxName SubscriptionChange))
                    S: n1 OK NOTIFY completed.
                    """);
            other.command("c1", "CREATE New");
            other.command("c2", "RENAME New Renamed");
            other.command("c3", "SUBSCRIBE Renamed");
            other.command("c4", "UNSUBSCRIBE Renamed");
            other.command("c5", "DELETE Renamed");
            watcher.play("""
                    C: p1 NOOP
                    S: * LIST () "/" New
                    S: * LIST () "/" Renamed ("OLDNAME" (New))
                    S: * LIST (\\Subscribed) "/" Renamed
                    S: * LIST () "/" Renamed
                    S: * LIST (\\NonExistent) "/" Renamed
                    S: p1 OK NOOP completed.
                    """);
        }
    }

    @Test
    void aDeletedMailboxIsToldAsNonExistentAndItsLostMessagesAsNoStatus() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret");
             RawClient other = RawClient.login(server, "alice", "secret")) {
            server.deliver("alice", "Work/Reports", MAIL);
            server.deliver("alice", "Other", MAIL);
            watcher.play("""
                    C: n1 NOTIFY SET (PERSONAL (MessageNew MessageExpunge MailboxName))
                    S: n1 OK NOTIFY completed.
                    """);
            other.command("d1", "DELETE Work/Reports");
            other.command("d2", "DELETE Other");
            watcher.play("""
                    C: p1 NOOP
                    S: * LIST (\\NonExistent) "/" Work/Reports
                    S: * LIST (\\NonExistent) "/" Other
                    S: p1 OK NOOP completed.
                    """);
        }
    }

    @Test
    void unsupportedEventsAreRefusedWithTheListOfSupportedOnesAndThePreviousSetStays() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret")) {
            watcher.play("""
                    C: n1 NOTIFY SET (INBOXES (MessageNew MessageExpunge))
                    S: n1 OK NOTIFY completed.
                    C: n2 NOTIFY SET (PERSONAL (AnnotationChange))
                    S: n2 NO [BADEVENT (MessageNew MessageExpunge FlagChange MailboxName SubscriptionChange MailboxMetadataChange ServerMetadataChange)] Unsupported NOTIFY event
                    C: n3 NOTIFY SET (PERSONAL (MailboxMetadataChange AnnotationChange))
                    S: n3 NO [BADEVENT (MessageNew MessageExpunge FlagChange MailboxName SubscriptionChange MailboxMetadataChange ServerMetadataChange)] Unsupported NOTIFY event
                    C: n4 NOTIFY SET (PERSONAL (SomethingNew))
                    S: n4 NO [BADEVENT (MessageNew MessageExpunge FlagChange MailboxName SubscriptionChange MailboxMetadataChange ServerMetadataChange)] Unsupported NOTIFY event
                    """);
            server.deliver("alice", "INBOX", MAIL);
            watcher.play("""
                    C: p1 NOOP
                    S: * STATUS INBOX (MESSAGES 1 UIDNEXT 2 UIDVALIDITY %d UNSEEN 1)
                    S: p1 OK NOOP completed.
                    """.formatted(uidValidity(server, "INBOX")));
        }
    }

    @Test
    void malformedNotifyIsBadAndTheConnectionStaysUsable() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret")) {
            watcher.play("""
                    C: b1 NOTIFY SET (BOGUS (MessageNew))
                    S: b1 BAD Unknown NOTIFY mailbox filter BOGUS
                    C: b2 NOTIFY SET (SELECTED (MessageNew))
                    S: b2 BAD MessageNew and MessageExpunge must be together
                    C: b3 NOTIFY SET
                    S: b3 BAD NOTIFY SET needs at least one (filter events) group
                    C: b4 NOTIFY
                    S: b4 BAD Missing SET or NONE
                    C: b5 NOTIFY GET
                    S: b5 BAD NOTIFY takes SET or NONE, not GET
                    C: b6 NOTIFY SET (MAILBOXES () (MessageNew))
                    S: b6 BAD MAILBOXES needs at least one mailbox
                    C: b7 NOTIFY SET (PERSONAL ())
                    S: b7 BAD Expected NONE or a list of events
                    C: b8 NOTIFY NONE extra
                    S: b8 BAD Unexpected extra arguments
                    """);
            watcher.assertStillWorks("z1");
        }
    }

    @Test
    void withoutNotifyTheCommandIsUnknown() {
        try (ImapMockServer server = server(Extension.NOTIFY);
             RawClient watcher = RawClient.login(server, "alice", "secret")) {
            watcher.play("""
                    C: n1 NOTIFY NONE
                    S: n1 BAD Unknown command NOTIFY
                    """);
        }
    }
}
