package dev.imapmock.server;

import dev.imapmock.testing.StoreSnapshot;
import java.util.List;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code [} is an ATOM-CHAR and {@code ]} an ASTRING-CHAR (RFC 3501 §9): in mailbox names, list
 * patterns, tags and search keys they are plain characters. Only FETCH's section syntax
 * ({@code BODY[...]} and its kin) gives brackets a meaning.
 */
@Timeout(20)
class BracketsTranscriptTest {
    /** Every ATOM-CHAR that is not a letter, "[" among them, as the outside conformance run sent it. */
    private static final String PUNCTUATION = "!#$&'+,-.0123456789:;<=>?@^_`|[}";

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

    @Test
    void selectAndListOfANameMadeOfAtomSpecialsAnswerNoAndOkNotBad() {
        List<String> before = StoreSnapshot.of(server.store());
        c.play("""
                C: a1 SELECT %1$s
                S: a1 NO Mailbox name "%1$s" is not valid modified UTF-7: the character "'" at position 5 is not modified BASE64
                C: a2 LIST "" %1$s%%*
                S: a2 OK LIST completed.
                C: a3 SELECT %2$s
                S: a3 NO [NONEXISTENT] Mailbox doesn't exist: %1$s
                C: a4 LIST "" %2$s%%*
                S: a4 OK LIST completed.
                """.formatted(PUNCTUATION, PUNCTUATION.replace("&", "&-")));
        c.assertStillWorks("a5");
        assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
    }

    @Test
    void everyMailboxCommandTakesBracketsInNames() {
        c.play("""
                C: a1 CREATE foo[bar
                S: a1 OK Create completed.
                C: a2 CREATE a[b]c
                S: a2 OK Create completed.
                C: a3 CREATE [
                S: a3 OK Create completed.
                C: a4 CREATE x[}
                S: a4 OK Create completed.
                C: a5 LIST "" *
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasNoChildren) "/" [
                S: * LIST (\\HasNoChildren) "/" "a[b]c"
                S: * LIST (\\HasNoChildren) "/" foo[bar
                S: * LIST (\\HasNoChildren) "/" x[}
                S: a5 OK LIST completed.
                C: a6 LIST "" foo[%
                S: * LIST (\\HasNoChildren) "/" foo[bar
                S: a6 OK LIST completed.
                C: a7 STATUS foo[bar (MESSAGES)
                S: * STATUS foo[bar (MESSAGES 0)
                S: a7 OK Status completed.
                C: a8 RENAME foo[bar x[y
                S: a8 OK Rename completed.
                C: a9 SUBSCRIBE x[y
                S: a9 OK Subscribe completed.
                C: a10 LSUB "" x[*
                S: * LSUB () "/" x[y
                S: a10 OK LSUB completed.
                C: a11 UNSUBSCRIBE x[y
                S: a11 OK Unsubscribe completed.
                C: a12 APPEND x[y {5+}
                C: hello
                S~ a12 OK \\[APPENDUID \\d+ 1\\] Append completed\\.
                C: a13 EXAMINE x[y
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
                S: * 1 EXISTS
                S: * 1 RECENT
                S: * OK [UNSEEN 1] First unseen.
                S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                S: * OK [UIDNEXT 2] Predicted next UID
                S: a13 OK [READ-ONLY] Examine completed.
                C: a14 COPY 1 a[b]c
                S~ a14 OK \\[COPYUID \\d+ 1 1\\] Copy completed\\.
                C: a15 SELECT a[b]c
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.
                S: * 1 EXISTS
                S: * 1 RECENT
                S: * OK [UNSEEN 1] First unseen.
                S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                S: * OK [UIDNEXT 2] Predicted next UID
                S: a15 OK [READ-WRITE] Select completed.
                C: a16 MOVE 1 [
                S~ \\* OK \\[COPYUID \\d+ 1 1\\] Moved UIDs\\.
                S: * 1 EXPUNGE
                S: * 0 RECENT
                S: a16 OK Move completed.
                C: a17 DELETE x[}
                S: a17 OK Delete completed.
                """);
        assertThat(alice().mailbox("foo[bar")).isNull();
        assertThat(alice().mailbox("x[y").size()).isEqualTo(1);
        assertThat(alice().mailbox("a[b]c").size()).isZero();
        assertThat(alice().mailbox("[").size()).isEqualTo(1);
        assertThat(alice().mailbox("x[}")).isNull();
        assertThat(alice().subscriptions()).isEmpty();
    }

