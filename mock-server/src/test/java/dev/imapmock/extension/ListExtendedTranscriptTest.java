package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIST-EXTENDED (RFC 5258): selection options, return options, several patterns, \NonExistent,
 * \Subscribed and CHILDINFO, with Dovecot 2.3's answers where the RFC leaves room, every error,
 * LSUB left as it was, and a server without the extension.
 *
 * <p>Each test starts from the same tree, without the default special-use mailboxes so that the
 * lists stay short: {@code Work/Reports/2024}, {@code Home} (subscribed), {@code Parent} (deleted,
 * so it only holds {@code Parent/Child}, which is subscribed) and the subscribed
 * {@code Gone/Child}, whose mailbox and parent are gone.
 */
@Timeout(20)
class ListExtendedTranscriptTest {
    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").specialUse(SpecialUseMailboxes.none()).build().start();
        c = RawClient.login(server, "alice", "secret");
        for (String command : List.of("CREATE Work/Reports/2024", "CREATE Home", "SUBSCRIBE Home",
                "CREATE Parent/Child", "SUBSCRIBE Parent/Child", "DELETE Parent",
                "CREATE Gone/Child", "SUBSCRIBE Gone/Child", "DELETE Gone/Child", "DELETE Gone")) {
            assertThat(c.command("s", command)).last().asString().startsWith("s OK ");
        }
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    @Test
    void theExtendedFormsTellOnlyWhatTheReturnOptionsAskFor() {
        c.play("""
                C: a1 LIST () "" *
                S: * LIST () "/" INBOX
                S: * LIST () "/" Home
                S: * LIST (\\NonExistent) "/" Parent
                S: * LIST () "/" Parent/Child
                S: * LIST () "/" Work
                S: * LIST () "/" Work/Reports
                S: * LIST () "/" Work/Reports/2024
                S: a1 OK LIST completed.
                C: a2 LIST "" % RETURN ()
                S: * LIST () "/" INBOX
                S: * LIST () "/" Home
                S: * LIST (\\NonExistent) "/" Parent
                S: * LIST () "/" Work
                S: a2 OK LIST completed.
                C: a3 LIST "" % RETURN (CHILDREN)
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasNoChildren) "/" Home
                S: * LIST (\\NonExistent \\HasChildren) "/" Parent
                S: * LIST (\\HasChildren) "/" Work
                S: a3 OK LIST completed.
                C: a4 LIST (REMOTE) "" % RETURN (SUBSCRIBED)
                S: * LIST () "/" INBOX
                S: * LIST (\\Subscribed) "/" Home
                S: * LIST (\\NonExistent) "/" Parent
                S: * LIST () "/" Work
                S: a4 OK LIST completed.
                C: a5 LIST "" %
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasNoChildren) "/" Home
                S: * LIST (\\Noselect \\HasChildren) "/" Parent
                S: * LIST (\\HasChildren) "/" Work
                S: a5 OK LIST completed.
                """);
    }

    @Test
    void subscribedListsSubscribedNamesWhetherTheyExistOrNot() {
        c.play("""
                C: b1 LIST (SUBSCRIBED) "" *
                S: * LIST (\\Subscribed \\NonExistent) "/" Gone/Child
                S: * LIST (\\Subscribed) "/" Home
                S: * LIST (\\Subscribed) "/" Parent/Child
                S: b1 OK LIST completed.
                C: b2 LIST (SUBSCRIBED) "" %
                S: * LIST (\\Subscribed) "/" Home
                S: b2 OK LIST completed.
                C: b3 LIST (SUBSCRIBED) "" * RETURN (CHILDREN)
                S: * LIST (\\Subscribed \\NonExistent \\HasNoChildren) "/" Gone/Child
                S: * LIST (\\Subscribed \\HasNoChildren) "/" Home
                S: * LIST (\\Subscribed \\HasNoChildren) "/" Parent/Child
                S: b3 OK LIST completed.
                C: b4 LIST (REMOTE SUBSCRIBED) "" *
                S: * LIST (\\Subscribed \\NonExistent) "/" Gone/Child
                S: * LIST (\\Subscribed) "/" Home
                S: * LIST (\\Subscribed) "/" Parent/Child
                S: b4 OK LIST completed.
                C: b5 list (subscribed Subscribed) "" H* return (children CHILDREN)
                S: * LIST (\\Subscribed \\HasNoChildren) "/" Home
                S: b5 OK LIST completed.
                C: b6 SUBSCRIBE Work
                S: b6 OK Subscribe completed.
                C: b7 DELETE Work
                S: b7 OK Delete completed.
                C: b8 LIST (SUBSCRIBED) "" W*
                S: * LIST (\\Subscribed \\NonExistent) "/" Work
                S: b8 OK LIST completed.
                """);
    }

