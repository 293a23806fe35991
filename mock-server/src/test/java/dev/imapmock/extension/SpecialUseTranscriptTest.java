package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.SpecialUse;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPECIAL-USE and CREATE-SPECIAL-USE (RFC 6154): the default special-use mailboxes, their
 * attributes in LIST and LSUB, the SPECIAL-USE options of the extended LIST, CREATE's USE
 * parameter with its errors, RENAME and DELETE as Dovecot treats them, and servers without them.
 * The expected lines are Dovecot 2.3's where it has the feature (it has no CREATE-SPECIAL-USE).
 */
@Timeout(20)
class SpecialUseTranscriptTest {

    private static ImapMockServer server(Extension... without) {
        return ImapMockServer.builder().user("alice", "secret").without(without).build().start();
    }

    private static Account alice(ImapMockServer server) {
        return server.store().account("alice").orElseThrow();
    }

    @Test
    void everyAccountStartsWithTheFiveSpecialUseMailboxesListedWithTheirAttributes() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 LIST "" *
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\HasNoChildren \\Archive) "/" Archive
                    S: * LIST (\\HasNoChildren \\Drafts) "/" Drafts
                    S: * LIST (\\HasNoChildren \\Junk) "/" Junk
                    S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S: * LIST (\\HasNoChildren \\Trash) "/" Trash
                    S: a1 OK LIST completed.
                    C: a2 LIST "" S%
                    S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S: a2 OK LIST completed.
                    C: a3 SUBSCRIBE Sent
                    S: a3 OK Subscribe completed.
                    C: a4 LSUB "" *
                    S: * LSUB (\\Sent) "/" Sent
                    S: a4 OK LSUB completed.
                    """);
            assertThat(alice(server).mailbox("Sent").messages()).isEmpty();
            assertThat(alice(server).specialUses("Junk")).containsExactly(SpecialUse.JUNK);
        }
    }

    @Test
    void theSpecialUseSelectionAndReturnOptionsOfTheExtendedList() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE Sent/2023");
            c.play("""
                    C: a1 LIST (SPECIAL-USE) "" *
                    S: * LIST (\\Archive) "/" Archive
                    S: * LIST (\\Drafts) "/" Drafts
                    S: * LIST (\\Junk) "/" Junk
                    S: * LIST (\\Sent) "/" Sent
                    S: * LIST (\\Trash) "/" Trash
                    S: a1 OK LIST completed.
                    C: a2 LIST "" % RETURN (SPECIAL-USE)
                    S: * LIST () "/" INBOX
                    S: * LIST (\\Archive) "/" Archive
                    S: * LIST (\\Drafts) "/" Drafts
                    S: * LIST (\\Junk) "/" Junk
                    S: * LIST (\\Sent) "/" Sent
                    S: * LIST (\\Trash) "/" Trash
                    S: a2 OK LIST completed.
                    C: a3 LIST (SPECIAL-USE) "" S* RETURN (CHILDREN)
                    S: * LIST (\\HasChildren \\Sent) "/" Sent
                    S: a3 OK LIST completed.
                    C: a4 list (special-use) "" "Sent*" return (children special-use subscribed)
                    S: * LIST (\\HasChildren \\Sent) "/" Sent
                    S: a4 OK LIST completed.
                    C: a5 LIST "" Sent* RETURN (CHILDREN)
                    S: * LIST (\\HasChildren) "/" Sent
                    S: * LIST (\\HasNoChildren) "/" Sent/2023
                    S: a5 OK LIST completed.
                    C: a6 LIST (SPECIAL-USE) "" (INBOX Junk)
                    S: * LIST (\\Junk) "/" Junk
                    S: a6 OK LIST completed.
                    C: a7 LIST (SPECIAL-USE RECURSIVEMATCH) "" %
                    S: * LIST (\\Archive) "/" Archive
                    S: * LIST (\\Drafts) "/" Drafts
                    S: * LIST (\\Junk) "/" Junk
                    S: * LIST (\\Sent) "/" Sent
                    S: * LIST (\\Trash) "/" Trash
                    S: a7 OK LIST completed.
                    """);
        }
    }

    @Test
    void specialUseAndSubscribedSelectTheSubscribedNamesWithASpecialUse() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE Sent/Old");
            c.command("c2", "SUBSCRIBE Sent/Old");
            c.command("c3", "SUBSCRIBE Trash");
            c.command("c4", "SUBSCRIBE INBOX");
            c.command("c5", "DELETE Trash");
            c.play("""
                    C: a1 LIST (SUBSCRIBED SPECIAL-USE) "" *
                    S: * LIST (\\Subscribed \\NonExistent \\Trash) "/" Trash
                    S: a1 OK LIST completed.
                    C: a2 LIST (SUBSCRIBED SPECIAL-USE RECURSIVEMATCH) "" %
                    S: * LIST (\\Sent) "/" Sent (CHILDINFO ("SUBSCRIBED"))
                    S: * LIST (\\Subscribed \\NonExistent \\Trash) "/" Trash
                    S: a2 OK LIST completed.
                    C: a3 LIST (SUBSCRIBED) "" * RETURN (SPECIAL-USE)
                    S: * LIST (\\Subscribed) "/" INBOX
                    S: * LIST (\\Subscribed) "/" Sent/Old
                    S: * LIST (\\Subscribed \\NonExistent \\Trash) "/" Trash
                    S: a3 OK LIST completed.
                    C: a4 LSUB "" *
                    S: * LSUB () "/" INBOX
                    S: * LSUB () "/" Sent/Old
                    S: * LSUB (\\Trash) "/" Trash
                    S: a4 OK LSUB completed.
                    """);
        }
    }

    @Test
    void renameTakesTheConfiguredUseAwayAndANewMailboxOfThatNameGetsItBack() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 RENAME Sent "Sent Old"
                    S: a1 OK Rename completed.
                    C: a2 LIST "" S*
                    S: * LIST (\\HasNoChildren) "/" "Sent Old"
                    S: a2 OK LIST completed.
                    C: a3 CREATE Sent
                    S: a3 OK Create completed.
                    C: a4 LIST "" S*
                    S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S: * LIST (\\HasNoChildren) "/" "Sent Old"
                    S: a4 OK LIST completed.
                    C: a5 RENAME Drafts Sent
                    S: a5 NO [ALREADYEXISTS] Mailbox already exists: Sent
                    C: a6 DELETE Sent
                    S: a6 OK Delete completed.
                    C: a7 RENAME Drafts Sent
                    S: a7 OK Rename completed.
                    C: a8 LIST (SPECIAL-USE) "" *
                    S: * LIST (\\Archive) "/" Archive
                    S: * LIST (\\Junk) "/" Junk
                    S: * LIST (\\Sent) "/" Sent
                    S: * LIST (\\Trash) "/" Trash
                    S: a8 OK LIST completed.
                    """);
        }
    }

    @Test
    void aDeletedSpecialUseParentKeepsItsAttributeAsDovecotShowsIt() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 CREATE Archive/2024
                    S: a1 OK Create completed.
                    C: a2 DELETE Archive
                    S: a2 OK Delete completed.
                    C: a3 LIST "" A*
                    S: * LIST (\\Noselect \\HasChildren \\Archive) "/" Archive
                    S: * LIST (\\HasNoChildren) "/" Archive/2024
                    S: a3 OK LIST completed.
                    C: a4 LIST (SPECIAL-USE) "" A*
                    S: * LIST (\\NonExistent \\Archive) "/" Archive
                    S: a4 OK LIST completed.
                    C: a5 LIST "" A* RETURN (SPECIAL-USE CHILDREN)
                    S: * LIST (\\NonExistent \\HasChildren \\Archive) "/" Archive
                    S: * LIST (\\HasNoChildren) "/" Archive/2024
                    S: a5 OK LIST completed.
                    """);
        }
    }

    @Test
    void createWithUseGivesTheNewMailboxItsUsesWhichMoveWithIt() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 CREATE Outbox (USE (\\Sent))
                    S: a1 OK Create completed.
                    C: a2 CREATE MySpecial (USE (\\Drafts \\Sent))
                    S: a2 OK Create completed.
                    C: a3 create Bin (use (\\trash \\JUNK))
                    S: a3 OK Create completed.
                    C: a4 LIST (SPECIAL-USE) "" *
                    S: * LIST (\\Archive) "/" Archive
                    S: * LIST (\\Junk \\Trash) "/" Bin
                    S: * LIST (\\Drafts) "/" Drafts
                    S: * LIST (\\Junk) "/" Junk
                    S: * LIST (\\Drafts \\Sent) "/" MySpecial
                    S: * LIST (\\Sent) "/" Outbox
                    S: * LIST (\\Sent) "/" Sent
                    S: * LIST (\\Trash) "/" Trash
                    S: a4 OK LIST completed.
                    C: a5 RENAME Outbox Out/Box
                    S: a5 OK Rename completed.
                    C: a6 LIST "" Out*
                    S: * LIST (\\HasChildren) "/" Out
                    S: * LIST (\\HasNoChildren \\Sent) "/" Out/Box
                    S: a6 OK LIST completed.
                    """);
            assertThat(alice(server).specialUses("MySpecial")).containsExactly(SpecialUse.DRAFTS, SpecialUse.SENT);
        }
    }

    @Test
    void createWithAnEmptyUseListMakesAConfiguredNamePlain() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 DELETE Junk
                    S: a1 OK Delete completed.
                    C: a2 CREATE Junk (USE ())
                    S: a2 OK Create completed.
                    C: a3 LIST "" Junk
                    S: * LIST (\\HasNoChildren) "/" Junk
                    S: a3 OK LIST completed.
                    C: a4 CREATE Spam (USE (\\Junk))
                    S: a4 OK Create completed.
                    C: a5 DELETE Spam
                    S: a5 OK Delete completed.
                    C: a6 CREATE Spam
                    S: a6 OK Create completed.
                    C: a7 LIST "" Spam
                    S: * LIST (\\HasNoChildren) "/" Spam
                    S: a7 OK LIST completed.
                    """);
        }
    }

    @Test
    void aUseTheServerCannotGiveIsNoUseattrAndCreatesNothing() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: a1 CREATE Everything (USE (\\All))
                    S: a1 NO [USEATTR] \\All not supported; the special uses are \\Archive \\Drafts \\Junk \\Sent \\Trash
                    C: a2 CREATE Starred (USE (\\Flagged))
                    S: a2 NO [USEATTR] \\Flagged not supported; the special uses are \\Archive \\Drafts \\Junk \\Sent \\Trash
                    C: a3 CREATE Odd (USE (\\Sent \\Important))
                    S: a3 NO [USEATTR] \\Important not supported; the special uses are \\Archive \\Drafts \\Junk \\Sent \\Trash
                    C: a4 CREATE Sent (USE (\\Trash))
                    S: a4 NO [ALREADYEXISTS] Mailbox already exists: Sent
                    C: a5 CREATE INBOX (USE (\\Sent))
                    S: a5 NO [ALREADYEXISTS] INBOX always exists
                    """);
            c.assertStillWorks("n1");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        }
    }

    @Test
    void malformedCreateParametersAreBad() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: a1 CREATE x (USE \\Sent)
                    S: a1 BAD USE needs a list of special-use attributes in parentheses, such as (\\Sent)
                    C: a2 CREATE x (USE (Sent))
                    S: a2 BAD USE takes special-use attributes such as \\Sent, not Sent
                    C: a3 CREATE x (USE ("Sent"))
                    S: a3 BAD USE takes special-use attributes such as \\Sent, not a quoted string
                    C: a4 CREATE x (FOO)
                    S: a4 BAD Unknown or repeated CREATE parameter FOO; the one known is USE
                    C: a5 CREATE x (USE (\\Sent) USE (\\Trash))
                    S: a5 BAD Unknown or repeated CREATE parameter USE; the one known is USE
                    C: a6 CREATE x ()
                    S: a6 BAD The list of CREATE parameters is empty
                    C: a7 CREATE x USE (\\Sent)
                    S: a7 BAD Unexpected extra arguments
                    C: a8 CREATE x (USE (\\Sent)) more
                    S: a8 BAD Unexpected extra arguments
                    C: a9 CREATE x (USE)
                    S: a9 BAD USE needs a list of special-use attributes in parentheses, such as (\\Sent)
                    """);
            c.assertStillWorks("n1");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        }
    }

    @Test
    void withoutSpecialUseAccountsStartWithInboxOnlyAndItsSyntaxIsBad() {
        try (ImapMockServer server = server(Extension.SPECIAL_USE); RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(server.extensions()).doesNotContain(Extension.SPECIAL_USE, Extension.CREATE_SPECIAL_USE)
                    .contains(Extension.LIST_EXTENDED);
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: a1 CAPABILITY
                    S: * CAPABILITY %s
                    S: a1 OK Capability completed.
                    C: a2 LIST "" *
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: a2 OK LIST completed.
                    C: a3 LIST (SPECIAL-USE) "" *
                    S: a3 BAD Unknown LIST selection option SPECIAL-USE; the ones known are SUBSCRIBED, REMOTE, RECURSIVEMATCH
                    C: a4 LIST "" * RETURN (SPECIAL-USE)
                    S: a4 BAD Unknown LIST return option SPECIAL-USE; the ones known are SUBSCRIBED, CHILDREN, STATUS
                    C: a5 CREATE Outbox (USE (\\Sent))
                    S: a5 BAD Unexpected extra arguments
                    """.formatted(Capabilities.AFTER_LOGIN.replace(" SPECIAL-USE CREATE-SPECIAL-USE", "")));
            c.assertStillWorks("n1");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            assertThat(alice(server).mailboxes()).extracting(m -> m.name()).containsExactly("INBOX");
        }
    }

    @Test
    void withoutSpecialUseConfiguredMailboxesExistButCarryNoAttribute() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").without(Extension.SPECIAL_USE)
                .specialUse(SpecialUseMailboxes.defaults()).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 LIST "" *
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\HasNoChildren) "/" Archive
                    S: * LIST (\\HasNoChildren) "/" Drafts
                    S: * LIST (\\HasNoChildren) "/" Junk
                    S: * LIST (\\HasNoChildren) "/" Sent
                    S: * LIST (\\HasNoChildren) "/" Trash
                    S: a1 OK LIST completed.
                    C: a2 SUBSCRIBE Sent
                    S: a2 OK Subscribe completed.
                    C: a3 LSUB "" *
                    S: * LSUB () "/" Sent
                    S: a3 OK LSUB completed.
                    """);
        }
    }

    @Test
    void withoutCreateSpecialUseTheListSideStaysAndUseIsBad() {
        try (ImapMockServer server = server(Extension.CREATE_SPECIAL_USE); RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(server.extensions()).contains(Extension.SPECIAL_USE).doesNotContain(Extension.CREATE_SPECIAL_USE);
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: a1 CREATE Outbox (USE (\\Sent))
                    S: a1 BAD Unexpected extra arguments
                    C: a2 CREATE Everything (USE (\\All))
                    S: a2 BAD Unexpected extra arguments
                    C: a3 LIST (SPECIAL-USE) "" S*
                    S: * LIST (\\Sent) "/" Sent
                    S: a3 OK LIST completed.
                    """);
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            c.play("""
                    C: a4 CREATE Outbox
                    S: a4 OK Create completed.
                    """);
        }
    }
}
