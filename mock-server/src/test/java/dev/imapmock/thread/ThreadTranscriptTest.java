package dev.imapmock.thread;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * THREAD and UID THREAD over the wire (RFC 5256 §4), byte for byte: five messages of which the
 * third is expunged, so that sequence numbers (1 to 4) and UIDs (1, 2, 4, 5) differ. Messages 1,
 * 2 and 3 (UIDs 1, 2, 4) are a thread by References, message 4 (UID 5) a new "Hello" that
 * REFERENCES gathers with it by subject. The threads are the ones Dovecot 2.3.19.1 answers for the
 * same messages.
 */
@Timeout(20)
class ThreadTranscriptTest {

    private static ImapMockServer server(Extension... without) {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").without(without).build().start();
        Mailbox inbox = server.store().account("alice").orElseThrow().mailbox("INBOX");
        append(inbox, "Hello", "<h1@x>", null, "10:00");
        append(inbox, "Re: Hello", "<h2@x>", "<h1@x>", "11:00");
        append(inbox, "Other", "<o3@x>", null, "09:00");
        append(inbox, "Re: Hello", "<h4@x>", "<h1@x> <h2@x>", "12:00");
        append(inbox, "Hello", "<h5@x>", null, "13:00");
        inbox.expunge(Set.of(3L));
        return server;
    }