    @Test
    void recursiveMatchListsParentsOfSubscribedNamesThePatternDoesNotReachWithChildInfo() {
        c.play("""
                C: c1 LIST (SUBSCRIBED RECURSIVEMATCH) "" %
                S: * LIST (\\NonExistent) "/" Gone (CHILDINFO ("SUBSCRIBED"))
                S: * LIST (\\Subscribed) "/" Home
                S: * LIST (\\NonExistent) "/" Parent (CHILDINFO ("SUBSCRIBED"))
                S: c1 OK LIST completed.
                C: c2 LIST (SUBSCRIBED RECURSIVEMATCH) "" * RETURN (CHILDREN)
                S: * LIST (\\Subscribed \\NonExistent \\HasNoChildren) "/" Gone/Child
                S: * LIST (\\Subscribed \\HasNoChildren) "/" Home
                S: * LIST (\\Subscribed \\HasNoChildren) "/" Parent/Child
                S: c2 OK LIST completed.
                C: c3 SUBSCRIBE Work/Reports/2024
                S: c3 OK Subscribe completed.
                C: c4 SUBSCRIBE Work
                S: c4 OK Subscribe completed.
                C: c5 LIST (RECURSIVEMATCH SUBSCRIBED) "" % RETURN (CHILDREN)
                S: * LIST (\\NonExistent \\HasNoChildren) "/" Gone (CHILDINFO ("SUBSCRIBED"))
                S: * LIST (\\Subscribed \\HasNoChildren) "/" Home
                S: * LIST (\\NonExistent \\HasChildren) "/" Parent (CHILDINFO ("SUBSCRIBED"))
                S: * LIST (\\Subscribed \\HasChildren) "/" Work (CHILDINFO ("SUBSCRIBED"))
                S: c5 OK LIST completed.
                C: c6 LIST (SUBSCRIBED RECURSIVEMATCH) "" Work/%
                S: * LIST () "/" Work/Reports (CHILDINFO ("SUBSCRIBED"))
                S: c6 OK LIST completed.
                C: c7 LIST (SUBSCRIBED RECURSIVEMATCH) "" (Work Work/Reports/2024)
                S: * LIST (\\Subscribed) "/" Work (CHILDINFO ("SUBSCRIBED"))
                S: * LIST (\\Subscribed) "/" Work/Reports/2024
                S: c7 OK LIST completed.
                C: c8 LIST (SUBSCRIBED RECURSIVEMATCH REMOTE) "" Parent
                S: * LIST (\\NonExistent) "/" Parent (CHILDINFO ("SUBSCRIBED"))
                S: c8 OK LIST completed.
                C: c9 LIST (SUBSCRIBED) "" %
                S: * LIST (\\Subscribed) "/" Home
                S: * LIST (\\Subscribed) "/" Work
                S: c9 OK LIST completed.
                """);
    }

    @Test
    void severalPatternsListEachMatchingNameOnceAfterTheReference() {
        c.play("""
                C: d1 LIST "" (Home INBOX "Work/*")
                S: * LIST () "/" INBOX
                S: * LIST () "/" Home
                S: * LIST () "/" Work/Reports
                S: * LIST () "/" Work/Reports/2024
                S: d1 OK LIST completed.
                C: d2 LIST "" (inbox Home HOME H*)
                S: * LIST () "/" INBOX
                S: * LIST () "/" Home
                S: d2 OK LIST completed.
                C: d3 LIST Work ("/Reports" "*")
                S: * LIST () "/" Work
                S: * LIST () "/" Work/Reports
                S: * LIST () "/" Work/Reports/2024
                S: d3 OK LIST completed.
                C: d4 LIST "" ({4+}
                C: Home Nothing)
                S: * LIST () "/" Home
                S: d4 OK LIST completed.
                C: d5 LIST "" (INBOX) RETURN (CHILDREN)
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: d5 OK LIST completed.
                C: d6 LIST "" (&AOQ Home)
                S: * LIST () "/" Home
                S: d6 OK LIST completed.
                """);
    }

    @Test
    void anEmptyPatternIsTheDelimiterQueryOnlyInTheBasicForm() {
        c.play("""
                C: e1 LIST () "" ""
                S: e1 OK LIST completed.
                C: e2 LIST "" "" RETURN (CHILDREN)
                S: e2 OK LIST completed.
                C: e3 LIST "" ("" Home)
                S: * LIST () "/" Home
                S: e3 OK LIST completed.
                C: e4 LIST "" ""
                S: * LIST (\\Noselect) "/" ""
                S: e4 OK LIST completed.
                """);
    }

