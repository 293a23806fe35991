package dev.imapmock.profile;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.Profile;
import dev.imapmock.store.SpecialUse;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Every setting a profile makes yields to the builder's own, whichever call comes first. */
@Timeout(30)
class ProfileOverrideTest {

    /** Builds with {@code setting} before and after {@code profile(GMAIL)}; both must agree. */
    private static ImapMockServer[] both(UnaryOperator<ImapMockServer.Builder> setting) {
        return new ImapMockServer[] {
            setting.apply(ImapMockServer.builder().user("alice", "secret")).profile(Profile.GMAIL).build(),
            setting.apply(ImapMockServer.builder().user("alice", "secret").profile(Profile.GMAIL)).build()
        };
    }

    private static java.util.List<String> names(dev.imapmock.store.Account account) {
        return account.mailboxes().stream().map(dev.imapmock.store.Mailbox::name).toList();
    }

    @Test
    void withoutAndWithChangeTheProfilesCapabilitiesInItsOrder() {
        for (ImapMockServer server : both(b -> b.without(Extension.IDLE).with(Extension.SORT))) {
            assertThat(server.capabilities(true)).isEqualTo(ProfileTranscriptTest.GMAIL_AFTER.replace(" IDLE", "") + " SORT");
            assertThat(server.capabilities(false)).isEqualTo(ProfileTranscriptTest.GMAIL_BEFORE.replace(" IDLE", "")
                    .replace(" SASL-IR", " SASL-IR SORT"));
            server.close();
        }
    }

    @Test
    void extensionsReplaceTheProfilesSet() {
        for (ImapMockServer server : both(b -> b.extensions(java.util.List.of(Extension.MOVE, Extension.ID)))) {
            assertThat(server.capabilities(true)).isEqualTo("IMAP4rev1 ID MOVE");
            server.close();
        }
    }

    @Test
    void saslMechanismsAndMaxLiteralSizeWin() {
        for (ImapMockServer server : both(b -> b.saslMechanisms("PLAIN").maxLiteralSize(1000))) {
            assertThat(server.capabilities(false)).endsWith(" SASL-IR AUTH=PLAIN");
            assertThat(server.capabilities(true)).endsWith(" APPENDLIMIT=1000");
            server.close();
        }
    }

    @Test
    void specialUseReplacesTheProfilesFolders() {
        for (ImapMockServer server : both(b -> b.specialUse(SpecialUseMailboxes.none().with("Sent", SpecialUse.SENT)))) {
            assertThat(names(server.store().account("alice").orElseThrow())).containsExactly("INBOX", "Sent");
            server.close();
        }
    }

    @Test
    void greetingRecentAndPasswordsOverrideTheProfile() {
        try (ImapMockServer gmail = ImapMockServer.builder().user("alice", "secret").greeting("Hello {client}")
                .recent(true).profile(Profile.GMAIL).build().start();
             RawClient c = new RawClient(gmail.host(), gmail.port())) {
            assertThat(c.readLine()).isEqualTo("* OK Hello 127.0.0.1");
            gmail.deliver("alice", "INBOX", "Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            c.command("l", "LOGIN alice secret");
            c.play("""
                    C: s STATUS INBOX (RECENT)
                    S: * STATUS INBOX (RECENT 1)
                    S: s OK Status completed.
                    """);
        }
        try (ImapMockServer outlook = ImapMockServer.builder().user("alice", "secret").profile(Profile.OUTLOOK)
                .refusePasswordLogins(null).build().start();
             RawClient c = new RawClient(outlook.host(), outlook.port())) {
            c.readLine();
            c.play("""
                    C: l LOGIN alice secret
                    S: l OK [CAPABILITY IMAP4rev1 SASL-IR UIDPLUS MOVE ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+] Logged in
                    """);
        }
        try (ImapMockServer dovecot = ImapMockServer.builder().user("alice", "secret")
                .refusePasswordLogins("Use OAuth2, not {command}.").token("alice", "t").build().start();
             RawClient c = RawClient.connect(dovecot)) {
            c.play("""
                    C: l LOGIN alice secret
                    S: l NO Use OAuth2, not LOGIN.
                    """);
        }
    }

    @Test
    void aLaterProfileReplacesAnEarlierOne() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").profile(Profile.GMAIL)
                .profile(Profile.MINIMAL).build()) {
            assertThat(server.capabilities(true)).isEqualTo("IMAP4rev1");
            assertThat(server.capabilities(false)).isEqualTo("IMAP4rev1 AUTH=PLAIN");
        }
    }

    @Test
    void addedUsersGetTheProfilesFolders() {
        try (ImapMockServer server = ImapMockServer.builder().profile(Profile.GMAIL).build()) {
            assertThat(names(server.addUser("bob", "pw"))).contains("[Gmail]", "[Gmail]/All Mail", "[Gmail]/Sent Mail");
            assertThat(server.store().account("bob").orElseThrow().mailbox("[Gmail]").isNoselect()).isTrue();
        }
    }
}
