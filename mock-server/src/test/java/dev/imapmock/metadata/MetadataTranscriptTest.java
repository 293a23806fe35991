package dev.imapmock.metadata;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.MailStore;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * METADATA and METADATA-SERVER (RFC 5464) over the wire, byte for byte: server annotations under
 * the mailbox name {@code ""}, mailbox annotations that follow RENAME and go with DELETE, the
 * MAXSIZE and DEPTH options, values as quoted strings, literals and literal8, the store's limits
 * as {@code [METADATA ...]} codes, and every syntax error a BAD that leaves the connection usable
 * and the store unchanged.
 */
@Timeout(20)
class MetadataTranscriptTest {

    private static ImapMockServer.Builder alice() {
        return ImapMockServer.builder().user("alice", "secret");
    }

    private static Account account(ImapMockServer server) {
        return server.store().account("alice").orElseThrow();
    }

    @Test
    void serverAndMailboxAnnotationsAreSetReadAndRemoved() {
        try (ImapMockServer server = alice().build().start(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 GETMETADATA "" /shared/comment
                    S: * METADATA "" (/shared/comment NIL)
                    S: a1 OK Getmetadata completed.
                    C: a2 SETMETADATA "" (/shared/comment "Server \\"news\\"" /private/Vendor/x/y "mine")
                    S: a2 OK Setmetadata completed.
                    C: a3 GETMETADATA "" (/shared/comment /private/vendor/X/Y)
                    S: * METADATA "" (/shared/comment "Server \\"news\\"" /private/vendor/x/y "mine")
                    S: a3 OK Getmetadata completed.
                    C: a4 SETMETADATA inbox (/private/comment "My inbox" /shared/comment "Team inbox")
                    S: a4 OK Setmetadata completed.
                    C: a5 GETMETADATA INBOX (/private/comment /shared/comment /private/other)
                    S: * METADATA INBOX (/private/comment "My inbox" /shared/comment "Team inbox" /private/other NIL)
                    S: a5 OK Getmetadata completed.
                    C: a6 SETMETADATA INBOX (/private/comment NIL /private/never NIL)
                    S: a6 OK Setmetadata completed.
                    C: a7 GETMETADATA INBOX /private/comment
                    S: * METADATA INBOX (/private/comment NIL)
                    S: a7 OK Getmetadata completed.
                    C: a8 GETMETADATA "" /shared/comment
                    S: * METADATA "" (/shared/comment "Server \\"news\\"")
                    S: a8 OK Getmetadata completed.
                    C: a9 SETMETADATA "My Box" (/shared/comment "x")
                    S: a9 NO [NONEXISTENT] Mailbox doesn't exist: My Box
                    C: b1 CREATE "My Box"
                    S: b1 OK Create completed.
                    C: b2 SETMETADATA "My Box" (/shared/comment "x" /shared/comment "y")
                    S: b2 OK Setmetadata completed.
                    C: b3 GETMETADATA "My Box" /shared/comment
                    S: * METADATA "My Box" (/shared/comment "y")
                    S: b3 OK Getmetadata completed.
                    C: b4 SELECT INBOX
                    """);
            c.readUntilTagged("b4");
            c.play("""
                    C: b5 GETMETADATA INBOX /shared/comment
                    S: * METADATA INBOX (/shared/comment "Team inbox")
                    S: b5 OK Getmetadata completed.
                    """);
            assertThat(account(server).annotations().get("/shared/comment"))
                    .isEqualTo("Server \"news\"".getBytes(StandardCharsets.US_ASCII));
            assertThat(account(server).mailbox("INBOX").annotations().all()).containsOnlyKeys("/shared/comment");
        }
    }

    @Test
    void depthFindsTheEntriesBelowANameAndZeroIsTheDefault() {
        try (ImapMockServer server = alice().build().start(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: s1 SETMETADATA INBOX (/shared/a "1" /shared/a/b "2" /shared/a/b/c "3" /shared/ab "4" /private/a "5")
                    S: s1 OK Setmetadata completed.
                    C: a1 GETMETADATA (DEPTH 0) INBOX /shared/a
                    S: * METADATA INBOX (/shared/a "1")
                    S: a1 OK Getmetadata completed.
                    C: a2 GETMETADATA (DEPTH 1) INBOX /shared/a
                    S: * METADATA INBOX (/shared/a "1" /shared/a/b "2")
                    S: a2 OK Getmetadata completed.
                    C: a3 GETMETADATA (DEPTH infinity) INBOX /shared/a
                    S: * METADATA INBOX (/shared/a "1" /shared/a/b "2" /shared/a/b/c "3")
                    S: a3 OK Getmetadata completed.
                    C: a4 GETMETADATA (depth INFINITY) INBOX (/shared /private)
                    S: * METADATA INBOX (/shared/a "1" /shared/a/b "2" /shared/a/b/c "3" /shared/ab "4" /private/a "5")
                    S: a4 OK Getmetadata completed.
                    C: a5 GETMETADATA (DEPTH 1) INBOX (/shared/none /shared/a/b)
                    S: * METADATA INBOX (/shared/a/b "2" /shared/a/b/c "3")
                    S: a5 OK Getmetadata completed.
                    C: a6 GETMETADATA (DEPTH 1) INBOX /shared/none
                    S: a6 OK Getmetadata completed.
                    C: a7 GETMETADATA INBOX /shared
                    S: * METADATA INBOX (/shared NIL)
                    S: a7 OK Getmetadata completed.
                    """);
        }
    }

