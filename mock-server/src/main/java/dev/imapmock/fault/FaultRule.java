package dev.imapmock.fault;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A registered fault rule: a removable handle. Rules live in their server's {@link Faults}, are
 * tried in the order they were added, and every command a rule fires on carries its name in the
 * journal. Thread-safe.
 */
public final class FaultRule {
    private final Faults owner;
    private final int id;
    private final String name;
    private final Phase phase;
    private final List<Matcher> matchers;
    private final List<FaultEffect> effects;
    private final int nth;
    private final int times;
    private final double probability;
    private final boolean optional;
    /** Guarded by the owner's lock, as are the counters. */
    private final Map<Integer, SplittableRandom> randoms = new HashMap<>();
    private int matched;
    private int fired;
    private int releases;
    private boolean removed;
    /** The fault-file line the rule was read from, or null for a rule built in Java. */
    private volatile String line;

    FaultRule(Faults owner, int id, String name, Phase phase, List<Matcher> matchers, List<FaultEffect> effects,
              int nth, int times, double probability, boolean optional) {
        this.owner = owner;
        this.id = id;
        this.phase = phase;
        this.matchers = List.copyOf(matchers);
        this.effects = List.copyOf(effects);
        this.nth = nth;
        this.times = times;
        this.probability = probability;
        this.optional = optional;
        this.name = name != null ? name : "#" + id + " " + describe();
    }

    /**
     * The name given with {@code named(...)}, else {@code #id} and what the rule does.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The rule's number in its server, from 1 in the order rules were added; never reused.
     *
     * @return the id, from 1
     */
    public int id() {
        return id;
    }

    /**
     * The fault-file line this rule was read from (stripped), or null when it was built in Java.
     *
     * @return the line, or null
     */
    public String line() {
        return line;
    }

    void line(String text) {
        this.line = text;
    }

    /**
     * {@return when the rule's effects happen}
     */
    public Phase phase() {
        return phase;
    }

    /**
     * {@return what the rule does, in order}
     */
    public List<FaultEffect> effects() {
        return effects;
    }

    /**
     * How many times the rule fired so far.
     *
     * @return the count
     */
    public int firedCount() {
        synchronized (owner.lock()) {
            return fired;
        }
    }

    /**
     * How many times everything but the count and the probability matched.
     *
     * @return the count
     */
    public int matchedCount() {
        synchronized (owner.lock()) {
            return matched;
        }
    }

    /**
     * True until removed or cleared.
     *
     * @return whether the rule can still fire
     */
    public boolean isActive() {
        synchronized (owner.lock()) {
            return !removed;
        }
    }

    /**
     * True when a test must see this rule fire ({@link Faults#assertAllFired()}).
     *
     * @return whether the rule is not optional
     */
    public boolean isExpected() {
        return !optional;
    }

    /**
     * Removes the rule: it fires no more, and every connection it stalls goes on at once (the
     * link is healed). Idempotent.
     */
    public void remove() {
        owner.remove(this);
    }

    /** Lets every connection this rule stalls now go on; the rule stays and may stall again. */
    public void release() {
        synchronized (owner.lock()) {
            releases++;
            owner.lock().notifyAll();
        }
    }

    int releases() {
        return releases;
    }

    boolean removedLocked() {
        return removed;
    }

    void markRemoved() {
        removed = true;
    }

    /**
     * Decides, under the owner's lock, whether the rule fires on {@code target}; counts it.
     * Only this rule's generator for this connection is drawn from, so the outcome depends on the
     * seed and on what this connection sent, not on other connections' timing.
     */
    boolean tryFire(Matcher.Target target) {
        if (removed) {
            return false;
        }
        for (Matcher m : matchers) {
            if (!m.test(target)) {
                return false;
            }
        }
        matched++;
        if (matched < nth || fired >= times) {
            return false;
        }
        if (probability < 1.0 && random(target.connection()).nextDouble() >= probability) {
            return false;
        }
        fired++;
        return true;
    }

    /** Tests the matchers only, without counting (for connection-level rules). */
    boolean applies(Matcher.Target target) {
        if (removed) {
            return false;
        }
        for (Matcher m : matchers) {
            if (!m.test(target)) {
                return false;
            }
        }
        return true;
    }

    void countFired() {
        matched++;
        fired++;
    }

    /** This rule's generator for one connection; call under the owner's lock. */
    SplittableRandom random(int connection) {
        return randoms.computeIfAbsent(connection,
                c -> new SplittableRandom(owner.seedLocked() * 0x9E3779B97F4A7C15L + id * 0xC2B2AE3D27D4EB4FL + c));
    }

    void reseed() {
        randoms.clear();
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        List<String> parts = new ArrayList<>();
        if (phase instanceof Phase.Greeting) {
            parts.add("greeting");
        } else if (phase instanceof Phase.Handshake) {
            parts.add("handshake");
        } else if (phase instanceof Phase.Waiting) {
            parts.add("connection");
        } else {
            boolean named = matchers.stream().anyMatch(m -> m instanceof Matcher.Command);
            if (!named) {
                parts.add("any command");
            }
        }
        for (Matcher m : matchers) {
            parts.add(m.toString());
        }
        if (nth > 1) {
            parts.add("nth " + nth);
        }
        if (times != Integer.MAX_VALUE && !(nth > 1 && times == 1)) {
            parts.add("times " + times);
        }
        if (probability < 1.0) {
            parts.add("probability " + probability);
        }
        if (!(phase instanceof Phase.Greeting || phase instanceof Phase.Waiting || phase instanceof Phase.AfterRead
                || phase instanceof Phase.Handshake)) {
            parts.add(Faults.text(phase));
        }
        sb.append(String.join(" ", parts)).append(": ");
        List<String> what = new ArrayList<>();
        for (FaultEffect e : effects) {
            what.add(e.toString());
        }
        return sb.append(String.join(", ", what)).toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
