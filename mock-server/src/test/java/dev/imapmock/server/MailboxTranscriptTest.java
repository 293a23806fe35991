package dev.imapmock.server;

import dev.imapmock.testing.StoreSnapshot;
import java.util.List;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The authenticated state: CREATE, DELETE, RENAME, SUBSCRIBE, LIST, LSUB, NAMESPACE, STATUS, APPEND. */
@Timeout(20)
class MailboxTranscriptTest {
    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        // Without the default special-use mailboxes, so that LIST shows only what each test made
        // (SpecialUseTranscriptTest covers the defaults).
        server = ImapMockServer.builder().user("alice", "secret").specialUse(SpecialUseMailboxes.none()).build().start();
        c = RawClient.login(server, "alice", "secret");
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    private Account alice() {
        return server.store().account("alice").orElseThrow();
    }

    private List<String> snapshot() {
        return StoreSnapshot.of(server.store());
    }

    private void append(String mailbox, String flags, String body) {
        c.sendAscii("ap APPEND " + mailbox + " " + flags + " {" + body.length() + "+}\r\n" + body + "\r\n");
        assertThat(c.readUntilTagged("ap")).last().asString().matches("ap OK \\[APPENDUID \\d+ \\d+\\] Append completed\\.");
    }

    private void refusedWithoutChange(String script) {
        List<String> before = snapshot();
        c.play(script);
        c.assertStillWorks("zz");
        assertThat(snapshot()).as("store after refused commands").isEqualTo(before);
    }

    @Test
    void createWithTrailingDelimiterAndMissingParents() {
        c.play("""
                C: a1 CREATE Projects/
                S: a1 OK Create completed.
                C: a2 CREATE Archive/2024/Q1
                S: a2 OK Create completed.
                C: a3 LIST "" *
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasChildren) "/" Archive
                S: * LIST (\\HasChildren) "/" Archive/2024
                S: * LIST (\\HasNoChildren) "/" Archive/2024/Q1
                S: * LIST (\\HasNoChildren) "/" Projects
                S: a3 OK LIST completed.
                """);
        assertThat(alice().mailbox("Archive").isNoselect()).isFalse();
    }

    @Test
    void createRefusesExistingNamesInboxAndEmptyLevels() {
        c.play("""
                C: a1 CREATE Work
                S: a1 OK Create completed.
                """);
        refusedWithoutChange("""
                C: a2 CREATE Work
                S: a2 NO [ALREADYEXISTS] Mailbox already exists: Work
                C: a3 CREATE Work/
                S: a3 NO [ALREADYEXISTS] Mailbox already exists: Work
                C: a4 CREATE inbox
                S: a4 NO [ALREADYEXISTS] INBOX always exists
                C: a5 CREATE ""
                S: a5 NO [CANNOT] Mailbox name is empty
                C: a6 CREATE a//b
                S: a6 NO [CANNOT] Mailbox name has an empty hierarchy level: a//b
                C: a7 CREATE /top
                S: a7 NO [CANNOT] Mailbox name has an empty hierarchy level: /top
                C: a8 CREATE
                S: a8 BAD Missing a mailbox name
                C: a9 CREATE one two
                S: a9 BAD Unexpected extra arguments
                """);
    }

    @Test
    void inboxIsCaseInsensitive() {
        append("inbox", "()", "hello");
        c.play("""
                C: a1 STATUS InBoX (MESSAGES)
                S: * STATUS INBOX (MESSAGES 1)
                S: a1 OK Status completed.
                C: a2 CREATE iNbOx/Sub
                S: a2 OK Create completed.
                C: a3 LIST "" inbox*
                S: * LIST (\\HasChildren) "/" INBOX
                S: * LIST (\\HasNoChildren) "/" INBOX/Sub
                S: a3 OK LIST completed.
                """);
        assertThat(alice().mailbox("INBOX/Sub")).isNotNull();
    }