    @Test
    void maxSizeLeavesOutLargerValuesAndTellsTheLargestAsLongentries() {
        try (ImapMockServer server = alice().build().start(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: s1 SETMETADATA INBOX (/private/comment "mine" /shared/comment "Shared" /shared/comment/x "abc")
                    S: s1 OK Setmetadata completed.
                    C: a1 GETMETADATA (MAXSIZE 4) INBOX (/private/comment /shared/comment)
                    S: * METADATA INBOX (/private/comment "mine")
                    S: a1 OK [METADATA LONGENTRIES 6] Getmetadata completed.
                    C: a2 GETMETADATA (MAXSIZE 3) INBOX (/private/comment /shared/comment)
                    S: a2 OK [METADATA LONGENTRIES 6] Getmetadata completed.
                    C: a3 GETMETADATA (MAXSIZE 3 DEPTH 1) INBOX /shared/comment
                    S: * METADATA INBOX (/shared/comment/x "abc")
                    S: a3 OK [METADATA LONGENTRIES 6] Getmetadata completed.
                    C: a4 GETMETADATA (MAXSIZE 6) INBOX (/shared/comment /shared/missing)
                    S: * METADATA INBOX (/shared/comment "Shared" /shared/missing NIL)
                    S: a4 OK Getmetadata completed.
                    C: a5 GETMETADATA (MAXSIZE 0 MAXSIZE 100) INBOX /shared/comment
                    S: * METADATA INBOX (/shared/comment "Shared")
                    S: a5 OK Getmetadata completed.
                    """);
        }
    }

    @Test
    void valuesTravelAsLiteralsAndBinaryOnesAsLiteral8() {
        try (ImapMockServer server = alice().without(Extension.BINARY).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: s1 SETMETADATA INBOX (/shared/lines {4}
                    S: + Ready for literal data
                    """);
            c.sendAscii("a\r\nb /shared/plus {3+}\r\nabc /shared/bin ~{3}\r\n");
            c.play("""
                    S: + Ready for literal data
                    """);
            c.sendRaw(new byte[] {'x', 0, 'y'});
            c.send(")");
            c.play("""
                    S: s1 OK Setmetadata completed.
                    C: a1 GETMETADATA INBOX (/shared/lines /shared/plus /shared/bin)
                    S: * METADATA INBOX (/shared/lines {4}
                    S: a
                    S: b /shared/plus "abc" /shared/bin ~{3}
                    """);
            assertThat(c.readBytes(4)).isEqualTo(new byte[] {'x', 0, 'y', ')'});
            c.play("""
                    S:\s
                    S: a1 OK Getmetadata completed.
                    C: s2 SETMETADATA INBOX (/shared/nul {3+}
                    """);
            c.sendRaw(new byte[] {'x', 0, 'y'});
            c.send(")");
            c.play("""
                    S: s2 BAD The value of /shared/nul holds NUL octets, which only a literal8 ~{n} may carry
                    C: s3 SETMETADATA INBOX (/shared/utf8 "caf\u00e9")
                    S: s3 OK Setmetadata completed.
                    C: a2 GETMETADATA INBOX /shared/utf8
                    S: * METADATA INBOX (/shared/utf8 {5}
                    S: caf\u00e9)
                    S: a2 OK Getmetadata completed.
                    """);
            assertThat(account(server).mailbox("INBOX").annotations().get("/shared/bin")).isEqualTo(new byte[] {'x', 0, 'y'});
            c.assertStillWorks("n1");
        }
    }

