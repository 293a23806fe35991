package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * New keywords are announced with {@code * FLAGS} and {@code * OK [PERMANENTFLAGS]} before any
 * FETCH carries them (RFC 3501 §7.2.6, §7.1), to the session that made the change and to every
 * other session that has the mailbox selected; keywords compare case-insensitively and keep the
 * first spelling the mailbox saw. Transcripts as Dovecot 2.3 answers the same commands.
 */
@Timeout(20)
class KeywordAnnouncementTest {
    private ImapMockServer server;
    private RawClient writer;
    private RawClient observer;

    @BeforeEach
    void start() {
        server = Wire.emptyServer();
        server.store().account("alice").orElseThrow().create("Other");
        server.deliver("alice", "INBOX", Wire.message("Subject: one\n\nOne"));
        server.deliver("alice", "INBOX", Wire.message("Subject: two\n\nTwo"));
        writer = Wire.selected(server, "SELECT INBOX");
        observer = Wire.selected(server, "EXAMINE INBOX");
    }

    @AfterEach
    void stop() {
        writer.close();
        observer.close();
        server.close();
    }

    @Test
    void storeOfANewKeywordAnnouncesItToBothSessionsBeforeTheFetch() {
        writer.play("""
                C: s1 STORE 1 +FLAGS (Work)
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft Work)
                S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft Work \\*)] Flags permitted.
                S: * 1 FETCH (FLAGS (Work \\Recent))
                S: s1 OK Store completed.
                """);
        observer.play("""
                C: n1 NOOP
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft Work)
                S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
                S: * 1 FETCH (FLAGS (Work))
                S: n1 OK NOOP completed.
                """);
    }

    @Test
    void aKeywordInAnotherCaseIsTheSameKeywordSpeltAsFirstSeen() {
        writer.command("s1", "STORE 1 +FLAGS (Work)");
        writer.play("""
                C: s2 STORE 2 +FLAGS (work \\SEEN)
                S: * 2 FETCH (FLAGS (\\Seen Work \\Recent))
                S: s2 OK Store completed.
                C: k1 SEARCH KEYWORD WORK
                S: * SEARCH 1 2
                S: k1 OK Search completed.
                C: k2 SEARCH UNKEYWORD wOrK
                S: * SEARCH
                S: k2 OK Search completed.
                C: f1 FETCH 1:2 FLAGS
                S: * 1 FETCH (FLAGS (Work \\Recent))
                S: * 2 FETCH (FLAGS (\\Seen Work \\Recent))
                S: f1 OK Fetch completed.
                """);
        observer.play("""
                C: n1 NOOP
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft Work)
                S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
                S: * 1 FETCH (FLAGS (Work))
                S: * 2 FETCH (FLAGS (\\Seen Work))
                S: n1 OK NOOP completed.
                """);
        assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").keywords())
                .containsExactly("Work");
    }

    @Test
    void aKeywordStaysKnownToTheMailboxOnceNoMessageCarriesIt() {
        writer.command("s1", "STORE 1 +FLAGS ($Done)");
        writer.command("s2", "STORE 1 -FLAGS ($done)");
        writer.play("""
                C: e1 EXAMINE INBOX
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Done)
                S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
                S: * 2 EXISTS
                """);
    }

    @Test
    void appendWithANewKeywordAnnouncesItBeforeExists() {
        writer.play("""
                C: a1 APPEND INBOX ($Invoice \\Flagged) {12+}
                C: Subject: x\r
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Invoice)
                S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Invoice \\*)] Flags permitted.
                S: * 3 EXISTS
                S: * 3 RECENT
                """);
        assertThat(writer.readLine()).startsWith("a1 OK [APPENDUID ");
        observer.play("""
                C: n1 NOOP
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Invoice)
                S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
                S: * 3 EXISTS
                S: n1 OK NOOP completed.
                C: f1 FETCH 3 FLAGS
                S: * 3 FETCH (FLAGS (\\Flagged $Invoice))
                S: f1 OK Fetch completed.
                """);
    }

    @Test
    void copyIntoTheObservedMailboxAnnouncesTheKeywordsItBrings() {
        try (RawClient other = Wire.selected(server, "SELECT Other")) {
            other.play("""
                    C: a1 APPEND Other (Urgent) {12+}
                    C: Subject: y\r
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft Urgent)
                    """);
            other.readUntilTagged("a1");
            other.play("""
                    C: c1 COPY 1 INBOX
                    S~ c1 OK \\[COPYUID \\d+ 1 3\\] Copy completed\\.
                    """);
        }
        observer.play("""
                C: n1 NOOP
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft Urgent)
                S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
                S: * 3 EXISTS
                S: * 1 RECENT
                S: n1 OK NOOP completed.
                C: f1 FETCH 3 (FLAGS)
                S: * 3 FETCH (FLAGS (Urgent \\Recent))
                S: f1 OK Fetch completed.
                """);
    }

    @Test
    void deliverWithAKeywordIsAnnouncedToAnIdlingSession() {
        observer.play("""
                C: i1 IDLE
                S: + idling
                """);
        server.deliver("alice", "INBOX", Wire.message("Subject: three\n\nThree"), List.of("$Label1", "\\seen"));
        observer.play("""
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Label1)
                S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
                S: * 3 EXISTS
                S: * 1 RECENT
                C: DONE
                S: i1 OK Idle completed.
                C: f1 FETCH 3 FLAGS
                S: * 3 FETCH (FLAGS (\\Seen $Label1 \\Recent))
                S: f1 OK Fetch completed.
                """);
    }

    @Test
    void anotherSessionsFlagChangeOnAKnownKeywordIsNotAnnouncedAgain() {
        writer.command("s1", "STORE 1 +FLAGS (Work)");
        observer.command("n1", "NOOP");
        writer.command("s2", "STORE 2 +FLAGS (WORK)");
        assertThat(observer.command("n2", "NOOP"))
                .containsExactly("* 2 FETCH (FLAGS (Work))", "n2 OK NOOP completed.");
    }

    @Test
    void deliverRefusesWhatIsNotAFlag() {
        assertThatThrownBy(() -> server.deliver("alice", "INBOX", Wire.message("Subject: x\n\nx"),
                List.of("\\Recent"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\\Recent");
        assertThatThrownBy(() -> server.deliver("alice", "INBOX", Wire.message("Subject: x\n\nx"),
                List.of("two words"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").size()).isEqualTo(2);
    }
}
