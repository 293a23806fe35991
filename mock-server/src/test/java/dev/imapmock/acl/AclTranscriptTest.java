package dev.imapmock.acl;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Rights;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACL (RFC 4314) and the other users' and shared namespaces (RFC 2342) over a socket, exact bytes:
 * the five commands, the rights each command needs, and two users on one mailbox.
 */
@Timeout(20)
class AclTranscriptTest {

    private static ImapMockServer server() {
        return ImapMockServer.builder().specialUse(SpecialUseMailboxes.none()).user("alice", "secret").user("bob", "secret").user("carol", "secret")
                .build().start();
    }

    private static Account alice(ImapMockServer server) {
        return server.store().account("alice").orElseThrow();
    }

    private static void add(Mailbox box, String subject, Flags flags) {
        byte[] bytes = ("Subject: " + subject + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
        box.append(List.of(new Mailbox.NewMessage(bytes, flags, OffsetDateTime.parse("2026-12-01T10:00:00Z"))));
    }

    @Test
    void theOwnerReadsAndChangesTheAclAsDovecotAnswers() {
        try (ImapMockServer server = server()) {
            alice(server).create("box");
            try (RawClient client = RawClient.login(server, "alice", "secret")) {
                client.play("""
                        C: a1 NAMESPACE
                        S: * NAMESPACE (("" "/")) (("Other Users/" "/")) (("Shared/" "/"))
                        S: a1 OK Namespace completed.
                        C: a2 GETACL INBOX
                        S: * ACL INBOX alice lrwstipekxacd
                        S: a2 OK Getacl completed.
                        C: a3 MYRIGHTS box
                        S: * MYRIGHTS box lrwstipekxacd
                        S: a3 OK Myrights completed.
                        C: a4 LISTRIGHTS box bob
                        S: * LISTRIGHTS box bob "" l r w s t i p e k x a
                        S: a4 OK Listrights completed.
                        C: a5 SETACL box bob lr
                        S: a5 OK Setacl complete.
                        C: a6 SETACL box bob +c
                        S: a6 OK Setacl complete.
                        C: a7 GETACL box
                        S: * ACL box bob lrkxc alice lrwstipekxacd
                        S: a7 OK Getacl completed.
                        C: a8 SETACL box bob -c
                        S: a8 OK Setacl complete.
                        C: a9 SETACL box bob +d
                        S: a9 OK Setacl complete.
                        C: a10 SETACL box -carol w
                        S: a10 OK Setacl complete.
                        C: a11 GETACL box
                        S: * ACL box bob lrted -carol w alice lrwstipekxacd
                        S: a11 OK Getacl completed.
                        C: a12 DELETEACL box -carol
                        S: a12 OK Deleteacl complete.
                        C: a13 DELETEACL box nobody
                        S: a13 OK Deleteacl complete.
                        C: a14 SETACL box bob ""
                        S: a14 OK Setacl complete.
                        C: a15 GETACL box
                        S: * ACL box bob "" alice lrwstipekxacd
                        S: a15 OK Getacl completed.
                        C: a16 SETACL box "Other Users" lr
                        S: a16 OK Setacl complete.
                        C: a17 GETACL box
                        S: * ACL box bob "" "Other Users" lr alice lrwstipekxacd
                        S: a17 OK Getacl completed.
                        """);
            }
        }
    }

    @Test
    void badRightsAndIdentifiersAreBadAndChangeNothing() {
        try (ImapMockServer server = server()) {
            alice(server).create("box");
            try (RawClient client = RawClient.login(server, "alice", "secret")) {
                client.play("""
                        C: b1 SETACL box bob lrq
                        S: b1 BAD Invalid ACL right: q
                        C: b2 SETACL box "" lr
                        S: b2 BAD An ACL identifier can't be empty
                        C: b3 SETACL box bob
                        S~ b3 BAD .+
                        C: b4 GETACL
                        S~ b4 BAD .+
                        C: b5 MYRIGHTS box extra
                        S~ b5 BAD .+
                        C: b6 SETACL nosuch bob lr
                        S: b6 NO [NONEXISTENT] Mailbox doesn't exist: nosuch
                        C: b7 MYRIGHTS nosuch
                        S: b7 NO [NONEXISTENT] Mailbox doesn't exist: nosuch
                        C: b8 GETACL box
                        S: * ACL box alice lrwstipekxacd
                        S: b8 OK Getacl completed.
                        """);
                client.assertStillWorks("b9");
            }
            try (RawClient client = RawClient.connect(server)) {
                client.play("""
                        C: b10 GETACL INBOX
                        S: b10 BAD GETACL is not allowed in the not authenticated state
                        """);
            }
        }
    }

    @Test
    void anOwnersSetaclMakesTheMailboxVisibleToTheOtherUser() {
        try (ImapMockServer server = server()) {
            Mailbox box = alice(server).create("box");
            alice(server).create("box/sub");
            alice(server).create("private");
            add(box, "first", Flags.NONE);
            try (RawClient alice = RawClient.login(server, "alice", "secret");
                 RawClient bob = RawClient.login(server, "bob", "secret")) {
                bob.play("""
                        C: c1 LIST "" "*"
                        S: * LIST (\\HasNoChildren) "/" INBOX
                        S: c1 OK LIST completed.
                        C: c2 SELECT "Other Users/alice/box"
                        S: c2 NO [NONEXISTENT] Mailbox doesn't exist: Other Users/alice/box
                        """);
                alice.play("""
                        C: a1 SETACL box bob lr
                        S: a1 OK Setacl complete.
                        """);
                bob.play("""
                        C: c3 LIST "" "*"
                        S: * LIST (\\HasNoChildren) "/" INBOX
                        S: * LIST (\\Noselect \\HasChildren) "/" "Other Users"
                        S: * LIST (\\Noselect \\HasChildren) "/" "Other Users/alice"
                        S: * LIST (\\HasNoChildren) "/" "Other Users/alice/box"
                        S: c3 OK LIST completed.
                        C: c4 LIST "" "%"
                        S: * LIST (\\HasNoChildren) "/" INBOX
                        S: * LIST (\\Noselect \\HasChildren) "/" "Other Users"
                        S: c4 OK LIST completed.
                        C: c5 LIST "" "*" RETURN (CHILDREN STATUS (MESSAGES))
                        S: * LIST (\\HasNoChildren) "/" INBOX
                        S: * STATUS INBOX (MESSAGES 0)
                        S: * LIST (\\NonExistent \\HasChildren) "/" "Other Users"
                        S: * LIST (\\NonExistent \\HasChildren) "/" "Other Users/alice"
                        S: * LIST (\\HasNoChildren) "/" "Other Users/alice/box"
                        S: * STATUS "Other Users/alice/box" (MESSAGES 1)
                        S: c5 OK LIST completed.
                        C: c6 MYRIGHTS "Other Users/alice/box"
                        S: * MYRIGHTS "Other Users/alice/box" lr
                        S: c6 OK Myrights completed.
                        C: c7 GETACL "Other Users/alice/box"
                        S: c7 NO [NOPERM] You lack administrator privileges on this mailbox
                        C: c8 SETACL "Other Users/alice/box" bob lrwstipekxa
                        S: c8 NO [NOPERM] You lack administrator privileges on this mailbox
                        C: c9 GETACL "Other Users/alice/private"
                        S: c9 NO [NONEXISTENT] Mailbox doesn't exist: Other Users/alice/private
                        C: c10 STATUS "Other Users/alice/box" (MESSAGES UNSEEN)
                        S: * STATUS "Other Users/alice/box" (MESSAGES 1 UNSEEN 1)
                        S: c10 OK Status completed.
                        C: c11 SELECT "Other Users/alice/box"
                        S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                        S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
                        S: * 1 EXISTS
                        S: * 1 RECENT
                        S: * OK [UNSEEN 1] First unseen.
                        S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                        S: * OK [UIDNEXT 2] Predicted next UID
                        S: c11 OK [READ-ONLY] Select completed.
                        C: c12 FETCH 1 (BODY[HEADER.FIELDS (SUBJECT)])
                        S: * 1 FETCH (BODY[HEADER.FIELDS (SUBJECT)] {18}
                        S: Subject: first
                        S:\s
                        S: )
                        S: c12 OK Fetch completed.
                        C: c13 FETCH 1 FLAGS
                        S: * 1 FETCH (FLAGS (\\Recent))
                        S: c13 OK Fetch completed.
                        C: c14 STORE 1 +FLAGS (\\Seen)
                        S: c14 NO [READ-ONLY] Mailbox is read-only
                        C: c15 COPY 1 "Other Users/alice/box"
                        S: c15 NO [NOPERM] Permission denied
                        C: c16 COPY 1 INBOX
                        S~ c16 OK \\[COPYUID \\d+ 1 1\\] Copy completed.
                        C: c17 APPEND "Other Users/alice/box" {2+}
                        C: hi
                        S: c17 NO [NOPERM] Permission denied
                        C: c18 CREATE "Other Users/alice/box/new"
                        S: c18 NO [NOPERM] Permission denied
                        C: c19 DELETE "Other Users/alice/box"
                        S: c19 NO [NOPERM] Permission denied
                        C: c20 RENAME "Other Users/alice/box" "Other Users/alice/b2"
                        S: c20 NO [NOPERM] Permission denied
                        C: c21 SELECT "Other Users/alice/box/sub"
                        S: c21 NO [NONEXISTENT] Mailbox doesn't exist: Other Users/alice/box/sub
                        C: c22 SELECT "Other Users/nobody/INBOX"
                        S: c22 NO [NONEXISTENT] Mailbox doesn't exist: Other Users/nobody/INBOX
                        C: c23 SELECT "Other Users"
                        S: c23 NO [NONEXISTENT] Mailbox doesn't exist: Other Users
                        """);
            }
            assertThat(box.messages().get(0).flags()).isEqualTo(Flags.NONE);
        }
    }

    @Test
    void partialRightsLimitWhatStoreAppendAndExpungeChange() {
        try (ImapMockServer server = server()) {
            Mailbox box = alice(server).create("box");
            add(box, "first", Flags.of(List.of("\\Deleted")));
            box.acl().set("bob", Rights.parse("lrsi"));
            try (RawClient bob = RawClient.login(server, "bob", "secret")) {
                bob.play("""
                        C: d1 SELECT "Other Users/alice/box"
                        S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                        S: * OK [PERMANENTFLAGS (\\Seen)] Flags permitted.
                        S: * 1 EXISTS
                        S: * 1 RECENT
                        S: * OK [UNSEEN 1] First unseen.
                        S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                        S: * OK [UIDNEXT 2] Predicted next UID
                        S: d1 OK [READ-WRITE] Select completed.
                        C: d2 STORE 1 +FLAGS (\\Seen \\Flagged)
                        S: * 1 FETCH (FLAGS (\\Deleted \\Seen \\Recent))
                        S: d2 OK Store completed.
                        C: d3 STORE 1 FLAGS ()
                        S: * 1 FETCH (FLAGS (\\Deleted \\Recent))
                        S: d3 OK Store completed.
                        C: d4 STORE 1 -FLAGS (\\Deleted)
                        S: d4 OK Store completed.
                        C: d5 FETCH 1 BODY[TEXT]
                        S: * 1 FETCH (BODY[TEXT] {6}
                        S: body
                        S:  FLAGS (\\Deleted \\Seen \\Recent))
                        S: d5 OK Fetch completed.
                        C: d6 EXPUNGE
                        S: d6 NO [NOPERM] Permission denied
                        C: d7 MOVE 1 INBOX
                        S: d7 NO [NOPERM] Permission denied
                        C: d8 APPEND "Other Users/alice/box" (\\Seen \\Flagged $Work) {2+}
                        C: hi
                        S: * 2 EXISTS
                        S: * 2 RECENT
                        S~ d8 OK \\[APPENDUID \\d+ 2\\] Append completed.
                        C: d9 CLOSE
                        S: d9 OK Close completed.
                        """);
            }
            assertThat(box.messages()).hasSize(2);
            assertThat(box.messages().get(1).flags().names()).containsExactly("\\Seen");
        }
    }

    @Test
    void twoUsersOnOneMailboxSeeEachOthersChanges() {
        try (ImapMockServer server = server()) {
            Mailbox box = alice(server).create("box");
            box.acl().set("bob", Rights.parse("lrswite"));
            try (RawClient alice = RawClient.login(server, "alice", "secret");
                 RawClient bob = RawClient.login(server, "bob", "secret")) {
                alice.play("""
                        C: a1 SELECT box
                        S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                        S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.
                        S: * 0 EXISTS
                        S: * 0 RECENT
                        S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                        S: * OK [UIDNEXT 1] Predicted next UID
                        S: a1 OK [READ-WRITE] Select completed.
                        """);
                bob.play("""
                        C: b1 SELECT "Other Users/alice/box"
                        S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                        S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.
                        S: * 0 EXISTS
                        S: * 0 RECENT
                        S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                        S: * OK [UIDNEXT 1] Predicted next UID
                        S: b1 OK [READ-WRITE] Select completed.
                        C: b2 APPEND "Other Users/alice/box" {2+}
                        C: hi
                        S: * 1 EXISTS
                        S: * 1 RECENT
                        S~ b2 OK \\[APPENDUID \\d+ 1\\] Append completed.
                        """);
                alice.play("""
                        C: a2 NOOP
                        S: * 1 EXISTS
                        S: a2 OK NOOP completed.
                        C: a3 STORE 1 +FLAGS (\\Deleted)
                        S: * 1 FETCH (FLAGS (\\Deleted))
                        S: a3 OK Store completed.
                        """);
                bob.play("""
                        C: b3 NOOP
                        S: * 1 FETCH (FLAGS (\\Deleted \\Recent))
                        S: b3 OK NOOP completed.
                        C: b4 EXPUNGE
                        S: * 1 EXPUNGE
                        S: * 0 RECENT
                        S: b4 OK Expunge completed.
                        """);
                alice.play("""
                        C: a4 NOOP
                        S: * 1 EXPUNGE
                        S: a4 OK NOOP completed.
                        """);
            }
        }
    }

    @Test
    void createDeleteAndRenameInAnotherUsersMailboxesNeedKAndX() {
        try (ImapMockServer server = server()) {
            Mailbox box = alice(server).create("box");
            box.acl().set("bob", Rights.parse("lrkx"));
            try (RawClient bob = RawClient.login(server, "bob", "secret")) {
                bob.play("""
                        C: e1 CREATE "Other Users/alice/box/new"
                        S: e1 OK Create completed.
                        C: e2 MYRIGHTS "Other Users/alice/box/new"
                        S: * MYRIGHTS "Other Users/alice/box/new" lrkxc
                        S: e2 OK Myrights completed.
                        C: e3 CREATE "Other Users/alice/top"
                        S: e3 NO [NOPERM] Permission denied
                        C: e4 CREATE "Other Users/alice"
                        S: e4 NO [NOPERM] Permission denied
                        C: e5 CREATE "Other Users/x"
                        S: e5 NO [NOPERM] Permission denied
                        C: e6 CREATE "Other Users/alice/box/new"
                        S: e6 NO [ALREADYEXISTS] Mailbox already exists: Other Users/alice/box/new
                        C: e7 RENAME "Other Users/alice/box/new" "Other Users/alice/box/newer"
                        S: e7 OK Rename completed.
                        C: e8 RENAME "Other Users/alice/box/newer" INBOX/newer
                        S: e8 NO [CANNOT] Can't rename a mailbox to another user or namespace
                        C: e9 DELETE "Other Users/alice/box/newer"
                        S: e9 OK Delete completed.
                        C: e10 LIST "" "Other Users/*"
                        S: * LIST (\\Noselect \\HasChildren) "/" "Other Users/alice"
                        S: * LIST (\\HasNoChildren) "/" "Other Users/alice/box"
                        S: e10 OK LIST completed.
                        """);
            }
            assertThat(alice(server).mailboxes()).extracting(Mailbox::name).containsExactly("INBOX", "box");
        }
    }

    @Test
    void theSharedNamespaceHoldsMailboxesOfNoUser() {
        try (ImapMockServer server = ImapMockServer.builder().specialUse(SpecialUseMailboxes.none()).user("alice", "secret").user("bob", "secret")
                .sharedMailbox("news", "anyone", "lrs").sharedMailbox("staff", "bob", "lr").build().start()) {
            try (RawClient alice = RawClient.login(server, "alice", "secret")) {
                alice.play("""
                        C: f1 LIST "" "Shared/*"
                        S: * LIST (\\HasNoChildren) "/" Shared/news
                        S: f1 OK LIST completed.
                        C: f2 MYRIGHTS Shared/news
                        S: * MYRIGHTS Shared/news lrs
                        S: f2 OK Myrights completed.
                        C: f3 CREATE Shared/mine
                        S: f3 NO [NOPERM] Permission denied
                        C: f4 SUBSCRIBE Shared/news
                        S: f4 OK Subscribe completed.
                        C: f5 LSUB "" "*"
                        S: * LSUB () "/" Shared/news
                        S: f5 OK LSUB completed.
                        C: f6 SUBSCRIBE Shared/staff
                        S: f6 NO [NONEXISTENT] Mailbox doesn't exist: Shared/staff
                        """);
            }
            try (RawClient bob = RawClient.login(server, "bob", "secret")) {
                bob.play("""
                        C: g1 LIST "" "Shared/%"
                        S: * LIST (\\HasNoChildren) "/" Shared/news
                        S: * LIST (\\HasNoChildren) "/" Shared/staff
                        S: g1 OK LIST completed.
                        """);
            }
        }
    }

    @Test
    void builderAclsAreThereFromTheStartAndAfterReset() {
        try (ImapMockServer server = ImapMockServer.builder().specialUse(SpecialUseMailboxes.none()).user("alice", "secret").user("bob", "secret")
                .acl("alice", "Projects", "bob", "lr").build().start()) {
            server.acl("alice", "Projects").set("bob", Rights.parse("lrw"));
            try (RawClient bob = RawClient.login(server, "bob", "secret")) {
                bob.play("""
                        C: h1 MYRIGHTS "Other Users/alice/Projects"
                        S: * MYRIGHTS "Other Users/alice/Projects" lrw
                        S: h1 OK Myrights completed.
                        """);
                server.reset();
                bob.play("""
                        C: h2 MYRIGHTS "Other Users/alice/Projects"
                        S: * MYRIGHTS "Other Users/alice/Projects" lr
                        S: h2 OK Myrights completed.
                        """);
            }
        }
    }

    @Test
    void withoutAclEachUserSeesOnlyThePersonalNamespace() {
        try (ImapMockServer server = ImapMockServer.builder().specialUse(SpecialUseMailboxes.none()).user("alice", "secret").user("bob", "secret")
                .without(Extension.ACL).acl("alice", "box", "bob", "lr").build().start()) {
            try (RawClient bob = RawClient.login(server, "bob", "secret")) {
                bob.play("""
                        C: i1 NAMESPACE
                        S: * NAMESPACE (("" "/")) NIL NIL
                        S: i1 OK Namespace completed.
                        C: i2 MYRIGHTS INBOX
                        S: i2 BAD Unknown command MYRIGHTS
                        C: i3 LIST "" "*"
                        S: * LIST (\\HasNoChildren) "/" INBOX
                        S: i3 OK LIST completed.
                        C: i4 CREATE "Other Users/alice/box"
                        S: i4 OK Create completed.
                        """);
            }
        }
    }

    @Test
    void namespacePrefixesAreConfigurable() {
        try (ImapMockServer server = ImapMockServer.builder().specialUse(SpecialUseMailboxes.none()).user("alice", "secret").user("bob", "secret")
                .namespaces("shared/", "public/").acl("alice", "box", "bob", "lr").build().start()) {
            try (RawClient bob = RawClient.login(server, "bob", "secret")) {
                bob.play("""
                        C: j1 NAMESPACE
                        S: * NAMESPACE (("" "/")) (("shared/" "/")) (("public/" "/"))
                        S: j1 OK Namespace completed.
                        C: j2 LIST "" "shared/*"
                        S: * LIST (\\Noselect \\HasChildren) "/" shared/alice
                        S: * LIST (\\HasNoChildren) "/" shared/alice/box
                        S: j2 OK LIST completed.
                        """);
            }
        }
    }
}
