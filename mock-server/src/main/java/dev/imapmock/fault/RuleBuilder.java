package dev.imapmock.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Describes what a rule matches and when it acts; each effect method registers the rule and
 * returns its {@link FaultRule} handle. Without a count a rule fires on every match; with
 * {@link #nth(int)} alone, only on that one. Not thread-safe; use one builder for one rule.
 *
 * <pre>{@code
 * server.faults().on("STATUS").nth(2).respond("NO [UNAVAILABLE] Try later");
 * server.faults().on("UID FETCH").inLiteral(100).reset();
 * }</pre>
 */
public final class RuleBuilder {
    private final Faults faults;
    private final List<Matcher> matchers = new ArrayList<>();
    private Phase phase;
    private String name;
    private int nth = 1;
    private Integer times;
    private double probability = 1.0;
    private boolean optional;

    RuleBuilder(Faults faults, Phase phase, String command) {
        this.faults = faults;
        this.phase = phase;
        if (command != null) {
            matchers.add(new Matcher.Command(command));
        }
    }

    /**
     * Names the rule, for the journal and failure messages.
     *
     * @param name the rule's name in journal entries and failure messages
     * @return this builder
     */
    public RuleBuilder named(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Fires on the n-th match only (counted from 1, over all connections), unless {@link #times} says more.
     *
     * @param n which match fires first, counting from 1
     * @return this builder
     */
    public RuleBuilder nth(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("nth counts from 1: " + n);
        }
        this.nth = n;
        return this;
    }

    /**
     * Fires at most {@code n} times (from the {@link #nth} match on).
     *
     * @param n how many times at most, at least 1
     * @return this builder
     */
    public RuleBuilder times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be positive: " + n);
        }
        this.times = n;
        return this;
    }

    /**
     * Fires once: {@code times(1)}.
     *
     * @return this builder
     */
    public RuleBuilder once() {
        return times(1);
    }

    /**
     * Fires on every match until removed (the default without {@link #nth}).
     *
     * @return this builder
     */
    public RuleBuilder always() {
        this.times = Integer.MAX_VALUE;
        return this;
    }

    /**
     * Only on the connection with this number (the first client to connect is 1).
     *
     * @param number the connection's number, from 1
     * @return this builder
     */
    public RuleBuilder connection(int number) {
        return connections(number, number);
    }

    /**
     * Only on connections numbered {@code from} to {@code to}, both included.
     *
     * @param from the first connection number, from 1
     * @param to the last connection number, at least {@code from}
     * @return this builder
     */
    public RuleBuilder connections(int from, int to) {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("Bad connection range " + from + "-" + to);
        }
        matchers.add(new Matcher.Connections(from, to));
        return this;
    }

    /**
     * Only on connections numbered {@code from} and later.
     *
     * @param from the first connection number, from 1
     * @return this builder
     */
    public RuleBuilder connectionsFrom(int from) {
        return connections(from, Integer.MAX_VALUE);
    }

    /**
     * Only when logged in as {@code user}.
     *
     * @param user the user name as it logged in
     * @return this builder
     */
    public RuleBuilder user(String user) {
        matchers.add(new Matcher.User(Objects.requireNonNull(user, "user")));
        return this;
    }

    /**
     * Only when the command names this mailbox (SELECT, STATUS, APPEND, COPY's target...) or it is selected.
     *
     * @param mailbox the mailbox name as the store knows it
     * @return this builder
     */
    public RuleBuilder mailbox(String mailbox) {
        matchers.add(new Matcher.Mailbox(Objects.requireNonNull(mailbox, "mailbox")));
        return this;
    }

    /**
     * Only when the arguments, as text the way the client sent them, satisfy {@code predicate}.
     *
     * @param predicate the test of the argument text
     * @return this builder
     */
    public RuleBuilder arguments(Predicate<String> predicate) {
        matchers.add(new Matcher.Arguments(Objects.requireNonNull(predicate, "predicate"), "arguments match a predicate"));
        return this;
    }

    /**
     * Only when the arguments contain {@code text}, ignoring case.
     *
     * @param text the text to find
     * @return this builder
     */
    public RuleBuilder argumentsContain(String text) {
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        matchers.add(new Matcher.Arguments(a -> a.toLowerCase(java.util.Locale.ROOT).contains(needle),
                "arguments contain \"" + text + "\""));
        return this;
    }

    /**
     * Only when the arguments match {@code regex} somewhere.
     *
     * @param regex a {@link java.util.regex.Pattern} expression
     * @return this builder
     */
    public RuleBuilder argumentsMatch(String regex) {
        Pattern p = Pattern.compile(regex);
        matchers.add(new Matcher.Arguments(a -> p.matcher(a).find(), "arguments match /" + regex + "/"));
        return this;
    }

    /**
     * Fires on each match with this probability, drawn from the server's seeded generator: the
     * same seed and the same commands give the same faults.
     *
     * @param p the probability, from 0 to 1
     * @return this builder
     */
    public RuleBuilder probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Probability must be between 0 and 1: " + p);
        }
        this.probability = p;
        return this;
    }

    /**
     * {@link Faults#assertAllFired()} does not complain when this rule never fires.
     *
     * @return this builder
     */
    public RuleBuilder optional() {
        this.optional = true;
        return this;
    }

    /**
     * When the effects happen; after the command is read by default.
     *
     * @param phase the phase
     * @return this builder
     */
    public RuleBuilder at(Phase phase) {
        this.phase = Objects.requireNonNull(phase, "phase");
        return this;
    }

    /**
     * {@code at(Phase.afterRead())}: once the command is read, before it runs (the default).
     *
     * @return this builder
     */
    public RuleBuilder afterRead() {
        return at(Phase.afterRead());
    }

    /**
     * {@code at(Phase.beforeResponse())}: after the command ran, before its response leaves.
     *
     * @return this builder
     */
    public RuleBuilder beforeResponse() {
        return at(Phase.beforeResponse());
    }

    /**
     * {@code at(Phase.afterBytes(octets))}: after that many octets of the response.
     *
     * @param octets the octets of the response sent first
     * @return this builder
     */
    public RuleBuilder afterBytes(long octets) {
        return at(Phase.afterBytes(octets));
    }

    /**
     * {@code at(Phase.inLiteral(octets))}: that far into the first long enough literal of the response.
     *
     * @param octets the octets of the literal sent first
     * @return this builder
     */
    public RuleBuilder inLiteral(long octets) {
        return at(Phase.inLiteral(octets));
    }

    /**
     * {@code at(Phase.afterTagged())}: right after the tagged reply.
     *
     * @return this builder
     */
    public RuleBuilder afterTagged() {
        return at(Phase.afterTagged());
    }

    /**
     * {@code at(Phase.whileIdle(after))}: that long into an IDLE.
     *
     * @param after how long after the continuation request
     * @return this builder
     */
    public RuleBuilder whileIdle(Duration after) {
        return at(Phase.whileIdle(after));
    }

    Phase phase() {
        return phase;
    }

    /**
     * Answers {@code NO [CODE] text} or {@code BAD text} instead of running the command.
     *
     * @param answer the answer without tag, e.g. {@code NO [UNAVAILABLE] Try later}
     * @return the rule, now active
     */
    public FaultRule respond(String answer) {
        return apply(FaultEffect.Respond.parse(answer));
    }

    /**
     * {@code NO [code] text}; a null code sends none.
     *
     * @param code the response code without brackets, or null
     * @param text the human-readable text
     * @return the rule, now active
     */
    public FaultRule no(String code, String text) {
        return apply(new FaultEffect.Respond("NO", code, text));
    }

    /**
     * {@code BAD text} instead of running the command.
     *
     * @param text the human-readable text
     * @return the rule, now active
     */
    public FaultRule bad(String text) {
        return apply(new FaultEffect.Respond("BAD", null, text));
    }

    /**
     * APPEND, COPY or MOVE answered {@code NO [OVERQUOTA] Quota exceeded} (RFC 5530).
     *
     * @return the rule, now active
     */
    public FaultRule overQuota() {
        return apply(new FaultEffect.Respond("NO", "OVERQUOTA", "Quota exceeded"));
    }

    /**
     * {@code * BYE text}, then closes.
     *
     * @param text the text after {@code * BYE}
     * @return the rule, now active
     */
    public FaultRule bye(String text) {
        return apply(new FaultEffect.Bye(text));
    }

    /**
     * Closes the connection without a word.
     *
     * @return the rule, now active
     */
    public FaultRule disconnect() {
        return apply(new FaultEffect.Disconnect(false));
    }

    /**
     * Resets the connection (SO_LINGER 0): the client sees "connection reset".
     *
     * @return the rule, now active
     */
    public FaultRule reset() {
        return apply(new FaultEffect.Disconnect(true));
    }

    /**
     * Waits this long before the phase's output goes on.
     *
     * @param duration how long
     * @return the rule, now active
     */
    public FaultRule delay(Duration duration) {
        return apply(new FaultEffect.Delay(Latency.fixed(duration)));
    }

    /**
     * Waits a time drawn from {@code latency} (with the server's seeded generator) before the output goes on.
     *
     * @param latency the distribution of the wait
     * @return the rule, now active
     */
    public FaultRule delay(Latency latency) {
        return apply(new FaultEffect.Delay(latency));
    }

    /**
     * Sends the response at most this fast, as a slow link does.
     *
     * @param bytesPerSecond the rate, at least 1
     * @return the rule, now active
     */
    public FaultRule throttle(long bytesPerSecond) {
        return apply(new FaultEffect.Throttle(bytesPerSecond));
    }

    /**
     * Tiny writes of at most {@code maxChunk} octets, also cut between CR and LF and inside {@code {123}}.
     *
     * @param maxChunk the largest write, at least 1
     * @return the rule, now active
     */
    public FaultRule slice(int maxChunk) {
        return apply(new FaultEffect.Slice(maxChunk, Duration.ZERO));
    }

    /**
     * As {@link #slice(int)}, pausing this long between the writes.
     *
     * @param maxChunk the largest write, at least 1
     * @param pause the pause between writes
     * @return the rule, now active
     */
    public FaultRule slice(int maxChunk, Duration pause) {
        return apply(new FaultEffect.Slice(maxChunk, pause));
    }

    /**
     * Sends nothing more until the rule is removed or released, or the server closes.
     *
     * @return the rule, now active
     */
    public FaultRule stall() {
        return apply(new FaultEffect.Stall(null));
    }

    /**
     * As {@link #stall()}, also ending when {@code latch} reaches zero.
     *
     * @param latch the latch that releases the stall
     * @return the rule, now active
     */
    public FaultRule stall(CountDownLatch latch) {
        return apply(new FaultEffect.Stall(Objects.requireNonNull(latch, "latch")));
    }

    /**
     * Sends these lines (without CRLF), e.g. {@code * 3 EXPUNGE}, before or after the real ones by phase.
     *
     * @param lines the lines, without CRLF
     * @return the rule, now active
     */
    public FaultRule inject(String... lines) {
        return apply(new FaultEffect.Inject(Arrays.asList(lines)));
    }

    /**
     * Sends these octets, then closes.
     *
     * @param bytes the octets
     * @return the rule, now active
     */
    public FaultRule garbage(byte[] bytes) {
        return apply(new FaultEffect.Garbage(bytes));
    }

    /**
     * Sends this text (UTF-8), then closes.
     *
     * @param text the text
     * @return the rule, now active
     */
    public FaultRule garbage(String text) {
        return garbage(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Gives the mailbox the command names (or the selected one) a new UIDVALIDITY.
     *
     * @return the rule, now active
     */
    public FaultRule bumpUidValidity() {
        return apply(new FaultEffect.BumpUidValidity());
    }

    /**
     * Deletes the mailbox the command names (or the selected one).
     *
     * @return the rule, now active
     */
    public FaultRule removeMailbox() {
        return apply(new FaultEffect.RemoveMailbox());
    }

    /**
     * The TLS handshake fails with a fatal {@code handshake_failure} alert ({@link Faults#onHandshake()}).
     *
     * @return the rule, now active
     */
    public FaultRule tlsAlert() {
        return apply(new FaultEffect.TlsAlert(40));
    }

    /**
     * The TLS handshake fails with this fatal alert, by name ({@code protocol_version}) or number.
     *
     * @param alert the alert's name
     * @return the rule, now active
     */
    public FaultRule tlsAlert(String alert) {
        return apply(FaultEffect.TlsAlert.named(alert));
    }

    /**
     * The TLS handshake presents a certificate that expired a day ago ({@link Faults#onHandshake()}).
     *
     * @return the rule, now active
     */
    public FaultRule expiredCertificate() {
        return apply(new FaultEffect.Certificate(CertificateFault.EXPIRED));
    }

    /**
     * The TLS handshake presents a certificate for {@code imapmock.invalid} only.
     *
     * @return the rule, now active
     */
    public FaultRule certificateForOtherHost() {
        return apply(new FaultEffect.Certificate(CertificateFault.OTHER_HOST));
    }

    /**
     * The TLS handshake presents a self-signed certificate nothing trusts.
     *
     * @return the rule, now active
     */
    public FaultRule untrustedCertificate() {
        return apply(new FaultEffect.Certificate(CertificateFault.UNTRUSTED));
    }

    /**
     * Registers a rule with these effects, applied in order when it fires.
     *
     * @param effects the effects, in order
     * @return the rule, now active
     */
    public FaultRule apply(FaultEffect... effects) {
        if (effects.length == 0) {
            throw new IllegalArgumentException("A rule needs at least one effect");
        }
        for (FaultEffect e : effects) {
            Objects.requireNonNull(e, "effect");
            if (!e.allowedIn(phase)) {
                throw new IllegalArgumentException("'" + e + "' can't happen " + Faults.text(phase));
            }
        }
        if (phase instanceof Phase.WhileIdle && matchers.stream().anyMatch(
                m -> m instanceof Matcher.Command c && !c.name().equals("IDLE"))) {
            throw new IllegalArgumentException("A rule acting while idle must be on IDLE");
        }
        int count = times != null ? times : nth > 1 ? 1 : Integer.MAX_VALUE;
        return faults.add(name, phase, matchers, List.of(effects), nth, count, probability, optional);
    }
}
