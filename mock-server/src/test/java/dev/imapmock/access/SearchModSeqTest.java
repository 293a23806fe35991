package dev.imapmock.access;

import dev.imapmock.testing.Capabilities;
import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SEARCH MODSEQ over the wire (RFC 7162 §3.1.5, §3.1.6) and with ESEARCH's MODSEQ item (RFC 4731
 * §3.2). INBOX holds four messages whose UIDs and mod-sequences differ from their numbers:
 * <pre>
 *   seq  UID  flags              MODSEQ
 *    1    2   -                   3
 *    2    3   \Flagged            8
 *    3    4   -                   5
 *    4    5   \Flagged \Seen      9     (HIGHESTMODSEQ 9)
 * </pre>
 */
@Timeout(20)
class SearchModSeqTest {
    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
        c = selectFourMessages(server);
    }

    /** Builds the mailbox of the class comment; the session has not turned CONDSTORE on. */
    static RawClient selectFourMessages(ImapMockServer server) {
        for (int i = 1; i <= 5; i++) {
            server.deliver("alice", "INBOX", Wire.message("Subject: m" + i + "\n\nbody " + i + "\n"));
        }
        Mailbox inbox = server.store().account("alice").orElseThrow().mailbox("INBOX");
        inbox.expunge(Set.of(1L));
        RawClient c = Wire.selected(server, "SELECT INBOX");
        c.command("f1", "STORE 2,4 +FLAGS.SILENT (\\Flagged)");
        c.command("f2", "STORE 4 +FLAGS.SILENT (\\Seen)");
        assertThat(inbox.messages()).extracting(Message::modSeq).containsExactly(3L, 8L, 5L, 9L);
        assertThat(inbox.highestModSeq()).isEqualTo(9);
        return c;
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    @Test
    void modSeqSearchTurnsCondstoreOnAndEndsWithTheHighestModSeqFound() {
        c.play("""
                C: s1 SEARCH MODSEQ 5
                S: * OK [HIGHESTMODSEQ 9] Highest
                S: * SEARCH 2 3 4 (MODSEQ 9)
                S: s1 OK Search completed.
                C: s2 SEARCH MODSEQ 5 UNFLAGGED
                S: * SEARCH 3 (MODSEQ 5)
                S: s2 OK Search completed.
                C: s3 UID SEARCH MODSEQ 6
                S: * SEARCH 3 5 (MODSEQ 9)
                S: s3 OK UID SEARCH completed.
                C: s4 SEARCH MODSEQ 0
                S: * SEARCH 1 2 3 4 (MODSEQ 9)
                S: s4 OK Search completed.
                """);
    }

    @Test
    void aSearchThatFindsNothingHasNoModSeq() {
        c.play("""
                C: s1 SEARCH MODSEQ 10
                S: * OK [HIGHESTMODSEQ 9] Highest
                S: * SEARCH
                S: s1 OK Search completed.
                C: s2 UID SEARCH MODSEQ 9223372036854775807
                S: * SEARCH
                S: s2 OK UID SEARCH completed.
                """);
    }

    @Test
    void modSeqUnderNotAndOrStillAddsTheSuffix() {
        c.play("""
                C: s1 SEARCH NOT MODSEQ 6
                S: * OK [HIGHESTMODSEQ 9] Highest
                S: * SEARCH 1 3 (MODSEQ 5)
                S: s1 OK Search completed.
                C: s2 SEARCH OR MODSEQ 9 1
                S: * SEARCH 1 4 (MODSEQ 9)
                S: s2 OK Search completed.
                C: s3 SEARCH NOT MODSEQ 1000
                S: * SEARCH 1 2 3 4 (MODSEQ 9)
                S: s3 OK Search completed.
                """);
    }

    @Test
    void anEntryNameAndTypeParseAndTheOneModSeqPerMessageAnswers() {
        c.play("""
                C: s1 SEARCH MODSEQ "/flags/\\\\answered" all 5
                S: * OK [HIGHESTMODSEQ 9] Highest
                S: * SEARCH 2 3 4 (MODSEQ 9)
                S: s1 OK Search completed.
                C: s2 SEARCH MODSEQ "/FLAGS/\\\\Seen" PRIV 6
                S: * SEARCH 2 4 (MODSEQ 9)
                S: s2 OK Search completed.
                C: s3 UID SEARCH MODSEQ "/flags/$Label" shared 9
                S: * SEARCH 5 (MODSEQ 9)
                S: s3 OK UID SEARCH completed.
                """);
    }

    @Test
    void condstoreIsAnnouncedOnceAndOtherSearchesKeepThePlainForm() {
        c.play("""
                C: s0 SEARCH FLAGGED
                S: * SEARCH 2 4
                S: s0 OK Search completed.
                C: s1 SEARCH MODSEQ 9
                S: * OK [HIGHESTMODSEQ 9] Highest
                S: * SEARCH 4 (MODSEQ 9)
                S: s1 OK Search completed.
                C: s2 SEARCH MODSEQ 9
                S: * SEARCH 4 (MODSEQ 9)
                S: s2 OK Search completed.
                C: s3 SEARCH FLAGGED
                S: * SEARCH 2 4
                S: s3 OK Search completed.
                """);
    }

    @Test
    void malformedModSeqIsBadAndDoesNotTurnCondstoreOn() {
        c.play("""
                C: b1 SEARCH MODSEQ
                S: b1 BAD search key MODSEQ needs a mod-sequence such as 620162338 after it
                C: b2 SEARCH MODSEQ -1
                S: b2 BAD search key MODSEQ needs a mod-sequence, a number from 0 to 9223372036854775807, not -1
                C: b3 SEARCH MODSEQ 9223372036854775808
                S: b3 BAD search key MODSEQ needs a mod-sequence, a number from 0 to 9223372036854775807, not 9223372036854775808
                C: b4 SEARCH MODSEQ "/flags/\\\\seen" 5
                S: b4 BAD search key MODSEQ needs the entry type priv, shared or all after the entry name, not 5
                C: b5 SEARCH MODSEQ "/flags/\\\\seen" bogus 5
                S: b5 BAD search key MODSEQ needs the entry type priv, shared or all after the entry name, not bogus
                C: b6 SEARCH MODSEQ "/flags/\\\\Recent" all 5
                S: b6 BAD the entry name after MODSEQ must be "/flags/" and a flag (\\Answered, \\Flagged, \\Deleted, \\Seen, \\Draft or a keyword), not "/flags/\\Recent"
                C: b7 SEARCH MODSEQ /flags/x all 5
                S: b7 BAD the entry name after MODSEQ is a quoted string such as "/flags/\\\\seen", not /flags/x
                C: b8 SEARCH MODSEQ "/flags/\\\\seen" all
                S: b8 BAD search key MODSEQ needs a mod-sequence after the entry type after it
                C: s1 SEARCH MODSEQ 9
                S: * OK [HIGHESTMODSEQ 9] Highest
                S: * SEARCH 4 (MODSEQ 9)
                S: s1 OK Search completed.
                """);
    }

    @Test
    void esearchCarriesTheModSeqOfWhatItReturns() {
        c.play("""
                C: e1 SEARCH RETURN (MIN) MODSEQ 1 1:3
                S: * OK [HIGHESTMODSEQ 9] Highest
                S: * ESEARCH (TAG "e1") MIN 1 MODSEQ 3
                S: e1 OK Search completed.
                C: e2 SEARCH RETURN (MAX) MODSEQ 1 1:3
                S: * ESEARCH (TAG "e2") MAX 3 MODSEQ 5
                S: e2 OK Search completed.
                C: e3 SEARCH RETURN (MIN MAX) MODSEQ 1 1:3
                S: * ESEARCH (TAG "e3") MIN 1 MAX 3 MODSEQ 5
                S: e3 OK Search completed.
                C: e4 SEARCH RETURN (COUNT) MODSEQ 1 1:3
                S: * ESEARCH (TAG "e4") COUNT 3 MODSEQ 8
                S: e4 OK Search completed.
                C: e5 SEARCH RETURN (MIN COUNT) MODSEQ 1 1:3
                S: * ESEARCH (TAG "e5") MIN 1 COUNT 3 MODSEQ 8
                S: e5 OK Search completed.
                C: e6 UID SEARCH RETURN () MODSEQ 4
                S: * ESEARCH (TAG "e6") UID ALL 3:5 MODSEQ 9
                S: e6 OK UID SEARCH completed.
                """);
    }

    @Test
    void esearchThatFindsNothingHasNoModSeqItem() {
        c.play("""
                C: e1 SEARCH RETURN (MIN MAX ALL COUNT) MODSEQ 10
                S: * OK [HIGHESTMODSEQ 9] Highest
                S: * ESEARCH (TAG "e1") COUNT 0
                S: e1 OK Search completed.
                C: e2 UID SEARCH RETURN (ALL) MODSEQ 10
                S: * ESEARCH (TAG "e2") UID
                S: e2 OK UID SEARCH completed.
                """);
    }

    @Test
    void saveAloneSendsNothingEvenWithModSeq() {
        c.play("""
                C: v1 SEARCH RETURN (SAVE) MODSEQ 6
                S: * OK [HIGHESTMODSEQ 9] Highest
                S: v1 OK Search completed.
                C: v2 FETCH $ (UID)
                S: * 2 FETCH (UID 3)
                S: * 4 FETCH (UID 5)
                S: v2 OK Fetch completed.
                """);
    }

    @Test
    void withoutCondstoreModSeqIsAnUnknownSearchKey() {
        try (ImapMockServer plain = ImapMockServer.builder().user("alice", "secret").without(Extension.CONDSTORE)
                .build().start();
             RawClient other = selectFourMessages(plain)) {
            other.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY %s
                    S: c1 OK Capability completed.
                    C: s1 SEARCH MODSEQ 5
                    S: s1 BAD unknown search key MODSEQ
                    C: s2 SEARCH RETURN (ALL) MODSEQ 5
                    S: s2 BAD unknown search key MODSEQ
                    C: s3 SEARCH FLAGGED
                    S: * SEARCH 2 4
                    S: s3 OK Search completed.
                    """.formatted(Capabilities.afterLoginWithout("CONDSTORE", "QRESYNC")));
        }
    }
}
