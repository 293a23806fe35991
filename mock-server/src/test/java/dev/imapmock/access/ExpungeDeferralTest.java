package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 3501 §7.4.1: while another session expunges, this one hears no EXPUNGE during FETCH, STORE
 * and SEARCH, so its sequence numbers keep their meaning; NOOP and the UID commands tell it. The
 * other session first sets \Deleted, which this one hears of at its first command that may not
 * tell the expunge; one that may tells the expunge alone.
 */
@Timeout(20)
class ExpungeDeferralTest {
    private static final String DELETED_2 = "* 2 FETCH (FLAGS (\\Deleted \\Recent))";

    private ImapMockServer server;
    private RawClient mine;
    private RawClient other;

    @BeforeEach
    void start() {
        server = Wire.emptyServer();
        for (int i = 1; i <= 4; i++) {
            server.deliver("alice", "INBOX", Wire.message("Subject: m" + i + "\n\nbody " + i + "\n"));
        }
        mine = Wire.selected(server, "SELECT INBOX");
        other = Wire.selected(server, "SELECT INBOX");
        other.command("d", "STORE 2 +FLAGS.SILENT (\\Deleted)");
        assertThat(other.command("e", "EXPUNGE")).containsExactly("* 2 EXPUNGE", "e OK Expunge completed.");
    }

    @AfterEach
    void stop() {
        mine.close();
        other.close();
        server.close();
    }

    @Test
    void fetchByOldSequenceNumbersStillWorksAndCarriesNoExpunge() {
        assertThat(mine.command("f1", "FETCH 1:4 UID")).containsExactly("* 1 FETCH (UID 1)", "* 2 FETCH (UID 2)",
                "* 3 FETCH (UID 3)", "* 4 FETCH (UID 4)", DELETED_2, "f1 OK Fetch completed.");
        assertThat(mine.exchange("f2", "FETCH 2 BODY.PEEK[HEADER]")).containsExactly(
                "* 2 FETCH (BODY[HEADER] {15}\r\nSubject: m2\r\n\r\n)", "f2 OK Fetch completed.");
        assertThat(mine.command("n", "NOOP")).containsExactly("* 2 EXPUNGE", "* 3 RECENT", "n OK NOOP completed.");
        assertThat(mine.command("f3", "FETCH 2 UID")).containsExactly("* 2 FETCH (UID 3)", "f3 OK Fetch completed.");
    }

    @Test
    void storeAndSearchCarryNoExpunge() {
        assertThat(mine.command("s1", "STORE 3 +FLAGS (\\Seen)")).containsExactly(
                "* 3 FETCH (FLAGS (\\Seen \\Recent))", DELETED_2, "s1 OK Store completed.");
        assertThat(mine.command("s2", "SEARCH ALL")).containsExactly("* SEARCH 1 2 3 4", "s2 OK Search completed.");
        assertThat(mine.command("s3", "SEARCH SEEN")).containsExactly("* SEARCH 3", "s3 OK Search completed.");
        assertThat(mine.command("n", "NOOP")).containsExactly("* 2 EXPUNGE", "* 3 RECENT", "n OK NOOP completed.");
        assertThat(mine.command("s4", "SEARCH SEEN")).containsExactly("* SEARCH 2", "s4 OK Search completed.");
    }

    @Test
    void uidFetchReportsTheExpungeAfterItsData() {
        assertThat(mine.command("u", "UID FETCH 1:* UID")).containsExactly("* 1 FETCH (UID 1)", "* 2 FETCH (UID 2)",
                "* 3 FETCH (UID 3)", "* 4 FETCH (UID 4)", "* 2 EXPUNGE", "* 3 RECENT",
                "u OK UID FETCH completed.");
        assertThat(mine.command("n", "NOOP")).containsExactly("n OK NOOP completed.");
    }

    @Test
    void newMailAfterAnExpungeWaitsBehindIt() {
        server.deliver("alice", "INBOX", Wire.message("Subject: m5\n\nbody 5\n"));
        assertThat(mine.command("f", "FETCH 1 UID")).containsExactly("* 1 FETCH (UID 1)", DELETED_2, "f OK Fetch completed.");
        assertThat(mine.command("n", "NOOP")).containsExactly("* 2 EXPUNGE", "* 4 EXISTS",
                "n OK NOOP completed.");
    }
}
