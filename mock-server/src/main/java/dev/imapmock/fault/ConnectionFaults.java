package dev.imapmock.fault;

import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.NameEncoding;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.protocol.ReadResult;
import dev.imapmock.store.Account;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fault rules as one connection meets them; the server's side of {@link Faults}, not for
 * tests. The connection asks it at each phase and writes through {@link #output()}. Used by the
 * connection's thread, except {@link #output()}, which is thread-safe.
 */
public final class ConnectionFaults {
    private static final Set<String> FIRST_ARG_MAILBOX = Set.of("SELECT", "EXAMINE", "STATUS", "APPEND", "CREATE",
            "DELETE", "RENAME", "SUBSCRIBE", "UNSUBSCRIBE");
    private static final Set<String> SECOND_ARG_MAILBOX = Set.of("COPY", "MOVE", "UID COPY", "UID MOVE");

    private final Faults faults;
    private final int number;
    private final Socket socket;
    private final ShapedOutput output;
    private FaultRule autologout;

    private ConnectionFaults(Faults faults, int number, Socket socket) throws IOException {
        this.faults = faults;
        this.number = number;
        this.socket = socket;
        this.output = new ShapedOutput(faults, socket, socket.getOutputStream());
    }

    /**
     * Starts following the connection {@code number}, whose output then goes through {@link #output()}.
     *
     * @param faults the server's rules
     * @param number the connection's number, from 1
     * @param socket the accepted socket
     * @return the connection's faults
     * @throws IOException when the socket's output cannot be had
     */
    public static ConnectionFaults open(Faults faults, int number, Socket socket) throws IOException {
        ConnectionFaults c = new ConnectionFaults(faults, number, socket);
        faults.register(c);
        return c;
    }

    /**
     * The socket's output as the rules shape it; buffer in front of it and flush once per response.
     *
     * @return the shaped output
     */
    public OutputStream output() {
        return output;
    }

    /**
     * Keeps lines pushed by tests or idle rules back from now until {@link #secure} or
     * {@link #stayClear} (or {@link #compress}): STARTTLS was answered and the handshake is next, or
     * COMPRESS was and the deflater is next.
     */
    public void holdForTls() {
        output.hold();
    }

    /**
     * True when a rule replaced the tagged answer of the command just done, so the client saw no OK.
     *
     * @return whether the tagged answer was replaced
     */
    public boolean answerReplaced() {
        return output.replaced();
    }

    /**
     * The connection speaks TLS now: the rules shape what goes into {@code tls}, and closing
     * politely sends its close_notify. Lines held back go out over it.
     *
     * @param tls the TLS socket layered over the connection's
     * @throws IOException when its output cannot be had
     */
    public void secure(Socket tls) throws IOException {
        output.transport(tls.getOutputStream(), tls);
        output.release();
    }

    /**
     * The connection compresses now (RFC 4978): the rules shape the IMAP octets, which are then
     * deflated, each flush a SYNC_FLUSH. Lines held back go out compressed.
     */
    public void compress() {
        output.compress();
        output.release();
    }

    /** TLS (or compression) did not begin after all: lines held back go out as before. */
    public void stayClear() {
        output.release();
    }

    /**
     * {@return the connection's number, from 1 in the order clients connected}
     */
    public int number() {
        return number;
    }

    boolean ended() {
        return socket.isClosed();
    }

    void push(List<String> lines) {
        output.push(lines);
    }

    /**
     * The rules on the TLS handshake about to begin: delays, stalls, hang-ups and garbage happen
     * now (a hang-up throws {@link InjectedDisconnect}); returns what the handshake itself must
     * do, in rule order: {@link FaultEffect.TlsAlert} and {@link FaultEffect.Certificate} effects.
     *
     * @return the effects on the handshake itself, maybe none
     * @throws IOException when a rule's output fails or a rule hung up ({@link InjectedDisconnect})
     */
    public List<FaultEffect> handshake() throws IOException {
        Matcher.Target target = Matcher.Target.connection(number, null);
        List<Fired> now = new ArrayList<>();
        List<FaultEffect> tls = new ArrayList<>();
        for (FaultRule rule : faults.snapshot()) {
            if (rule.phase() instanceof Phase.Handshake && fire(rule, target)) {
                for (FaultEffect e : rule.effects()) {
                    if (e instanceof FaultEffect.TlsAlert || e instanceof FaultEffect.Certificate) {
                        tls.add(e);
                    } else {
                        now.add(new Fired(rule, e, number));
                    }
                }
            }
        }
        if (!now.isEmpty()) {
            output.run(now, () -> false);
        }
        return tls;
    }

    /**
     * The rules on the greeting; write and flush the greeting, then call {@link CommandFaults#done()}.
     *
     * @return what the rules do to the greeting
     */
    public CommandFaults greeting() {
        Matcher.Target target = Matcher.Target.connection(number, null);
        List<Fired> gate = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (FaultRule rule : faults.snapshot()) {
            if (rule.phase() instanceof Phase.Greeting && fire(rule, target)) {
                names.add(rule.name());
                rule.effects().forEach(e -> gate.add(new Fired(rule, e, number)));
            }
        }
        output.begin(null, gate, List.of());
        return new CommandFaults(this, null, null, target, List.of(), List.of(), List.of(), names);
    }

    /**
     * Matches the rules against a command just read (counting them), arms the output for its
     * response, and returns what else is to happen. Call {@link CommandFaults#done()} after the
     * response was flushed.
     *
     * @param read the command as read
     * @param account the account logged in, or null
     * @param selected the selected mailbox's name, or null
     * @param encoding how the session spells mailbox names, to read the one the command names
     * @return what the rules do to the command
     */
    public CommandFaults command(ReadResult read, Account account, String selected, NameEncoding encoding) {
        List<FaultRule> rules = faults.snapshot();
        if (rules.isEmpty()) {
            // The common case costs nothing: no argument text rendered, no lists built.
            output.begin(read.tag(), List.of(), List.of());
            return new CommandFaults(this, read.tag(), account, null, List.of(), List.of(), List.of(), List.of());
        }
        char delimiter = account == null ? Account.DELIMITER : account.delimiter();
        String name;
        String arguments;
        String mailbox = null;
        if (read instanceof Command command) {
            name = command.name();
            arguments = command.argumentsText();
            mailbox = mailboxArgument(command, encoding, delimiter);
        } else {
            ReadResult.Malformed bad = (ReadResult.Malformed) read;
            name = bad.name();
            arguments = bad.text();
        }
        Matcher.Target target = new Matcher.Target(number, account == null ? null : account.user(), name, arguments,
                selected, mailbox, delimiter);
        List<Fired> afterRead = new ArrayList<>();
        List<Fired> gate = new ArrayList<>();
        List<ShapedOutput.Trigger> triggers = new ArrayList<>();
        List<Fired> afterTagged = new ArrayList<>();
        List<Fired> idle = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (FaultRule rule : rules) {
            Phase phase = rule.phase();
            if (phase instanceof Phase.Greeting || phase instanceof Phase.Waiting || phase instanceof Phase.Handshake
                    || !fire(rule, target)) {
                continue;
            }
            names.add(rule.name());
            List<Fired> effects = new ArrayList<>();
            rule.effects().forEach(e -> effects.add(new Fired(rule, e, number)));
            if (phase instanceof Phase.AfterRead) {
                afterRead.addAll(effects);
            } else if (phase instanceof Phase.BeforeResponse) {
                gate.addAll(effects);
            } else if (phase instanceof Phase.AfterBytes || phase instanceof Phase.InLiteral) {
                triggers.add(new ShapedOutput.Trigger(phase, effects));
            } else if (phase instanceof Phase.AfterTagged) {
                afterTagged.addAll(effects);
            } else {
                idle.addAll(effects);
            }
        }
        output.begin(read.tag(), gate, triggers);
        return new CommandFaults(this, read.tag(), account, target, afterRead, afterTagged, idle, names);
    }

    /**
     * The read timeout for the next command: the configured one, or an auto-logout rule's when
     * shorter. {@code user} is who is logged in, or null.
     *
     * @param configured the server's read timeout
     * @param user the user logged in, or null
     * @return the timeout in milliseconds, 0 for none
     */
    public int readTimeoutMillis(Duration configured, String user) {
        Matcher.Target target = Matcher.Target.connection(number, user);
        long millis = configured.toMillis();
        autologout = null;
        for (FaultRule rule : faults.snapshot()) {
            if (rule.phase() instanceof Phase.Waiting && applies(rule, target)) {
                for (FaultEffect e : rule.effects()) {
                    if (e instanceof FaultEffect.Autologout a && a.after().toMillis() < millis) {
                        millis = Math.max(1, a.after().toMillis());
                        autologout = rule;
                    }
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }

    /** The read timed out: counts the auto-logout rule that set it, if one did. */
    public void timedOut() {
        if (autologout != null) {
            synchronized (faults.lock()) {
                autologout.countFired();
            }
        }
    }

    Faults faults() {
        return faults;
    }

    ShapedOutput shaped() {
        return output;
    }

    private boolean fire(FaultRule rule, Matcher.Target target) {
        synchronized (faults.lock()) {
            return rule.tryFire(target);
        }
    }

    private boolean applies(FaultRule rule, Matcher.Target target) {
        synchronized (faults.lock()) {
            return rule.applies(target);
        }
    }

    /** The mailbox a command names, decoded and canonical; null when it names none or cannot be decoded. */
    static String mailboxArgument(Command command, NameEncoding names, char delimiter) {
        int index = FIRST_ARG_MAILBOX.contains(command.name()) ? 0 : SECOND_ARG_MAILBOX.contains(command.name()) ? 1 : -1;
        if (index < 0 || command.args().size() <= index) {
            return null;
        }
        Arg arg = command.args().get(index);
        String wire = arg.text();
        if (wire == null) {
            return null;
        }
        try {
            return Account.canonical(names.decode(wire), delimiter);
        } catch (ProtocolException | IllegalArgumentException e) {
            return null;
        }
    }
}
