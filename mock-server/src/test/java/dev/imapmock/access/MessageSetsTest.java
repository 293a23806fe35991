package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequence sets and UID sets (RFC 3501 §6.4.8, §9) over the wire. Five messages with UIDs 1 to 5
 * are delivered, then 2 and 4 expunged: sequence numbers 1, 2, 3 hold UIDs 1, 3, 5.
 */
@Timeout(20)
class MessageSetsTest {
    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        server = Wire.emptyServer();
        for (int i = 1; i <= 5; i++) {
            server.deliver("alice", "INBOX", Wire.message("Subject: m" + i + "\n\nbody " + i + "\n"));
        }
        c = Wire.selected(server, "SELECT INBOX");
        c.command("d", "STORE 2,4 +FLAGS.SILENT (\\Deleted)");
        c.command("e", "EXPUNGE");
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    @Test
    void uidStarIsTheHighestUid() {
        assertThat(c.command("f", "UID FETCH * UID")).containsExactly("* 3 FETCH (UID 5)", "f OK UID FETCH completed.");
    }

    @Test
    void uidRangesWorkInEitherOrderAndSkipMissingUids() {
        assertThat(c.command("f1", "UID FETCH 2:4 FLAGS")).containsExactly("* 2 FETCH (UID 3 FLAGS (\\Recent))",
                "f1 OK UID FETCH completed.");
        assertThat(c.command("f2", "UID FETCH 5:1 UID")).containsExactly("* 1 FETCH (UID 1)", "* 2 FETCH (UID 3)",
                "* 3 FETCH (UID 5)", "f2 OK UID FETCH completed.");
        assertThat(c.command("f3", "UID FETCH 4,2 UID")).containsExactly("f3 OK UID FETCH completed.");
    }

    @Test
    void uidRangeFromBeyondTheLastUidToStarNamesTheLastMessage() {
        assertThat(c.command("f1", "UID FETCH 900:* UID")).containsExactly("* 3 FETCH (UID 5)",
                "f1 OK UID FETCH completed.");
        assertThat(c.command("f2", "UID FETCH *:900 FLAGS")).containsExactly("* 3 FETCH (UID 5 FLAGS (\\Recent))",
                "f2 OK UID FETCH completed.");
        assertThat(c.command("f3", "UID FETCH 6:900 UID")).containsExactly("f3 OK UID FETCH completed.");
        assertThat(c.command("f4", "UID FETCH 3:900 UID")).containsExactly("* 2 FETCH (UID 3)", "* 3 FETCH (UID 5)",
                "f4 OK UID FETCH completed.");
    }

    @Test
    void overlappingPartsNameEachMessageOnce() {
        assertThat(c.command("f1", "FETCH 1:2,2,1:3,* UID")).containsExactly("* 1 FETCH (UID 1)", "* 2 FETCH (UID 3)",
                "* 3 FETCH (UID 5)", "f1 OK Fetch completed.");
        assertThat(c.command("f2", "UID FETCH 1:3,3,5,*,5:* UID")).containsExactly("* 1 FETCH (UID 1)",
                "* 2 FETCH (UID 3)", "* 3 FETCH (UID 5)", "f2 OK UID FETCH completed.");
    }

    @Test
    void sequenceRangesToAndFromStar() {
        assertThat(c.command("f1", "FETCH 2:* UID")).containsExactly("* 2 FETCH (UID 3)", "* 3 FETCH (UID 5)",
                "f1 OK Fetch completed.");
        assertThat(c.command("f2", "FETCH *:2 UID")).containsExactly("* 2 FETCH (UID 3)", "* 3 FETCH (UID 5)",
                "f2 OK Fetch completed.");
        assertThat(c.command("f3", "FETCH *:3 UID")).containsExactly("* 3 FETCH (UID 5)", "f3 OK Fetch completed.");
        assertThat(c.command("f4", "FETCH 3:1 UID")).containsExactly("* 1 FETCH (UID 1)", "* 2 FETCH (UID 3)",
                "* 3 FETCH (UID 5)", "f4 OK Fetch completed.");
    }

    @Test
    void sequenceNumberBeyondTheMailboxIsBadAndTheConnectionStaysUsable() {
        assertThat(c.command("b1", "FETCH 4 UID")).singleElement().asString().startsWith("b1 BAD ");
        assertThat(c.command("b2", "FETCH 1:4 UID")).singleElement().asString().startsWith("b2 BAD ");
        assertThat(c.command("b3", "FETCH 4:* UID")).singleElement().asString().startsWith("b3 BAD ");
        assertThat(c.command("b4", "FETCH 0 UID")).singleElement().asString().startsWith("b4 BAD ");
        assertThat(c.command("b5", "FETCH 1:x UID")).singleElement().asString().startsWith("b5 BAD ");
        assertThat(c.command("b6", "COPY 9 INBOX")).singleElement().asString().startsWith("b6 BAD ");
        assertThat(c.command("n", "NOOP")).containsExactly("n OK NOOP completed.");
        assertThat(c.command("f", "FETCH 3 UID")).containsExactly("* 3 FETCH (UID 5)", "f OK Fetch completed.");
    }

    @Test
    void starInAnEmptyMailboxIsBadForSequenceNumbersAndEmptyForUids() {
        c.command("d", "STORE 1:* +FLAGS.SILENT (\\Deleted)");
        c.command("e", "EXPUNGE");
        assertThat(c.command("b", "FETCH * UID")).singleElement().asString().startsWith("b BAD ");
        assertThat(c.command("u", "UID FETCH 1:* UID")).containsExactly("u OK UID FETCH completed.");
        assertThat(c.command("s", "UID SEARCH ALL")).containsExactly("* SEARCH", "s OK UID SEARCH completed.");
    }
}
