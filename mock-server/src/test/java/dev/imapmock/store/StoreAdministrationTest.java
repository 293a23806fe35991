package dev.imapmock.store;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the sandbox's admin API relies on: users added, removed and given new passwords or tokens
 * while the server runs, mail replaced all at once or not at all, and the store put back as seeded.
 */
@Timeout(30)
class StoreAdministrationTest {
    private static byte[] mail(String subject) {
        return ("Subject: " + subject + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void addedUserLogsInAtOnceWithTheServersSpecialUseMailboxes() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            Account bob = server.addUser("bob", "pw");
            assertThat(bob.mailboxes()).extracting(Mailbox::name).contains("INBOX", "Sent", "Trash");
            try (RawClient c = RawClient.connect(server)) {
                assertThat(c.command("a1", "LOGIN bob pw")).last().asString().startsWith("a1 OK");
            }
            assertThatThrownBy(() -> server.addUser("bob", "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> server.addUser("", "x")).hasMessage("User name is empty");
        }
    }

    @Test
    void changedPasswordIsTheOneLoginChecks() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            server.store().account("alice").orElseThrow().password("new");
            try (RawClient c = RawClient.connect(server)) {
                assertThat(c.command("a1", "LOGIN alice secret")).last().asString().startsWith("a1 NO");
                assertThat(c.command("a2", "LOGIN alice new")).last().asString().startsWith("a2 OK");
            }
        }
    }

    @Test
    void removedUserCannotLogInAndItsSelectingSessionsLoseTheMailbox() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").user("bob", "pw")
                .token("bob", "tok").build().start()) {
            try (RawClient alice = RawClient.login(server, "alice", "secret")) {
                alice.command("a1", "SELECT INBOX");
                assertThat(server.removeUser("alice")).isTrue();
                assertThat(server.removeUser("alice")).isFalse();
                assertThat(alice.command("a2", "NOOP")).anyMatch(l -> l.startsWith("* BYE") || l.startsWith("a2 "));
            }
            try (RawClient c = RawClient.connect(server)) {
                assertThat(c.command("a1", "LOGIN alice secret")).last().asString().startsWith("a1 NO");
            }
            assertThat(server.store().users()).containsExactly("bob");
            server.removeUser("bob");
            assertThat(server.tokens().hasToken("bob")).isFalse();
            assertThat(server.tokens().contains("tok")).isFalse();
        }
    }

    @Test
    void replacingMailChecksEveryAccountFirstAndChangesNothingOnARefusal() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").user("bob", "pw").build()) {
            server.deliver("alice", "INBOX", mail("kept"));
            Mailbox.NewMessage one = new Mailbox.NewMessage(mail("new"), Flags.of(List.of("\\Seen", "Work")),
                    OffsetDateTime.parse("2024-03-01T10:15:30+01:00"));
            Map<String, List<Account.MailboxContent>> bad = new java.util.LinkedHashMap<>();
            bad.put("alice", List.of(new Account.MailboxContent("Archive/2024", null, List.of(one))));
            bad.put("bob", List.of(new Account.MailboxContent("bad//name", null, List.of())));
            assertThatThrownBy(() -> server.store().replaceMail(bad)).isInstanceOf(MailboxException.class);
            Account alice = server.store().account("alice").orElseThrow();
            assertThat(alice.mailbox("INBOX").size()).isEqualTo(1);
            assertThat(alice.mailbox("Archive/2024")).isNull();

            server.store().replaceMail(Map.of("alice", List.of(
                    new Account.MailboxContent("Archive/2024", Set.of(SpecialUse.ARCHIVE), List.of(one)))));
            assertThat(alice.mailbox("INBOX").size()).isZero();
            Message m = alice.mailbox("Archive/2024").messages().get(0);
            assertThat(m.flags().names()).containsExactly("\\Seen", "Work");
            assertThat(m.internalDate()).isEqualTo(OffsetDateTime.parse("2024-03-01T10:15:30+01:00"));
            assertThat(alice.specialUses("Archive/2024")).containsExactly(SpecialUse.ARCHIVE);
            assertThat(alice.mailbox("Sent")).isNotNull();
            assertThatThrownBy(() -> server.store().replaceMail(Map.of("carol", List.of())))
                    .hasMessage("No such user: carol");
        }
    }

    @Test
    void resetPutsUsersPasswordsTokensAndMailBackAsSeeded() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").token("alice", "tok")
                .build().start()) {
            server.deliver("alice", "INBOX", mail("seeded"));
            // Seeding happens in build(); what is delivered after it is not part of the seed.
            server.reset();
            assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").size()).isZero();

            Account alice = server.store().account("alice").orElseThrow();
            alice.password("changed");
            alice.create("Projects");
            alice.subscribe("Projects");
            server.tokens().removeUser("alice");
            server.addUser("bob", "pw");
            long validity = alice.mailbox("INBOX").uidValidity();

            server.reset();
            assertThat(server.store().users()).containsExactly("alice");
            Account after = server.store().account("alice").orElseThrow();
            assertThat(after.mailbox("Projects")).isNull();
            assertThat(after.subscriptions()).isEmpty();
            assertThat(after.mailbox("INBOX").uidValidity()).isNotEqualTo(validity);
            assertThat(server.tokens().contains("tok")).isTrue();
            try (RawClient c = RawClient.connect(server)) {
                assertThat(c.command("a1", "LOGIN alice secret")).last().asString().startsWith("a1 OK");
            }
        }
    }

    @Test
    void resetKeepsSeededFixtureMail() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret")
                .mailboxes("alice", List.of(new dev.imapmock.fixtures.FixtureMailbox("Lists",
                        List.of(new dev.imapmock.fixtures.FixtureMessage(mail("one"), Set.of("\\Flagged"),
                                java.time.ZonedDateTime.parse("2024-01-02T03:04:05Z"), "one.eml")))))
                .build()) {
            Account alice = server.store().account("alice").orElseThrow();
            alice.mailbox("Lists").expunge(Set.of(1L));
            alice.delete("Lists");
            server.reset();
            Message m = server.store().account("alice").orElseThrow().mailbox("Lists").messages().get(0);
            assertThat(m.flags().names()).containsExactly("\\Flagged");
            assertThat(new String(m.bytes(), StandardCharsets.US_ASCII)).startsWith("Subject: one");
        }
    }

    @Test
    void isRunningFromStartUntilClose() {
        ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build();
        assertThat(server.isRunning()).isFalse();
        server.start();
        assertThat(server.isRunning()).isTrue();
        server.close();
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void snapshotShowsNoSecret() {
        MailStore store = new MailStore(java.time.Clock.systemUTC());
        store.addAccount("alice", "hunter2");
        store.tokens().add("alice", "ya29.secret");
        assertThat(store.snapshot().toString()).doesNotContain("hunter2").doesNotContain("ya29");
        assertThat(store.snapshot().users()).containsExactly("alice");
    }
}
