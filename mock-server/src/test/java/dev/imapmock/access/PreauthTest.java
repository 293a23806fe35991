package dev.imapmock.access;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.Angus;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code * PREAUTH} greetings (RFC 9051 §7.1.4, RFC 3501 §7.1.4): connections that start authenticated. */
@Timeout(20)
class PreauthTest {
    private static final byte[] MAIL = "Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void everyConnectionStartsAuthenticatedAsTheUserWithTheCapabilitiesOfThatState() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").preauthenticate("alice")
                .build().start();
             RawClient c = new RawClient(server.host(), server.port())) {
            server.deliver("alice", "INBOX", MAIL);
            c.play("""
                    S: * PREAUTH [CAPABILITY %s] Logged in as alice
                    C: a1 LOGIN alice secret
                    S: a1 BAD LOGIN is not allowed in the authenticated state
                    C: a2 EXAMINE INBOX
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                    S: * OK [PERMANENTFLAGS ()] Read-only mailbox.
                    S: * 1 EXISTS
                    S: * 1 RECENT
                    S: * OK [UNSEEN 1] First unseen.
                    S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                    S: * OK [UIDNEXT 2] Predicted next UID
                    S: a2 OK [READ-ONLY] Examine completed.
                    C: a3 LOGOUT
                    S: * BYE Logging out
                    S: a3 OK Logout completed.
                    """.formatted(Capabilities.AFTER_LOGIN));
        }
    }

    @Test
    void theJournalShowsThePreauthenticationBeforeTheConnectionsCommands() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").preauthenticate("alice")
                .build().start();
             RawClient c = new RawClient(server.host(), server.port())) {
            c.readLine();
            c.command("a1", "NOOP");
            List<ReceivedCommand> commands = server.journal().commands();
            assertThat(commands).hasSize(2);
            ReceivedCommand preauth = commands.get(0);
            assertThat(preauth.name()).isEqualTo("PREAUTH");
            assertThat(preauth.index()).isZero();
            assertThat(preauth.tag()).isNull();
            assertThat(preauth.user()).isEqualTo("alice");
            assertThat(preauth.outcome()).isEqualTo(new ReceivedCommand.Outcome("PREAUTH",
                    "CAPABILITY " + Capabilities.AFTER_LOGIN, "Logged in as alice"));
            assertThat(preauth.authentication()).isEqualTo(new ReceivedCommand.Authentication("PREAUTH", "alice", null));
            assertThat(commands.get(1).user()).isEqualTo("alice");
            assertThat(commands.get(1).index()).isEqualTo(1);
        }
    }

    @Test
    void onlyTheChosenConnectionsArePreauthenticated() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").user("bob", "secret")
                .preauthenticate("bob", n -> n == 2).build().start();
             RawClient first = new RawClient(server.host(), server.port());
             RawClient second = new RawClient(server.host(), server.port());
             RawClient third = new RawClient(server.host(), server.port())) {
            first.play("S: * OK [CAPABILITY " + Capabilities.BEFORE_LOGIN + "] ImapMock ready.");
            second.play("S: * PREAUTH [CAPABILITY " + Capabilities.AFTER_LOGIN + "] Logged in as bob");
            third.play("S: * OK [CAPABILITY " + Capabilities.BEFORE_LOGIN + "] ImapMock ready.");
            second.play("""
                    C: a1 CREATE bobs
                    S: a1 OK Create completed.
                    """);
            assertThat(server.store().account("bob").orElseThrow().mailbox("bobs")).isNotNull();
            assertThat(server.journal().commands("PREAUTH")).extracting(ReceivedCommand::connection).containsExactly(2);
        }
    }

    @Test
    void aRev2OnlyServerPreauthenticatesWithItsOwnCapabilities() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").preauthenticate("alice")
                .rev2Only().build().start();
             RawClient c = new RawClient(server.host(), server.port())) {
            c.play("S: * PREAUTH [CAPABILITY " + Capabilities.AFTER_LOGIN.replace("IMAP4rev1", "IMAP4rev2")
                    + "] Logged in as alice");
        }
    }

    @Test
    void anUnknownUserOrMissingArgumentIsRefusedWhenTheServerIsBuilt() {
        assertThatThrownBy(() -> ImapMockServer.builder().user("alice", "secret").preauthenticate("carol").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("preauthenticate names a user that is not configured: carol");
        assertThatThrownBy(() -> ImapMockServer.builder().preauthenticate(null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImapMockServer.builder().preauthenticate("alice", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void angusMailUsesAPreauthenticatedConnectionWithoutLoggingIn() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").preauthenticate("alice")
                .build().start()) {
            server.deliver("alice", "INBOX", MAIL);
            Store store = Session.getInstance(Angus.properties(server)).getStore("imap");
            store.connect("alice", "wrong-password-never-sent");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessage(1).getSubject()).isEqualTo("hi");
                inbox.close(false);
            } finally {
                store.close();
            }
            assertThat(server.journal().commands("LOGIN")).isEmpty();
            assertThat(server.journal().commands("AUTHENTICATE")).isEmpty();
            assertThat(server.journal().commands("PREAUTH")).isNotEmpty();
        }
    }

    @Test
    void angusMailWorksAgainstAServerThatOffersRev2BesideRev1() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(Extension.IMAP4REV2)
                .build().start()) {
            server.deliver("alice", "INBOX", MAIL);
            Store store = Angus.connect(server, "alice", "secret");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                assertThat(inbox.getMessage(1).getSubject()).isEqualTo("hi");
                assertThat(inbox.getNewMessageCount()).isEqualTo(1);
                assertThat(inbox.search(new jakarta.mail.search.SubjectTerm("hi"))).hasSize(1);
                inbox.close(false);
            } finally {
                store.close();
            }
            assertThat(server.journal().commands("ENABLE")).isEmpty();
        }
    }
}
