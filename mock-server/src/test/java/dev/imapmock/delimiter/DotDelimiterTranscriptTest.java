package dev.imapmock.delimiter;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.Mailbox;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server built with {@code hierarchyDelimiter('.')}, byte for byte: LIST, LSUB and NAMESPACE
 * tell {@code "."}, and every command that splits names at levels splits them there, as Dovecot
 * does with {@code separator = .}; {@code /} is an ordinary character of one level.
 */
@Timeout(20)
class DotDelimiterTranscriptTest {

    private static ImapMockServer dotted() {
        return ImapMockServer.builder().user("alice", "secret").user("bob", "secret").hierarchyDelimiter('.')
                .build().start();
    }

    @Test
    void createMakesTheIntermediateLevelsAndListPatternsStopAtTheDot() {
        try (ImapMockServer server = dotted(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 CREATE a.b.c
                    S: a1 OK Create completed.
                    C: a2 CREATE x/y
                    S: a2 OK Create completed.
                    C: a3 LIST "" %
                    S: * LIST (\\HasNoChildren) "." INBOX
                    S~ \\* LIST \\(\\\\HasNoChildren( \\\\[A-Za-z]+)?\\) "\\." [A-Za-z]+
                    S~ \\* LIST \\(\\\\HasNoChildren( \\\\[A-Za-z]+)?\\) "\\." [A-Za-z]+
                    S~ \\* LIST \\(\\\\HasNoChildren( \\\\[A-Za-z]+)?\\) "\\." [A-Za-z]+
                    S~ \\* LIST \\(\\\\HasNoChildren( \\\\[A-Za-z]+)?\\) "\\." [A-Za-z]+
                    S~ \\* LIST \\(\\\\HasNoChildren( \\\\[A-Za-z]+)?\\) "\\." [A-Za-z]+
                    S: * LIST (\\HasChildren) "." a
                    S: * LIST (\\HasNoChildren) "." x/y
                    S: a3 OK LIST completed.
                    C: a4 LIST "" a*
                    S: * LIST (\\HasChildren) "." a
                    S: * LIST (\\HasChildren) "." a.b
                    S: * LIST (\\HasNoChildren) "." a.b.c
                    S: a4 OK LIST completed.
                    C: a5 LIST "" a.%
                    S: * LIST (\\HasChildren) "." a.b
                    S: a5 OK LIST completed.
                    C: a6 LIST a. %
                    S: * LIST (\\HasChildren) "." a.b
                    S: a6 OK LIST completed.
                    C: a7 LIST "" x%
                    S: * LIST (\\HasNoChildren) "." x/y
                    S: a7 OK LIST completed.
                    C: a8 LIST "" ""
                    S: * LIST (\\Noselect) "." ""
                    S: a8 OK LIST completed.
                    C: a9 CREATE p.q.
                    S: a9 OK Create completed.
                    C: b1 LIST "" p*
                    S: * LIST (\\HasChildren) "." p
                    S: * LIST (\\HasNoChildren) "." p.q
                    S: b1 OK LIST completed.
                    C: b2 CREATE .lead
                    S: b2 NO [CANNOT] Mailbox name has an empty hierarchy level: .lead
                    C: b3 CREATE a..b
                    S: b3 NO [CANNOT] Mailbox name has an empty hierarchy level: a..b
                    C: b4 CREATE inbox.sub
                    S: b4 OK Create completed.
                    C: b5 LIST "" inbox*
                    S: * LIST (\\HasChildren) "." INBOX
                    S: * LIST (\\HasNoChildren) "." INBOX.sub
                    S: b5 OK LIST completed.
                    C: b6 STATUS x/y (MESSAGES)
                    S: * STATUS x/y (MESSAGES 0)
                    S: b6 OK Status completed.
                    """);
            Account account = server.store().account("alice").orElseThrow();
            assertThat(account.delimiter()).isEqualTo('.');
            assertThat(account.mailbox("a.b.c")).isNotNull();
            assertThat(account.mailbox("x/y")).isNotNull();
            assertThat(account.hasChildren("x")).isFalse();
        }
    }

    @Test
    void renameMovesTheChildrenBelowTheDotAndDeleteOfAParentLeavesItNoselect() {
        try (ImapMockServer server = dotted(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE a.b.c");
            c.command("c2", "CREATE a/b");
            c.play("""
                    C: r1 RENAME a a2
                    S: r1 OK Rename completed.
                    C: r2 LIST "" a*
                    S: * LIST (\\HasNoChildren) "." a/b
                    S: * LIST (\\HasChildren) "." a2
                    S: * LIST (\\HasChildren) "." a2.b
                    S: * LIST (\\HasNoChildren) "." a2.b.c
                    S: r2 OK LIST completed.
                    C: r3 RENAME a2.b.c a2.b.c.d
                    S: r3 NO [CANNOT] Can't rename a mailbox to its own child
                    C: r4 RENAME a2.b x.
                    S: r4 OK Rename completed.
                    C: r5 LIST "" *
                    S: * LIST (\\HasNoChildren) "." INBOX
                    S~ \\* LIST \\(\\\\HasNoChildren( \\\\[A-Za-z]+)?\\) "\\." [A-Za-z]+
                    S~ \\* LIST \\(\\\\HasNoChildren( \\\\[A-Za-z]+)?\\) "\\." [A-Za-z]+
                    S~ \\* LIST \\(\\\\HasNoChildren( \\\\[A-Za-z]+)?\\) "\\." [A-Za-z]+
                    S~ \\* LIST \\(\\\\HasNoChildren( \\\\[A-Za-z]+)?\\) "\\." [A-Za-z]+
                    S~ \\* LIST \\(\\\\HasNoChildren( \\\\[A-Za-z]+)?\\) "\\." [A-Za-z]+
                    S: * LIST (\\HasNoChildren) "." a/b
                    S: * LIST (\\HasNoChildren) "." a2
                    S: * LIST (\\HasChildren) "." x
                    S: * LIST (\\HasNoChildren) "." x.c
                    S: r5 OK LIST completed.
                    C: d1 DELETE x
                    S: d1 OK Delete completed.
                    C: d2 LIST "" x*
                    S: * LIST (\\Noselect \\HasChildren) "." x
                    S: * LIST (\\HasNoChildren) "." x.c
                    S: d2 OK LIST completed.
                    C: d3 DELETE x
                    S: d3 NO [CANNOT] Mailbox has children and no messages of its own: delete its children first
                    C: d4 DELETE x.c
                    S: d4 OK Delete completed.
                    C: d5 DELETE x
                    S: d5 OK Delete completed.
                    C: d6 LIST "" x*
                    S: d6 OK LIST completed.
                    """);
        }
    }

    @Test
    void namespaceTellsTheDotAndTheAclPrefixesEndWithIt() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").user("bob", "secret")
                .hierarchyDelimiter('.').acl("bob", "Work.Reports", "alice", "lr").build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: n1 NAMESPACE
                    S: * NAMESPACE (("" ".")) (("Other Users." ".")) (("Shared." "."))
                    S: n1 OK Namespace completed.
                    C: n2 LIST "Other Users." *
                    S: * LIST (\\Noselect \\HasChildren) "." "Other Users.bob"
                    S: * LIST (\\Noselect \\HasChildren) "." "Other Users.bob.Work"
                    S: * LIST (\\HasNoChildren) "." "Other Users.bob.Work.Reports"
                    S: n2 OK LIST completed.
                    C: n3 STATUS "Other Users.bob.Work.Reports" (MESSAGES)
                    S: * STATUS "Other Users.bob.Work.Reports" (MESSAGES 0)
                    S: n3 OK Status completed.
                    """);
        }
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").hierarchyDelimiter('.')
                .without(Extension.ACL).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: n1 NAMESPACE
                    S: * NAMESPACE (("" ".")) NIL NIL
                    S: n1 OK Namespace completed.
                    """);
        }
    }

    @Test
    void lsubShowsTheUnsubscribedParentsOfSubscribedNamesNoselect() {
        try (ImapMockServer server = dotted(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE a.b.c");
            c.play("""
                    C: s1 SUBSCRIBE a.b.c
                    S: s1 OK Subscribe completed.
                    C: s2 LSUB "" %
                    S: * LSUB (\\Noselect) "." a
                    S: s2 OK LSUB completed.
                    C: s3 LSUB "" a.%
                    S: * LSUB (\\Noselect) "." a.b
                    S: s3 OK LSUB completed.
                    C: s4 LSUB "" *
                    S: * LSUB () "." a.b.c
                    S: s4 OK LSUB completed.
                    C: s5 LIST (SUBSCRIBED) "" %
                    S: s5 OK LIST completed.
                    C: s6 LIST (SUBSCRIBED RECURSIVEMATCH) "" %
                    S: * LIST () "." a (CHILDINFO ("SUBSCRIBED"))
                    S: s6 OK LIST completed.
                    """);
        }
    }

    @Test
    void notifySubtreeTakesTheLevelsBelowTheDot() {
        try (ImapMockServer server = dotted(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE a.b");
            c.command("c2", "CREATE a/b");
            c.play("""
                    C: n1 NOTIFY SET (SUBTREE a (MessageNew MessageExpunge))
                    S: n1 OK NOTIFY completed.
                    """);
            server.deliver("alice", "a/b", "Subject: no\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            server.deliver("alice", "a.b", "Subject: yes\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            c.play("""
                    C: n2 NOOP
                    S~ \\* STATUS a\\.b \\(MESSAGES 1 UIDNEXT 2 UIDVALIDITY \\d+ UNSEEN 1\\)
                    S: n2 OK NOOP completed.
                    """);
        }
    }

    @Test
    void metadataOnADottedMailboxKeepsItsName() {
        try (ImapMockServer server = dotted(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE a.b");
            c.play("""
                    C: m1 SETMETADATA a.b (/private/comment "hi")
                    S: m1 OK Setmetadata completed.
                    C: m2 GETMETADATA a.b /private/comment
                    S: * METADATA a.b (/private/comment "hi")
                    S: m2 OK Getmetadata completed.
                    """);
        }
    }

    @Test
    void theBuilderRefusesADelimiterLISTCannotTell() {
        for (char bad : new char[] {'*', '%', '"', '\\', ' ', '\u00e9', '\t'}) {
            assertThatThrownBy(() -> ImapMockServer.builder().hierarchyDelimiter(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("A hierarchy delimiter is one printable ASCII character");
        }
        assertThatThrownBy(() -> ImapMockServer.builder().hierarchyDelimiter('.').namespaces("Others/", "Public/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A namespace prefix is a name ending with '.', not INBOX: Others/");
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").namespaces("Others/", "Public/")
                .hierarchyDelimiter('.').namespaces("Others.", "Public.").build().start()) {
            assertThat(server.store().namespaces().otherUsers()).isEqualTo("Others.");
        }
    }

    @Test
    void theDefaultStaysTheSlash() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE a.b/c");
            c.play("""
                    C: l1 LIST "" a*
                    S: * LIST (\\HasChildren) "/" a.b
                    S: * LIST (\\HasNoChildren) "/" a.b/c
                    S: l1 OK LIST completed.
                    """);
            Mailbox m = server.store().account("alice").orElseThrow().mailbox("a.b/c");
            assertThat(m.name()).isEqualTo("a.b/c");
            assertThat(server.store().delimiter()).isEqualTo('/');
        }
    }

    @Test
    void faultRulesTellInboxAtTheFirstLevelOfTheDot() {
        try (ImapMockServer server = dotted(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE INBOX.Sub");
            c.command("c2", "CREATE inbox/x");
            server.faults().on("SELECT").mailbox("inbox.Sub").respond("NO [UNAVAILABLE] Sub is down");
            server.faults().on("STATUS").mailbox("INBOX/x").respond("NO [UNAVAILABLE] Not this one");
            c.play("""
                    C: s1 SELECT inbox.Sub
                    S: s1 NO [UNAVAILABLE] Sub is down
                    C: s2 SELECT Inbox.Sub
                    S: s2 NO [UNAVAILABLE] Sub is down
                    C: s3 STATUS inbox/x (MESSAGES)
                    S: * STATUS inbox/x (MESSAGES 0)
                    S: s3 OK Status completed.
                    C: s4 STATUS INBOX/x (MESSAGES)
                    S: s4 NO [UNAVAILABLE] Not this one
                    """);
        }
    }
}
