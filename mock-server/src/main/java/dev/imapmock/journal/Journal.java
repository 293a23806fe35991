package dev.imapmock.journal;

import dev.imapmock.check.ClientReport;
import dev.imapmock.check.Finding;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The commands a server received, in the order they completed: all of them, or the most recent
 * {@link #capacity()} in a long-running server (a standalone sandbox must not grow without end).
 * Thread-safe: sessions record while tests read, filter and wait.
 */
public final class Journal {
    /** How many commands a journal keeps unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final ArrayDeque<ReceivedCommand> commands = new ArrayDeque<>();
    private final int capacity;
    private final List<Consumer<ReceivedCommand>> listeners = new CopyOnWriteArrayList<>();
    private boolean closed;
    /** The client checks' findings, oldest first; a wasteful pattern's later count replaces its earlier one. */
    private final LinkedHashMap<Object, Finding> findings = new LinkedHashMap<>();
    private long findingNumber;
    private long clears;

    /** A journal that keeps the most recent {@link #DEFAULT_CAPACITY} commands. */
    public Journal() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * A journal that keeps the most recent {@code capacity} commands, dropping the oldest.
     *
     * @param capacity how many commands it keeps, at least 1
     */
    public Journal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Journal capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * {@return how many commands, and how many findings, it keeps}
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Called by the server for each command, and by listeners beside it that share its journal (the
     * sandbox's SMTP listener records its commands with {@link ReceivedCommand.Protocol#SMTP}); not for
     * tests to call.
     *
     * @param command the command as it was handled
     */
    public synchronized void record(ReceivedCommand command) {
        if (commands.size() == capacity) {
            commands.removeFirst();
        }
        commands.addLast(command);
        notifyAll();
        for (Consumer<ReceivedCommand> l : listeners) {
            l.accept(command);
        }
    }

    /**
     * Calls {@code listener} with every command recorded from now on, in journal order, on the
     * session thread that records it and while the journal is locked: it must only hand the
     * command on (to a bounded queue, say) and return at once, and must not throw. Closing the
     * returned handle stops the calls; it is idempotent.
     *
     * @param listener what to call
     * @return the registration
     */
    public Subscription listen(Consumer<ReceivedCommand> listener) {
        Consumer<ReceivedCommand> wrapped = java.util.Objects.requireNonNull(listener, "listener")::accept;
        listeners.add(wrapped);
        return () -> listeners.remove(wrapped);
    }

    /**
     * A copy of every command kept so far, oldest first.
     *
     * @return the commands, unmodifiable
     */
    public synchronized List<ReceivedCommand> commands() {
        return List.copyOf(commands);
    }

    /**
     * The recorded commands with this name (case-insensitive).
     *
     * @param name the command name, such as {@code "UID FETCH"}
     * @return the commands, oldest first, unmodifiable
     */
    public List<ReceivedCommand> commands(String name) {
        return commands(c -> c.is(name));
    }

    /**
     * The recorded commands that satisfy {@code filter}, oldest first.
     *
     * @param filter the test
     * @return the commands, unmodifiable
     */
    public synchronized List<ReceivedCommand> commands(Predicate<ReceivedCommand> filter) {
        return commands.stream().filter(filter).collect(Collectors.toUnmodifiableList());
    }

    /** A listener's registration; closing it stops the calls. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Forgets every recorded command and every finding of the client checks. */
    public synchronized void clear() {
        commands.clear();
        findings.clear();
        clears++;
    }

    /**
     * How many times {@link #clear()} ran; the client checks read it to forget the patterns that
     * span connections together with the findings.
     *
     * @return the number of clears since the journal was made
     */
    public synchronized long clears() {
        return clears;
    }

    /**
     * Called by the server's client checks; not for tests to call. A wasteful pattern found
     * again on the same connection, for the same command, replaces the earlier finding (its count
     * grew). Kept up to {@link #capacity()} findings, dropping the oldest.
     *
     * @param finding what a check found
     */
    public synchronized void record(Finding finding) {
        Object key = finding.kind() == Finding.Kind.WASTEFUL
                ? List.of(finding.connection(), finding.rule(), finding.command()) : ++findingNumber;
        findings.put(key, finding);
        if (findings.size() > capacity) {
            findings.remove(findings.keySet().iterator().next());
        }
    }

    /**
     * What the client checks found so far: violations, wasteful patterns and notes, in the order found.
     *
     * @return the report
     */
    public synchronized ClientReport clientReport() {
        return new ClientReport(List.copyOf(findings.values()));
    }

    /**
     * Returns the first recorded command with this name, waiting up to {@code timeout} for it.
     *
     * @throws AssertionError when it has not arrived in time, naming what did arrive
     * @throws IllegalStateException when the server closes while waiting
     * @param name the command name, such as {@code "IDLE"}
     * @param timeout how long to wait at most
     * @return the command
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public ReceivedCommand awaitCommand(String name, Duration timeout) throws InterruptedException {
        return await(c -> c.is(name), "a " + name.toUpperCase(Locale.ROOT) + " command", timeout);
    }

    /**
     * As {@link #awaitCommand}, for the first command that satisfies {@code filter}.
     *
     * @param filter the test
     * @param description what the test looks for, for the failure message
     * @param timeout how long to wait at most
     * @return the command
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public synchronized ReceivedCommand await(Predicate<ReceivedCommand> filter, String description,
                                              Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ReceivedCommand c : commands) {
                if (filter.test(c)) {
                    return c;
                }
            }
            if (closed) {
                throw new IllegalStateException("The server closed while waiting for " + description);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Waited " + timeout.toMillis() + " ms for " + description
                        + " but it never arrived; received: " + summary());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Wakes every waiter; called when the server closes. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    private String summary() {
        if (commands.isEmpty()) {
            return "nothing";
        }
        return commands.stream().map(ReceivedCommand::line).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public synchronized String toString() {
        return commands.stream().map(ReceivedCommand::toString).collect(Collectors.joining("\n"));
    }
}