    @Test
    void otherNamesAreCaseSensitive() {
        c.play("""
                C: a1 CREATE Work
                S: a1 OK Create completed.
                C: a2 CREATE work
                S: a2 OK Create completed.
                C: a3 STATUS WORK (MESSAGES)
                S: a3 NO [NONEXISTENT] Mailbox doesn't exist: WORK
                """);
    }

    @Test
    void inboxCannotBeDeleted() {
        append("INBOX", "()", "hello");
        refusedWithoutChange("""
                C: a1 DELETE INBOX
                S: a1 NO [CANNOT] INBOX can't be deleted
                C: a2 DELETE inbox
                S: a2 NO [CANNOT] INBOX can't be deleted
                """);
    }

    @Test
    void deleteOfUnknownMailboxIsNonexistent() {
        refusedWithoutChange("""
                C: a1 DELETE Nope
                S: a1 NO [NONEXISTENT] Mailbox doesn't exist: Nope
                C: a2 DELETE
                S: a2 BAD Missing a mailbox name
                """);
    }

    @Test
    void deleteOfMailboxWithChildrenLeavesItNoselect() {
        c.play("""
                C: a1 CREATE Parent/Child
                S: a1 OK Create completed.
                """);
        append("Parent", "()", "in the parent");
        c.play("""
                C: a2 DELETE Parent
                S: a2 OK Delete completed.
                C: a3 LIST "" *
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\Noselect \\HasChildren) "/" Parent
                S: * LIST (\\HasNoChildren) "/" Parent/Child
                S: a3 OK LIST completed.
                C: a4 SELECT Parent
                S: a4 NO [NONEXISTENT] Mailbox doesn't exist: Parent
                C: a5 STATUS Parent (MESSAGES)
                S: a5 NO [NONEXISTENT] Mailbox doesn't exist: Parent
                C: a6 APPEND Parent {5+}
                C: hello
                S: a6 NO [TRYCREATE] Mailbox doesn't exist: Parent
                """);
        assertThat(alice().mailbox("Parent").isNoselect()).isTrue();
        assertThat(alice().mailbox("Parent").messages()).isEmpty();
        refusedWithoutChange("""
                C: a7 DELETE Parent
                S: a7 NO [CANNOT] Mailbox has children and no messages of its own: delete its children first
                """);
        c.play("""
                C: a8 DELETE Parent/Child
                S: a8 OK Delete completed.
                C: a9 DELETE Parent
                S: a9 OK Delete completed.
                C: b1 LIST "" *
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: b1 OK LIST completed.
                """);
    }

    @Test
    void createOfANoselectNameMakesItSelectableAgain() {
        c.play("""
                C: a1 CREATE Parent/Child
                S: a1 OK Create completed.
                C: a2 DELETE Parent
                S: a2 OK Delete completed.
                C: a3 CREATE Parent
                S: a3 OK Create completed.
                C: a4 LIST "" Parent
                S: * LIST (\\HasChildren) "/" Parent
                S: a4 OK LIST completed.
                """);
    }

    @Test
    void renameMovesChildren() {
        c.play("""
                C: a1 CREATE Old/Child/Grandchild
                S: a1 OK Create completed.
                C: a2 CREATE Older
                S: a2 OK Create completed.
                """);
        append("Old/Child", "(\\Seen)", "child mail");
        long uidValidity = alice().mailbox("Old/Child").uidValidity();
        c.play("""
                C: a3 RENAME Old New/Place
                S: a3 OK Rename completed.
                C: a4 LIST "" *
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasChildren) "/" New
                S: * LIST (\\HasChildren) "/" New/Place
                S: * LIST (\\HasChildren) "/" New/Place/Child
                S: * LIST (\\HasNoChildren) "/" New/Place/Child/Grandchild
                S: * LIST (\\HasNoChildren) "/" Older
                S: a4 OK LIST completed.
                """);
        Mailbox moved = alice().mailbox("New/Place/Child");
        assertThat(moved.uidValidity()).isEqualTo(uidValidity);
        assertThat(moved.messages()).extracting(m -> new String(m.bytes(), StandardCharsets.US_ASCII))
                .containsExactly("child mail");
    }

