package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIST-STATUS (RFC 5819): a STATUS response after the LIST response of each selectable mailbox the
 * selection chose; and STATUS=SIZE (RFC 8438), in STATUS and in LIST-STATUS. Dovecot 2.3 answers
 * the same, except that it writes the items in its own order where ImapMock keeps the order asked.
 */
@Timeout(20)
class ListStatusTranscriptTest {
    private static final byte[] FIRST = "Subject: one\r\n\r\nfirst\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECOND = "Subject: two\r\n\r\nthe second one\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPORT = "Subject: report\r\n\r\nnumbers\r\n".getBytes(StandardCharsets.US_ASCII);

    /** INBOX with FIRST (seen) and SECOND, Work (empty) and Work/Reports with REPORT, Parent only holding Parent/Child. */
    private static ImapMockServer server(Extension... without) {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").specialUse(SpecialUseMailboxes.none())
                .without(without).build().start();
        Account alice = server.store().account("alice").orElseThrow();
        alice.create("Work/Reports");
        alice.create("Parent/Child");
        alice.delete("Parent");
        server.deliver("alice", "INBOX", FIRST, List.of("\\Seen"));
        server.deliver("alice", "INBOX", SECOND);
        server.deliver("alice", "Work/Reports", REPORT);
        return server;
    }

