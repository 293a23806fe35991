package dev.imapmock.sandbox.smtp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which user an address is for: the whole address first, then the local part; case ignored, exact preferred. */
class LocalRecipientsTest {
    private static final List<String> USERS = List.of("alice", "bob@example.com", "Carol", "carol");

    @Test
    void theWholeAddressWinsOverTheLocalPart() {
        assertThat(LocalRecipients.resolve("bob@example.com", USERS)).contains("bob@example.com");
        assertThat(LocalRecipients.resolve("alice@example.com", USERS)).contains("alice");
        assertThat(LocalRecipients.resolve("alice@other.example", USERS)).contains("alice");
        assertThat(LocalRecipients.resolve("alice", USERS)).contains("alice");
        assertThat(LocalRecipients.resolve("bob@other.example", USERS)).isEmpty();
        assertThat(LocalRecipients.resolve("nobody@example.com", USERS)).isEmpty();
    }

    @Test
    void caseIsIgnoredButAnExactNameIsPreferred() {
        assertThat(LocalRecipients.resolve("ALICE@Example.COM", USERS)).contains("alice");
        assertThat(LocalRecipients.resolve("Bob@EXAMPLE.com", USERS)).contains("bob@example.com");
        assertThat(LocalRecipients.resolve("carol@example.com", USERS)).contains("carol");
        assertThat(LocalRecipients.resolve("Carol@example.com", USERS)).contains("Carol");
        assertThat(LocalRecipients.resolve("CAROL@example.com", USERS)).contains("Carol");
    }
}
