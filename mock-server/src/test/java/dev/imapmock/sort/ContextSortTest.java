package dev.imapmock.sort;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTEXT=SORT (RFC 5267 §4): {@code SORT RETURN (UPDATE ...)} kept live, its ADDTO and
 * REMOVEFROM carrying positions in the sorted result (see {@code server.LiveSearch} for the
 * model). INBOX holds UIDs 1 to 5 with the subjects c, a, e, b, d, all unseen, so by SUBJECT the
 * result is 2, 4, 1, 5, 3. Session {@code a} selects first and so holds their \Recent.
 */
@Timeout(20)
class ContextSortTest {
    private ImapMockServer server;
    private final List<RawClient> clients = new ArrayList<>();

    private void start(Extension... with) {
        ImapMockServer.Builder builder = ImapMockServer.builder().user("alice", "secret");
        for (Extension e : with) {
            builder.with(e);
        }
        server = builder.build().start();
        for (String subject : List.of("c", "a", "e", "b", "d")) {
            deliver(subject);
        }
    }

    private void deliver(String subject) {
        server.deliver("alice", "INBOX", ("Subject: " + subject + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
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
    void contextSortIsOffByDefaultAndAdvertisedWhenAskedFor() {
        start();
        assertThat(server.extensions()).doesNotContain(Extension.CONTEXT_SORT);
        server.close();
        start(Extension.CONTEXT_SORT);
        RawClient a = RawClient.login(server, "alice", "secret");
        clients.add(a);
        a.play("""
                C: c1 CAPABILITY
                S: * CAPABILITY %s
                S: c1 OK Capability completed.
                """.formatted(Capabilities.AFTER_LOGIN.replace("CONTEXT=SEARCH", "CONTEXT=SEARCH CONTEXT=SORT")));
    }

    @Test
    void messagesLeaveAndEnterTheSortedResultAtTheirPositions() {
        start(Extension.CONTEXT_SORT);
        RawClient a = selected();
        RawClient b = selected();
        a.play("""
                C: u1 UID SORT RETURN (UPDATE ALL) (SUBJECT) UTF-8 UNSEEN
                S: * ESEARCH (TAG "u1") UID ALL 2,4,1,5,3
                S: u1 OK UID SORT completed.
                C: u2 SORT RETURN (UPDATE COUNT) (REVERSE SUBJECT) UTF-8 UNSEEN
                S: * ESEARCH (TAG "u2") COUNT 5
                S: u2 OK Sort completed.
                """);
        b.command("b1", "STORE 4 +FLAGS.SILENT (\\Seen)");
        b.command("b2", "STORE 1 +FLAGS.SILENT (\\Seen)");
        a.play("""
                C: n1 NOOP
                S: * 4 FETCH (FLAGS (\\Seen \\Recent))
                S: * 1 FETCH (FLAGS (\\Seen \\Recent))
                S: * ESEARCH (TAG "u1") UID REMOVEFROM (2 4,1)
                S: * ESEARCH (TAG "u2") REMOVEFROM (3 1,4)
                S: n1 OK NOOP completed.
                """);
        b.command("b3", "STORE 4 -FLAGS.SILENT (\\Seen)");
        deliver("aa");
        a.play("""
                C: n2 NOOP
                S: * 4 FETCH (FLAGS (\\Recent))
                S: * 6 EXISTS
                S: * 6 RECENT
                S: * ESEARCH (TAG "u1") UID ADDTO (2 6,4)
                S: * ESEARCH (TAG "u2") ADDTO (3 4,6)
                S: n2 OK NOOP completed.
                """);
    }

    @Test
    void anExpungedMessageLeavesFromItsPositionBeforeItsExpunge() {
        start(Extension.CONTEXT_SORT);
        RawClient a = selected();
        RawClient b = selected();
        a.play("""
                C: u1 SORT RETURN (UPDATE MIN MAX) (SUBJECT) UTF-8 ALL
                S: * ESEARCH (TAG "u1") MIN 2 MAX 3
                S: u1 OK Sort completed.
                """);
        b.command("b1", "STORE 1,5 +FLAGS.SILENT (\\Deleted)");
        b.command("b2", "EXPUNGE");
        a.play("""
                C: n1 NOOP
                S: * ESEARCH (TAG "u1") REMOVEFROM (3 1,5)
                S: * 1 EXPUNGE
                S: * 4 EXPUNGE
                S: * 3 RECENT
                S: n1 OK NOOP completed.
                """);
    }

    @Test
    void aLiveSortEndsWithCancelUpdateAndItsTagCannotBeTakenTwice() {
        start(Extension.CONTEXT_SORT);
        RawClient a = selected();
        RawClient b = selected();
        a.play("""
                C: u1 SORT RETURN (UPDATE) (SUBJECT) UTF-8 UNSEEN
                S: * ESEARCH (TAG "u1")
                S: u1 OK Sort completed.
                C: u1 SORT RETURN (UPDATE) (DATE) UTF-8 ALL
                S: u1 BAD Duplicate search update tag u1; a SEARCH or SORT with this tag is kept updated already
                C: c1 CANCELUPDATE "u1"
                S: c1 OK Updates cancelled.
                """);
        b.command("b1", "STORE 1 +FLAGS.SILENT (\\Seen)");
        a.play("""
                C: n1 NOOP
                S: * 1 FETCH (FLAGS (\\Seen \\Recent))
                S: n1 OK NOOP completed.
                C: c2 CANCELUPDATE "u1"
                S: c2 NO Unknown tag
                """);
    }
}
