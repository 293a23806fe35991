package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QUOTA (RFC 9208) over the wire, byte for byte: the account's one quota root {@code "User quota"},
 * STORAGE in KiB rounded up and MESSAGE across all mailboxes, as Dovecot 2.3 answers them with
 * {@code quota_rule = *:storage=64K:messages=30}; SETQUOTA refused unless QUOTASET is on; the
 * DELETED and DELETED-STORAGE status items; and what a limit refuses, leaving the store unchanged.
 */
@Timeout(20)
class QuotaTranscriptTest {

    /** A message of exactly {@code size} octets. */
    static byte[] mail(int size) {
        String head = "Subject: q\r\n\r\n";
        return (head + "x".repeat(size - head.length())).getBytes(StandardCharsets.US_ASCII);
    }

    private static ImapMockServer.Builder alice() {
        return ImapMockServer.builder().user("alice", "secret");
    }

    /** Sends APPEND with a non-synchronizing literal of {@code message}; returns the lines up to the tagged one. */
    private static List<String> append(RawClient c, String tag, String mailbox, byte[] message) {
        c.sendRaw((tag + " APPEND " + mailbox + " {" + message.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
        c.sendRaw(message);
        c.send("");
        return c.readUntilTagged(tag);
    }

    @Test
    void withoutAnyResourceCapabilityTheServerIsOneOfRfc2087AndShowsStorageAlone() {
        try (ImapMockServer server = alice().quota("alice", 64, 30)
                .without(Extension.QUOTA_RES_STORAGE, Extension.QUOTA_RES_MESSAGE).with(Extension.QUOTASET)
                .build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            server.deliver("alice", "INBOX", mail(1513));
            assertThat(c.command("k", "CAPABILITY").get(0)).contains(" QUOTA ").doesNotContain("QUOTA=RES-");
            c.play("""
                    C: a1 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX "User quota"
                    S: * QUOTA "User quota" (STORAGE 2 64)
                    S: a1 OK Getquotaroot completed.
                    C: a2 SETQUOTA "User quota" (STORAGE 128 MESSAGE 5)
                    S: a2 NO Unknown quota resource: MESSAGE
                    C: a3 SETQUOTA "User quota" (STORAGE 128)
                    S: * QUOTA "User quota" (STORAGE 2 128)
                    S: a3 OK Setquota completed.
                    """);
            assertThat(server.store().account("alice").orElseThrow().quota().usage().maxMessages()).isEqualTo(30);
        }
    }

    @Test
    void getQuotaRootShowsTheAccountsRootWithStorageInKibRoundedUpAndMessagesOfAllMailboxes() {
        try (ImapMockServer server = alice().quota("alice", 64, 30).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX "User quota"
                    S: * QUOTA "User quota" (STORAGE 0 64 MESSAGE 0 30)
                    S: a1 OK Getquotaroot completed.
                    """);
            server.deliver("alice", "INBOX", mail(1513));
            c.command("c1", "CREATE \"My Box\"");
            server.deliver("alice", "My Box", mail(17));
            c.play("""
                    C: a2 GETQUOTAROOT "My Box"
                    S: * QUOTAROOT "My Box" "User quota"
                    S: * QUOTA "User quota" (STORAGE 2 64 MESSAGE 2 30)
                    S: a2 OK Getquotaroot completed.
                    C: a3 GETQUOTA "User quota"
                    S: * QUOTA "User quota" (STORAGE 2 64 MESSAGE 2 30)
                    S: a3 OK Getquota completed.
                    C: a4 GETQUOTAROOT inbox
                    S: * QUOTAROOT INBOX "User quota"
                    S: * QUOTA "User quota" (STORAGE 2 64 MESSAGE 2 30)
                    S: a4 OK Getquotaroot completed.
                    """);
            assertThat(server.store().account("alice").orElseThrow().quota().usage().bytes()).isEqualTo(1530);
        }
    }

    @Test
    void limitsInOctetsAreShownRoundedUpAndOnlyResourcesWithALimitAreListed() {
        try (ImapMockServer server = alice().maxAccountBytes(1000).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            server.deliver("alice", "INBOX", mail(1000));
            c.play("""
                    C: a1 GETQUOTA "User quota"
                    S: * QUOTA "User quota" (STORAGE 1 1)
                    S: a1 OK Getquota completed.
                    """);
        }
        try (ImapMockServer server = alice().maxAccountMessages(3).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            server.deliver("alice", "INBOX", mail(5000));
            c.play("""
                    C: a1 GETQUOTA "User quota"
                    S: * QUOTA "User quota" (MESSAGE 1 3)
                    S: a1 OK Getquota completed.
                    """);
        }
    }

    @Test
    void anAccountWithoutLimitsHasNoQuotaRoot() {
        try (ImapMockServer server = alice().build().start(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX
                    S: a1 OK Getquotaroot completed.
                    C: a2 GETQUOTA "User quota"
                    S: a2 NO Quota root doesn't exist
                    """);
        }
    }

    @Test
    void aQuotaOfOneUserLeavesTheOthersWithTheStoresLimits() {
        try (ImapMockServer server = alice().user("bob", "secret").maxAccountBytes(4096).quota("alice", 64, 0)
                .build().start();
             RawClient a = RawClient.login(server, "alice", "secret");
             RawClient b = RawClient.login(server, "bob", "secret")) {
            a.play("""
                    C: a1 GETQUOTA "User quota"
                    S: * QUOTA "User quota" (STORAGE 0 64)
                    S: a1 OK Getquota completed.
                    """);
            b.play("""
                    C: b1 GETQUOTA "User quota"
                    S: * QUOTA "User quota" (STORAGE 0 4)
                    S: b1 OK Getquota completed.
                    """);
        }
    }

    @Test
    void unknownRootsAndMailboxesAreNoAndMalformedCommandsAreBadWithAReason() {
        try (ImapMockServer server = alice().quota("alice", 64, 30).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: a1 GETQUOTA "user quota"
                    S: a1 NO Quota root doesn't exist
                    C: a2 GETQUOTA ""
                    S: a2 NO Quota root doesn't exist
                    C: a3 GETQUOTAROOT nosuch
                    S: a3 NO [NONEXISTENT] Mailbox doesn't exist: nosuch
                    C: b1 GETQUOTA
                    S: b1 BAD Missing a quota root name
                    C: b2 GETQUOTA (x)
                    S: b2 BAD Expected a quota root name, not a list
                    C: b3 GETQUOTA "User quota" extra
                    S: b3 BAD Unexpected extra arguments
                    C: b4 GETQUOTAROOT
                    S: b4 BAD Missing a mailbox name
                    C: b5 GETQUOTAROOT (INBOX)
                    S: b5 BAD Expected a mailbox name, not a list
                    C: b6 GETQUOTAROOT INBOX Sent
                    S: b6 BAD Unexpected extra arguments
                    C: c1 SETQUOTA "User quota"
                    S: c1 BAD Missing a list of resource limits
                    C: c2 SETQUOTA "User quota" STORAGE 1
                    S: c2 BAD Expected a list of resource limits in parentheses
                    C: c3 SETQUOTA "User quota" (STORAGE)
                    S: c3 BAD Resource STORAGE has no limit
                    C: c4 SETQUOTA "User quota" (STORAGE x)
                    S: c4 BAD The limit of STORAGE needs a number from 0 to 9223372036854775807, not x
                    C: c5 SETQUOTA "User quota" (STORAGE 9223372036854775808)
                    S: c5 BAD The limit of STORAGE needs a number from 0 to 9223372036854775807, not 9223372036854775808
                    C: c6 SETQUOTA "User quota" (STORAGE -1)
                    S: c6 BAD The limit of STORAGE needs a number from 0 to 9223372036854775807, not -1
                    C: c7 SETQUOTA "User quota" (STORAGE 1 storage 2)
                    S: c7 BAD Resource given twice: storage
                    C: c8 SETQUOTA "User quota" ("STORAGE" 1)
                    S: c8 BAD Expected a resource name, not a quoted string
                    C: c9 SETQUOTA "User quota" (STORAGE (1))
                    S: c9 BAD The limit of STORAGE needs a number from 0 to 9223372036854775807, not a parenthesized list
                    C: d1 SETQUOTA "User quota" () extra
                    S: d1 BAD Unexpected extra arguments
                    """);
            c.assertStillWorks("n1");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            assertThat(server.store().account("alice").orElseThrow().quota().usage().maxBytes()).isEqualTo(64 * 1024);
        }
    }

    @Test
    void setQuotaIsRefusedAsDovecotRefusesAUserWhoIsNotAnAdministrator() {
        try (ImapMockServer server = alice().quota("alice", 64, 30).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 SETQUOTA "User quota" (STORAGE 100)
                    S: a1 NO Quota can be changed only by admin
                    C: a2 SETQUOTA "User quota" ()
                    S: a2 NO Quota can be changed only by admin
                    C: a3 SETQUOTA nosuch (MAILBOX 1)
                    S: a3 NO Quota can be changed only by admin
                    C: a4 GETQUOTA "User quota"
                    S: * QUOTA "User quota" (STORAGE 0 64 MESSAGE 0 30)
                    S: a4 OK Getquota completed.
                    """);
            assertThat(c.command("c1", "CAPABILITY").get(0)).doesNotContain("QUOTASET");
        }
    }

