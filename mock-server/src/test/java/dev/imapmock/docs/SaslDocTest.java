package dev.imapmock.docs;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.DocSnippets;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The authentication snippets of docs/tls-and-auth.md, compiled and run; the page must hold them as they are here. */
@Timeout(30)
class SaslDocTest {
    private static final String PAGE = "tls-and-auth.md";

    @Test
    void tokensExpireMidTestAndTheJournalNamesTheirLabels() throws Exception {
        // --- tls-and-auth: auth-java
        try (ImapMockServer server = ImapMockServer.builder()
                .user("alice", "secret")
                .token("alice", "ya29.test")              // labelled "alice#1" in the journal
                .maxFailedLogins(3)                        // * BYE after the third failed login
                .build()
                .start()) {
            Properties props = new Properties();
            props.setProperty("mail.imap.host", server.host());
            props.setProperty("mail.imap.port", Integer.toString(server.port()));
            props.setProperty("mail.imap.auth.mechanisms", "XOAUTH2");
            props.setProperty("mail.imap.auth.xoauth2.disable", "false");
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("alice", "ya29.test");                      // the token as the password
            store.close();

            server.tokens().expire("ya29.test");                      // the app's next login fails: NO [EXPIRED]
            server.tokens().add("alice", "ya29.refreshed", "refreshed"); // what the app refreshes to

            List<ReceivedCommand> logins = server.journal().commands("AUTHENTICATE");
            ReceivedCommand.Authentication how = logins.get(0).authentication();
            // how.mechanism() is "XOAUTH2", how.user() "alice", how.tokenLabel() "alice#1"; never the token
            // --- tls-and-auth: end
            assertThat(how).isEqualTo(new ReceivedCommand.Authentication("XOAUTH2", "alice", "alice#1"));
            Store again = Session.getInstance(props).getStore("imap");
            assertThatThrownBy(() -> again.connect("alice", "ya29.test")).isInstanceOf(AuthenticationFailedException.class);
            again.connect("alice", "ya29.refreshed");
            again.close();
            assertThat(server.journal().commands("AUTHENTICATE")).extracting(c -> c.outcome().status() + " " + c.outcome().code())
                    .containsExactly("OK CAPABILITY " + dev.imapmock.testing.Capabilities.AFTER_LOGIN, "NO EXPIRED",
                            "OK CAPABILITY " + dev.imapmock.testing.Capabilities.AFTER_LOGIN);
        }
    }

    @Test
    void pageHoldsTheSnippets() {
        DocSnippets.assertPageHolds(PAGE, DocSnippets.region(SaslDocTest.class, "tls-and-auth", "auth-java"));
    }
}
