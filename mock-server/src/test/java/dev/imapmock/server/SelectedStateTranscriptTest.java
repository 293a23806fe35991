package dev.imapmock.server;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SELECT, EXAMINE, CHECK, CLOSE, UNSELECT, EXPUNGE and IDLE, and what one session sees of
 * another's changes: EXISTS, RECENT, EXPUNGE.
 */
@Timeout(20)
class SelectedStateTranscriptTest {
    private static final String FLAGS = "\\Answered \\Flagged \\Deleted \\Seen \\Draft";

    private ImapMockServer server;
    private final List<RawClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
    }

    @AfterEach
    void stop() {
        clients.forEach(RawClient::close);
        server.close();
    }

    private RawClient login() {
        RawClient c = RawClient.login(server, "alice", "secret");
        clients.add(c);
        return c;
    }

    private Mailbox inbox() {
        return server.store().account("alice").orElseThrow().mailbox("INBOX");
    }

    private void append(RawClient c, String flags, String body) {
        c.sendAscii("ap APPEND INBOX " + flags + " {" + body.length() + "+}\r\n" + body + "\r\n");
        assertThat(c.readUntilTagged("ap")).last().asString().matches("ap OK \\[APPENDUID \\d+ \\d+\\] Append completed\\.");
    }

    private void deliver(String body) {
        server.deliver("alice", "INBOX", body.getBytes(StandardCharsets.US_ASCII));
    }

    private String selectScript(String tag, String verb, int exists, int recent, int unseen, long uidNext) {
        boolean readOnly = verb.equals("EXAMINE");
        return ("C: " + tag + " " + verb + " INBOX\n"
                + "S: * FLAGS (" + FLAGS + ")\n"
                + (readOnly ? "S: * OK [PERMANENTFLAGS ()] Read-only mailbox.\n"
                        : "S: * OK [PERMANENTFLAGS (" + FLAGS + " \\*)] Flags permitted.\n")
                + "S: * " + exists + " EXISTS\n"
                + "S: * " + recent + " RECENT\n"
                + (unseen > 0 ? "S: * OK [UNSEEN " + unseen + "] First unseen.\n" : "")
                + "S: * OK [UIDVALIDITY " + inbox().uidValidity() + "] UIDs valid\n"
                + "S: * OK [UIDNEXT " + uidNext + "] Predicted next UID\n"
                + "S: " + tag + " OK [" + (readOnly ? "READ-ONLY" : "READ-WRITE") + "] "
                + (readOnly ? "Examine" : "Select") + " completed.\n");
    }

    @Test
    void selectReportsFlagsCountsAndUids() {
        RawClient c = login();
        append(c, "(\\Seen)", "one");
        append(c, "(\\Seen $Work)", "two");
        append(c, "()", "three");
        c.play(selectScript("a1", "SELECT", 3, 3, 3, 4).replace(FLAGS + ")\n", FLAGS + " $Work)\n")
                .replace(FLAGS + " \\*)", FLAGS + " $Work \\*)"));
        c.play("""
                C: a2 CHECK
                S: a2 OK Check completed.
                """);
    }

    @Test
    void selectOfUnknownOrNoselectMailboxIsNonexistent() {
        RawClient c = login();
        c.play("""
                C: a1 SELECT Nope
                S: a1 NO [NONEXISTENT] Mailbox doesn't exist: Nope
                C: a2 CREATE P/C
                S: a2 OK Create completed.
                C: a3 DELETE P
                S: a3 OK Delete completed.
                C: a4 EXAMINE P
                S: a4 NO [NONEXISTENT] Mailbox doesn't exist: P
                """);
    }

    @Test
    void failedSelectLeavesTheSessionAuthenticated() {
        RawClient c = login();
        c.play(selectScript("a1", "SELECT", 0, 0, 0, 1));
        c.play("""
                C: a2 SELECT Nope
                S: a2 NO [NONEXISTENT] Mailbox doesn't exist: Nope
                C: a3 CHECK
                S: a3 BAD CHECK is not allowed in the authenticated state
                C: a4 LIST "" INBOX
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: a4 OK LIST completed.
                """);
        c.assertStillWorks("a5");
    }

    @Test
    void selectInboxInAnyCase() {
        RawClient c = login();
        c.play(selectScript("a1", "SELECT", 0, 0, 0, 1).replace("a1 SELECT INBOX", "a1 SELECT inBOX"));
    }

    @Test
    void examineIsReadOnlyAndRefusesExpunge() {
        RawClient c = login();
        append(c, "(\\Deleted)", "doomed");
        c.play(selectScript("a1", "EXAMINE", 1, 1, 1, 2));
        c.play("""
                C: a2 EXPUNGE
                S: a2 NO [READ-ONLY] Mailbox is read-only
                C: a3 CLOSE
                S: a3 OK Close completed.
                """);
        c.assertStillWorks("a4");
        assertThat(inbox().size()).as("neither EXPUNGE nor CLOSE removed anything").isEqualTo(1);
    }

    @Test
    void examineShowsRecentWithoutClaimingIt() {
        RawClient examiner = login();
        RawClient selector = login();
        deliver("new mail");
        examiner.play(selectScript("a1", "EXAMINE", 1, 1, 1, 2));
        selector.play(selectScript("b1", "SELECT", 1, 1, 1, 2));
        RawClient late = login();
        late.play(selectScript("c1", "SELECT", 1, 0, 1, 2));
    }

    @Test
    void recentIsGivenToExactlyOneSession() {
        RawClient first = login();
        RawClient second = login();
        deliver("before anyone selected");
        first.play(selectScript("a1", "SELECT", 1, 1, 1, 2));
        second.play(selectScript("b1", "SELECT", 1, 0, 1, 2));
        deliver("while both have it selected");
        first.play("""
                C: a2 NOOP
                S: * 2 EXISTS
                S: * 2 RECENT
                S: a2 OK NOOP completed.
                """);
        second.play("""
                C: b2 NOOP
                S: * 2 EXISTS
                S: b2 OK NOOP completed.
                """);
        RawClient status = login();
        status.play("""
                C: c1 STATUS INBOX (RECENT MESSAGES)
                S: * STATUS INBOX (RECENT 0 MESSAGES 2)
                S: c1 OK Status completed.
                """);
    }

    @Test
    void noopShowsExistsAndExpungeFromAnotherSession() {
        RawClient watcher = login();
        RawClient other = login();
        append(other, "()", "one");
        watcher.play(selectScript("a1", "SELECT", 1, 1, 1, 2));
        append(other, "(\\Deleted)", "two");
        append(other, "()", "three");
        watcher.play("""
                C: a2 NOOP
                S: * 3 EXISTS
                S: * 3 RECENT
                S: a2 OK NOOP completed.
                """);
        other.play(selectScript("b1", "SELECT", 3, 0, 1, 4));
        other.play("""
                C: b2 EXPUNGE
                S: * 2 EXPUNGE
                S: b2 OK Expunge completed.
                """);
        watcher.play("""
                C: a3 NOOP
                S: * 2 EXPUNGE
                S: * 2 RECENT
                S: a3 OK NOOP completed.
                C: a4 NOOP
                S: a4 OK NOOP completed.
                """);
    }

    @Test
    void expungeOfAdjacentMessagesRenumbersAfterEachRemoval() {
        RawClient c = login();
        append(c, "()", "keep 1");
        append(c, "(\\Deleted)", "drop 2");
        append(c, "(\\Deleted \\Seen)", "drop 3");
        append(c, "()", "keep 4");
        append(c, "(\\Deleted)", "drop 5");
        c.play(selectScript("a1", "SELECT", 5, 5, 1, 6));
        c.play("""
                C: a2 EXPUNGE
                S: * 2 EXPUNGE
                S: * 2 EXPUNGE
                S: * 3 EXPUNGE
                S: * 2 RECENT
                S: a2 OK Expunge completed.
                C: a3 EXPUNGE
                S: a3 OK Expunge completed.
                """);
        assertThat(inbox().messages()).extracting(Message::uid).containsExactly(1L, 4L);
    }

    @Test
    void closeExpungesSilentlyAndLeavesTheMailbox() {
        RawClient c = login();
        append(c, "(\\Deleted)", "drop");
        append(c, "()", "keep");
        c.play(selectScript("a1", "SELECT", 2, 2, 1, 3));
        c.play("""
                C: a2 CLOSE
                S: a2 OK Close completed.
                C: a3 CHECK
                S: a3 BAD CHECK is not allowed in the authenticated state
                C: a4 CLOSE extra
                S: a4 BAD CLOSE is not allowed in the authenticated state
                """);
        assertThat(inbox().messages()).extracting(m -> new String(m.bytes(), StandardCharsets.US_ASCII))
                .containsExactly("keep");
    }

    @Test
    void unselectLeavesTheMailboxWithoutExpunging() {
        RawClient c = login();
        append(c, "(\\Deleted)", "stays");
        c.play(selectScript("a1", "SELECT", 1, 1, 1, 2));
        c.play("""
                C: a2 UNSELECT now
                S: a2 BAD Unexpected extra arguments
                C: a3 UNSELECT
                S: a3 OK Unselect completed.
                C: a4 EXPUNGE
                S: a4 BAD EXPUNGE is not allowed in the authenticated state
                """);
        assertThat(inbox().size()).isEqualTo(1);
    }

    @Test
    void selectingAnotherMailboxLeavesTheFirstWithoutExpunging() {
        RawClient c = login();
        append(c, "(\\Deleted)", "stays");
        c.play(selectScript("a1", "SELECT", 1, 1, 1, 2));
        c.play("""
                C: a2 CREATE Other
                S: a2 OK Create completed.
                C: a3 EXAMINE Other
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
                S: * 0 EXISTS
                S: * 0 RECENT
                S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                S: * OK [UIDNEXT 1] Predicted next UID
                S: a3 OK [READ-ONLY] Examine completed.
                """);
        assertThat(inbox().size()).isEqualTo(1);
        deliver("not for this session");
        c.assertStillWorks("a4");
        assertThat(c.assertStillWorks("a5")).containsExactly("a5 OK NOOP completed.");
    }

    @Test
    void ownAppendToTheSelectedMailboxIsReportedBeforeTheTaggedOk() {
        RawClient c = login();
        c.play(selectScript("a1", "SELECT", 0, 0, 0, 1));
        c.play("""
                C: a2 APPEND INBOX {5+}
                C: hello
                S: * 1 EXISTS
                S: * 1 RECENT
                S~ a2 OK \\[APPENDUID \\d+ \\d+\\] Append completed\\.
                """);
    }

    @Test
    void idleReportsADeliveryBeforeDone() {
        RawClient c = login();
        c.play(selectScript("a1", "SELECT", 0, 0, 0, 1));
        c.play("""
                C: a2 IDLE
                S: + idling
                """);
        deliver("new mail");
        c.play("""
                S: * 1 EXISTS
                S: * 1 RECENT
                """);
        deliver("more mail");
        c.play("""
                S: * 2 EXISTS
                S: * 2 RECENT
                C: DONE
                S: a2 OK Idle completed.
                """);
        c.assertStillWorks("a3");
    }

    @Test
    void idleReportsChangesThatArrivedBeforeIt() {
        RawClient c = login();
        c.play(selectScript("a1", "SELECT", 0, 0, 0, 1));
        deliver("arrived before IDLE");
        c.play("""
                C: a2 IDLE
                S: + idling
                S: * 1 EXISTS
                S: * 1 RECENT
                C: done
                S: a2 OK Idle completed.
                """);
    }

    @Test
    void idleReportsAnotherSessionsExpunge() {
        RawClient idler = login();
        RawClient other = login();
        append(other, "(\\Deleted)", "doomed");
        idler.play(selectScript("a1", "SELECT", 1, 1, 1, 2));
        idler.play("""
                C: a2 IDLE
                S: + idling
                """);
        other.play(selectScript("b1", "SELECT", 1, 0, 1, 2));
        other.play("""
                C: b2 CLOSE
                S: b2 OK Close completed.
                """);
        idler.play("""
                S: * 1 EXPUNGE
                S: * 0 RECENT
                C: DONE
                S: a2 OK Idle completed.
                """);
    }

    @Test
    void idleWithoutASelectedMailboxEndsWithDone() {
        RawClient c = login();
        c.play("""
                C: a1 IDLE
                S: + idling
                C: DONE
                S: a1 OK Idle completed.
                C: a2 IDLE now
                S: a2 BAD Unexpected extra arguments
                """);
        c.assertStillWorks("a3");
    }

    @Test
    void idleEndedByAnythingButDoneIsBad() {
        RawClient c = login();
        c.play("""
                C: a1 IDLE
                S: + idling
                C: a2 NOOP
                S: a1 BAD Expected DONE to end IDLE
                """);
        c.assertStillWorks("a3");
    }

    @Test
    void idleBeforeLoginIsRefused() {
        RawClient c = RawClient.connect(server);
        clients.add(c);
        c.play("""
                C: a1 IDLE
                S: a1 BAD IDLE is not allowed in the not authenticated state
                """);
        c.assertStillWorks("a2");
    }

    @Test
    void failedDeleteOfTheSelectedInboxKeepsItSelected() {
        RawClient c = login();
        c.play(selectScript("a1", "SELECT", 0, 0, 0, 1));
        c.play("""
                C: a2 DELETE INBOX
                S: a2 NO [CANNOT] INBOX can't be deleted
                C: a3 CHECK
                S: a3 OK Check completed.
                """);
        deliver("still watched");
        c.play("""
                C: a4 NOOP
                S: * 1 EXISTS
                S: * 1 RECENT
                S: a4 OK NOOP completed.
                """);
    }

    @Test
    void deleteOfTheOwnSelectedMailboxLeavesTheSessionAuthenticated() {
        RawClient c = login();
        c.play("""
                C: a1 CREATE Temp
                S: a1 OK Create completed.
                C: a2 SELECT Temp
                """);
        assertThat(c.readUntilTagged("a2")).last().isEqualTo("a2 OK [READ-WRITE] Select completed.");
        c.play("""
                C: a3 DELETE Temp
                S: a3 OK Delete completed.
                C: a4 CHECK
                S: a4 BAD CHECK is not allowed in the authenticated state
                """);
        c.assertStillWorks("a5");
    }

    @Test
    void deleteOfAMailboxAnotherSessionHasSelectedDisconnectsThatSession() {
        RawClient watcher = login();
        RawClient deleter = login();
        watcher.play("""
                C: a1 CREATE Temp
                S: a1 OK Create completed.
                C: a2 SELECT Temp
                """);
        assertThat(watcher.readUntilTagged("a2")).last().isEqualTo("a2 OK [READ-WRITE] Select completed.");
        deleter.play("""
                C: b1 DELETE Temp
                S: b1 OK Delete completed.
                """);
        watcher.play("""
                C: a3 NOOP
                S: a3 OK NOOP completed.
                S: * BYE Selected mailbox was deleted, have to disconnect.
                """);
        assertThat(watcher.closedByServer()).isTrue();
    }
}
