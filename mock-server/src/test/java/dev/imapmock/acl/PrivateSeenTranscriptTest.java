package dev.imapmock.acl;

import dev.imapmock.ImapMockServer;
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
 * {@code \Seen} on a shared mailbox, over a socket: one flag for everyone by default, and with
 * {@code privateSeen(true)} each other user's own, as Dovecot's INDEXPVT keeps it.
 */
@Timeout(20)
class PrivateSeenTranscriptTest {

    private static ImapMockServer server(boolean privateSeen) {
        ImapMockServer server = ImapMockServer.builder().specialUse(SpecialUseMailboxes.none())
                .user("alice", "secret").user("bob", "secret").privateSeen(privateSeen).build().start();
        Mailbox box = server.store().account("alice").orElseThrow().create("box");
        for (String subject : new String[] {"one", "two"}) {
            byte[] bytes = ("Subject: " + subject + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
            box.append(List.of(new Mailbox.NewMessage(bytes, Flags.NONE, OffsetDateTime.parse("2026-12-01T10:00:00Z"))));
        }
        box.acl().set("bob", Rights.parse("lrsi"));
        return server;
    }

    @Test
    void withPrivateSeenEachUserReadsForItself() {
        try (ImapMockServer server = server(true);
             RawClient alice = RawClient.login(server, "alice", "secret");
             RawClient bob = RawClient.login(server, "bob", "secret")) {
            bob.command("b0", "SELECT \"Other Users/alice/box\"");
            bob.play("""
                    C: b1 FETCH 1 BODY[TEXT]
                    S: * 1 FETCH (BODY[TEXT] {6}
                    S: body
                    S:  FLAGS (\\Seen \\Recent))
                    S: b1 OK Fetch completed.
                    C: b2 SEARCH UNSEEN
                    S: * SEARCH 2
                    S: b2 OK Search completed.
                    """);
            alice.play("""
                    C: a1 STATUS box (UNSEEN)
                    S: * STATUS box (UNSEEN 2)
                    S: a1 OK Status completed.
                    C: a2 SELECT box
                    S~ .*
                    S~ .*
                    S: * 2 EXISTS
                    S: * 0 RECENT
                    S: * OK [UNSEEN 1] First unseen.
                    S~ .*UIDVALIDITY.*
                    S~ .*UIDNEXT.*
                    S~ a2 OK .*
                    C: a3 STORE 2 +FLAGS (\\Seen)
                    S: * 2 FETCH (FLAGS (\\Seen))
                    S: a3 OK Store completed.
                    """);
            bob.play("""
                    C: b3 FETCH 1:2 FLAGS
                    S: * 1 FETCH (FLAGS (\\Seen \\Recent))
                    S: * 2 FETCH (FLAGS (\\Recent))
                    # alice's STORE changed the stored flags: bob hears of it, and sees his own \\Seen
                    S: * 2 FETCH (FLAGS (\\Recent))
                    S: b3 OK Fetch completed.
                    C: b4 STORE 1 -FLAGS (\\Seen)
                    S: * 1 FETCH (FLAGS (\\Recent))
                    S: b4 OK Store completed.
                    C: b5 STORE 1:2 FLAGS (\\Seen)
                    S: * 1 FETCH (FLAGS (\\Seen \\Recent))
                    S: * 2 FETCH (FLAGS (\\Seen \\Recent))
                    S: b5 OK Store completed.
                    C: b6 STATUS INBOX (UNSEEN)
                    S: * STATUS INBOX (UNSEEN 0)
                    S: b6 OK Status completed.
                    C: b7 STATUS "Other Users/alice/box" (UNSEEN)
                    S: * STATUS "Other Users/alice/box" (UNSEEN 0)
                    S: b7 OK Status completed.
                    """);
            alice.play("""
                    C: a4 FETCH 1:2 FLAGS
                    S: * 1 FETCH (FLAGS ())
                    S: * 2 FETCH (FLAGS (\\Seen))
                    S: a4 OK Fetch completed.
                    """);
        }
    }

    @Test
    void withPrivateSeenAnAppendedSeenIsTheAppendersOwn() {
        try (ImapMockServer server = server(true);
             RawClient bob = RawClient.login(server, "bob", "secret")) {
            bob.play("""
                    C: b1 APPEND "Other Users/alice/box" (\\Seen) {2+}
                    C: hi
                    S~ b1 OK \\[APPENDUID \\d+ 3\\] Append completed.
                    C: b2 STATUS "Other Users/alice/box" (MESSAGES UNSEEN)
                    S: * STATUS "Other Users/alice/box" (MESSAGES 3 UNSEEN 2)
                    S: b2 OK Status completed.
                    """);
            Mailbox box = server.store().account("alice").orElseThrow().mailbox("box");
            assertThat(box.messages().get(2).flags()).isEqualTo(Flags.NONE);
            assertThat(box.flagsFor(box.messages().get(2), "bob").has(Flags.SEEN)).isTrue();
        }
    }

    @Test
    void byDefaultOneSeenIsSharedByEveryone() {
        try (ImapMockServer server = server(false);
             RawClient alice = RawClient.login(server, "alice", "secret");
             RawClient bob = RawClient.login(server, "bob", "secret")) {
            bob.command("b0", "SELECT \"Other Users/alice/box\"");
            bob.play("""
                    C: b1 STORE 1 +FLAGS.SILENT (\\Seen)
                    S: b1 OK Store completed.
                    """);
            alice.play("""
                    C: a1 STATUS box (UNSEEN)
                    S: * STATUS box (UNSEEN 1)
                    S: a1 OK Status completed.
                    """);
        }
    }
}
