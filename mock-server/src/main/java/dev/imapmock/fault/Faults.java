package dev.imapmock.fault;

import dev.imapmock.store.OAuthTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The fault rules of one server: make it answer NO, hang up, stall, slow down or say unexpected
 * things on purpose, deterministically. Rules are tried in the order they were added; every
 * rule that matches a command fires, its effects in order.
 *
 * <pre>{@code
 * FaultRule down = server.faults().on("LOGIN").respond("NO [UNAVAILABLE] Down for maintenance");
 * server.faults().on("SELECT").delay(Duration.ofMillis(500));
 * server.faults().onGreeting().bye("Too many connections");
 * down.remove();
 * }</pre>
 *
 * <p>Thread-safe. Random choices (probabilities, random delays) come from generators seeded by
 * {@link #seed(long)}, one per rule and connection, so the same seed and the same conversation
 * give the same faults whatever other connections do. {@link #close()} (called when the server
 * closes) ends every stall and delay at once.
 */
public final class Faults {
    private final Object lock = new Object();
    private final List<FaultRule> rules = new ArrayList<>();
    /** The server's OAuth2 tokens, which {@link #expireTokenAtLogin} changes; null when there is no server. */
    private final OAuthTokens tokens;
    private final Set<ConnectionFaults> connections = ConcurrentHashMap.newKeySet();
    private long seed;
    private int nextId = 1;
    private boolean closed;

    /**
     * Rules for one server; {@code ImapMockServer} makes one, tests use {@code server.faults()}.
     *
     * @param seed the seed of every random choice
     */
    public Faults(long seed) {
        this(seed, null);
    }

    /**
     * Rules for one server whose OAuth2 tokens are {@code tokens}.
     *
     * @param seed the seed of every random choice
     * @param tokens the server's tokens, or null when it has none
     */
    public Faults(long seed, OAuthTokens tokens) {
        this.seed = seed;
        this.tokens = tokens;
    }

    /**
     * A rule on every command named {@code command} ({@code "UID FETCH"} is not {@code "FETCH"}); {@code "*"} for any.
     *
     * @param command the command name, in any case
     * @return a builder of the rule
     */
    public RuleBuilder on(String command) {
        Objects.requireNonNull(command, "command");
        return new RuleBuilder(this, Phase.afterRead(), command.strip().equals("*") ? null : command);
    }

    /**
     * A rule on every command: {@code on("*")}.
     *
     * @return a builder of the rule
     */
    public RuleBuilder onAnyCommand() {
        return new RuleBuilder(this, Phase.afterRead(), null);
    }

    /**
     * A rule on the greeting: delay it, replace it with {@code * BYE}, or hang up.
     *
     * @return a builder of the rule
     */
    public RuleBuilder onGreeting() {
        return new RuleBuilder(this, Phase.greeting(), null);
    }

    /**
     * A rule on the TLS handshake, before it begins: on the implicit-TLS port before the
     * greeting, after STARTTLS's OK. Its effects: {@code tlsAlert()}, {@code reset()},
     * {@code disconnect()}, {@code garbage(...)}, {@code delay(...)}, {@code stall()}, and the
     * certificates {@code expiredCertificate()}, {@code certificateForOtherHost()},
     * {@code untrustedCertificate()}.
     *
     * @return a builder of the rule
     */
    public RuleBuilder onHandshake() {
        return new RuleBuilder(this, Phase.handshake(), null);
    }

    /**
     * A rule that acts while a session idles (RFC 2177), as soon as it starts.
     *
     * @return a builder of the rule
     */
    public RuleBuilder onIdle() {
        return onIdle(Duration.ZERO);
    }

    /**
     * A rule that acts while a session idles, {@code after} it started.
     *
     * @param after how long after the session began to idle
     * @return a builder of the rule
     */
    public RuleBuilder onIdle(Duration after) {
        return new RuleBuilder(this, Phase.whileIdle(after), "IDLE");
    }

    /**
     * Greets connections after the first {@code n} with {@code * BYE Too many connections} and closes them.
     *
     * @param n how many connections are greeted as usual
     * @return the rule, now active
     */
    public FaultRule refuseConnectionsAfter(int n) {
        return onGreeting().connectionsFrom(n + 1).optional().bye("Too many connections");
    }

    /**
     * Ends connections that stay silent for {@code idle} with {@code * BYE Autologout; idle for
     * too long}. Taken into account from each connection's next read on.
     *
     * @param idle how long a connection may stay silent
     * @return the rule, now active
     */
    public FaultRule autologoutAfter(Duration idle) {
        return new RuleBuilder(this, Phase.waiting(), null).optional().apply(new FaultEffect.Autologout(idle));
    }

    /**
     * The OAuth2 token {@code token} stays valid for {@code login - 1} more logins with it and
     * expires at the {@code login}-th, counted from now: XOAUTH2 and OAUTHBEARER then answer
     * {@code NO [EXPIRED]} (RFC 5530), as a provider does when an access token runs out, so the
     * application's refresh path runs. The token's state lives with the server's tokens
     * ({@code server.tokens()}), not among the rules: {@link #clear()} and {@link #reset()} leave
     * it, {@code server.tokens().renew(token)} makes it valid again.
     *
     * @throws IllegalArgumentException when the server has no such token or {@code login} is below 1
     * @param token the token, one the server accepts
     * @param login which login from now on finds it expired, from 1
     */
    public void expireTokenAtLogin(String token, int login) {
        checkToken(token, login);
        tokens.expireAtLogin(token, login);
    }

    /** Fails as {@link #expireTokenAtLogin} would, changing nothing. */
    void checkToken(String token, int login) {
        if (tokens == null || !tokens.contains(token)) {
            throw new IllegalArgumentException("No such token");
        }
        if (login < 1) {
            throw new IllegalArgumentException("The login at which a token expires is 1 or later, not " + login);
        }
    }

    /**
     * Reads rules from a fault file (see docs/faults.md) and adds them, in file order.
     *
     * @param file the fault file
     * @return the rules added, now active
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException naming the line and the reason when a rule is malformed
     */
    public List<FaultRule> load(Path file) {
        try {
            return FaultFile.load(this, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Can't read fault file " + file, e);
        }
    }

    /**
     * Adds the rules of a fault file's text.
     *
     * @param text the text of a fault file
     * @return the rules added, now active
     * @throws IllegalArgumentException naming the line and the reason when a rule is malformed
     */
    public List<FaultRule> load(String text) {
        return FaultFile.parse(this, text, "text");
    }

    /**
     * Seeds every random choice from now on; rules start their sequences afresh.
     *
     * @param seed the new seed
     * @return these faults
     */
    public Faults seed(long seed) {
        synchronized (lock) {
            this.seed = seed;
            rules.forEach(FaultRule::reseed);
        }
        return this;
    }

    /**
     * The active rules, in order.
     *
     * @return the rules, unmodifiable
     */
    public List<FaultRule> rules() {
        synchronized (lock) {
            return rules.stream().filter(r -> !r.removedLocked()).collect(Collectors.toUnmodifiableList());
        }
    }

    /**
     * The active rule with this {@link FaultRule#id() id}, if there is one.
     *
     * @param id the rule's id
     * @return the rule, or empty when there is none or it was removed
     */
    public java.util.Optional<FaultRule> rule(int id) {
        synchronized (lock) {
            return rules.stream().filter(r -> r.id() == id && !r.removedLocked()).findFirst();
        }
    }

    /** Removes every rule, releasing what they stall. */
    public void clear() {
        synchronized (lock) {
            rules.forEach(FaultRule::markRemoved);
            lock.notifyAll();
        }
    }

    /**
     * Removes every rule and forgets every rule added so far, so that {@link #neverFired()} and
     * {@link #assertAllFired()} start afresh: for a server that several tests share.
     */
    public void reset() {
        synchronized (lock) {
            clear();
            history.clear();
        }
    }

    /**
     * Every rule added so far (also removed ones) that is expected to fire and never did.
     *
     * @return the rules, in the order they were added
     */
    public List<FaultRule> neverFired() {
        synchronized (lock) {
            return history.stream().filter(r -> r.isExpected() && r.firedCount() == 0)
                    .collect(Collectors.toUnmodifiableList());
        }
    }

    /**
     * Fails when a rule (also a removed one) never fired, naming it; rules made {@code optional()}
     * do not count.
     *
     * @throws AssertionError naming the rules that never fired
     */
    public void assertAllFired() {
        List<FaultRule> silent = neverFired();
        if (!silent.isEmpty()) {
            throw new AssertionError("Fault rules that never fired: "
                    + silent.stream().map(FaultRule::name).collect(Collectors.joining("; ")));
        }
    }

    /**
     * Sends untagged lines (without CRLF, e.g. {@code * 4 EXISTS}) to every connection now: at
     * once to a session that idles or waits for its next command, right after the current
     * response to one that is busy. Returns how many connections it reached.
     *
     * @param lines the untagged lines
     * @return the number of connections reached
     */
    public int push(String... lines) {
        return push(0, lines);
    }

    /**
     * As {@link #push(String...)}, to the connection with this number only (0: every one).
     *
     * @param connection the connection's number, or 0 for every one
     * @param lines the untagged lines
     * @return the number of connections reached
     */
    public int push(int connection, String... lines) {
        List<String> copy = new FaultEffect.Inject(Arrays.asList(lines)).lines();
        int reached = 0;
        for (ConnectionFaults c : connections) {
            if (c.ended()) {
                connections.remove(c);
            } else if (connection == 0 || c.number() == connection) {
                c.push(copy);
                reached++;
            }
        }
        return reached;
    }

    /** Ends every stall and delay; later ones end at once. Called when the server closes. */
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    private final List<FaultRule> history = new ArrayList<>();

    FaultRule add(String name, Phase phase, List<Matcher> matchers, List<FaultEffect> effects, int nth, int times,
                  double probability, boolean optional) {
        synchronized (lock) {
            FaultRule rule = new FaultRule(this, nextId++, name, phase, matchers, effects, nth, times, probability,
                    optional);
            rules.add(rule);
            history.add(rule);
            return rule;
        }
    }

    void remove(FaultRule rule) {
        synchronized (lock) {
            rule.markRemoved();
            rules.remove(rule);
            lock.notifyAll();
        }
    }

    Object lock() {
        return lock;
    }

    long seedLocked() {
        return seed;
    }

    List<FaultRule> snapshot() {
        synchronized (lock) {
            return new ArrayList<>(rules);
        }
    }

    /** Follows a new connection; forgets the ones that ended, so a long-running server does not grow. */
    void register(ConnectionFaults connection) {
        for (java.util.Iterator<ConnectionFaults> i = connections.iterator(); i.hasNext(); ) {
            if (i.next().ended()) {
                i.remove();
            }
        }
        connections.add(connection);
    }

    /** Draws a delay from the rule's generator for {@code connection}. */
    Duration draw(FaultRule rule, int connection, Latency latency) {
        synchronized (lock) {
            return latency.draw(rule.random(connection));
        }
    }

    /**
     * Waits until {@code deadline} ({@link System#nanoTime()}; {@link Long#MAX_VALUE} for none) or
     * until {@code done} holds. Returns false when the server closed meanwhile.
     */
    boolean await(long deadline, BooleanSupplier done) {
        synchronized (lock) {
            while (true) {
                if (closed) {
                    return false;
                }
                if (done.getAsBoolean()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    // Capped so that conditions nobody notifies about (a latch) are seen soon.
                    lock.wait(Math.max(1, Math.min(20, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    static String text(Duration d) {
        if (d.toNanos() % 1_000_000 != 0) {
            return d.toNanos() + "ns";
        }
        long ms = d.toMillis();
        return ms % 1000 == 0 && ms != 0 ? ms / 1000 + "s" : ms + "ms";
    }

    static String text(Phase phase) {
        if (phase instanceof Phase.AfterBytes a) {
            return "after " + a.octets() + " bytes";
        }
        if (phase instanceof Phase.InLiteral l) {
            return "in literal after " + l.octets() + " bytes";
        }
        if (phase instanceof Phase.WhileIdle w) {
            return "while idle" + (w.after().isZero() ? "" : " after " + text(w.after()));
        }
        if (phase instanceof Phase.BeforeResponse) {
            return "before response";
        }
        if (phase instanceof Phase.AfterTagged) {
            return "after tagged";
        }
        if (phase instanceof Phase.Greeting) {
            return "at greeting";
        }
        if (phase instanceof Phase.Waiting) {
            return "while waiting";
        }
        if (phase instanceof Phase.Handshake) {
            return "at the TLS handshake";
        }
        return "after read";
    }

    /** Shows control octets as {@code \r}, {@code \n}, {@code \xNN}. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\\') {
                sb.append("\\\\");
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