    @Test
    void malformedOrUnknownOptionsAreBad() {
        List<String> before = StoreSnapshot.of(server.store());
        c.play("""
                C: f1 LIST (BOGUS) "" *
                S: f1 BAD Unknown LIST selection option BOGUS; the ones known are SUBSCRIBED, REMOTE, RECURSIVEMATCH, SPECIAL-USE
                C: f2 LIST "" * RETURN (BOGUS)
                S: f2 BAD Unknown LIST return option BOGUS; the ones known are SUBSCRIBED, CHILDREN, SPECIAL-USE, STATUS
                C: f3 LIST (RECURSIVEMATCH) "" *
                S: f3 BAD RECURSIVEMATCH needs a selection option it can modify, such as SUBSCRIBED
                C: f4 LIST (REMOTE RECURSIVEMATCH) "" *
                S: f4 BAD RECURSIVEMATCH needs a selection option it can modify, such as SUBSCRIBED
                C: f5 LIST ("SUBSCRIBED") "" *
                S: f5 BAD LIST selection options are atoms, not a quoted string
                C: f6 LIST ((SUBSCRIBED)) "" *
                S: f6 BAD LIST selection options are atoms, not a parenthesized list
                C: f7 LIST "" * RETURN ((CHILDREN))
                S: f7 BAD LIST return options are atoms, not a parenthesized list
                C: f8 LIST "" ()
                S: f8 BAD The list of mailbox patterns is empty
                C: f9 LIST "" ((INBOX))
                S: f9 BAD Expected a mailbox pattern, not a list
                C: g1 LIST "" * RETURN
                S: g1 BAD RETURN needs a list of return options in parentheses
                C: g2 LIST "" * RETURN CHILDREN
                S: g2 BAD RETURN needs a list of return options in parentheses
                C: g3 LIST "" * (CHILDREN)
                S: g3 BAD Unexpected extra arguments
                C: g4 LIST "" * RETURN (CHILDREN) RETURN (SUBSCRIBED)
                S: g4 BAD Unexpected extra arguments
                C: g5 LIST ()
                S: g5 BAD Missing a reference name
                C: g6 LIST () ""
                S: g6 BAD Missing a mailbox pattern
                C: g7 LIST (SUBSCRIBED) (INBOX) *
                S: g7 BAD Expected a reference name, not a list
                C: g8 LIST RETURN "" *
                S: g8 BAD Unexpected extra arguments
                """);
        c.assertStillWorks("n1");
        assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
    }

    @Test
    void lsubKeepsTheBasicForm() {
        c.play("""
                C: h1 LSUB () "" *
                S: h1 BAD Expected a reference name, not a list
                C: h2 LSUB "" * RETURN (CHILDREN)
                S: h2 BAD Unexpected extra arguments
                C: h3 LSUB "" (Home)
                S: h3 BAD Expected a mailbox pattern, not a list
                C: h4 LSUB "" %
                S: * LSUB (\\Noselect) "/" Gone
                S: * LSUB () "/" Home
                S: * LSUB (\\Noselect) "/" Parent
                S: h4 OK LSUB completed.
                """);
    }

    @Test
    void withoutListExtendedOnlyTheBasicFormIsUnderstood() {
        try (ImapMockServer bare = ImapMockServer.builder().user("alice", "secret").without(Extension.LIST_EXTENDED)
                .build().start();
             RawClient b = RawClient.login(bare, "alice", "secret")) {
            assertThat(bare.extensions()).doesNotContain(Extension.LIST_EXTENDED, Extension.LIST_STATUS)
                    .contains(Extension.SPECIAL_USE, Extension.CHILDREN);
            b.play("""
                    C: a1 CAPABILITY
                    S: * CAPABILITY %s
                    S: a1 OK Capability completed.
                    C: a2 LIST () "" *
                    S: a2 BAD Expected a reference name, not a list
                    C: a3 LIST (SPECIAL-USE) "" *
                    S: a3 BAD Expected a reference name, not a list
                    C: a4 LIST "" (INBOX Sent)
                    S: a4 BAD Expected a mailbox pattern, not a list
                    C: a5 LIST "" %% RETURN (CHILDREN)
                    S: a5 BAD Unexpected extra arguments
                    C: a6 LIST "" INBOX RETURN (STATUS (MESSAGES))
                    S: a6 BAD Unexpected extra arguments
                    C: a7 LIST "" S%%
                    S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S: a7 OK LIST completed.
                    """.formatted(Capabilities.AFTER_LOGIN.replace(" LIST-EXTENDED LIST-STATUS", "")));
            b.assertStillWorks("n1");
        }
    }
}