    @Test
    void aMailboxNamedLikeAFetchSectionIsAPlainName() {
        c.play("""
                C: a1 CREATE BODY[a
                S: a1 OK Create completed.
                C: a2 CREATE binary.peek[
                S: a2 OK Create completed.
                C: a3 LIST "" *[*
                S: * LIST (\\HasNoChildren) "/" BODY[a
                S: * LIST (\\HasNoChildren) "/" binary.peek[
                S: a3 OK LIST completed.
                C: a4 STATUS BODY[a (MESSAGES)
                S: * STATUS BODY[a (MESSAGES 0)
                S: a4 OK Status completed.
                """);
    }

    @Test
    void tagsMayHoldBothBrackets() {
        // tag = 1*<any ASTRING-CHAR except "+">; Dovecot refuses "]" in a tag, the grammar allows it.
        c.play("""
                C: t[1 NOOP
                S: t[1 OK NOOP completed.
                C: t]2 NOOP
                S: t]2 OK NOOP completed.
                C: [] NOOP
                S: [] OK NOOP completed.
                """);
    }

    private void selectMessageWithBracketHeaders() {
        String message = "From: a@example.com\r\nX]Y: 1\r\nX[Y: 2\r\nSubject: s\r\n\r\nbody";
        c.sendAscii("ap APPEND INBOX {" + message.length() + "+}\r\n" + message + "\r\n");
        assertThat(c.readUntilTagged("ap")).last().asString().startsWith("ap OK [APPENDUID ");
        assertThat(c.command("s", "SELECT INBOX")).last().isEqualTo("s OK [READ-WRITE] Select completed.");
    }

    @Test
    void fetchSectionsStillTakeSpacesQuotesAndBracketsInFieldNames() {
        selectMessageWithBracketHeaders();
        assertThat(c.exchange("f1", "FETCH 1 BODY.PEEK[HEADER.FIELDS (X]Y)]")).containsExactly(
                "* 1 FETCH (BODY[HEADER.FIELDS (\"X]Y\")] {10}\r\nX]Y: 1\r\n\r\n)",
                "f1 OK Fetch completed.");
        assertThat(c.exchange("f2", "FETCH 1 (UID body.peek[HEADER.FIELDS (FROM \"X[Y\")]<0.12>)")).containsExactly(
                "* 1 FETCH (UID 1 BODY[HEADER.FIELDS (FROM X[Y)]<0> {12}\r\nFrom: a@exam)",
                "f2 OK Fetch completed.");
        assertThat(c.exchange("f3", "FETCH 1 (BODY.PEEK[HEADER.FIELDS.NOT (FROM SUBJECT X]Y)] FLAGS)")).containsExactly(
                "* 1 FETCH (BODY[HEADER.FIELDS.NOT (FROM SUBJECT \"X]Y\")] {10}\r\nX[Y: 2\r\n\r\n FLAGS (\\Recent))",
                "f3 OK Fetch completed.");
    }

    @Test
    void searchHeaderNamesMayHoldBrackets() {
        selectMessageWithBracketHeaders();
        c.play("""
                C: s1 SEARCH HEADER X[Y 2
                S: * SEARCH 1
                S: s1 OK Search completed.
                C: s2 SEARCH HEADER X]Y 1
                S: * SEARCH 1
                S: s2 OK Search completed.
                C: s3 SEARCH HEADER X[Y 1
                S: * SEARCH
                S: s3 OK Search completed.
                """);
    }

    @Test
    void malformedSectionsAreBadAndTheConnectionStaysInStep() {
        selectMessageWithBracketHeaders();
        List<String> before = StoreSnapshot.of(server.store());
        c.play("""
                C: f1 FETCH 1 BODY[x
                S: f1 BAD Missing ']'
                C: f2 FETCH 1 BODY.PEEK[HEADER.FIELDS (FROM]
                S: f2 BAD Missing ')' in the section
                C: f3 FETCH 1 BODY.PEEK[HEADER.FIELDS ({4}
                S: f3 BAD A section's header field names must be atoms or quoted strings, not literals
                """);
        // A non-synchronizing literal arrives at once; its octets must not be read as a command.
        c.sendAscii("f4 FETCH 1 BODY.PEEK[HEADER.FIELDS ({14+}\r\nx1 CREATE Evil)]\r\n");
        c.play("S: f4 BAD A section's header field names must be atoms or quoted strings, not literals");
        c.assertStillWorks("f5");
        assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        assertThat(alice().mailbox("Evil")).isNull();
    }
}
