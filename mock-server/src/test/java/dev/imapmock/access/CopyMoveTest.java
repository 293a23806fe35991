package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** COPY, MOVE, their UID forms (RFC 3501 §6.4.7, RFC 6851, RFC 4315 COPYUID), EXPUNGE and UID EXPUNGE. */
@Timeout(20)
class CopyMoveTest {
    private static final Pattern COPYUID = Pattern.compile("\\[COPYUID (\\d+) ([0-9:,]+) ([0-9:,]+)\\]");

    private ImapMockServer server;
    private RawClient c;
    private String archiveValidity;

    @BeforeEach
    void start() {
        server = Wire.mimeServer();
        c = RawClient.login(server, "alice", "secret");
        c.command("c0", "CREATE Archive");
        List<String> status = c.command("c1", "STATUS Archive (UIDVALIDITY)");
        Matcher m = Pattern.compile("UIDVALIDITY (\\d+)").matcher(status.get(0));
        assertThat(m.find()).isTrue();
        archiveValidity = m.group(1);
        c.command("c2", "SELECT INBOX");
        c.command("c3", "STORE 2 FLAGS.SILENT (\\Flagged $Work)");
        c.command("c4", "STORE 3 FLAGS.SILENT (\\Seen)");
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    @Test
    void copyKeepsFlagsAndInternalDateAndAnswersCopyUid() {
        List<String> before = c.command("f0", "FETCH 2:3 INTERNALDATE");
        assertThat(c.command("k1", "COPY 2:3 Archive"))
                .containsExactly("k1 OK [COPYUID " + archiveValidity + " 2:3 1:2] Copy completed.");
        try (RawClient archive = Wire.selected(server, "EXAMINE Archive")) {
            assertThat(archive.command("f1", "FETCH 1:2 INTERNALDATE")).containsExactly(
                    before.get(0).replace("* 2 ", "* 1 "), before.get(1).replace("* 3 ", "* 2 "),
                    "f1 OK Fetch completed.");
            assertThat(archive.command("f2", "FETCH 1:2 FLAGS")).containsExactly(
                    "* 1 FETCH (FLAGS (\\Flagged $Work \\Recent))", "* 2 FETCH (FLAGS (\\Seen \\Recent))",
                    "f2 OK Fetch completed.");
            assertThat(archive.exchange("b", "FETCH 1 BODY.PEEK[]").get(0))
                    .isEqualTo(c.exchange("b", "FETCH 2 BODY.PEEK[]").get(0).replace("* 2 ", "* 1 "));
        }
        assertThat(c.command("n", "NOOP")).containsExactly("n OK NOOP completed.");
    }

    @Test
    void uidCopyNamesSourceUidsAndSkipsMissingOnes() {
        assertThat(c.command("k1", "UID COPY 5,3,900 Archive"))
                .containsExactly("k1 OK [COPYUID " + archiveValidity + " 3,5 1:2] Copy completed.");
        assertThat(c.command("k2", "UID COPY 900:950 Archive")).containsExactly("k2 OK No messages found");
    }

    @Test
    void copyToAMissingMailboxIsNoTryCreate() {
        assertThat(c.command("k1", "COPY 1 Nowhere")).singleElement().asString().startsWith("k1 NO [TRYCREATE] ");
        assertThat(c.command("k2", "MOVE 1 Nowhere")).singleElement().asString().startsWith("k2 NO [TRYCREATE] ");
        assertThat(c.command("k3", "UID MOVE 1 Nowhere")).singleElement().asString().startsWith("k3 NO [TRYCREATE] ");
        assertThat(c.command("f", "FETCH 1 UID")).containsExactly("* 1 FETCH (UID 1)", "f OK Fetch completed.");
    }

    @Test
    void copyIntoTheSelectedMailboxAnnouncesTheNewMessages() {
        assertThat(c.command("k1", "COPY 1 INBOX")).containsExactly("* 21 EXISTS", "* 21 RECENT",
                "k1 OK [COPYUID " + selectedValidity() + " 1 21] Copy completed.");
    }

    @Test
    void moveAnswersCopyUidThenExpungesTheOriginals() {
        List<String> lines = c.command("m1", "MOVE 2,4,5 Archive");
        assertThat(lines).containsExactly(
                "* OK [COPYUID " + archiveValidity + " 2,4:5 1:3] Moved UIDs.",
                "* 2 EXPUNGE", "* 3 EXPUNGE", "* 3 EXPUNGE", "* 17 RECENT",
                "m1 OK Move completed.");
        assertThat(c.command("f", "FETCH 2:3 UID")).containsExactly("* 2 FETCH (UID 3)", "* 3 FETCH (UID 6)",
                "f OK Fetch completed.");
        try (RawClient archive = Wire.selected(server, "EXAMINE Archive")) {
            assertThat(archive.command("f", "FETCH 1 FLAGS")).containsExactly("* 1 FETCH (FLAGS (\\Flagged $Work \\Recent))",
                    "f OK Fetch completed.");
        }
    }

    @Test
    void uidMoveTellsOtherSessionsOfTheExpungesAtTheirNextCommand() {
        try (RawClient other = Wire.selected(server, "SELECT INBOX")) {
            assertThat(c.command("m1", "UID MOVE 20,19 Archive")).containsExactly(
                    "* OK [COPYUID " + archiveValidity + " 19:20 1:2] Moved UIDs.",
                    "* 19 EXPUNGE", "* 19 EXPUNGE", "* 18 RECENT",
                    "m1 OK Move completed.");
            assertThat(other.command("n", "NOOP")).containsExactly("* 19 EXPUNGE", "* 19 EXPUNGE", "n OK NOOP completed.");
        }
    }

    @Test
    void moveIsRefusedInExamine() {
        try (RawClient reader = Wire.selected(server, "EXAMINE INBOX")) {
            assertThat(reader.command("m1", "MOVE 1 Archive")).singleElement().asString().startsWith("m1 NO [READ-ONLY] ");
            assertThat(reader.command("k1", "COPY 1 Archive")).singleElement().asString().startsWith("k1 OK [COPYUID ");
        }
    }

    @Test
    void expungeNumbersEachRemovalAfterThePreviousOnes() {
        c.command("d", "STORE 2,3,5,20 +FLAGS.SILENT (\\Deleted)");
        assertThat(c.command("e", "EXPUNGE")).containsExactly("* 2 EXPUNGE", "* 2 EXPUNGE", "* 3 EXPUNGE",
                "* 17 EXPUNGE", "* 16 RECENT", "e OK Expunge completed.");
        assertThat(c.command("f", "FETCH 1:3 UID")).containsExactly("* 1 FETCH (UID 1)", "* 2 FETCH (UID 4)",
                "* 3 FETCH (UID 6)", "f OK Fetch completed.");
    }

    @Test
    void uidExpungeRemovesOnlyTheNamedDeletedMessages() {
        c.command("d", "STORE 2,3,5 +FLAGS.SILENT (\\Deleted)");
        assertThat(c.command("e", "UID EXPUNGE 3:10")).containsExactly("* 3 EXPUNGE", "* 4 EXPUNGE",
                "* 18 RECENT", "e OK UID EXPUNGE completed.");
        assertThat(c.command("s", "SEARCH DELETED")).containsExactly("* SEARCH 2", "s OK Search completed.");
        assertThat(c.command("u", "UID SEARCH DELETED")).containsExactly("* SEARCH 2", "u OK UID SEARCH completed.");
    }

    private String selectedValidity() {
        List<String> status = c.command("v", "STATUS INBOX (UIDVALIDITY)");
        Matcher m = Pattern.compile("UIDVALIDITY (\\d+)").matcher(status.get(0));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void moveIntoTheSelectedMailboxItselfExpungesFirstThenCountsAsDovecotDoes() {
        try (ImapMockServer one = Wire.emptyServer()) {
            one.deliver("alice", "INBOX", Wire.message("Subject: only\n\nOnly"));
            try (RawClient mover = Wire.selected(one, "SELECT INBOX");
                 RawClient observer = Wire.selected(one, "SELECT INBOX")) {
                mover.play("""
                        C: m1 MOVE 1 INBOX
                        S~ \\* OK \\[COPYUID \\d+ 1 2\\] Moved UIDs\\.
                        S: * 1 EXPUNGE
                        S: * 1 EXISTS
                        S: m1 OK Move completed.
                        C: f1 FETCH 1 (UID)
                        S: * 1 FETCH (UID 2)
                        S: f1 OK Fetch completed.
                        """);
                observer.play("""
                        C: n1 NOOP
                        S: * 1 EXPUNGE
                        S: * 1 EXISTS
                        S: n1 OK NOOP completed.
                        C: u1 UID MOVE 2 INBOX
                        S~ \\* OK \\[COPYUID \\d+ 2 3\\] Moved UIDs\\.
                        S: * 1 EXPUNGE
                        S: * 1 EXISTS
                        S: * 1 RECENT
                        S: u1 OK Move completed.
                        """);
                mover.play("""
                        C: n2 NOOP
                        S: * 1 EXPUNGE
                        S: * 1 EXISTS
                        S: * 0 RECENT
                        S: n2 OK NOOP completed.
                        """);
            }
        }
    }
}
