package dev.imapmock.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All accounts of one server. Thread-safe. UIDVALIDITY values come from one counter seeded by the
 * clock, so every mailbox, also a re-created one, gets a distinct non-zero value.
 */
public final class MailStore {
    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicLong uidValidities;
    private final StoreLimits limits;
    private final Clock clock;

    public MailStore(Clock clock) {
        this(clock, StoreLimits.NONE);
    }

    /** A store whose accounts each hold at most what {@code limits} allow. */
    private final OAuthTokens tokens = new OAuthTokens();

    public MailStore(Clock clock, StoreLimits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        this.clock = clock;
        long seed = Math.max(1, clock.instant().getEpochSecond() & 0x7fff_ffffL);
        this.uidValidities = new AtomicLong(seed);
    }

    /** Adds a user with an empty INBOX; replaces nothing: a second call for the same user fails. */
    public Account addAccount(String user, String password) {
        return addAccount(user, password, SpecialUseMailboxes.none());
    }

    /**
     * Adds a user with an empty INBOX and the empty special-use mailboxes {@code specialUse}
     * names; a second call for the same user fails.
     */
    public Account addAccount(String user, String password, SpecialUseMailboxes specialUse) {
        java.util.Objects.requireNonNull(specialUse, "specialUse");
        Account created = new Account(user, password, uidValidities, limits, specialUse, clock);
        if (accounts.putIfAbsent(user, created) != null) {
            throw new IllegalArgumentException("User already exists: " + user);
        }
        return created;
    }

    /** The account of {@code user}, if there is one. */
    public Optional<Account> account(String user) {
        return Optional.ofNullable(accounts.get(user));
    }

    /** The account when the password matches; checks in constant time for a known user. */
    public Optional<Account> authenticate(String user, String password) {
        Account a = accounts.get(user);
        return a != null && a.passwordMatches(password) ? Optional.of(a) : Optional.empty();
    }

    /** The OAuth2 bearer tokens XOAUTH2 and OAUTHBEARER accept. */
    public OAuthTokens tokens() {
        return tokens;
    }

    public List<String> users() {
        return new ArrayList<>(accounts.keySet());
    }
}