    @Test
    void withQuotasetSetQuotaReplacesTheLimitsAndAnswersWithTheNewQuota() {
        try (ImapMockServer server = alice().with(Extension.QUOTASET).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a0 CAPABILITY
                    S: * CAPABILITY %s QUOTASET
                    S: a0 OK Capability completed.
                    C: a1 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX
                    S: a1 OK Getquotaroot completed.
                    C: a2 SETQUOTA "User quota" (STORAGE 1)
                    S: * QUOTA "User quota" (STORAGE 0 1)
                    S: a2 OK Setquota completed.
                    """.formatted(Capabilities.AFTER_LOGIN));
            assertThat(append(c, "a3", "INBOX", mail(1025))).containsExactly(
                    "a3 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)");
            c.play("""
                    C: a4 SETQUOTA "User quota" (message 1 STORAGE 10)
                    S: * QUOTA "User quota" (STORAGE 0 10 MESSAGE 0 1)
                    S: a4 OK Setquota completed.
                    """);
            assertThat(append(c, "a5", "INBOX", mail(1025)).get(0)).startsWith("a5 OK [APPENDUID ");
            assertThat(append(c, "a6", "INBOX", mail(20))).containsExactly(
                    "a6 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)");
            c.play("""
                    C: a7 SETQUOTA "User quota" (MAILBOX 3)
                    S: a7 NO Unknown quota resource: MAILBOX
                    C: a8 SETQUOTA Other (STORAGE 1)
                    S: a8 NO Quota root doesn't exist
                    C: a9 GETQUOTA "User quota"
                    S: * QUOTA "User quota" (STORAGE 2 10 MESSAGE 1 1)
                    S: a9 OK Getquota completed.
                    C: b1 SETQUOTA "User quota" (STORAGE 0)
                    S: * QUOTA "User quota" (STORAGE 2 0)
                    S: b1 OK Setquota completed.
                    C: b2 SETQUOTA "User quota" ()
                    S: b2 OK Setquota completed.
                    C: b3 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX
                    S: b3 OK Getquotaroot completed.
                    """);
            assertThat(append(c, "b4", "INBOX", mail(5000)).get(0)).startsWith("b4 OK [APPENDUID ");
        }
    }

    @Test
    void statusDeletedAndDeletedStorageCountWhatExpungeWouldFree() {
        try (ImapMockServer server = alice().build().start(); RawClient c = RawClient.login(server, "alice", "secret")) {
            server.deliver("alice", "INBOX", mail(1000), List.of("\\Deleted"));
            server.deliver("alice", "INBOX", mail(1100), List.of("\\Deleted", "\\Seen"));
            server.deliver("alice", "INBOX", mail(500));
            c.play("""
                    C: a1 STATUS INBOX (MESSAGES DELETED DELETED-STORAGE SIZE)
                    S: * STATUS INBOX (MESSAGES 3 DELETED 2 DELETED-STORAGE 3 SIZE 2600)
                    S: a1 OK Status completed.
                    C: a2 STATUS Sent (deleted deleted-storage)
                    S: * STATUS Sent (DELETED 0 DELETED-STORAGE 0)
                    S: a2 OK Status completed.
                    C: a3 LIST "" INBOX RETURN (STATUS (DELETED))
                    S: * LIST () "/" INBOX
                    S: * STATUS INBOX (DELETED 2)
                    S: a3 OK LIST completed.
                    """);
        }
    }

    @Test
    void appendAndCopyPastTheQuotaAreRefusedWithOverquotaAndChangeNothing() {
        try (ImapMockServer server = alice().quota("alice", 2, 3).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            server.deliver("alice", "INBOX", mail(1500));
            c.command("c1", "CREATE Other");
            List<String> before = StoreSnapshot.of(server.store());
            assertThat(append(c, "a1", "INBOX", mail(600))).containsExactly(
                    "a1 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)");
            c.command("s1", "SELECT INBOX");
            c.play("""
                    C: a2 COPY 1 Other
                    S: a2 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)
                    C: a3 UID COPY 1 Other
                    S: a3 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)
                    C: a4 GETQUOTAROOT Other
                    S: * QUOTAROOT Other "User quota"
                    S: * QUOTA "User quota" (STORAGE 2 2 MESSAGE 1 3)
                    S: a4 OK Getquotaroot completed.
                    """);
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void theMessageLimitCountsEveryMailboxOfTheAccount() {
        try (ImapMockServer server = alice().quota("alice", 0, 2).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE Other");
            server.deliver("alice", "INBOX", mail(100));
            server.deliver("alice", "Other", mail(100));
            List<String> before = StoreSnapshot.of(server.store());
            assertThat(append(c, "a1", "Sent", mail(100))).containsExactly(
                    "a1 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            c.command("s1", "SELECT Other");
            c.command("d1", "STORE 1 +FLAGS.SILENT (\\Deleted)");
            c.command("e1", "EXPUNGE");
            assertThat(append(c, "a2", "Sent", mail(100)).get(0)).startsWith("a2 OK [APPENDUID ");
        }
    }

    @Test
    void aMoveIsNotRefusedByTheQuotaSinceTheAccountHoldsAsMuchAfterwards() {
        try (ImapMockServer server = alice().quota("alice", 64, 30).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE Other");
            for (int i = 0; i < 3; i++) {
                server.deliver("alice", "INBOX", mail(20_016));
            }
            c.command("s1", "SELECT INBOX");
            c.play("""
                    C: a1 COPY 3 Other
                    S: a1 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)
                    C: a2 MOVE 3 Other
                    S~ \\* OK \\[COPYUID \\d+ 3 1\\] Moved UIDs\\.
                    S: * 3 EXPUNGE
                    S: * 2 RECENT
                    S: a2 OK Move completed.
                    C: a3 GETQUOTA "User quota"
                    S: * QUOTA "User quota" (STORAGE 59 64 MESSAGE 3 30)
                    S: a3 OK Getquota completed.
                    """);
            assertThat(server.store().account("alice").orElseThrow().mailbox("Other").size()).isEqualTo(1);
        }
    }

    @Test
    void aMoveAtTheMessageLimitAndOneIntoTheSameMailboxSucceed() {
        try (ImapMockServer server = alice().quota("alice", 0, 2).maxMessagesPerMailbox(2).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE Other");
            server.deliver("alice", "INBOX", mail(100));
            server.deliver("alice", "INBOX", mail(100));
            c.command("s1", "SELECT INBOX");
            c.play("""
                    C: a1 MOVE 2 INBOX
                    S~ \\* OK \\[COPYUID \\d+ 2 3\\] Moved UIDs\\.
                    S: * 2 EXPUNGE
                    S: * 2 EXISTS
                    S: a1 OK Move completed.
                    C: a2 MOVE 1:2 Other
                    S~ \\* OK \\[COPYUID \\d+ 1,3 1:2\\] Moved UIDs\\.
                    S: * 1 EXPUNGE
                    S: * 1 EXPUNGE
                    S: * 0 RECENT
                    S: a2 OK Move completed.
                    """);
            assertThat(server.store().account("alice").orElseThrow().quota().usage().messages()).isEqualTo(2);
        }
    }

    @Test
    void aMovePastTheMailboxLimitIsRefusedWithOverquotaAndChangesNothing() {
        try (ImapMockServer server = alice().maxMessagesPerMailbox(1).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE Other");
            server.deliver("alice", "INBOX", mail(100));
            server.deliver("alice", "Other", mail(100));
            c.command("s1", "SELECT INBOX");
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: a1 MOVE 1 Other
                    S: a1 NO [OVERQUOTA] Mailbox is full (the limit is 1 messages)
                    C: a2 UID MOVE 1 Other
                    S: a2 NO [OVERQUOTA] Mailbox is full (the limit is 1 messages)
                    """);
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void deliverPastTheQuotaThrowsAndDeliversNothing() {
        try (ImapMockServer server = alice().quota("alice", 1, 0).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s1", "SELECT INBOX");
            server.deliver("alice", "INBOX", mail(1000));
            List<String> before = StoreSnapshot.of(server.store());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.deliver("alice", "INBOX", mail(100)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Can't deliver to alice's INBOX: Quota exceeded (mailbox for user is full)");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            assertThat(c.command("n1", "NOOP")).containsExactly("* 1 EXISTS", "* 1 RECENT", "n1 OK NOOP completed.");
        }
    }

    @Test
    void renamingInboxKeepsEveryMessageEvenWhenTheAccountIsOverItsQuota() {
        try (ImapMockServer server = alice().quota("alice", 64, 0).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            server.deliver("alice", "INBOX", mail(3000));
            server.store().account("alice").orElseThrow().quota().limits(1024, dev.imapmock.store.Quota.NONE);
            c.play("""
                    C: a1 RENAME INBOX Old
                    S: a1 OK Rename completed.
                    C: a2 STATUS Old (MESSAGES)
                    S: * STATUS Old (MESSAGES 1)
                    S: a2 OK Status completed.
                    C: a3 GETQUOTA "User quota"
                    S: * QUOTA "User quota" (STORAGE 3 1)
                    S: a3 OK Getquota completed.
                    """);
        }
    }

    @Test
    void fixturesPastTheQuotaAreRefusedWhenTheServerIsBuilt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> alice().quota("alice", 0, 1)
                        .fixtures(java.nio.file.Path.of("src/test/resources/mime")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Fixtures exceed a limit of alice's account, in INBOX: Quota exceeded (mailbox for user is full)");
    }

    @Test
    void theBuilderRefusesAQuotaForAnUnknownUserAndNegativeLimits() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> alice().quota("bob", 64, 30).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quota names a user that is not configured: bob");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> alice().quota("alice", -1, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Quota limits must be from 0 (no limit)");
    }

    @Test
    void withoutQuotaItsCommandsAreUnknownAndTheStatusItemsBad() {
        try (ImapMockServer server = alice().quota("alice", 64, 30).without(Extension.QUOTA).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(server.extensions()).doesNotContain(Extension.QUOTA, Extension.QUOTA_RES_STORAGE,
                    Extension.QUOTA_RES_MESSAGE, Extension.QUOTASET);
            c.play("""
                    C: a1 GETQUOTAROOT INBOX
                    S: a1 BAD Unknown command GETQUOTAROOT
                    C: a2 GETQUOTA "User quota"
                    S: a2 BAD Unknown command GETQUOTA
                    C: a3 SETQUOTA "User quota" (STORAGE 1)
                    S: a3 BAD Unknown command SETQUOTA
                    C: a4 STATUS INBOX (DELETED-STORAGE)
                    S: a4 BAD Unknown status item: DELETED-STORAGE
                    C: a5 STATUS INBOX (DELETED)
                    S: a5 BAD Unknown status item: DELETED
                    """);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void withoutOneResourceItIsLeftOutOfQuotaResponsesAndSetquotaAndItsStatusItemIsBad() {
        try (ImapMockServer server = alice().quota("alice", 64, 30).without(Extension.QUOTA_RES_STORAGE)
                .with(Extension.QUOTASET).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX "User quota"
                    S: * QUOTA "User quota" (MESSAGE 0 30)
                    S: a1 OK Getquotaroot completed.
                    C: a2 STATUS INBOX (DELETED-STORAGE)
                    S: a2 BAD Unknown status item: DELETED-STORAGE
                    C: a3 SETQUOTA "User quota" (STORAGE 1)
                    S: a3 NO Unknown quota resource: STORAGE
                    C: a4 SETQUOTA "User quota" (MESSAGE 5)
                    S: * QUOTA "User quota" (MESSAGE 0 5)
                    S: a4 OK Setquota completed.
                    """);
            // The storage limit the server does not show still holds.
            assertThat(append(c, "a5", "INBOX", mail(70_000))).containsExactly(
                    "a5 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)");
        }
        try (ImapMockServer server = alice().quota("alice", 64, 30).without(Extension.QUOTA_RES_MESSAGE).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 GETQUOTA "User quota"
                    S: * QUOTA "User quota" (STORAGE 0 64)
                    S: a1 OK Getquota completed.
                    C: a2 STATUS INBOX (DELETED)
                    S: a2 BAD Unknown status item: DELETED
                    """);
        }
    }
}
