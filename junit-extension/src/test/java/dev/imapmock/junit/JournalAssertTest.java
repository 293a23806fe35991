package dev.imapmock.junit;

import dev.imapmock.journal.Journal;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.journal.ReceivedCommand.Outcome;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.time.Duration;
import java.time.Instant;

import static dev.imapmock.junit.ImapAssertions.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JournalAssertTest {
    private final Journal journal = new Journal();

    /** A session of an app that syncs alice's inbox. */
    private Journal sync() {
        record(1, "CAPABILITY", "", null, null, "OK", null, "Pre-login capabilities listed");
        record(2, "LOGIN", "alice ***", null, null, "OK", null, "Logged in");
        record(3, "SELECT", "INBOX", "alice", null, "OK", "READ-WRITE", "Select completed.");
        record(4, "UID FETCH", "1:* (FLAGS)", "alice", "INBOX", "OK", null, "Fetch completed.");
        record(5, "EXAMINE", "Archive", "alice", "INBOX", "OK", "READ-ONLY", "Examine completed.");
        record(6, "FETCH", "1 (BODY.PEEK[])", "alice", "Archive", "OK", null, "Fetch completed.");
        record(7, "LOGOUT", "", "alice", "Archive", "OK", null, "Logout completed.");
        return journal;
    }

    private void record(int index, String name, String arguments, String user, String mailbox,
                        String status, String code, String text) {
        journal.record(new ReceivedCommand(1, index, "a" + index, name, arguments, user, mailbox,
                new Outcome(status, code, text), Instant.EPOCH));
    }

    private static final String TRANSCRIPT = "Transcript (7 commands):\n"
            + "  #1.1 a1 CAPABILITY -> OK Pre-login capabilities listed\n"
            + "  #1.2 a2 LOGIN alice *** -> OK Logged in\n"
            + "  #1.3 a3 SELECT INBOX -> OK [READ-WRITE] Select completed.\n"
            + "  #1.4 a4 UID FETCH 1:* (FLAGS) -> OK Fetch completed.\n"
            + "  #1.5 a5 EXAMINE Archive -> OK [READ-ONLY] Examine completed.\n"
            + "  #1.6 a6 FETCH 1 (BODY.PEEK[]) -> OK Fetch completed.\n"
            + "  #1.7 a7 LOGOUT -> OK Logout completed.";

    @Test
    void passingAssertionsChain() {
        ImapAssertions.assertThat(sync())
                .received("LOGIN")
                .received("login")
                .received("UID FETCH", "flags")
                .receivedIn("INBOX", "UID FETCH")
                .received(command("FETCH").withArguments("BODY.PEEK[]").inMailbox("Archive").byUser("alice").succeeded())
                .receivedTimes("FETCH", 1)
                .receivedTimes("NOOP", 0)
                .receivedInOrder("SELECT", "UID FETCH")
                .receivedInOrder("LOGIN", "FETCH", "LOGOUT")
                .neverReceived("EXPUNGE")
                .neverReceived(command("FETCH").inMailbox("INBOX"))
                .hasNoRejectedCommands();
    }

    @Test
    void aMissingCommandShowsNearMissesAndTheTranscript() {
        sync();
        AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
                () -> ImapAssertions.assertThat(journal).received("FETCH", "BODY[]"));
        assertThat(error).hasMessage("Expected the IMAP server to have received FETCH with arguments containing "
                + "\"BODY[]\", but it did not.\n"
                + "Closest commands received:\n"
                + "  #1.6 a6 FETCH 1 (BODY.PEEK[]) -> OK Fetch completed.   (arguments are \"1 (BODY.PEEK[])\")\n"
                + "  #1.4 a4 UID FETCH 1:* (FLAGS) -> OK Fetch completed.   (name is UID FETCH)\n"
                + TRANSCRIPT);
        assertThat(error.isExpectedDefined()).isFalse();
    }

    @Test
    void aCommandInTheWrongMailboxSaysWhichMailboxItWasIn() {
        sync();
        assertThatThrownBy(() -> ImapAssertions.assertThat(journal).receivedIn("INBOX", "FETCH"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Expected the IMAP server to have received FETCH in mailbox INBOX, but it did not.\n"
                        + "Closest commands received:\n"
                        + "  #1.6 a6 FETCH 1 (BODY.PEEK[]) -> OK Fetch completed.   (mailbox was Archive)\n"
                        + "  #1.4 a4 UID FETCH 1:* (FLAGS) -> OK Fetch completed.   (name is UID FETCH)\n"
                        + "Transcript (7 commands):\n");
    }

    @Test
    void aMisspeltNameFindsTheCommandsItResembles() {
        sync();
        assertThatThrownBy(() -> ImapAssertions.assertThat(journal).received("SELEKT"))
                .hasMessage("Expected the IMAP server to have received SELEKT, but it did not.\n"
                        + "Closest commands received:\n"
                        + "  #1.3 a3 SELECT INBOX -> OK [READ-WRITE] Select completed.   (name is SELECT)\n"
                        + TRANSCRIPT);
    }

    @Test
    void aWrongCountCarriesExpectedAndActualCounts() {
        sync();
        AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
                () -> ImapAssertions.assertThat(journal).receivedTimes("FETCH", 2));
        assertThat(error).hasMessage("Expected the IMAP server to have received FETCH 2 times, but it received it once:\n"
                + "  #1.6 a6 FETCH 1 (BODY.PEEK[]) -> OK Fetch completed.\n"
                + TRANSCRIPT);
        assertThat(error.getExpected().getValue()).isEqualTo(2);
        assertThat(error.getActual().getValue()).isEqualTo(1);
    }

    @Test
    void aCountOfZeroShowsNearMisses() {
        sync();
        assertThatThrownBy(() -> ImapAssertions.assertThat(journal).receivedTimes("STORE", 1))
                .hasMessage("Expected the IMAP server to have received STORE once, but it received it 0 times.\n"
                        + TRANSCRIPT);
    }

    @Test
    void anOrderFailureNamesTheStepThatNeverCameAndOffersADiffOfNames() {
        sync();
        AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
                () -> ImapAssertions.assertThat(journal).receivedInOrder("SELECT", "FETCH", "UID FETCH"));
        assertThat(error).hasMessage("Expected the IMAP server to have received in this order:\n"
                + "  SELECT\n"
                + "  FETCH\n"
                + "  UID FETCH\n"
                + "but after a6 FETCH 1 (BODY.PEEK[]) (#1.6) it never received UID FETCH.\n"
                + "Closest commands received:\n"
                + "  #1.6 a6 FETCH 1 (BODY.PEEK[]) -> OK Fetch completed.   (name is FETCH)\n"
                + TRANSCRIPT);
        assertThat(error.getExpected().getValue()).isEqualTo("SELECT\nFETCH\nUID FETCH");
        assertThat(error.getActual().getValue())
                .isEqualTo("CAPABILITY\nLOGIN\nSELECT\nUID FETCH\nEXAMINE\nFETCH\nLOGOUT");
    }

    @Test
    void anOrderFailureAtTheFirstStep() {
        sync();
        assertThatThrownBy(() -> ImapAssertions.assertThat(journal).receivedInOrder("IDLE", "LOGOUT"))
                .hasMessageStartingWith("Expected the IMAP server to have received in this order:\n"
                        + "  IDLE\n"
                        + "  LOGOUT\n"
                        + "but it never received IDLE.\n"
                        + "Transcript (7 commands):\n");
    }

    @Test
    void anUnwantedCommandIsListed() {
        sync();
        assertThatThrownBy(() -> ImapAssertions.assertThat(journal).neverReceived("fetch"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expected the IMAP server never to have received FETCH, but it received it once:\n"
                        + "  #1.6 a6 FETCH 1 (BODY.PEEK[]) -> OK Fetch completed.");
    }

    @Test
    void rejectedCommandsAreListed() {
        record(1, "LOGIN", "alice ***", null, null, "NO", "AUTHENTICATIONFAILED", "Authentication failed.");
        record(2, "FROB", "", null, null, "BAD", null, "Unknown command.");
        assertThatThrownBy(() -> ImapAssertions.assertThat(journal).hasNoRejectedCommands())
                .hasMessage("Expected the IMAP server to have rejected no command, but it answered these 2 with NO or BAD:\n"
                        + "  #1.1 a1 LOGIN alice *** -> NO [AUTHENTICATIONFAILED] Authentication failed.\n"
                        + "  #1.2 a2 FROB -> BAD Unknown command.");
    }

    @Test
    void anEmptyJournalSaysSo() {
        assertThatThrownBy(() -> ImapAssertions.assertThat(journal).received("LOGIN"))
                .hasMessage("Expected the IMAP server to have received LOGIN, but it did not.\n"
                        + "It received no commands at all.");
    }

    @Test
    void aDescriptionPrefixesTheMessage() {
        assertThatThrownBy(() -> ImapAssertions.assertThat(journal).as("after sync").received("LOGIN"))
                .hasMessageStartingWith("[after sync] Expected the IMAP server to have received LOGIN");
    }

    @Test
    void longJournalsShowTheLastTwentyCommands() {
        for (int i = 1; i <= 25; i++) {
            record(i, "NOOP", "", null, null, "OK", null, "NOOP completed.");
        }
        String message = catchThrowableOfType(AssertionFailedError.class,
                () -> ImapAssertions.assertThat(journal).received("IDLE")).getMessage();
        assertThat(message).contains("Transcript (last 20 of 25 commands):\n  #1.6 a6 NOOP -> OK NOOP completed.\n")
                .endsWith("#1.25 a25 NOOP -> OK NOOP completed.")
                .doesNotContain("#1.5 ");
    }

    @Test
    void eventuallyReceivedWaitsForACommandFromAnotherThread() throws InterruptedException {
        Thread app = new Thread(() -> record(1, "IDLE", "", "alice", "INBOX", "OK", null, "Idle completed."));
        app.start();
        ImapAssertions.assertThat(journal).eventuallyReceived(command("IDLE").inMailbox("inbox"), Duration.ofSeconds(10));
        app.join();
    }

    @Test
    void eventuallyReceivedFailsWithTheUsualReport() {
        record(1, "NOOP", "", null, null, "OK", null, "NOOP completed.");
        assertThatThrownBy(() -> ImapAssertions.assertThat(journal).eventuallyReceived("IDLE", Duration.ofMillis(50)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expected the IMAP server to receive IDLE within 50 ms, but it did not.\n"
                        + "Transcript (1 command):\n"
                        + "  #1.1 a1 NOOP -> OK NOOP completed.");
    }

    @Test
    void patternsDescribeThemselves() {
        assertThat(command("uid  fetch").withArguments("BODY[]").inMailbox("INBOX").byUser("alice").withStatus("no"))
                .hasToString("UID FETCH with arguments containing \"BODY[]\" in mailbox INBOX by user alice answered NO");
        assertThat(command("FETCH").withArguments(a -> a.startsWith("1:"), "for every message"))
                .hasToString("FETCH with arguments for every message");
    }

    @Test
    void commandsGivesPlainListAssertions() {
        ImapAssertions.assertThat(sync()).commands(command("FETCH")).singleElement()
                .extracting(ReceivedCommand::mailbox).isEqualTo("Archive");
    }
}
