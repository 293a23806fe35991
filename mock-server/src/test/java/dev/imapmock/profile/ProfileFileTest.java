package dev.imapmock.profile;

import dev.imapmock.Extension;
import dev.imapmock.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The profile file format: what it reads, and every malformed or contradictory file refused with its line. */
class ProfileFileTest {

    @Test
    void readsEverySetting(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("acme.profile");
        Files.writeString(file, """
                # Acme Mail
                name acme
                greeting {capability} Acme ready

                capabilities-before IMAP4rev1 ID AUTH=PLAIN AUTH=XOAUTH2
                capabilities-after  IMAP4rev1 MOVE ID APPENDLIMIT=1000
                folder Box
                folder Box/Sent Mail \\Sent
                folder Papers \\Archive \\Drafts
                recent off
                login-refusal {command} refused
                """);
        Profile p = Profile.load(file);
        assertThat(p.name()).isEqualTo("acme");
        assertThat(p.greeting()).isEqualTo("{capability} Acme ready");
        assertThat(p.capabilitiesBeforeLogin()).containsExactly(Extension.ID);
        assertThat(p.capabilitiesAfterLogin()).containsExactly(Extension.MOVE, Extension.ID, Extension.APPENDLIMIT);
        assertThat(p.saslMechanisms()).containsExactly("PLAIN", "XOAUTH2");
        assertThat(p.appendLimit()).isEqualTo(1000L);
        assertThat(p.folders()).containsOnlyKeys("Box", "Box/Sent Mail", "Papers");
        assertThat(p.recent()).isFalse();
        assertThat(p.loginRefusal()).isEqualTo("{command} refused");
        assertThat(Profile.named(file.toString()).name()).isEqualTo("acme");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2|colour blue|unknown setting colour; the settings are name, greeting, capabilities-before, capabilities-after, delimiter, folder, recent, labels, login-refusal and quota-root",
        "2|quota-root User quota|a quota root has no quotes or backslashes, and one with a space is written in double quotes (\"User quota\"), not User quota",
        "2|quota-root a\"b|a quota root has no quotes or backslashes, and one with a space is written in double quotes (\"User quota\"), not a\"b",
        "2|quota-root \"|a quoted quota root is one pair of double quotes around text without quotes or backslashes, not \"",
        "2|quota-root \"a\\b\"|a quoted quota root is one pair of double quotes around text without quotes or backslashes, not \"a\\b\"",
        "2|delimiter ..|delimiter is one character, not ..",
        "2|delimiter *|A hierarchy delimiter is one printable ASCII character other than space, *, %, \" and \\, not *",
        "2|delimiter %|A hierarchy delimiter is one printable ASCII character other than space, *, %, \" and \\, not %",
        "2|delimiter \"|A hierarchy delimiter is one printable ASCII character other than space, *, %, \" and \\, not \"",
        "2|delimiter \\|A hierarchy delimiter is one printable ASCII character other than space, *, %, \" and \\, not \\",
        "2|name y|name is given twice (first on line 1)",
        "2|greeting|greeting needs a value",
        "2|capabilities-before ID|a capability list starts with IMAP4rev1",
        "2|capabilities-before IMAP4rev1 X-FANCY|ImapMock does not emulate X-FANCY; leave it out (docs/profiles.md)",
        "2|capabilities-before IMAP4rev1 AUTH=GSSAPI|no SASL mechanism GSSAPI; the mechanisms are [PLAIN, LOGIN, CRAM-MD5, SCRAM-SHA-1, SCRAM-SHA-1-PLUS, SCRAM-SHA-256, SCRAM-SHA-256-PLUS, XOAUTH2, OAUTHBEARER]",
        "2|capabilities-before IMAP4rev1 STARTTLS|STARTTLS follows from the server's TLS settings (tls(), requireTls()), not from a profile; leave it out",
        "2|capabilities-before IMAP4rev1 LITERAL+ LITERAL-|LITERAL+ and LITERAL- exclude each other",
        "2|capabilities-before IMAP4rev1 ID ID|ID is given twice",
        "2|capabilities-before IMAP4rev1 APPENDLIMIT=lots|APPENDLIMIT=lots: APPENDLIMIT= takes a number of octets",
        "2|capabilities-after IMAP4rev1 AUTH=PLAIN|AUTH=PLAIN: AUTH= entries go in capabilities-before (ImapMock shows mechanisms before login only)",
        "2|recent maybe|recent is on or off, not maybe",
        "2|folder Trash \\Bin|no special use \\Bin; the uses are \\Archive \\Drafts \\Junk \\Sent \\Trash \\All \\Flagged \\Important and \\Noselect",
        "2|folder INBOX|INBOX exists in every account and has no special use",
        "2|folder Box \\Noselect \\Sent|Box can't be \\Noselect and hold mail for a special use at once",
        "2|greeting caf\u00e9|only printable ASCII goes on the wire",
    })
    void refusesAMalformedLine(int line, String text, String reason) {
        assertThatThrownBy(() -> Profile.parse("name x\n" + text + "\n", "p.profile"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p.profile, line " + line + ": " + reason);
    }

    @Test
    void aQuotaRootLineNamesTheRootAsWrittenOrInsideItsQuotes() {
        assertThat(Profile.parse("name x\nquota-root \"\"\n", "q.profile").quotaRoot()).isEmpty();
        assertThat(Profile.parse("name x\nquota-root \"Storage quota\"\n", "q.profile").quotaRoot())
                .isEqualTo("Storage quota");
        assertThat(Profile.parse("name x\nquota-root user/alice\n", "q.profile").quotaRoot()).isEqualTo("user/alice");
        assertThat(Profile.parse("name x\n", "q.profile").quotaRoot()).isEqualTo("User quota");
        assertThat(Profile.DOVECOT.quotaRoot()).isEqualTo(Profile.DEFAULT_QUOTA_ROOT).isEqualTo("User quota");
        assertThat(Profile.GMAIL.quotaRoot()).isEmpty();
    }

    @Test
    void aDelimiterLineGivesTheLevelsOfTheFolderNames() {
        Profile p = Profile.parse("""
                name dotted
                folder Box \\Noselect
                folder Box.Sent \\Sent
                delimiter .
                """, "d.profile");
        assertThat(p.delimiter()).isEqualTo('.');
        assertThat(p.folders()).containsOnlyKeys("Box", "Box.Sent");
        assertThat(Profile.DOVECOT.delimiter()).isEqualTo('/');
        assertThatThrownBy(() -> Profile.parse("name x\ndelimiter .\nfolder Box \\Noselect\nfolder Box/Sent\n", "d.profile"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("d.profile, line 5: Box is \\Noselect but no folder lies below it");
        assertThatThrownBy(() -> Profile.parse("name x\ndelimiter .\nfolder Box..Sent\n", "d.profile"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("d.profile, line 3: folder Box..Sent has an empty level between delimiters '.'");
    }

    @Test
    void refusesAContradictoryFile() {
        assertThat(error("name x\nfolder A \\Sent\nfolder B \\Sent\n"))
                .isEqualTo("p, line 3: \\Sent is given to A already");
        assertThat(error("name x\nfolder A\nfolder A\n")).isEqualTo("p, line 3: folder A is given twice");
        assertThat(error("name x\ncapabilities-before IMAP4rev1 AUTH=PLAIN\n"))
                .isEqualTo("p, line 3: give both capabilities-before and capabilities-after, or neither");
        assertThat(error("name x\ncapabilities-before IMAP4rev1\ncapabilities-after IMAP4rev1 LIST-STATUS\n"))
                .isEqualTo("p, line 3: LIST-STATUS needs LIST-EXTENDED, which neither capability list names");
        assertThat(error("name x\ncapabilities-before IMAP4rev1 AUTH=PLAIN\ncapabilities-after IMAP4rev1\nlogin-refusal No\n"))
                .isEqualTo("p, line 4: login-refusal refuses passwords, but capabilities-before offers no"
                        + " AUTH=XOAUTH2 or AUTH=OAUTHBEARER: nobody could log in");
        assertThat(error("name x\nfolder A \\Noselect\n")).isEqualTo("p, line 3: A is \\Noselect but no folder lies below it");
        assertThat(error("# no name\n")).isEqualTo("p, line 2: a profile needs a name line");
    }

    @Test
    void unknownNameOrMissingFileIsRefused() {
        assertThatThrownBy(() -> Profile.named("hotmail")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No profile hotmail: the profiles are dovecot, gmail, outlook, minimal, yahoo and icloud,"
                        + " or give a profile file");
    }

    @Test
    void builtInsAndShippedFilesParse() {
        for (String name : List.of("dovecot", "gmail", "outlook", "minimal", "yahoo", "icloud")) {
            assertThat(Profile.named(name).name()).isEqualTo(name);
        }
        assertThat(Profile.named("GMAIL")).isSameAs(Profile.GMAIL);
    }

    private static String error(String text) {
        try {
            Profile.parse(text, "p");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + text);
    }
}
