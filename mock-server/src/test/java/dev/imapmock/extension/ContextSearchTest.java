package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CONTEXT=SEARCH (RFC 5267 §4): {@code SEARCH RETURN (UPDATE ...)} kept live across other
 * sessions' changes, deliveries and expunges, as Dovecot 2.3 answers it. INBOX holds UIDs 2 to 5
 * as messages 1 to 4 (UID 1 is expunged), all unseen; session {@code a} selects first and so
 * holds their \Recent.
 */
@Timeout(20)
class ContextSearchTest {
    private ImapMockServer server;
    private final List<RawClient> clients = new ArrayList<>();

    private void start(Extension... without) {
        server = ImapMockServer.builder().user("alice", "secret").without(without).build().start();
        for (int i = 1; i <= 5; i++) {
            deliver(i);
        }
        server.store().account("alice").orElseThrow().mailbox("INBOX").expunge(Set.of(1L));
    }

    private void deliver(int i) {
        server.deliver("alice", "INBOX", ("Subject: " + i + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private RawClient selected() {
        RawClient c = RawClient.login(server, "alice", "secret");
        clients.add(c);
        c.command("s", "SELECT INBOX");
        return c;
    }

    @AfterEach
    void stop() {
        clients.forEach(RawClient::close);
        server.close();
    }

    @Test
    void anotherSessionsStoreReachesTheSearchingSessionAtItsNextCommand() {
        start();
        RawClient a = selected();
        RawClient b = selected();
        a.play("""
                C: u1 UID SEARCH RETURN (UPDATE ALL) UNSEEN
                S: * ESEARCH (TAG "u1") UID ALL 2:5
                S: u1 OK UID SEARCH completed.
                C: u2 SEARCH RETURN (UPDATE COUNT) UNSEEN
                S: * ESEARCH (TAG "u2") COUNT 4
                S: u2 OK Search completed.
                C: u3 SEARCH RETURN (UPDATE) SEEN
                S: * ESEARCH (TAG "u3")
                S: u3 OK Search completed.
                """);
        b.command("b1", "STORE 2 +FLAGS.SILENT (\\Seen)");
        a.play("""
                C: n1 NOOP
                S: * 2 FETCH (FLAGS (\\Seen \\Recent))
                S: * ESEARCH (TAG "u1") UID REMOVEFROM (0 3)
                S: * ESEARCH (TAG "u2") REMOVEFROM (0 2)
                S: * ESEARCH (TAG "u3") ADDTO (0 2)
                S: n1 OK NOOP completed.
                C: n2 NOOP
                S: n2 OK NOOP completed.
                """);
        b.command("b2", "STORE 1 +FLAGS.SILENT (\\Seen)");
        b.command("b3", "STORE 2 -FLAGS.SILENT (\\Seen)");
        a.play("""
                C: n3 NOOP
                S: * 1 FETCH (FLAGS (\\Seen \\Recent))
                S: * 2 FETCH (FLAGS (\\Recent))
                S: * ESEARCH (TAG "u1") UID REMOVEFROM (0 2) ADDTO (0 3)
                S: * ESEARCH (TAG "u2") REMOVEFROM (0 1) ADDTO (0 2)
                S: * ESEARCH (TAG "u3") REMOVEFROM (0 2) ADDTO (0 1)
                S: n3 OK NOOP completed.
                """);
    }

    @Test
    void anIdlingSessionHearsOfDeliveriesStoresAndExpungesRemoveFromComesFirst() {
        start();
        RawClient a = selected();
        a.play("""
                C: u1 UID SEARCH RETURN (UPDATE MIN) UNSEEN
                S: * ESEARCH (TAG "u1") UID MIN 2
                S: u1 OK UID SEARCH completed.
                C: i1 IDLE
                S: + idling
                """);
        deliver(6);
        a.play("""
                S: * 5 EXISTS
                S: * 5 RECENT
                S: * ESEARCH (TAG "u1") UID ADDTO (0 6)
                """);
        RawClient b = selected();
        b.command("b1", "STORE 1 +FLAGS.SILENT (\\Seen)");
        a.play("""
                S: * 1 FETCH (FLAGS (\\Seen \\Recent))
                S: * ESEARCH (TAG "u1") UID REMOVEFROM (0 2)
                """);
        b.command("b2", "STORE 3:4 +FLAGS.SILENT (\\Deleted)");
        a.play("""
                S: * 3 FETCH (FLAGS (\\Deleted \\Recent))
                S: * 4 FETCH (FLAGS (\\Deleted \\Recent))
                """);
        b.command("b3", "EXPUNGE");
        a.play("""
                S: * ESEARCH (TAG "u1") UID REMOVEFROM (0 4:5)
                S: * 3 EXPUNGE
                S: * 3 EXPUNGE
                S: * 3 RECENT
                C: DONE
                S: i1 OK Idle completed.
                """);
    }

    @Test
    void aNonUidSearchIsUpdatedWithSequenceNumbersAndOwnChangesCountToo() {
        start();
        RawClient a = selected();
        a.play("""
                C: u1 SEARCH RETURN (UPDATE ALL) UNSEEN
                S: * ESEARCH (TAG "u1") ALL 1:4
                S: u1 OK Search completed.
                C: s1 STORE 4 +FLAGS (\\Seen)
                S: * 4 FETCH (FLAGS (\\Seen \\Recent))
                S: * ESEARCH (TAG "u1") REMOVEFROM (0 4)
                S: s1 OK Store completed.
                C: s2 STORE 2 +FLAGS (\\Deleted)
                S: * 2 FETCH (FLAGS (\\Deleted \\Recent))
                S: s2 OK Store completed.
                C: e1 EXPUNGE
                S: * ESEARCH (TAG "u1") REMOVEFROM (0 2)
                S: * 2 EXPUNGE
                S: * 3 RECENT
                S: e1 OK Expunge completed.
                """);
    }

    @Test
    void cancelUpdateStopsTheNamedSearchesInOrder() {
        start();
        RawClient a = selected();
        RawClient b = selected();
        a.play("""
                C: u1 SEARCH RETURN (UPDATE) UNSEEN
                S: * ESEARCH (TAG "u1")
                S: u1 OK Search completed.
                C: u2 SEARCH RETURN (UPDATE) SEEN
                S: * ESEARCH (TAG "u2")
                S: u2 OK Search completed.
                C: u3 SEARCH RETURN (UPDATE) SEEN
                S: * ESEARCH (TAG "u3")
                S: u3 OK Search completed.
                C: c1 CANCELUPDATE "u1" "zz" "u2"
                S: c1 NO Unknown tag
                C: c2 CANCELUPDATE "u3"
                S: c2 OK Updates cancelled.
                C: c3 CANCELUPDATE "u3"
                S: c3 NO Unknown tag
                C: c4 CANCELUPDATE u2
                S: c4 BAD CANCELUPDATE takes tags as quoted strings, such as CANCELUPDATE "a1"
                C: c5 CANCELUPDATE
                S: c5 BAD CANCELUPDATE needs the tag of a SEARCH RETURN (UPDATE), such as CANCELUPDATE "a1"
                """);
        b.command("b1", "STORE 1 +FLAGS.SILENT (\\Seen)");
        a.play("""
                C: n1 NOOP
                S: * 1 FETCH (FLAGS (\\Seen \\Recent))
                S: * ESEARCH (TAG "u2") ADDTO (0 1)
                S: n1 OK NOOP completed.
                """);
    }

    @Test
    void leavingTheMailboxEndsEveryUpdate() {
        start();
        RawClient a = selected();
        RawClient b = selected();
        a.play("""
                C: u1 UID SEARCH RETURN (UPDATE) UNSEEN
                S: * ESEARCH (TAG "u1") UID
                S: u1 OK UID SEARCH completed.
                """);
        a.command("s2", "SELECT INBOX");
        b.command("b1", "STORE 1 +FLAGS.SILENT (\\Seen)");
        a.play("""
                C: n1 NOOP
                S: * 1 FETCH (FLAGS (\\Seen))
                S: n1 OK NOOP completed.
                C: c1 CANCELUPDATE "u1"
                S: c1 NO Unknown tag
                C: u2 SEARCH RETURN (UPDATE) ALL
                S: * ESEARCH (TAG "u2")
                S: u2 OK Search completed.
                C: x1 UNSELECT
                S: x1 OK Unselect completed.
                C: c2 CANCELUPDATE "u2"
                S: c2 NO Unknown tag
                """);
    }

    @Test
    void aTagStillKeptLiveIsBadAndWithPartialTheUpdatesSpeakOfTheWholeResult() {
        server = ImapMockServer.builder().user("alice", "secret").with(Extension.PARTIAL).build().start();
        for (int i = 1; i <= 5; i++) {
            deliver(i);
        }
        server.store().account("alice").orElseThrow().mailbox("INBOX").expunge(Set.of(1L));
        RawClient a = selected();
        RawClient b = selected();
        a.play("""
                C: u1 UID SEARCH RETURN (UPDATE PARTIAL 1:1) UNSEEN
                S: * ESEARCH (TAG "u1") UID PARTIAL (1:1 2)
                S: u1 OK UID SEARCH completed.
                C: u1 UID SEARCH RETURN (UPDATE COUNT) SEEN
                S: u1 BAD Duplicate search update tag u1; a SEARCH with this tag is kept updated already
                """);
        b.command("b1", "STORE 3 +FLAGS.SILENT (\\Seen)");
        a.play("""
                C: n1 NOOP
                S: * 3 FETCH (FLAGS (\\Seen \\Recent))
                S: * ESEARCH (TAG "u1") UID REMOVEFROM (0 4)
                S: n1 OK NOOP completed.
                """);
    }

    @Test
    void withoutContextSearchUpdateAndCancelupdateAreBad() {
        start(Extension.CONTEXT_SEARCH);
        RawClient a = selected();
        a.play("""
                C: u1 SEARCH RETURN (UPDATE) ALL
                S: u1 BAD unknown SEARCH result option UPDATE; known are MIN, MAX, ALL, COUNT and SAVE
                C: c1 CANCELUPDATE "u1"
                S: c1 BAD Unknown command CANCELUPDATE
                """);
    }
}
