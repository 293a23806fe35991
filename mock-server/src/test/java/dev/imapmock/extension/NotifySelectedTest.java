package dev.imapmock.extension;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Account;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * NOTIFY's SELECTED group (RFC 5465 §5, §6) and NOTIFICATIONOVERFLOW (§5.8), over a socket:
 * MessageNew's fetch attributes follow each EXISTS, flag changes of other sessions come only with
 * FlagChange, as Dovecot 2.3 sends them.
 */
@Timeout(30)
class NotifySelectedTest {
    private static final String MAIL = "Subject: hi\r\nFrom: x\r\n\r\n";

    private static ImapMockServer server() {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").specialUse(SpecialUseMailboxes.none())
                .build().start();
        server.store().account("alice").orElseThrow().create("Work");
        return server;
    }

    private static void select(RawClient client) {
        client.command("s1", "SELECT Work");
    }

    @Test
    void messageNewWithFetchAttributesSendsTheirFetchAfterExists() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret");
             RawClient other = RawClient.login(server, "alice", "secret")) {
            select(watcher);
            watcher.play("""
                    C: n1 NOTIFY SET (SELECTED (MessageNew (UID BODY.PEEK[HEADER.FIELDS (Subject)]) MessageExpunge))
                    S: n1 OK NOTIFY completed.
                    """);
            other.command("a1", "APPEND Work {" + MAIL.length() + "+}\r\n" + MAIL);
            other.command("a2", "APPEND Work {" + MAIL.length() + "+}\r\n" + MAIL);
            watcher.play("""
                    C: p1 NOOP
                    S: * 2 EXISTS
                    S: * 2 RECENT
                    S: * 1 FETCH (UID 1 BODY[HEADER.FIELDS (SUBJECT)] {15}
                    S: Subject: hi
                    S:\s
                    S: )
                    S: * 2 FETCH (UID 2 BODY[HEADER.FIELDS (SUBJECT)] {15}
                    S: Subject: hi
                    S:\s
                    S: )
                    S: p1 OK NOOP completed.
                    C: p2 FETCH 1:2 FLAGS
                    S: * 1 FETCH (FLAGS (\\Recent))
                    S: * 2 FETCH (FLAGS (\\Recent))
                    S: p2 OK Fetch completed.
                    """);
        }
    }

    @Test
    void flagChangesOfOtherSessionsComeOnlyWithFlagChange() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret");
             RawClient other = RawClient.login(server, "alice", "secret")) {
            Mailbox work = server.store().account("alice").orElseThrow().mailbox("Work");
            List<Mailbox.NewMessage> two = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                two.add(new Mailbox.NewMessage(MAIL.getBytes(StandardCharsets.US_ASCII), Flags.NONE,
                        OffsetDateTime.parse("2026-12-01T10:00:00Z")));
            }
            work.append(two);
            select(watcher);
            other.command("o1", "SELECT Work");
            watcher.play("""
                    C: n1 NOTIFY SET (SELECTED (MessageNew MessageExpunge))
                    S: n1 OK NOTIFY completed.
                    """);
            other.command("o2", "STORE 1 +FLAGS (\\Flagged)");
            watcher.play("""
                    C: p1 NOOP
                    S: p1 OK NOOP completed.
                    C: n2 NOTIFY SET (SELECTED (MessageNew MessageExpunge FlagChange))
                    S: n2 OK NOTIFY completed.
                    """);
            other.command("o3", "STORE 2 +FLAGS (\\Flagged)");
            watcher.play("""
                    C: p2 NOOP
                    S: * 2 FETCH (FLAGS (\\Flagged \\Recent))
                    S: p2 OK NOOP completed.
                    C: n3 NOTIFY SET (SELECTED NONE)
                    S: n3 OK NOTIFY completed.
                    """);
            other.command("o4", "STORE 1:2 -FLAGS (\\Flagged)");
            other.command("o5", "STORE 2 +FLAGS (\\Deleted)");
            other.command("o6", "EXPUNGE");
            watcher.play("""
                    # new and expunged messages are still told, so that sequence numbers stay right
                    C: p3 NOOP
                    S: * 2 EXPUNGE
                    S: * 1 RECENT
                    S: p3 OK NOOP completed.
                    C: n4 NOTIFY NONE
                    S: n4 OK NOTIFY completed.
                    """);
            other.command("o7", "STORE 1 +FLAGS (\\Answered)");
            watcher.play("""
                    C: p4 NOOP
                    S: * 1 FETCH (FLAGS (\\Answered \\Recent))
                    S: p4 OK NOOP completed.
                    """);
        }
    }

    @Test
    void badFetchAttributesAreBadAndKeepThePreviousNotify() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret")) {
            watcher.play("""
                    C: n1 NOTIFY SET (SELECTED (MessageNew (UID NOSUCHITEM) MessageExpunge))
                    S~ n1 BAD .+
                    C: n2 NOTIFY SET (SELECTED (MessageNew (UID) MessageExpunge))
                    S: n2 OK NOTIFY completed.
                    """);
            watcher.assertStillWorks("n3");
        }
    }

    @Test
    void tooManyUntoldEventsEndWithNotificationOverflowAndNotifyOff() {
        try (ImapMockServer server = server();
             RawClient watcher = RawClient.login(server, "alice", "secret")) {
            watcher.play("""
                    C: n1 NOTIFY SET (PERSONAL (MessageNew MessageExpunge))
                    S: n1 OK NOTIFY completed.
                    """);
            Account alice = server.store().account("alice").orElseThrow();
            List<Mailbox.NewMessage> many = new ArrayList<>();
            for (int i = 0; i < 10_001; i++) {
                many.add(new Mailbox.NewMessage(MAIL.getBytes(StandardCharsets.US_ASCII), Flags.NONE,
                        OffsetDateTime.parse("2026-12-01T10:00:00Z")));
            }
            // While the watcher sends a literal nothing can be told to it, and the events pile up.
            watcher.play("""
                    C: p1 STATUS {4}
                    S: + Ready for literal data
                    """);
            alice.mailbox("Work").append(many);
            watcher.play("""
                    C: Work (UIDNEXT)
                    S: * STATUS Work (UIDNEXT 10002)
                    S: * OK [NOTIFICATIONOVERFLOW] Too many notifications; NOTIFY is off
                    S: p1 OK Status completed.
                    """);
            alice.mailbox("Work").append(many.subList(0, 1));
            watcher.play("""
                    C: p2 NOOP
                    S: p2 OK NOOP completed.
                    """);
        }
    }
}