    @Test
    void aStatusResponseFollowsTheListResponseOfEachSelectableMailbox() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            long uidValidity = server.store().account("alice").orElseThrow().mailbox("INBOX").uidValidity();
            c.play("""
                    C: a1 LIST "" * RETURN (STATUS (MESSAGES UNSEEN))
                    S: * LIST () "/" INBOX
                    S: * STATUS INBOX (MESSAGES 2 UNSEEN 1)
                    S: * LIST (\\NonExistent) "/" Parent
                    S: * LIST () "/" Parent/Child
                    S: * STATUS Parent/Child (MESSAGES 0 UNSEEN 0)
                    S: * LIST () "/" Work
                    S: * STATUS Work (MESSAGES 0 UNSEEN 0)
                    S: * LIST () "/" Work/Reports
                    S: * STATUS Work/Reports (MESSAGES 1 UNSEEN 1)
                    S: a1 OK LIST completed.
                    C: a2 LIST "" Work* RETURN (CHILDREN STATUS (UIDNEXT MESSAGES messages SIZE))
                    S: * LIST (\\HasChildren) "/" Work
                    S: * STATUS Work (UIDNEXT 1 MESSAGES 0 SIZE 0)
                    S: * LIST (\\HasNoChildren) "/" Work/Reports
                    S: * STATUS Work/Reports (UIDNEXT 2 MESSAGES 1 SIZE %d)
                    S: a2 OK LIST completed.
                    C: a3 LIST "" INBOX RETURN (STATUS (MESSAGES) STATUS (RECENT UIDVALIDITY))
                    S: * LIST () "/" INBOX
                    S: * STATUS INBOX (RECENT 2 UIDVALIDITY %d)
                    S: a3 OK LIST completed.
                    C: a4 list "" inbox return (status (messages))
                    S: * LIST () "/" INBOX
                    S: * STATUS INBOX (MESSAGES 2)
                    S: a4 OK LIST completed.
                    C: a5 LIST "" (Nothing Work) RETURN (STATUS (MESSAGES))
                    S: * LIST () "/" Work
                    S: * STATUS Work (MESSAGES 0)
                    S: a5 OK LIST completed.
                    """.formatted(REPORT.length, uidValidity));
        }
    }

    @Test
    void namesThatDoNotExistOrAreListedOnlyForTheirChildrenGetNoStatus() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            for (String command : List.of("CREATE Gone", "SUBSCRIBE Gone", "DELETE Gone", "SUBSCRIBE Work/Reports",
                    "SUBSCRIBE Parent/Child")) {
                assertThat(c.command("s", command)).last().asString().startsWith("s OK ");
            }
            c.play("""
                    C: b1 LIST (SUBSCRIBED RECURSIVEMATCH) "" %% RETURN (STATUS (MESSAGES))
                    S: * LIST (\\Subscribed \\NonExistent) "/" Gone
                    S: * LIST (\\NonExistent) "/" Parent (CHILDINFO ("SUBSCRIBED"))
                    S: * LIST () "/" Work (CHILDINFO ("SUBSCRIBED"))
                    S: b1 OK LIST completed.
                    C: b2 LIST (SUBSCRIBED) "" * RETURN (STATUS (MESSAGES SIZE))
                    S: * LIST (\\Subscribed \\NonExistent) "/" Gone
                    S: * LIST (\\Subscribed) "/" Parent/Child
                    S: * STATUS Parent/Child (MESSAGES 0 SIZE 0)
                    S: * LIST (\\Subscribed) "/" Work/Reports
                    S: * STATUS Work/Reports (MESSAGES 1 SIZE %d)
                    S: b2 OK LIST completed.
                    """.formatted(REPORT.length));
        }
    }

    @Test
    void highestModSeqInListStatusTurnsCondstoreOnAsStatusDoes() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            long highest = server.store().account("alice").orElseThrow().mailbox("INBOX").highestModSeq();
            long reports = server.store().account("alice").orElseThrow().mailbox("Work/Reports").highestModSeq();
            c.command("s1", "SELECT INBOX");
            c.play("""
                    C: a1 LIST "" INBOX RETURN (STATUS (HIGHESTMODSEQ))
                    S: * LIST () "/" INBOX
                    S: * OK [HIGHESTMODSEQ %1$d] Highest
                    S: * STATUS INBOX (HIGHESTMODSEQ %1$d)
                    S: a1 OK LIST completed.
                    C: a2 LIST "" Work/Reports RETURN (STATUS (HIGHESTMODSEQ))
                    S: * LIST () "/" Work/Reports
                    S: * STATUS Work/Reports (HIGHESTMODSEQ %2$d)
                    S: a2 OK LIST completed.
                    C: a3 STORE 2 +FLAGS (\\Flagged)
                    S: * 2 FETCH (UID 2 MODSEQ (%3$d) FLAGS (\\Flagged \\Recent))
                    S: a3 OK Store completed.
                    """.formatted(highest, reports, highest + 1));
        }
    }

    @Test
    void statusSizeIsTheOctetsOfAllMessages() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: s1 STATUS INBOX (SIZE)
                    S: * STATUS INBOX (SIZE %d)
                    S: s1 OK Status completed.
                    C: s2 STATUS INBOX (MESSAGES size SIZE)
                    S: * STATUS INBOX (MESSAGES 2 SIZE %d)
                    S: s2 OK Status completed.
                    C: s3 STATUS Work (SIZE)
                    S: * STATUS Work (SIZE 0)
                    S: s3 OK Status completed.
                    C: s4 STATUS Parent (SIZE)
                    S: s4 NO [NONEXISTENT] Mailbox doesn't exist: Parent
                    C: s5 SELECT INBOX
                    """.formatted(FIRST.length + SECOND.length, FIRST.length + SECOND.length));
            c.readUntilTagged("s5");
            c.command("s6", "STORE 1 +FLAGS.SILENT (\\Deleted)");
            c.command("s7", "EXPUNGE");
            c.play("""
                    C: s8 STATUS INBOX (SIZE MESSAGES)
                    S: * STATUS INBOX (SIZE %d MESSAGES 1)
                    S: s8 OK Status completed.
                    """.formatted(SECOND.length));
        }
    }

    @Test
    void malformedStatusReturnOptionsAreBad() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: e1 LIST "" * RETURN (STATUS ())
                    S: e1 BAD STATUS needs at least one status item
                    C: e2 LIST "" * RETURN (STATUS (BOGUS))
                    S: e2 BAD Unknown status item: BOGUS
                    C: e3 LIST "" * RETURN (STATUS MESSAGES)
                    S: e3 BAD The STATUS return option needs a list of status items in parentheses
                    C: e4 LIST "" * RETURN (STATUS)
                    S: e4 BAD The STATUS return option needs a list of status items in parentheses
                    C: e5 LIST "" * RETURN (STATUS ("MESSAGES"))
                    S: e5 BAD Invalid status item
                    C: e6 LIST "" * RETURN (CHILDREN STATUS (MESSAGES) BOGUS)
                    S: e6 BAD Unknown LIST return option BOGUS; the ones known are SUBSCRIBED, CHILDREN, SPECIAL-USE, STATUS
                    """);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void withoutListStatusTheReturnOptionIsUnknownAndListExtendedStays() {
        try (ImapMockServer server = server(Extension.LIST_STATUS); RawClient c = RawClient.login(server, "alice", "secret")) {
            assertThat(server.extensions()).doesNotContain(Extension.LIST_STATUS).contains(Extension.LIST_EXTENDED);
            c.play("""
                    C: a1 CAPABILITY
                    S: * CAPABILITY %s
                    S: a1 OK Capability completed.
                    C: a2 LIST "" * RETURN (STATUS (MESSAGES))
                    S: a2 BAD Unknown LIST return option STATUS; the ones known are SUBSCRIBED, CHILDREN, SPECIAL-USE
                    C: a3 LIST "" Work RETURN (CHILDREN)
                    S: * LIST (\\HasChildren) "/" Work
                    S: a3 OK LIST completed.
                    """.formatted(Capabilities.AFTER_LOGIN.replace(" LIST-STATUS", "")));
        }
    }

    @Test
    void withoutStatusSizeTheSizeItemIsUnknownInStatusAndInListStatus() {
        try (ImapMockServer server = server(Extension.STATUS_SIZE); RawClient c = RawClient.login(server, "alice", "secret")) {
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: a1 CAPABILITY
                    S: * CAPABILITY %s
                    S: a1 OK Capability completed.
                    C: a2 STATUS INBOX (MESSAGES SIZE)
                    S: a2 BAD Unknown status item: SIZE
                    C: a3 LIST "" INBOX RETURN (STATUS (SIZE))
                    S: a3 BAD Unknown status item: SIZE
                    C: a4 STATUS INBOX (MESSAGES)
                    S: * STATUS INBOX (MESSAGES 2)
                    S: a4 OK Status completed.
                    """.formatted(Capabilities.AFTER_LOGIN.replace(" STATUS=SIZE", "")));
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        }
    }

    @Test
    void withoutCondstoreHighestModSeqIsUnknownInListStatus() {
        try (ImapMockServer server = server(Extension.CONDSTORE); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 LIST "" INBOX RETURN (STATUS (MESSAGES HIGHESTMODSEQ))
                    S: a1 BAD Unknown status item: HIGHESTMODSEQ
                    """);
        }
    }
}