    @Test
    void renameRefusesUnknownSourceExistingTargetAndOwnChild() {
        c.play("""
                C: a1 CREATE A
                S: a1 OK Create completed.
                C: a2 CREATE B
                S: a2 OK Create completed.
                """);
        refusedWithoutChange("""
                C: a3 RENAME Nope C
                S: a3 NO [NONEXISTENT] Mailbox doesn't exist: Nope
                C: a4 RENAME A B
                S: a4 NO [ALREADYEXISTS] Mailbox already exists: B
                C: a5 RENAME A A/Inner
                S: a5 NO [CANNOT] Can't rename a mailbox to its own child
                C: a6 RENAME A inbox
                S: a6 NO [ALREADYEXISTS] Mailbox already exists: INBOX
                C: a7 RENAME A
                S: a7 BAD Missing the new mailbox name
                """);
    }

    @Test
    void renameInboxMovesMessagesAndLeavesInboxEmpty() {
        append("INBOX", "(\\Seen)", "first");
        append("INBOX", "()", "second");
        c.play("""
                C: a1 RENAME inbox Saved
                S: a1 OK Rename completed.
                C: a2 STATUS INBOX (MESSAGES UIDNEXT)
                S: * STATUS INBOX (MESSAGES 0 UIDNEXT 3)
                S: a2 OK Status completed.
                C: a3 STATUS Saved (MESSAGES UNSEEN)
                S: * STATUS Saved (MESSAGES 2 UNSEEN 1)
                S: a3 OK Status completed.
                C: a4 LIST "" *
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasNoChildren) "/" Saved
                S: a4 OK LIST completed.
                """);
        assertThat(alice().mailbox("Saved").messages()).extracting(m -> new String(m.bytes(), StandardCharsets.US_ASCII))
                .containsExactly("first", "second");
    }

    @Test
    void listPatternsReferencesAndTheDelimiterQuery() {
        c.play("""
                C: a1 CREATE Work/Reports/2024
                S: a1 OK Create completed.
                C: a2 CREATE Home
                S: a2 OK Create completed.
                C: a3 LIST "" ""
                S: * LIST (\\Noselect) "/" ""
                S: a3 OK LIST completed.
                C: a4 LIST "" %
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasNoChildren) "/" Home
                S: * LIST (\\HasChildren) "/" Work
                S: a4 OK LIST completed.
                C: a5 LIST Work/ %
                S: * LIST (\\HasChildren) "/" Work/Reports
                S: a5 OK LIST completed.
                C: a6 LIST Work/ *
                S: * LIST (\\HasChildren) "/" Work/Reports
                S: * LIST (\\HasNoChildren) "/" Work/Reports/2024
                S: a6 OK LIST completed.
                C: a7 LIST "" W%/%
                S: * LIST (\\HasChildren) "/" Work/Reports
                S: a7 OK LIST completed.
                C: a8 LIST "" Nothing*
                S: a8 OK LIST completed.
                C: a9 LIST "" *2024
                S: * LIST (\\HasNoChildren) "/" Work/Reports/2024
                S: a9 OK LIST completed.
                C: b1 LIST ""
                S: b1 BAD Missing a mailbox pattern
                """);
        c.assertStillWorks("b2");
    }

