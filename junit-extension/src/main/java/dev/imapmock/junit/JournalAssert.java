package dev.imapmock.junit;

import dev.imapmock.journal.Journal;
import dev.imapmock.journal.ReceivedCommand;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * AssertJ assertions on a {@link Journal}. Each assertion reads a snapshot of the journal when it
 * runs; to wait for a command that an app sends from another thread, use {@link #eventuallyReceived}.
 *
 * <p>A failed assertion throws an {@link org.opentest4j.AssertionFailedError} that lists the closest
 * commands actually received (same name with other arguments, mailbox or answer; or a name a few
 * letters away) and the end of the transcript. Counting and ordering failures carry expected and
 * actual values, so IDEs offer a diff.
 */
public final class JournalAssert extends AbstractAssert<JournalAssert, Journal> {
    static final int TRANSCRIPT_LINES = 20;
    static final int NEAR_MISSES = 5;

    JournalAssert(Journal actual) {
        super(actual, JournalAssert.class);
    }

    /**
     * The client checks found no protocol violation on the server of this journal (see {@link ClientReportAssert}).
     *
     * @return this, to chain more assertions
     */
    public JournalAssert hasNoViolations() {
        isNotNull();
        new ClientReportAssert(actual.clientReport()).hasNoViolations();
        return this;
    }

    /**
     * The client checks found none of these wasteful patterns (rule ids); with none named, no
     * wasteful pattern. As {@link ClientReportAssert#hasNoWastefulPatterns(String...)}: patterns
     * not named may be there, and a name that is no wasteful pattern's id is refused.
     *
     * @param rules the rule ids of wasteful patterns; none for every pattern
     * @return this, to chain more assertions
     * @throws IllegalArgumentException when a name is not the id of a wasteful pattern
     */
    public JournalAssert hasNoWastefulPatterns(String... rules) {
        isNotNull();
        new ClientReportAssert(actual.clientReport()).hasNoWastefulPatterns(rules);
        return this;
    }

    /**
     * The server received at least one command with this name.
     *
     * @param name the command name, in any case, such as {@code "UID FETCH"}
     * @return this, to chain more assertions
     */
    public JournalAssert received(String name) {
        return received(CommandPattern.command(name));
    }

    /**
     * The server received a command with this name whose arguments contain {@code argumentsContaining}, ignoring case.
     *
     * @param name the command name, in any case, such as {@code "UID FETCH"}
     * @param argumentsContaining the text to find in the arguments
     * @return this, to chain more assertions
     */
    public JournalAssert received(String name, String argumentsContaining) {
        return received(CommandPattern.command(name).withArguments(argumentsContaining));
    }

    /**
     * The server received a command with this name while {@code mailbox} was selected.
     *
     * @param mailbox the mailbox name
     * @param name the command name, in any case, such as {@code "UID FETCH"}
     * @return this, to chain more assertions
     */
    public JournalAssert receivedIn(String mailbox, String name) {
        return received(CommandPattern.command(name).inMailbox(mailbox));
    }

    /**
     * The server received at least one command matching {@code pattern}.
     *
     * @param pattern the pattern
     * @return this, to chain more assertions
     */
    public JournalAssert received(CommandPattern pattern) {
        List<ReceivedCommand> commands = snapshot();
        if (commands.stream().noneMatch(pattern::matches)) {
            throw failure(new StringBuilder("Expected the IMAP server to have received ").append(pattern)
                    .append(", but it did not."), pattern, commands);
        }
        return this;
    }

    /**
     * The server received exactly {@code times} commands with this name.
     *
     * @param name the command name, in any case, such as {@code "UID FETCH"}
     * @param times how many
     * @return this, to chain more assertions
     */
    public JournalAssert receivedTimes(String name, int times) {
        return receivedTimes(CommandPattern.command(name), times);
    }

    /**
     * The server received exactly {@code times} commands matching {@code pattern}.
     *
     * @param pattern the pattern
     * @param times how many
     * @return this, to chain more assertions
     */
    public JournalAssert receivedTimes(CommandPattern pattern, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative: " + times);
        }
        List<ReceivedCommand> commands = snapshot();
        List<ReceivedCommand> matching = commands.stream().filter(pattern::matches).collect(Collectors.toList());
        if (matching.size() != times) {
            StringBuilder text = new StringBuilder("Expected the IMAP server to have received ").append(pattern)
                    .append(' ').append(times(times)).append(", but it received it ").append(times(matching.size()));
            if (matching.isEmpty()) {
                text.append('.');
                throw failure(text, pattern, commands, times, 0);
            }
            text.append(':');
            SessionTranscript.lines(text, matching, Integer.MAX_VALUE);
            throw failure(text, null, commands, times, matching.size());
        }
        return this;
    }

    /**
     * The server received commands with these names in this order, not necessarily one right after
     * the other, and possibly on different connections (journal order).
     *
     * @param names the command names, in the order expected
     * @return this, to chain more assertions
     */
    public JournalAssert receivedInOrder(String... names) {
        CommandPattern[] patterns = new CommandPattern[names.length];
        for (int i = 0; i < names.length; i++) {
            patterns[i] = CommandPattern.command(names[i]);
        }
        return receivedInOrder(patterns);
    }

    /**
     * As {@link #receivedInOrder(String...)}, each command matching its pattern.
     *
     * @param patterns the patterns, in the order expected
     * @return this, to chain more assertions
     */
    public JournalAssert receivedInOrder(CommandPattern... patterns) {
        if (patterns.length == 0) {
            throw new IllegalArgumentException("Give at least one command");
        }
        List<ReceivedCommand> commands = snapshot();
        int next = 0;
        ReceivedCommand lastMatch = null;
        for (ReceivedCommand c : commands) {
            if (next < patterns.length && patterns[next].matches(c)) {
                lastMatch = c;
                next++;
            }
        }
        if (next == patterns.length) {
            return this;
        }
        CommandPattern missing = patterns[next];
        StringBuilder text = new StringBuilder("Expected the IMAP server to have received in this order:");
        for (CommandPattern p : patterns) {
            text.append("\n  ").append(p);
        }
        if (lastMatch == null) {
            text.append("\nbut it never received ").append(missing).append('.');
        } else {
            text.append("\nbut after ").append(lastMatch.line()).append(" (#").append(lastMatch.connection()).append('.')
                    .append(lastMatch.index()).append(") it never received ").append(missing).append('.');
        }
        String expected = List.of(patterns).stream().map(CommandPattern::toString).collect(Collectors.joining("\n"));
        String actualNames = commands.stream().map(c -> String.valueOf(c.name())).collect(Collectors.joining("\n"));
        throw failure(text, missing, commands, expected, actualNames);
    }

    /**
     * The server received no command with this name.
     *
     * @param name the command name, in any case, such as {@code "UID FETCH"}
     * @return this, to chain more assertions
     */
    public JournalAssert neverReceived(String name) {
        return neverReceived(CommandPattern.command(name));
    }

    /**
     * The server received no command matching {@code pattern}.
     *
     * @param pattern the pattern
     * @return this, to chain more assertions
     */
    public JournalAssert neverReceived(CommandPattern pattern) {
        List<ReceivedCommand> matching = snapshot().stream().filter(pattern::matches).collect(Collectors.toList());
        if (!matching.isEmpty()) {
            StringBuilder text = new StringBuilder("Expected the IMAP server never to have received ").append(pattern)
                    .append(", but it received it ").append(times(matching.size())).append(':');
            SessionTranscript.lines(text, matching, Integer.MAX_VALUE);
            throw new ImapAssertionError(prefix() + text);
        }
        return this;
    }

    /**
     * The server answered no command {@code NO} or {@code BAD}.
     *
     * @return this, to chain more assertions
     */
    public JournalAssert hasNoRejectedCommands() {
        List<ReceivedCommand> rejected = snapshot().stream()
                .filter(c -> c.outcome() != null && ("NO".equals(c.outcome().status()) || "BAD".equals(c.outcome().status())))
                .collect(Collectors.toList());
        if (!rejected.isEmpty()) {
            StringBuilder text = new StringBuilder("Expected the IMAP server to have rejected no command, but it answered ")
                    .append(rejected.size() == 1 ? "this one" : "these " + rejected.size()).append(" with NO or BAD:");
            SessionTranscript.lines(text, rejected, Integer.MAX_VALUE);
            throw new ImapAssertionError(prefix() + text);
        }
        return this;
    }

    /**
     * Waits up to {@code timeout} for a command matching {@code pattern}; for apps that talk to the
     * server from another thread. Returns as soon as it arrives.
     *
     * @param pattern the pattern
     * @param timeout how long to wait at most
     * @return this, to chain more assertions
     */
    public JournalAssert eventuallyReceived(CommandPattern pattern, Duration timeout) {
        isNotNull();
        try {
            actual.await(pattern::matches, pattern.toString(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImapAssertionError(prefix() + "Interrupted while waiting for " + pattern);
        } catch (AssertionError | IllegalStateException e) {
            List<ReceivedCommand> commands = snapshot();
            throw failure(new StringBuilder("Expected the IMAP server to receive ").append(pattern).append(" within ")
                    .append(timeout.toMillis()).append(" ms, but it did not."), pattern, commands);
        }
        return this;
    }

    /**
     * As {@link #eventuallyReceived(CommandPattern, Duration)} for a command name.
     *
     * @param name the command name, in any case, such as {@code "UID FETCH"}
     * @param timeout how long to wait at most
     * @return this, to chain more assertions
     */
    public JournalAssert eventuallyReceived(String name, Duration timeout) {
        return eventuallyReceived(CommandPattern.command(name), timeout);
    }

    /**
     * Plain AssertJ list assertions on the commands received so far, for anything not covered here.
     *
     * @return the AssertJ assertions
     */
    public ListAssert<ReceivedCommand> commands() {
        return Assertions.assertThat(snapshot());
    }

    /**
     * Plain AssertJ list assertions on the commands matching {@code pattern}.
     *
     * @param pattern the pattern
     * @return the AssertJ assertions
     */
    public ListAssert<ReceivedCommand> commands(CommandPattern pattern) {
        return Assertions.assertThat(snapshot().stream().filter(pattern::matches).collect(Collectors.toList()));
    }

    private List<ReceivedCommand> snapshot() {
        isNotNull();
        return actual.commands();
    }

    private String prefix() {
        String description = info.descriptionText();
        return description == null || description.isEmpty() ? "" : "[" + description + "] ";
    }

    private ImapAssertionError failure(StringBuilder text, CommandPattern pattern, List<ReceivedCommand> commands) {
        return new ImapAssertionError(explain(text, pattern, commands));
    }

    private ImapAssertionError failure(StringBuilder text, CommandPattern pattern, List<ReceivedCommand> commands,
                                       Object expected, Object actualValue) {
        return new ImapAssertionError(explain(text, pattern, commands), expected, actualValue);
    }

    private String explain(StringBuilder text, CommandPattern pattern, List<ReceivedCommand> commands) {
        if (commands.isEmpty()) {
            return prefix() + text.append("\nIt received no commands at all.");
        }
        if (pattern != null) {
            List<String> near = nearMisses(pattern, commands);
            if (!near.isEmpty()) {
                text.append("\nClosest commands received:");
                near.forEach(line -> text.append("\n  ").append(line));
            }
        }
        text.append("\nTranscript (");
        if (commands.size() > TRANSCRIPT_LINES) {
            text.append("last ").append(TRANSCRIPT_LINES).append(" of ");
        }
        text.append(SessionTranscript.plural(commands.size(), "command")).append("):");
        List<ReceivedCommand> tail = commands.subList(Math.max(0, commands.size() - TRANSCRIPT_LINES), commands.size());
        tail.forEach(c -> text.append("\n  ").append(c));
        return prefix() + text;
    }

    /** A received command and how far it is from the pattern: same name first, fewest mismatches first. */
    private record Near(ReceivedCommand command, int distance, String why) {
    }

    static List<String> nearMisses(CommandPattern pattern, List<ReceivedCommand> commands) {
        List<Near> near = new ArrayList<>();
        for (ReceivedCommand c : commands) {
            if (c.name() == null) {
                continue;
            }
            if (c.is(pattern.name())) {
                List<String> reasons = pattern.mismatches(c);
                if (!reasons.isEmpty()) {
                    near.add(new Near(c, reasons.size() - 1, String.join(", ", reasons)));
                }
            } else {
                int distance = nameDistance(pattern.name(), c.name());
                if (distance <= 2) {
                    near.add(new Near(c, 10 + distance, "name is " + c.name()));
                }
            }
        }
        return near.stream()
                .sorted(Comparator.comparingInt(Near::distance))
                .limit(NEAR_MISSES)
                .map(n -> n.command() + "   (" + n.why() + ")")
                .collect(Collectors.toList());
    }

    /**
     * Edit distance between two command names, counting {@code UID FETCH} against {@code FETCH} as 1
     * (the UID prefix is the most common slip).
     */
    static int nameDistance(String a, String b) {
        String x = a.toUpperCase(java.util.Locale.ROOT);
        String y = b.toUpperCase(java.util.Locale.ROOT);
        if (Objects.equals("UID " + x, y) || Objects.equals(x, "UID " + y)) {
            return 1;
        }
        int[] previous = new int[y.length() + 1];
        int[] row = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(row[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return previous[y.length()];
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }
}
