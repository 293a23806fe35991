package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import dev.imapmock.check.ClientReport;
import dev.imapmock.journal.Journal;

/**
 * Entry point for AssertJ assertions on what an IMAP server received.
 *
 * <pre>{@code
 * ImapAssertions.assertThat(server.journal())
 *         .received("LOGIN")
 *         .receivedInOrder("SELECT", "UID FETCH")
 *         .neverReceived("EXPUNGE");
 * }</pre>
 */
public final class ImapAssertions {

    private ImapAssertions() {
    }

    /**
     * Starts assertions on the commands a server received.
     *
     * @param journal the server's journal, e.g. {@code server.journal()}
     * @return assertions that read the journal when each one runs, so commands received later count
     */
    public static JournalAssert assertThat(Journal journal) {
        return new JournalAssert(journal);
    }

    /**
     * Assertions on the server's journal.
     *
     * @param server the server
     * @return the assertions
     */
    public static JournalAssert assertThat(ImapMockServer server) {
        return new JournalAssert(server == null ? null : server.journal());
    }

    /**
     * Assertions on what the server's client checks found: {@code hasNoViolations()}, {@code hasNoWastefulPatterns(...)}.
     *
     * @param report the report, from {@code server.clientReport()}
     * @return the assertions
     */
    public static ClientReportAssert assertThat(ClientReport report) {
        return new ClientReportAssert(report);
    }

    /**
     * A pattern for the commands with this name, to narrow with {@link CommandPattern}'s methods.
     *
     * @param name the command name, in any case
     * @return the pattern
     */
    public static CommandPattern command(String name) {
        return CommandPattern.command(name);
    }
}