    @Test
    void malformedCommandsAreBadWithAReasonAndChangeNothing() {
        try (ImapMockServer server = alice().build().start(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s0", "SETMETADATA INBOX (/shared/comment \"kept\")");
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: a1 GETMETADATA INBOX /foo/bar
                    S: a1 BAD Entry name must begin with /private or /shared: /foo/bar
                    C: a2 GETMETADATA INBOX shared/comment
                    S: a2 BAD Entry name must begin with /: shared/comment
                    C: a3 GETMETADATA INBOX /shared/a*
                    S: a3 BAD Entry name must not contain *: /shared/a*
                    C: a4 GETMETADATA INBOX /shared/a%
                    S: a4 BAD Entry name must not contain %: /shared/a%
                    C: a5 GETMETADATA INBOX /shared//a
                    S: a5 BAD Entry name must not contain //: /shared//a
                    C: a6 GETMETADATA INBOX /shared/a/
                    S: a6 BAD Entry name must not end with /: /shared/a/
                    C: a7 GETMETADATA INBOX "/shared/caf\u00e9"
                    S: a7 BAD Entry name must be printable ASCII: /shared/caf?
                    C: a8 GETMETADATA INBOX /sharedx
                    S: a8 BAD Entry name must begin with /private or /shared: /sharedx
                    C: b1 GETMETADATA INBOX
                    S: b1 BAD Missing an entry name or a list of entry names
                    C: b2 GETMETADATA
                    S: b2 BAD Missing a mailbox name
                    C: b3 GETMETADATA INBOX ()
                    S: b3 BAD Expected at least one entry name in the list
                    C: b4 GETMETADATA INBOX /shared/a /shared/b
                    S: b4 BAD Unexpected extra arguments
                    C: b5 GETMETADATA INBOX (/shared/a (/shared/b))
                    S: b5 BAD Expected an entry name, not a list
                    C: b6 GETMETADATA INBOX (MAXSIZE 10) /shared/a
                    S: b6 BAD Unexpected extra arguments
                    C: c1 GETMETADATA () INBOX /shared/a
                    S: c1 BAD Expected MAXSIZE or DEPTH in the option list, not ()
                    C: c2 GETMETADATA (FOO 1) INBOX /shared/a
                    S: c2 BAD Unknown GETMETADATA option: FOO
                    C: c3 GETMETADATA (DEPTH 2) INBOX /shared/a
                    S: c3 BAD DEPTH needs 0, 1 or infinity, not 2
                    C: c4 GETMETADATA (DEPTH "1") INBOX /shared/a
                    S: c4 BAD DEPTH needs 0, 1 or infinity, not a quoted string
                    C: c5 GETMETADATA (MAXSIZE x) INBOX /shared/a
                    S: c5 BAD MAXSIZE needs a number from 0 to 4294967295, not x
                    C: c6 GETMETADATA (MAXSIZE 4294967296) INBOX /shared/a
                    S: c6 BAD MAXSIZE needs a number from 0 to 4294967295, not 4294967296
                    C: c7 GETMETADATA (MAXSIZE) INBOX /shared/a
                    S: c7 BAD Option MAXSIZE has no value
                    C: c8 GETMETADATA ("DEPTH" 1) INBOX /shared/a
                    S: c8 BAD Expected MAXSIZE or DEPTH, not a quoted string
                    C: d1 SETMETADATA INBOX
                    S: d1 BAD Missing a list of entries and values
                    C: d2 SETMETADATA INBOX ()
                    S: d2 BAD Expected at least one entry and its value in the list
                    C: d3 SETMETADATA INBOX (/shared/comment)
                    S: d3 BAD Entry /shared/comment has no value
                    C: d4 SETMETADATA INBOX /shared/comment "x"
                    S: d4 BAD Expected a list of entries and values in parentheses
                    C: d5 SETMETADATA INBOX (/shared/comment atom)
                    S: d5 BAD The value of /shared/comment must be a string, a literal or NIL, not atom
                    C: d6 SETMETADATA INBOX (/shared/comment ("x"))
                    S: d6 BAD The value of /shared/comment must be a string, a literal or NIL, not a list
                    C: d7 SETMETADATA INBOX (/shared "x")
                    S: d7 BAD Entry name /shared holds no value; name an entry below it
                    C: d8 SETMETADATA INBOX (/shared/comment "changed" /shared/x* "y")
                    S: d8 BAD Entry name must not contain *: /shared/x*
                    C: d9 SETMETADATA INBOX (/shared/comment "x") extra
                    S: d9 BAD Unexpected extra arguments
                    C: e1 GETMETADATA INBOX /shared/comment
                    S: * METADATA INBOX (/shared/comment "kept")
                    S: e1 OK Getmetadata completed.
                    """);
            c.assertStillWorks("n1");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        }
    }

    @Test
    void unknownMailboxesAreNonexistentAndCommandsNeedALogin() {
        try (ImapMockServer server = alice().build().start(); RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: a1 GETMETADATA "" /shared/comment
                    S: a1 BAD GETMETADATA is not allowed in the not authenticated state
                    C: a2 SETMETADATA "" (/shared/comment "x")
                    S: a2 BAD SETMETADATA is not allowed in the not authenticated state
                    C: l1 LOGIN alice secret
                    """);
            c.readUntilTagged("l1");
            c.play("""
                    C: a3 GETMETADATA nosuch /shared/comment
                    S: a3 NO [NONEXISTENT] Mailbox doesn't exist: nosuch
                    C: a4 SETMETADATA nosuch (/shared/comment "x")
                    S: a4 NO [NONEXISTENT] Mailbox doesn't exist: nosuch
                    C: a5 CREATE Parent/Child
                    S: a5 OK Create completed.
                    C: a6 DELETE Parent
                    S: a6 OK Delete completed.
                    C: a7 GETMETADATA Parent /shared/comment
                    S: a7 NO [NONEXISTENT] Mailbox doesn't exist: Parent
                    """);
            assertThat(account(server).annotations().size()).isZero();
        }
    }