    private static void append(Mailbox inbox, String subject, String id, String references, String time) {
        String text = "From: a@example.org\r\nSubject: " + subject + "\r\nDate: Mon, 1 Jan 2024 " + time
                + ":00 +0000\r\nMessage-ID: " + id + "\r\n" + (references == null ? "" : "References: " + references + "\r\n")
                + "\r\nbody\r\n";
        inbox.append(text.getBytes(StandardCharsets.US_ASCII), Flags.NONE,
                OffsetDateTime.of(2024, 2, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    private static RawClient selected(ImapMockServer server) {
        RawClient c = RawClient.login(server, "alice", "secret");
        c.command("s1", "SELECT INBOX");
        return c;
    }

    @Test
    void referencesThreadsByReferencesThenGathersBySubject() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.play("""
                    C: t1 THREAD REFERENCES UTF-8 ALL
                    S: * THREAD ((1 2 3)(4))
                    S: t1 OK Thread completed.
                    C: t2 UID THREAD REFERENCES UTF-8 ALL
                    S: * THREAD ((1 2 4)(5))
                    S: t2 OK UID THREAD completed.
                    C: t3 UID THREAD REFERENCES US-ASCII UID 4:5
                    S: * THREAD (5 4)
                    S: t3 OK UID THREAD completed.
                    C: t4 THREAD REFERENCES UTF-8 NOT SUBJECT re
                    S: * THREAD ((1)(4))
                    S: t4 OK Thread completed.
                    """);
        }
    }

    @Test
    void refsKeepsThreadsApartThatOnlyShareASubject() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.play("""
                    C: t1 THREAD REFS UTF-8 ALL
                    S: * THREAD (1 2 3)(4)
                    S: t1 OK Thread completed.
                    C: t2 UID THREAD REFS UTF-8 ALL
                    S: * THREAD (1 2 4)(5)
                    S: t2 OK UID THREAD completed.
                    """);
        }
    }

    @Test
    void orderedSubjectHangsEveryLaterMessageUnderTheFirst() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.play("""
                    C: t1 THREAD ORDEREDSUBJECT UTF-8 ALL
                    S: * THREAD (1 (2)(3)(4))
                    S: t1 OK Thread completed.
                    C: t2 UID THREAD ORDEREDSUBJECT UTF-8 ALL
                    S: * THREAD (1 (2)(4)(5))
                    S: t2 OK UID THREAD completed.
                    C: t3 THREAD ORDEREDSUBJECT UTF-8 2:3
                    S: * THREAD (2 3)
                    S: t3 OK Thread completed.
                    """);
        }
    }

    @Test
    void nameAndCharsetInAnyCaseAndCriteriaAsSearch() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.play("""
                    C: t1 thread references utf-8 all
                    S: * THREAD ((1 2 3)(4))
                    S: t1 OK Thread completed.
                    C: t2 THREAD REFERENCES "UTF-8" (OR 1 4)
                    S: * THREAD ((1)(4))
                    S: t2 OK Thread completed.
                    C: t3 THREAD REFS UTF-8 UNSEEN SINCE 1-Jan-2024 UID 1:4
                    S: * THREAD (1 2 3)
                    S: t3 OK Thread completed.
                    """);
        }
    }

    @Test
    void criteriaMayNameTheSavedResultAndModseqWhichTurnsCondstoreOn() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.play("""
                    C: s2 SEARCH RETURN (SAVE) 3:4
                    S: s2 OK Search completed.
                    C: t1 THREAD REFERENCES UTF-8 $
                    S: * THREAD (4 3)
                    S: t1 OK Thread completed.
                    C: t2 UID THREAD REFS UTF-8 MODSEQ 1
                    S: * OK [HIGHESTMODSEQ 7] Highest
                    S: * THREAD (1 2 4)(5)
                    S: t2 OK UID THREAD completed.
                    """);
        }
    }

    @Test
    void nothingFoundIsThreadWithoutASpace() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.play("""
                    C: t1 THREAD REFERENCES UTF-8 SUBJECT nothing-has-this
                    S: * THREAD
                    S: t1 OK Thread completed.
                    C: t2 UID THREAD ORDEREDSUBJECT UTF-8 UID 3
                    S: * THREAD
                    S: t2 OK UID THREAD completed.
                    """);
        }
    }

    @Test
    void malformedThreadIsBadAndChangesNothing() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: b1 THREAD
                    S: b1 BAD THREAD needs an algorithm, a charset and search criteria, such as THREAD REFERENCES UTF-8 ALL
                    C: b2 THREAD FOO UTF-8 ALL
                    S: b2 BAD unknown thread algorithm FOO; this server offers REFERENCES, REFS and ORDEREDSUBJECT
                    C: b3 THREAD (REFERENCES) UTF-8 ALL
                    S: b3 BAD unknown thread algorithm a parenthesized list; this server offers REFERENCES, REFS and ORDEREDSUBJECT
                    C: b4 THREAD REFERENCES
                    S: b4 BAD THREAD needs a charset after the algorithm, such as THREAD REFERENCES UTF-8 ALL
                    C: b5 UID THREAD REFS UTF-8
                    S: b5 BAD THREAD needs search criteria after the charset, such as THREAD REFS UTF-8 ALL
                    C: b6 THREAD REFERENCES UTF-8 FOO
                    S: b6 BAD unknown search key FOO
                    C: b7 THREAD ORDEREDSUBJECT UTF-8 RETURN (ALL) ALL
                    S: b7 BAD unknown search key RETURN
                    C: b8 THREAD REFERENCES (UTF-8) ALL
                    S: b8 BAD THREAD needs a charset after the algorithm, such as THREAD REFERENCES UTF-8 ALL
                    """);
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void anUnknownCharsetIsNoBadcharsetAsInSearch() {
        try (ImapMockServer server = server(); RawClient c = selected(server)) {
            c.play("""
                    C: n1 THREAD REFERENCES KOI8-R ALL
                    S: n1 NO [BADCHARSET (UTF-8 US-ASCII)] charset KOI8-R is not supported; use UTF-8 or US-ASCII
                    C: n2 UID THREAD REFS BOGUS ALL
                    S: n2 NO [BADCHARSET (UTF-8 US-ASCII)] charset BOGUS is not supported; use UTF-8 or US-ASCII
                    C: n3 THREAD REFERENCES CHARSET UTF-8 ALL
                    S: n3 NO [BADCHARSET (UTF-8 US-ASCII)] charset CHARSET is not supported; use UTF-8 or US-ASCII
                    """);
            c.assertStillWorks("n4");
        }
    }

    @Test
    void threadNeedsASelectedMailbox() {
        try (ImapMockServer server = server(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: t1 THREAD REFERENCES UTF-8 ALL
                    S: t1 BAD THREAD is not allowed in the authenticated state
                    C: t2 UID THREAD REFS UTF-8 ALL
                    S: t2 BAD UID THREAD is not allowed in the authenticated state
                    """);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void withoutOneAlgorithmItIsGoneFromCapabilityAndBadAndTheOthersStillWork() {
        try (ImapMockServer server = server(Extension.THREAD_REFS); RawClient c = selected(server)) {
            c.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY %s
                    S: c1 OK Capability completed.
                    C: t1 THREAD REFS UTF-8 ALL
                    S: t1 BAD unknown thread algorithm REFS; this server offers REFERENCES and ORDEREDSUBJECT
                    C: t2 THREAD REFERENCES UTF-8 ALL
                    S: * THREAD ((1 2 3)(4))
                    S: t2 OK Thread completed.
                    """.formatted(Capabilities.afterLoginWithout("THREAD=REFS")));
        }
        try (ImapMockServer server = server(Extension.THREAD_REFERENCES, Extension.THREAD_REFS);
             RawClient c = selected(server)) {
            c.play("""
                    C: t1 UID THREAD REFERENCES UTF-8 ALL
                    S: t1 BAD unknown thread algorithm REFERENCES; this server offers ORDEREDSUBJECT
                    C: t2 UID THREAD ORDEREDSUBJECT UTF-8 ALL
                    S: * THREAD (1 (2)(4)(5))
                    S: t2 OK UID THREAD completed.
                    """);
        }
    }

    @Test
    void withoutEveryAlgorithmThreadIsAnUnknownCommand() {
        try (ImapMockServer server = server(Extension.THREAD_REFERENCES, Extension.THREAD_REFS,
                Extension.THREAD_ORDEREDSUBJECT); RawClient c = selected(server)) {
            c.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY %s
                    S: c1 OK Capability completed.
                    C: t1 THREAD REFERENCES UTF-8 ALL
                    S: t1 BAD Unknown command THREAD
                    C: t2 UID THREAD ORDEREDSUBJECT UTF-8 ALL
                    S: t2 BAD Unknown command UID THREAD
                    """.formatted(Capabilities.afterLoginWithout("THREAD=REFERENCES", "THREAD=REFS",
                    "THREAD=ORDEREDSUBJECT")));
            c.assertStillWorks("n1");
        }
    }
}
