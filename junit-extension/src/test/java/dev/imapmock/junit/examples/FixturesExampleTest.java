package dev.imapmock.junit.examples;

import dev.imapmock.ImapMockServer;
import dev.imapmock.corpus.Corpus;
import dev.imapmock.junit.ImapServer;
import dev.imapmock.store.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of docs/fixtures.md and docs/corpus.md, compiled and run. */
@Timeout(30)
class FixturesExampleTest {

    @Test
    @ImapServer(users = "alice:secret", fixtures = "mail/alice")           // a classpath tree
    void aMailboxTreeFromTheClasspath(ImapMockServer server) {
        Account alice = server.store().account("alice").orElseThrow();
        assertThat(alice.mailbox("INBOX").size()).isEqualTo(3);
        assertThat(alice.mailbox("Archive").size()).isEqualTo(1);
    }

    @Test
    @ImapServer(users = {"alice:secret", "bob:hunter2"}, fixtures = "mail/team")   // one tree per user
    void oneTreePerUser(ImapMockServer server) {
        assertThat(server.store().account("bob").orElseThrow().mailbox("Sent").size()).isEqualTo(1);
        assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").size()).isEqualTo(1);
    }

    @Test
    @ImapServer(users = "alice:secret", fixtures = "imapmock:corpus/multipart")   // the shipped corpus
    void aCorpusGroup(ImapMockServer server) {
        assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").size())
                .isEqualTo(Corpus.names("multipart").size());
    }

    @Test
    @ImapServer(users = "alice:secret", fixtures = "mail/hello.eml")       // a single message
    void oneMessageAndOneDelivery(ImapMockServer server) {
        server.deliver("alice", "INBOX", Corpus.read("special/calendar-invitation.eml"));
        assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").size()).isEqualTo(2);
    }
}