    @Test
    void theLimitsOfTheBuilderRefuseAWholeChangeWithTheirCodes() {
        try (ImapMockServer server = alice().maxMetadataValueSize(5).maxMetadataEntries(2).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 SETMETADATA INBOX (/shared/a "12345" /shared/b "123456")
                    S: a1 NO [METADATA MAXSIZE 5] Value of /shared/b is too large (6 octets; the limit is 5)
                    C: a2 SETMETADATA INBOX (/shared/a "1" /shared/b "2" /shared/c "3")
                    S: a2 NO [METADATA TOOMANY] Too many annotations (the limit is 2)
                    C: a3 GETMETADATA (DEPTH infinity) INBOX /shared
                    S: a3 OK Getmetadata completed.
                    C: a4 SETMETADATA INBOX (/shared/a "1" /shared/b "2")
                    S: a4 OK Setmetadata completed.
                    C: a5 SETMETADATA INBOX (/shared/c "3")
                    S: a5 NO [METADATA TOOMANY] Too many annotations (the limit is 2)
                    C: a6 SETMETADATA INBOX (/shared/a NIL /shared/c "3" /shared/b "22")
                    S: a6 OK Setmetadata completed.
                    C: a7 SETMETADATA "" (/shared/x "1" /shared/y "2")
                    S: a7 OK Setmetadata completed.
                    C: a8 GETMETADATA (DEPTH 1) INBOX /shared
                    S: * METADATA INBOX (/shared/b "22" /shared/c "3")
                    S: a8 OK Getmetadata completed.
                    """);
        }
        try (ImapMockServer server = alice().privateMetadata(false).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 SETMETADATA INBOX (/shared/a "1" /private/a "2")
                    S: a1 NO [METADATA NOPRIVATE] Private annotations are not supported
                    C: a2 SETMETADATA "" (/PRIVATE/a "2")
                    S: a2 NO [METADATA NOPRIVATE] Private annotations are not supported
                    C: a3 GETMETADATA INBOX (/shared/a /private/a)
                    S: * METADATA INBOX (/shared/a NIL /private/a NIL)
                    S: a3 OK Getmetadata completed.
                    """);
        }
    }

    @Test
    void annotationsFollowRenameGoWithDeleteAndAreCopiedWhenInboxIsRenamed() {
        try (ImapMockServer server = alice().build().start(); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 CREATE Work/Sub
                    S: a1 OK Create completed.
                    C: a2 SETMETADATA Work (/shared/comment "work")
                    S: a2 OK Setmetadata completed.
                    C: a3 SETMETADATA Work/Sub (/private/comment "sub")
                    S: a3 OK Setmetadata completed.
                    C: a4 RENAME Work Job
                    S: a4 OK Rename completed.
                    C: a5 GETMETADATA Job /shared/comment
                    S: * METADATA Job (/shared/comment "work")
                    S: a5 OK Getmetadata completed.
                    C: a6 GETMETADATA Job/Sub /private/comment
                    S: * METADATA Job/Sub (/private/comment "sub")
                    S: a6 OK Getmetadata completed.
                    C: a7 DELETE Job/Sub
                    S: a7 OK Delete completed.
                    C: a8 CREATE Job/Sub
                    S: a8 OK Create completed.
                    C: a9 GETMETADATA Job/Sub /private/comment
                    S: * METADATA Job/Sub (/private/comment NIL)
                    S: a9 OK Getmetadata completed.
                    C: b1 CREATE Job/Sub/Leaf
                    S: b1 OK Create completed.
                    C: b2 SETMETADATA Job/Sub (/private/comment "again")
                    S: b2 OK Setmetadata completed.
                    C: b3 DELETE Job/Sub
                    S: b3 OK Delete completed.
                    C: b4 CREATE Job/Sub
                    S: b4 OK Create completed.
                    C: b5 GETMETADATA Job/Sub /private/comment
                    S: * METADATA Job/Sub (/private/comment NIL)
                    S: b5 OK Getmetadata completed.
                    C: c1 SETMETADATA INBOX (/shared/comment "inbox")
                    S: c1 OK Setmetadata completed.
                    C: c2 RENAME INBOX Old
                    S: c2 OK Rename completed.
                    C: c3 GETMETADATA Old /shared/comment
                    S: * METADATA Old (/shared/comment "inbox")
                    S: c3 OK Getmetadata completed.
                    C: c4 GETMETADATA INBOX /shared/comment
                    S: * METADATA INBOX (/shared/comment "inbox")
                    S: c4 OK Getmetadata completed.
                    """);
        }
    }

    @Test
    void aServerWithoutTheExtensionsDoesNotKnowTheCommands() {
        try (ImapMockServer server = alice().without(Extension.METADATA, Extension.METADATA_SERVER).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a0 CAPABILITY
                    S: * CAPABILITY %s
                    S: a0 OK Capability completed.
                    C: a1 GETMETADATA "" /shared/comment
                    S: a1 BAD Unknown command GETMETADATA
                    C: a2 SETMETADATA "" (/shared/comment "x")
                    S: a2 BAD Unknown command SETMETADATA
                    C: a3 SETMETADATA "" (/shared/comment ~{1}
                    S: a3 BAD A literal8 ~{n} may only carry a message in APPEND
                    """.formatted(Capabilities.afterLoginWithout("METADATA", "METADATA-SERVER")));
            c.assertStillWorks("n1");
        }
    }

    @Test
    void metadataServerAloneKeepsServerAnnotationsOnly() {
        try (ImapMockServer server = alice().without(Extension.METADATA).build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a0 CAPABILITY
                    S: * CAPABILITY %s
                    S: a0 OK Capability completed.
                    C: a1 SETMETADATA "" (/shared/motd "Hello")
                    S: a1 OK Setmetadata completed.
                    C: a2 GETMETADATA "" /shared/motd
                    S: * METADATA "" (/shared/motd "Hello")
                    S: a2 OK Getmetadata completed.
                    C: a3 GETMETADATA INBOX /shared/comment
                    S: a3 NO Only server annotations are supported (mailbox name "")
                    C: a4 SETMETADATA INBOX (/shared/comment "x")
                    S: a4 NO Only server annotations are supported (mailbox name "")
                    """.formatted(Capabilities.afterLoginWithout("METADATA")));
        }
    }

    @Test
    void aSnapshotKeepsServerAndMailboxAnnotations() {
        try (ImapMockServer server = alice().build().start()) {
            try (RawClient c = RawClient.login(server, "alice", "secret")) {
                c.command("s1", "SETMETADATA \"\" (/shared/motd \"Hello\")");
                c.command("s2", "SETMETADATA INBOX (/private/comment \"mine\")");
            }
            MailStore.Snapshot snapshot = server.store().snapshot();
            try (RawClient c = RawClient.login(server, "alice", "secret")) {
                c.command("s3", "SETMETADATA \"\" (/shared/motd NIL /shared/other \"x\")");
                c.command("s4", "SETMETADATA INBOX (/private/comment \"changed\")");
            }
            server.store().restore(snapshot);
            try (RawClient c = RawClient.login(server, "alice", "secret")) {
                c.play("""
                        C: a1 GETMETADATA (DEPTH infinity) "" /shared
                        S: * METADATA "" (/shared/motd "Hello")
                        S: a1 OK Getmetadata completed.
                        C: a2 GETMETADATA INBOX /private/comment
                        S: * METADATA INBOX (/private/comment "mine")
                        S: a2 OK Getmetadata completed.
                        """);
            }
        }
    }
}
