package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** STORE and UID STORE (RFC 3501 §6.4.6) over the wire, on the first three messages of the MIME corpus. */
@Timeout(20)
class StoreTest {
    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        server = Wire.mimeServer();
        c = Wire.selected(server, "SELECT INBOX");
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    @Test
    void flagsReplacesAndAnswersWithAFetchPerMessage() {
        assertThat(c.command("s1", "STORE 1:2 FLAGS (\\Seen \\Flagged)")).containsExactly(
                "* 1 FETCH (FLAGS (\\Flagged \\Seen \\Recent))",
                "* 2 FETCH (FLAGS (\\Flagged \\Seen \\Recent))",
                "s1 OK Store completed.");
        assertThat(c.command("s2", "STORE 1 FLAGS (\\Draft)")).containsExactly(
                "* 1 FETCH (FLAGS (\\Draft \\Recent))", "s2 OK Store completed.");
        assertThat(c.command("s3", "STORE 1 FLAGS ()")).containsExactly(
                "* 1 FETCH (FLAGS (\\Recent))", "s3 OK Store completed.");
    }

    @Test
    void plusFlagsAddsAndMinusFlagsRemoves() {
        c.command("s0", "STORE 1 FLAGS (\\Answered)");
        assertThat(c.command("s1", "STORE 1 +FLAGS (\\Deleted \\Seen)")).containsExactly(
                "* 1 FETCH (FLAGS (\\Answered \\Deleted \\Seen \\Recent))", "s1 OK Store completed.");
        assertThat(c.command("s2", "STORE 1 -FLAGS (\\Answered \\Deleted)")).containsExactly(
                "* 1 FETCH (FLAGS (\\Seen \\Recent))", "s2 OK Store completed.");
        // As in Dovecot, a STORE that changes nothing reports nothing.
        assertThat(c.command("s3", "STORE 1 -FLAGS (\\Flagged)")).containsExactly("s3 OK Store completed.");
    }

    @Test
    void flagsWithoutParenthesesAreAccepted() {
        assertThat(c.command("s1", "STORE 2 +FLAGS \\Seen \\Draft")).containsExactly(
                "* 2 FETCH (FLAGS (\\Seen \\Draft \\Recent))", "s1 OK Store completed.");
    }

    @Test
    void silentFormsAnswerOnlyTheTaggedOk() {
        assertThat(c.command("s1", "STORE 1:3 FLAGS.SILENT (\\Seen)")).containsExactly("s1 OK Store completed.");
        assertThat(c.command("s2", "STORE 1 +FLAGS.SILENT (\\Flagged)")).containsExactly("s2 OK Store completed.");
        assertThat(c.command("s3", "STORE 2 -FLAGS.SILENT (\\Seen)")).containsExactly("s3 OK Store completed.");
        assertThat(c.command("f", "FETCH 1:3 FLAGS")).containsExactly(
                "* 1 FETCH (FLAGS (\\Flagged \\Seen \\Recent))",
                "* 2 FETCH (FLAGS (\\Recent))",
                "* 3 FETCH (FLAGS (\\Seen \\Recent))",
                "f OK Fetch completed.");
    }

    @Test
    void keywordsAreStoredAndRemovedIgnoringCase() {
        assertThat(c.command("s1", "STORE 1 +FLAGS ($Label1 Work)")).containsExactly(
                "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Label1 Work)",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Label1 Work \\*)] Flags permitted.",
                "* 1 FETCH (FLAGS ($Label1 Work \\Recent))", "s1 OK Store completed.");
        assertThat(c.command("s2", "STORE 1 +FLAGS (work)")).containsExactly("s2 OK Store completed.");
        assertThat(c.command("s3", "STORE 1 -FLAGS ($label1)")).containsExactly(
                "* 1 FETCH (FLAGS (Work \\Recent))", "s3 OK Store completed.");
        assertThat(c.command("k", "SEARCH KEYWORD WORK")).containsExactly("* SEARCH 1", "k OK Search completed.");
    }

    @Test
    void recentCannotBeStored() {
        assertThat(c.command("s1", "STORE 1 +FLAGS (\\Recent)")).singleElement().asString().startsWith("s1 BAD ");
        assertThat(c.command("s2", "STORE 1 -FLAGS (\\Recent)")).singleElement().asString().startsWith("s2 BAD ");
        assertThat(c.command("f", "FETCH 1 FLAGS")).containsExactly("* 1 FETCH (FLAGS (\\Recent))", "f OK Fetch completed.");
    }

    @Test
    void storeIsRefusedInExamine() {
        try (RawClient reader = Wire.selected(server, "EXAMINE INBOX")) {
            assertThat(reader.command("s1", "STORE 1 +FLAGS (\\Seen)")).singleElement().asString()
                    .startsWith("s1 NO [READ-ONLY] ");
            assertThat(reader.command("s2", "UID STORE 1 +FLAGS (\\Seen)")).singleElement().asString()
                    .startsWith("s2 NO [READ-ONLY] ");
            assertThat(reader.command("f", "FETCH 1 FLAGS")).containsExactly("* 1 FETCH (FLAGS ())",
                    "f OK Fetch completed.");
        }
    }

    @Test
    void uidStoreIncludesTheUidAndSkipsUidsThatDoNotExist() {
        assertThat(c.command("s1", "UID STORE 2,4,99 +FLAGS (\\Seen)")).containsExactly(
                "* 2 FETCH (UID 2 FLAGS (\\Seen \\Recent))",
                "* 4 FETCH (UID 4 FLAGS (\\Seen \\Recent))",
                "s1 OK UID STORE completed.");
        assertThat(c.command("s2", "UID STORE 900 +FLAGS (\\Seen)")).containsExactly("s2 OK UID STORE completed.");
    }

    @Test
    void otherSessionsSeeTheChangeAtTheirNextCommand() {
        try (RawClient other = Wire.selected(server, "SELECT INBOX")) {
            c.command("s1", "STORE 2:3 +FLAGS (\\Answered)");
            c.command("s2", "STORE 3 +FLAGS.SILENT (\\Flagged)");
            assertThat(other.command("n1", "NOOP")).containsExactly(
                    "* 2 FETCH (FLAGS (\\Answered))",
                    "* 3 FETCH (FLAGS (\\Answered \\Flagged))",
                    "* 3 FETCH (FLAGS (\\Answered \\Flagged))",
                    "n1 OK NOOP completed.");
            assertThat(other.command("n2", "NOOP")).containsExactly("n2 OK NOOP completed.");
            assertThat(c.command("n3", "NOOP")).containsExactly("n3 OK NOOP completed.");
        }
    }

    @Test
    void outOfRangeSequenceNumberIsBadAndChangesNothing() {
        assertThat(c.command("s1", "STORE 1,21 +FLAGS (\\Seen)")).singleElement().asString().startsWith("s1 BAD ");
        assertThat(c.command("f", "FETCH 1 FLAGS")).containsExactly("* 1 FETCH (FLAGS (\\Recent))", "f OK Fetch completed.");
    }
}
