package dev.imapmock.fault;

import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.protocol.ResponseWriter;
import dev.imapmock.store.Account;
import dev.imapmock.store.MailboxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules that fired on one command (or on the greeting) and what remains for them to do; the
 * server's side of {@link Faults}, not for tests. Used by the connection's thread.
 */
public final class CommandFaults {
    private static final CommandFaults NONE = new CommandFaults(null, null, null, null, List.of(), List.of(),
            List.of(), List.of());

    private final ConnectionFaults connection;
    private final String tag;
    private final Account account;
    private final Matcher.Target target;
    private final List<Fired> afterRead;
    private final List<Fired> afterTagged;
    private final List<Fired> idle;
    private final List<String> fired;

    CommandFaults(ConnectionFaults connection, String tag, Account account, Matcher.Target target,
                  List<Fired> afterRead, List<Fired> afterTagged, List<Fired> idle, List<String> fired) {
        this.connection = connection;
        this.tag = tag;
        this.account = account;
        this.target = target;
        this.afterRead = afterRead;
        this.afterTagged = afterTagged;
        this.idle = idle;
        this.fired = List.copyOf(fired);
    }

    /**
     * Nothing fired and nothing will: for sessions that no connection drives.
     *
     * @return the shared empty instance
     */
    public static CommandFaults none() {
        return NONE;
    }

    /**
     * The names of the rules that fired, in rule order, for the journal.
     *
     * @return the names, unmodifiable
     */
    public List<String> fired() {
        return fired;
    }

    /**
     * Carries out what happens once the command is read: delays, stalls, injected lines, mailbox
     * changes. When a rule answers instead of the command, writes that answer and returns it; the
     * command must then not run. Returns null when the command is to run.
     *
     * @throws InjectedDisconnect when a rule closed the connection
     * @param out where the session writes its responses
     * @return the outcome to journal when a rule answered instead of the command, or null
     * @throws IOException when writing fails
     */
    public ReceivedCommand.Outcome beforeExecute(ResponseWriter out) throws IOException {
        FaultEffect.Respond answer = null;
        for (Fired f : afterRead) {
            if (f.effect() instanceof FaultEffect.Respond r) {
                answer = answer == null ? r : answer;
            } else if (!mailboxEffect(f)) {
                connection.shaped().run(List.of(f), () -> false);
            }
        }
        if (answer == null) {
            return null;
        }
        out.status(tag, ResponseWriter.Status.valueOf(answer.status()), answer.code(), answer.text());
        return new ReceivedCommand.Outcome(answer.status(), answer.code(), answer.text());
    }

    /**
     * Ends the response once it was flushed: a replacement answer goes out, then what comes after
     * the tagged reply, then lines pushed meanwhile.
     *
     * @throws InjectedDisconnect when a rule closed the connection
     * @throws IOException when writing fails
     */
    public void done() throws IOException {
        if (connection == null) {
            return;
        }
        ShapedOutput out = connection.shaped();
        out.end();
        List<Fired> rest = new ArrayList<>();
        for (Fired f : afterTagged) {
            if (!mailboxEffect(f)) {
                rest.add(f);
            }
        }
        if (!rest.isEmpty()) {
            out.run(rest, () -> false);
        }
        out.ready();
    }

    /**
     * Call once IDLE's continuation has left: lines pushed now reach the client at once, and the
     * rules acting while idle run on a helper thread until the returned handle is closed.
     *
     * @return the handle to close when IDLE ends
     */
    public Idling whileIdle() {
        if (connection == null) {
            return new Idling(null, null);
        }
        connection.shaped().ready();
        Idling idling = new Idling(connection, idle);
        idling.start();
        return idling;
    }

    private boolean mailboxEffect(Fired f) {
        boolean bump = f.effect() instanceof FaultEffect.BumpUidValidity;
        if (!bump && !(f.effect() instanceof FaultEffect.RemoveMailbox)) {
            return false;
        }
        String name = target.mailboxArgument() != null ? target.mailboxArgument() : target.selected();
        if (account == null || name == null) {
            return true;
        }
        try {
            if (bump) {
                account.recreate(name);
            } else {
                account.delete(name);
            }
        } catch (MailboxException e) {
            log().debug("Fault {} did nothing to {}: {}", f.rule().name(), name, e.getMessage());
        }
        return true;
    }

    /** The rules acting while a session idles; closing it (when IDLE ends) stops them. */
    public static final class Idling implements AutoCloseable {
        private final ConnectionFaults connection;
        private final List<Fired> effects;
        private volatile boolean stopped;
        private Thread thread;

        private Idling(ConnectionFaults connection, List<Fired> effects) {
            this.connection = connection;
            this.effects = effects == null ? List.of() : effects;
        }

        private void start() {
            if (effects.isEmpty()) {
                return;
            }
            thread = new Thread(this::run, Thread.currentThread().getName() + "-idle-faults");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            List<Fired> ordered = new ArrayList<>(effects);
            ordered.sort(Comparator.comparing(f -> ((Phase.WhileIdle) f.rule().phase()).after()));
            long start = System.nanoTime();
            try {
                for (Fired f : ordered) {
                    Duration after = ((Phase.WhileIdle) f.rule().phase()).after();
                    if (!connection.faults().await(start + after.toNanos(), () -> stopped) || stopped) {
                        return;
                    }
                    connection.shaped().run(List.of(f), () -> stopped);
                }
            } catch (IOException e) {
                // A rule closed the connection: the handler's read fails and the connection ends.
            }
        }

        /** Stops the rules that have not acted yet and waits for the helper; pushes queue again. */
        @Override
        public void close() {
            if (connection == null) {
                return;
            }
            stopped = true;
            synchronized (connection.faults().lock()) {
                connection.faults().lock().notifyAll();
            }
            if (thread != null) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            connection.shaped().busy();
        }
    }

    /** Looked up when first needed, so that starting a server does not wait for logging to initialize. */
    private static Logger log() {
        return LoggerFactory.getLogger(CommandFaults.class);
    }
}
