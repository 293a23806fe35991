package dev.imapmock.junit;

import dev.imapmock.journal.ReceivedCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which received commands an assertion is about: a command name and, optionally, what its
 * arguments contain, the mailbox selected, the user logged in and how the server answered.
 * Immutable; each {@code with}/{@code in} method returns a narrower pattern.
 *
 * <pre>{@code
 * assertThat(server.journal()).received(command("UID FETCH").withArguments("BODY.PEEK[]").inMailbox("INBOX"));
 * }</pre>
 *
 * <p>Names compare ignoring case, and {@code UID FETCH} is a different command from {@code FETCH}.
 * Argument text is as journaled, passwords masked.
 */
public final class CommandPattern {
    private final String name;
    private final List<Criterion> criteria;

    /** One extra condition, with the words that describe it and a mismatch. */
    private record Criterion(String description, Predicate<ReceivedCommand> test, Mismatch mismatch) {
    }

    private interface Mismatch {
        String describe(ReceivedCommand actual);
    }

    private CommandPattern(String name, List<Criterion> criteria) {
        this.name = name;
        this.criteria = List.copyOf(criteria);
    }

    /**
     * Every command with this name.
     *
     * @param name the command name, in any case, such as {@code "uid fetch"}
     * @return the pattern
     */
    public static CommandPattern command(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Command name is empty");
        }
        return new CommandPattern(name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT), List.of());
    }

    /**
     * The name, upper-cased: {@code UID FETCH}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Commands whose argument text contains {@code text}, ignoring case.
     *
     * @param text the text to find
     * @return a new pattern with this condition added
     */
    public CommandPattern withArguments(String text) {
        Objects.requireNonNull(text, "text");
        String lower = text.toLowerCase(Locale.ROOT);
        return with("with arguments containing \"" + text + "\"",
                c -> c.arguments() != null && c.arguments().toLowerCase(Locale.ROOT).contains(lower),
                c -> "arguments are \"" + c.arguments() + "\"");
    }

    /**
     * Commands whose argument text passes {@code test}; {@code description} names it in failure messages.
     *
     * @param test the test of the argument text
     * @param description what it tests
     * @return a new pattern with this condition added
     */
    public CommandPattern withArguments(Predicate<String> test, String description) {
        Objects.requireNonNull(test, "test");
        return with("with arguments " + Objects.requireNonNull(description, "description"),
                c -> c.arguments() != null && test.test(c.arguments()),
                c -> "arguments are \"" + c.arguments() + "\"");
    }

    /**
     * Commands sent while {@code mailbox} was selected; {@code INBOX} in any case.
     *
     * @param mailbox the mailbox name
     * @return a new pattern with this condition added
     */
    public CommandPattern inMailbox(String mailbox) {
        Objects.requireNonNull(mailbox, "mailbox");
        return with("in mailbox " + mailbox, c -> sameMailbox(mailbox, c.mailbox()),
                c -> c.mailbox() == null ? "no mailbox was selected" : "mailbox was " + c.mailbox());
    }

    /**
     * Commands sent by a connection logged in as {@code user}.
     *
     * @param user the user name
     * @return a new pattern with this condition added
     */
    public CommandPattern byUser(String user) {
        Objects.requireNonNull(user, "user");
        return with("by user " + user, c -> user.equals(c.user()),
                c -> c.user() == null ? "not logged in" : "user was " + c.user());
    }

    /**
     * Commands the server answered with this status: {@code OK}, {@code NO}, {@code BAD} or {@code DISCONNECTED}.
     *
     * @param status the status, in any case
     * @return a new pattern with this condition added
     */
    public CommandPattern withStatus(String status) {
        String wanted = Objects.requireNonNull(status, "status").toUpperCase(Locale.ROOT);
        return with("answered " + wanted,
                c -> c.outcome() != null && wanted.equalsIgnoreCase(c.outcome().status()),
                c -> "answered " + c.outcome());
    }

    /**
     * Commands the server answered {@code OK}.
     *
     * @return a new pattern with this condition added
     */
    public CommandPattern succeeded() {
        return withStatus("OK");
    }

    /**
     * Commands that pass {@code test}; {@code description} names it in failure messages ("with a literal").
     *
     * @param test the test of the command
     * @param description what it tests
     * @return a new pattern with this condition added
     */
    public CommandPattern matching(Predicate<ReceivedCommand> test, String description) {
        Objects.requireNonNull(test, "test");
        return with(Objects.requireNonNull(description, "description"), test, c -> "not " + description);
    }

    /**
     * True when the command has this name and meets every condition.
     *
     * @param command a recorded command
     * @return whether it matches
     */
    public boolean matches(ReceivedCommand command) {
        return command.is(name) && mismatches(command).isEmpty();
    }

    /** Why a command with this pattern's name does not match: one phrase per unmet condition. */
    List<String> mismatches(ReceivedCommand command) {
        List<String> reasons = new ArrayList<>();
        for (Criterion c : criteria) {
            if (!c.test().test(command)) {
                reasons.add(c.mismatch().describe(command));
            }
        }
        return reasons;
    }

    private CommandPattern with(String description, Predicate<ReceivedCommand> test, Mismatch mismatch) {
        List<Criterion> more = new ArrayList<>(criteria);
        more.add(new Criterion(description, test, mismatch));
        return new CommandPattern(name, more);
    }

    private static boolean sameMailbox(String wanted, String actual) {
        if (actual == null) {
            return false;
        }
        return wanted.equalsIgnoreCase("INBOX") ? actual.equalsIgnoreCase("INBOX") : wanted.equals(actual);
    }

    /** {@code UID FETCH with arguments containing "BODY[]" in mailbox INBOX}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name);
        for (Criterion c : criteria) {
            text.append(' ').append(c.description());
        }
        return text.toString();
    }
}