    @Test
    void subscribeUnsubscribeAndLsub() {
        c.play("""
                C: a1 CREATE Lists/Java/Announce
                S: a1 OK Create completed.
                C: a2 SUBSCRIBE Lists/Java/Announce
                S: a2 OK Subscribe completed.
                C: a3 SUBSCRIBE inbox
                S: a3 OK Subscribe completed.
                C: a4 LSUB "" *
                S: * LSUB () "/" INBOX
                S: * LSUB () "/" Lists/Java/Announce
                S: a4 OK LSUB completed.
                C: a5 LSUB "" %
                S: * LSUB () "/" INBOX
                S: * LSUB (\\Noselect) "/" Lists
                S: a5 OK LSUB completed.
                C: a6 LSUB Lists/ %
                S: * LSUB (\\Noselect) "/" Lists/Java
                S: a6 OK LSUB completed.
                C: a7 UNSUBSCRIBE Lists/Java/Announce
                S: a7 OK Unsubscribe completed.
                C: a8 LSUB "" *
                S: * LSUB () "/" INBOX
                S: a8 OK LSUB completed.
                C: a9 LSUB "" ""
                S: a9 OK LSUB completed.
                """);
        assertThat(alice().subscriptions()).containsExactly("INBOX");
    }

    @Test
    void subscribeToUnknownAndUnsubscribeOfUnsubscribedAreRefused() {
        refusedWithoutChange("""
                C: a1 SUBSCRIBE Nope
                S: a1 NO [NONEXISTENT] Mailbox doesn't exist: Nope
                C: a2 UNSUBSCRIBE INBOX
                S: a2 NO [NONEXISTENT] Not subscribed to INBOX
                """);
    }

    @Test
    void subscriptionOutlivesItsMailbox() {
        c.play("""
                C: a1 CREATE Temp
                S: a1 OK Create completed.
                C: a2 SUBSCRIBE Temp
                S: a2 OK Subscribe completed.
                C: a3 DELETE Temp
                S: a3 OK Delete completed.
                C: a4 LSUB "" *
                S: * LSUB () "/" Temp
                S: a4 OK LSUB completed.
                """);
    }

    @Test
    void namespaceIsPersonalOtherUsersAndShared() {
        c.play("""
                C: a1 NAMESPACE
                S: * NAMESPACE (("" "/")) (("Other Users/" "/")) (("Shared/" "/"))
                S: a1 OK Namespace completed.
                C: a2 NAMESPACE x
                S: a2 BAD Unexpected extra arguments
                """);
    }

    @Test
    void statusAnswersItemsInTheOrderAsked() {
        append("INBOX", "(\\Seen)", "read");
        append("INBOX", "()", "unread");
        long uidValidity = alice().mailbox("INBOX").uidValidity();
        c.play("""
                C: a1 STATUS INBOX (UNSEEN MESSAGES RECENT UIDNEXT UIDVALIDITY)
                S: * STATUS INBOX (UNSEEN 1 MESSAGES 2 RECENT 2 UIDNEXT 3 UIDVALIDITY %d)
                S: a1 OK Status completed.
                C: a2 status inbox (messages)
                S: * STATUS INBOX (MESSAGES 2)
                S: a2 OK Status completed.
                """.formatted(uidValidity));
    }

    @Test
    void statusRefusesUnknownMailboxesAndItems() {
        refusedWithoutChange("""
                C: a1 STATUS Nope (MESSAGES)
                S: a1 NO [NONEXISTENT] Mailbox doesn't exist: Nope
                C: a2 STATUS INBOX ()
                S: a2 BAD STATUS needs at least one status item
                C: a3 STATUS INBOX (MESSAGES SIZES)
                S: a3 BAD Unknown status item: SIZES
                C: a4 STATUS INBOX MESSAGES
                S: a4 BAD Expected a list of status items in parentheses
                C: a5 STATUS INBOX
                S: a5 BAD Missing a list of status items
                """);
    }

    @Test
    void appendStoresFlagsAndInternalDate() {
        c.play("""
                C: a1 APPEND INBOX (\\Seen \\Flagged $Important) " 5-Jan-2024 10:30:00 +0100" {7}
                S: + Ready for literal data
                C: Subject
                S~ a1 OK \\[APPENDUID \\d+ \\d+\\] Append completed\\.
                """);
        Message m = alice().mailbox("INBOX").messages().get(0);
        assertThat(m.flags().names()).containsExactly("\\Flagged", "\\Seen", "$Important");
        assertThat(m.internalDate()).isEqualTo(OffsetDateTime.of(2024, 1, 5, 10, 30, 0, 0, ZoneOffset.ofHours(1)));
        assertThat(new String(m.bytes(), StandardCharsets.US_ASCII)).isEqualTo("Subject");
    }

