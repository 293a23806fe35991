package dev.imapmock.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth2 bearer tokens that XOAUTH2 and OAUTHBEARER accept, each for one user and with a
 * label the journal shows in its place. A test expires or revokes a token mid-test, so the
 * application's refresh path runs, and adds the token the application refreshes to. Thread-safe;
 * a change applies to the next AUTHENTICATE, never to a session already logged in.
 */
public final class OAuthTokens {
    /** Where a token stands. */
    public enum State {
        /** Accepted at login. */
        VALID,
        /** Past its lifetime: login with it is answered {@code NO [EXPIRED]}. */
        EXPIRED,
        /** Withdrawn: login with it is answered {@code NO [AUTHENTICATIONFAILED]}. */
        REVOKED
    }

    /**
     * One token as the server holds it, without the token's text, so {@link #toString()} never
     * shows the token.
     *
     * @param user  the token's owner
     * @param label what the journal shows in the token's place
     * @param state where the token stands
     */
    public record Token(String user, String label, State state) {
    }

    record Entry(String user, String label, State state, int expiresAtLogin) {
    }

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    /**
     * Adds a valid token for {@code user}, labelled {@code user#n} (its number among the user's
     * tokens, from 1). The user need not exist in the store; login with the token then fails.
     *
     * @param user  the token's owner
     * @param token the bearer token's text, not empty
     * @return the label the journal shows in the token's place
     * @throws IllegalArgumentException when the token is empty or known already
     */
    public String add(String user, String token) {
        int n = counts.merge(Objects.requireNonNull(user, "user"), 1, Integer::sum);
        return add(user, token, user + "#" + n);
    }

    /**
     * Adds a valid token for {@code user} under {@code label}. Labels need not be unique.
     *
     * @param user  the token's owner
     * @param token the bearer token's text, not empty
     * @param label what the journal shows in the token's place
     * @return {@code label}
     * @throws IllegalArgumentException when the token is empty or known already
     */
    public String add(String user, String token, String label) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(label, "label");
        if (Objects.requireNonNull(token, "token").isEmpty()) {
            throw new IllegalArgumentException("Token is empty");
        }
        if (tokens.putIfAbsent(token, new Entry(user, label, State.VALID, 0)) != null) {
            throw new IllegalArgumentException("Token given twice (label " + label + ")");
        }
        return label;
    }

    /**
     * The token is past its lifetime from now on: XOAUTH2 and OAUTHBEARER answer {@code NO [EXPIRED]}.
     *
     * @param token a token's text
     * @throws IllegalArgumentException when the token is unknown
     */
    public void expire(String token) {
        set(token, State.EXPIRED, 0);
    }

    /**
     * The token is withdrawn from now on: XOAUTH2 and OAUTHBEARER answer
     * {@code NO [AUTHENTICATIONFAILED]}.
     *
     * @param token a token's text
     * @throws IllegalArgumentException when the token is unknown
     */
    public void revoke(String token) {
        set(token, State.REVOKED, 0);
    }

    /**
     * The token is valid again, whatever its state, and a countdown of {@link #expireAtLogin} is
     * cancelled.
     *
     * @param token a token's text
     * @throws IllegalArgumentException when the token is unknown
     */
    public void renew(String token) {
        set(token, State.VALID, 0);
    }

    /**
     * The token stays valid for {@code logins - 1} more logins and expires at the {@code logins}-th
     * one, counted from now: {@code expireAtLogin(token, 1)} makes the next login with it fail.
     * The token is made valid first.
     *
     * @param token  a token's text
     * @param logins the login, from 1, at which the token expires
     * @throws IllegalArgumentException when {@code logins} is below 1, or the token is unknown
     */
    public void expireAtLogin(String token, int logins) {
        if (logins < 1) {
            throw new IllegalArgumentException("logins must be at least 1: " + logins);
        }
        set(token, State.VALID, logins);
    }

    /**
     * Whether {@code token} was added, in any state.
     *
     * @param token a token's text
     * @return true when it is known
     */
    public boolean contains(String token) {
        return tokens.containsKey(Objects.requireNonNull(token, "token"));
    }

    /**
     * {@return every token's owner, label and state, in no particular order, as a new list; the
     * tokens themselves are not shown}
     */
    public List<Token> list() {
        List<Token> list = new ArrayList<>();
        for (Entry e : tokens.values()) {
            list.add(new Token(e.user(), e.label(), e.state()));
        }
        return list;
    }

    /**
     * Checks a token presented at login, for {@code user} or, when null, for its owner: counts the
     * login toward {@link #expireAtLogin}. The caller decides from the state whether the login
     * succeeds.
     *
     * @param user  the user the client authenticates as, or null to take the token's owner
     * @param token the token's text as the client sent it
     * @return the token's owner, label and state after this login is counted; empty when the token
     *         is unknown or another user's
     */
    public java.util.Optional<Token> present(String user, String token) {
        Entry[] seen = new Entry[1];
        tokens.computeIfPresent(token, (t, e) -> {
            if (user != null && !user.equals(e.user())) {
                return e;
            }
            Entry now = e;
            if (e.expiresAtLogin() == 1) {
                now = new Entry(e.user(), e.label(), State.EXPIRED, 0);
            } else if (e.expiresAtLogin() > 1) {
                now = new Entry(e.user(), e.label(), e.state(), e.expiresAtLogin() - 1);
            }
            seen[0] = now;
            return now;
        });
        Entry e = seen[0];
        return e == null ? java.util.Optional.empty() : java.util.Optional.of(new Token(e.user(), e.label(), e.state()));
    }

    /**
     * Removes every token of {@code user}; returns how many there were. The label numbers go on
     * from where they were, so a new token never takes the label of a removed one.
     *
     * @param user the owner
     * @return how many tokens were removed
     */
    public int removeUser(String user) {
        Objects.requireNonNull(user, "user");
        int before = tokens.size();
        tokens.values().removeIf(e -> e.user().equals(user));
        return before - tokens.size();
    }

    /**
     * Whether {@code user} has a token, in any state.
     *
     * @param user the owner
     * @return true when at least one token is the user's
     */
    public boolean hasToken(String user) {
        Objects.requireNonNull(user, "user");
        return tokens.values().stream().anyMatch(e -> e.user().equals(user));
    }

    /** The tokens as they are now, for {@link MailStore#restore}. */
    synchronized Saved snapshot() {
        return new Saved(Map.copyOf(tokens), Map.copyOf(counts));
    }

    synchronized void restore(Saved saved) {
        tokens.clear();
        tokens.putAll(saved.tokens());
        counts.clear();
        counts.putAll(saved.counts());
    }

    /** Tokens and label counters as {@link #snapshot()} took them; {@code toString()} shows no token. */
    record Saved(Map<String, Entry> tokens, Map<String, Integer> counts) {
        @Override
        public String toString() {
            return "Saved[" + tokens.size() + " tokens]";
        }
    }

    private void set(String token, State state, int expiresAtLogin) {
        Entry e = tokens.computeIfPresent(Objects.requireNonNull(token, "token"),
                (t, old) -> new Entry(old.user(), old.label(), state, expiresAtLogin));
        if (e == null) {
            throw new IllegalArgumentException("No such token");
        }
    }
}
