package dev.imapmock.sandbox.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's second mask over journal text: whatever the journal held, no secret leaves. */
class SecretsTest {
    @Test
    void loginAndAuthenticateKeepOnlyTheirFirstArgument() {
        assertThat(Secrets.maskArguments("LOGIN", "alice secret")).isEqualTo("alice ***");
        assertThat(Secrets.maskArguments("LOGIN", "alice ***")).isEqualTo("alice ***");
        assertThat(Secrets.maskArguments("login", "\"al ice\" \"pass word\"")).isEqualTo("\"al ice\" ***");
        assertThat(Secrets.maskArguments("LOGIN", "\"al\\\"ice\" pw")).isEqualTo("\"al\\\"ice\" ***");
        assertThat(Secrets.maskArguments("LOGIN", "{5}")).isEqualTo("***");
        assertThat(Secrets.maskArguments("LOGIN", "\"unclosed pw")).isEqualTo("***");
        assertThat(Secrets.maskArguments("AUTHENTICATE", "PLAIN AGFsaWNlAHNlY3JldA==")).isEqualTo("PLAIN ***");
        assertThat(Secrets.maskArguments("AUTHENTICATE", "XOAUTH2")).isEqualTo("XOAUTH2");
        assertThat(Secrets.maskArguments("LOGIN", "")).isEmpty();
    }

    @Test
    void otherCommandsAreShownAsTheyAre() {
        assertThat(Secrets.maskArguments("SELECT", "INBOX")).isEqualTo("INBOX");
        assertThat(Secrets.maskArguments(null, "x y")).isEqualTo("x y");
    }

    @Test
    void aWholeCommandLineIsMaskedAfterItsTagAndName() {
        assertThat(Secrets.maskLine("a1 LOGIN alice secret")).isEqualTo("a1 LOGIN alice ***");
        assertThat(Secrets.maskLine("a1 authenticate PLAIN AGFsaWNlAHNlY3JldA==")).isEqualTo("a1 authenticate PLAIN ***");
        assertThat(Secrets.maskLine("a1 SELECT INBOX")).isEqualTo("a1 SELECT INBOX");
        assertThat(Secrets.maskLine("a1 NOOP")).isEqualTo("a1 NOOP");
        assertThat(Secrets.maskLine(null)).isNull();
    }
}