    @Test
    void appendWithDateOnlyOrFlagsOnly() {
        c.play("""
                C: a1 APPEND INBOX "01-Feb-2023 00:00:00 -0500" {2+}
                C: hi
                S~ a1 OK \\[APPENDUID \\d+ \\d+\\] Append completed\\.
                C: a2 APPEND INBOX () {2+}
                C: ho
                S~ a2 OK \\[APPENDUID \\d+ \\d+\\] Append completed\\.
                """);
        assertThat(alice().mailbox("INBOX").messages()).extracting(Message::uid).containsExactly(1L, 2L);
        assertThat(alice().mailbox("INBOX").messages().get(0).internalDate())
                .isEqualTo(OffsetDateTime.of(2023, 2, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-5)));
    }

    @Test
    void appendToMissingMailboxAsksToCreateIt() {
        refusedWithoutChange("""
                C: a1 APPEND Drafts {5+}
                C: hello
                S: a1 NO [TRYCREATE] Mailbox doesn't exist: Drafts
                """);
        c.play("""
                C: a2 CREATE Drafts
                S: a2 OK Create completed.
                C: a3 APPEND Drafts (\\Draft) {5+}
                C: hello
                S~ a3 OK \\[APPENDUID \\d+ \\d+\\] Append completed\\.
                """);
    }

    @Test
    void appendRefusesMalformedArguments() {
        refusedWithoutChange("""
                C: a1 APPEND INBOX hello
                S: a1 BAD The message must be sent as a literal
                C: a2 APPEND INBOX (\\Recent) {5+}
                C: hello
                S: a2 BAD \\Recent is set by the server only; a client cannot set or clear it
                C: a3 APPEND INBOX {0+}
                C:\s
                S: a3 NO Can't append an empty message
                C: a4 APPEND INBOX {5+}
                C: hello extra
                S: a4 BAD Message 2 must be sent as a literal
                C: a5 APPEND INBOX
                S: a5 BAD Missing the message literal
                """);
    }

    @Test
    void appendRefusesAnInvalidDateTime() {
        List<String> before = snapshot();
        c.sendAscii("a1 APPEND INBOX \"yesterday\" {5+}\r\nhello\r\n");
        assertThat(c.readUntilTagged("a1")).singleElement().asString().startsWith("a1 BAD ");
        c.assertStillWorks("a2");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void modifiedUtf7NamesRoundTrip() {
        c.play("""
                C: a1 CREATE &AOQ-pfel
                S: a1 OK Create completed.
                C: a2 CREATE "Caf&AOk-/&ZeVnLIqe-"
                S: a2 OK Create completed.
                C: a3 CREATE Tom&-Jerry
                S: a3 OK Create completed.
                C: a4 LIST "" *
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasChildren) "/" Caf&AOk-
                S: * LIST (\\HasNoChildren) "/" Caf&AOk-/&ZeVnLIqe-
                S: * LIST (\\HasNoChildren) "/" Tom&-Jerry
                S: * LIST (\\HasNoChildren) "/" &AOQ-pfel
                S: a4 OK LIST completed.
                C: a5 STATUS &AOQ-pfel (MESSAGES)
                S: * STATUS &AOQ-pfel (MESSAGES 0)
                S: a5 OK Status completed.
                """);
        assertThat(alice().mailbox("äpfel")).isNotNull();
        assertThat(alice().mailbox("Café/日本語")).isNotNull();
        assertThat(alice().mailbox("Tom&Jerry")).isNotNull();
    }

    @Test
    void invalidModifiedUtf7NamesNoMailboxAndIsRefusedWithNo() {
        refusedWithoutChange("""
                C: a1 CREATE &AOQ
                S: a1 NO Mailbox name "&AOQ" is not valid modified UTF-7: the "&" at position 1 is never closed by "-"
                C: a2 CREATE &AGE-
                S: a2 NO Mailbox name "&AGE-" is not valid modified UTF-7: the encoded part at position 1 encodes "a", which must be written as itself
                C: a3 CREATE Tom&Jerry
                S: a3 NO Mailbox name "Tom&Jerry" is not valid modified UTF-7: the "&" at position 4 is never closed by "-"
                C: a4 SELECT &AOQ
                S: a4 NO Mailbox name "&AOQ" is not valid modified UTF-7: the "&" at position 1 is never closed by "-"
                C: a5 RENAME INBOX a&b
                S: a5 NO Mailbox name "a&b" is not valid modified UTF-7: the "&" at position 2 is never closed by "-"
                C: a6 STATUS a&b (MESSAGES)
                S: a6 NO Mailbox name "a&b" is not valid modified UTF-7: the "&" at position 2 is never closed by "-"
                C: a7 SUBSCRIBE a&b
                S: a7 NO Mailbox name "a&b" is not valid modified UTF-7: the "&" at position 2 is never closed by "-"
                C: a8 DELETE a&b
                S: a8 NO Mailbox name "a&b" is not valid modified UTF-7: the "&" at position 2 is never closed by "-"
                C: a9 APPEND a&b {5+}
                C: hello
                S: a9 NO Mailbox name "a&b" is not valid modified UTF-7: the "&" at position 2 is never closed by "-"
                """);
    }

    @Test
    void listWithAPatternOrReferenceThatIsNotModifiedUtf7MatchesNothing() {
        c.play("""
                C: a1 CREATE &AOQ-bc
                S: a1 OK Create completed.
                """);
        refusedWithoutChange("""
                C: a2 LIST "" &*
                S: a2 OK LIST completed.
                C: a3 LIST "" &AOQ*
                S: a3 OK LIST completed.
                C: a4 LSUB "" a&b
                S: a4 OK LSUB completed.
                C: a5 LIST a&b *
                S: a5 OK LIST completed.
                C: a6 LIST a&b ""
                S: * LIST (\\Noselect) "/" ""
                S: a6 OK LIST completed.
                C: a7 LIST "" &AOQ-*
                S: * LIST (\\HasNoChildren) "/" &AOQ-bc
                S: a7 OK LIST completed.
                """);
    }

    @Test
    void selectOfAnInvalidNameLeavesNoMailboxSelected() {
        assertThat(c.command("a1", "SELECT INBOX")).last().isEqualTo("a1 OK [READ-WRITE] Select completed.");
        c.play("""
                C: a2 SELECT a&b
                S: a2 NO Mailbox name "a&b" is not valid modified UTF-7: the "&" at position 2 is never closed by "-"
                C: a3 EXPUNGE
                S: a3 BAD EXPUNGE is not allowed in the authenticated state
                """);
    }

    @Test
    void eightBitMailboxNameIsRefusedWithNo() {
        List<String> before = snapshot();
        c.sendRaw("a1 CREATE \"\u00e4pfel\"\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(c.readUntilTagged("a1")).singleElement().asString()
                .isEqualTo("a1 NO Mailbox name \"\\u00E4pfel\" is not valid modified UTF-7: the character U+00E4 at position 1 must be written in modified BASE64");
        c.assertStillWorks("a2");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void selectedStateCommandsAreRefusedWhenNothingIsSelected() {
        refusedWithoutChange("""
                C: a1 EXPUNGE
                S: a1 BAD EXPUNGE is not allowed in the authenticated state
                C: a2 CLOSE
                S: a2 BAD CLOSE is not allowed in the authenticated state
                C: a3 CHECK
                S: a3 BAD CHECK is not allowed in the authenticated state
                C: a4 UNSELECT
                S: a4 BAD UNSELECT is not allowed in the authenticated state
                """);
    }
}
