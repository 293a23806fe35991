package dev.imapmock.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final Namespaces namespaces;
    private volatile boolean privateSeen;
    /** The mailboxes of no user, under {@link Namespaces#shared()}; never logs in. Made on first use. */
    private Account shared;
    private volatile MetadataLimits metadataLimits = MetadataLimits.DEFAULT;

    /**
     * A store without limits, whose namespaces are {@link Namespaces#DEFAULT}.
     *
     * @param clock the time of appends and the seed of UIDVALIDITY values
     */
    public MailStore(Clock clock) {
        this(clock, StoreLimits.NONE);
    }

    /** The OAuth2 bearer tokens of every account. */
    private final OAuthTokens tokens = new OAuthTokens();

    /**
     * A store whose accounts each hold at most what {@code limits} allow, whose namespaces are
     * {@link Namespaces#DEFAULT}.
     *
     * @param clock  the time of appends and the seed of UIDVALIDITY values
     * @param limits each account's limits
     */
    public MailStore(Clock clock, StoreLimits limits) {
        this(clock, limits, Namespaces.DEFAULT);
    }

    /**
     * A store whose accounts each hold at most what {@code limits} allow, and whose users see
     * each other's mailboxes and the shared ones where {@code namespaces} puts them.
     *
     * @param clock      the time of appends and the seed of UIDVALIDITY values
     * @param limits     each account's limits
     * @param namespaces the prefixes of the other users' and the shared namespace
     */
    public MailStore(Clock clock, StoreLimits limits, Namespaces namespaces) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        this.namespaces = java.util.Objects.requireNonNull(namespaces, "namespaces");
        this.clock = clock;
        long seed = Math.max(1, clock.instant().getEpochSecond() & 0x7fff_ffffL);
        this.uidValidities = new AtomicLong(seed);
    }

    /** {@return where users see each other's mailboxes and the shared ones, and the hierarchy delimiter} */
    public Namespaces namespaces() {
        return namespaces;
    }

    /**
     * {@return the hierarchy delimiter of every account's names, {@link Namespaces#delimiter()}:
     * names are kept as they are on the wire, this character between their levels}
     */
    public char delimiter() {
        return namespaces.delimiter();
    }

    /**
     * The mailboxes of no user, which users see under {@link Namespaces#shared()} where their ACL
     * grants rights (a new one grants none). Its user name is null, it cannot log in, and its
     * INBOX is never shown. Made on first call, so that a store without shared mailboxes numbers
     * its UIDVALIDITY values as if there were no shared namespace.
     *
     * @return the shared namespace's account
     */
    public synchronized Account shared() {
        if (shared == null) {
            shared = new Account(null, null, uidValidities, limits, SpecialUseMailboxes.none(), clock,
                    namespaces.delimiter());
            shared.privateSeen(privateSeen);
        }
        return shared;
    }

    /**
     * Whether each user keeps an own {@code \Seen} on the mailboxes of other users and of the
     * shared namespace, as Dovecot does with {@code INDEXPVT}: true, and bob reading alice's
     * mailbox marks it seen for bob only, while alice's \Seen is the one stored with the message.
     * False (the default, Dovecot's default too): one \Seen for everyone. A user's own \Seen
     * changes no mod-sequence and is not told to the user's other sessions until they select the
     * mailbox again.
     *
     * @param on true for a \Seen of each user's own
     */
    public synchronized void privateSeen(boolean on) {
        privateSeen = on;
        for (Account a : accounts.values()) {
            a.privateSeen(on);
        }
        if (shared != null) {
            shared.privateSeen(on);
        }
    }

    /** {@return the shared namespace's account, or null while {@link #shared()} was never called} */
    public synchronized Account sharedIfAny() {
        return shared;
    }

    /**
     * Adds a user with an empty INBOX and no special-use mailbox; replaces nothing.
     *
     * @param user     the login name
     * @param password the password LOGIN and the password SASL mechanisms accept
     * @return the new account
     * @throws IllegalArgumentException when the user exists already
     */
    public Account addAccount(String user, String password) {
        return addAccount(user, password, SpecialUseMailboxes.none());
    }

    /**
     * Adds a user with an empty INBOX and the empty special-use mailboxes {@code specialUse}
     * names. Sessions see the new account at once; none of its mailboxes is subscribed.
     *
     * @param user       the login name
     * @param password   the password LOGIN and the password SASL mechanisms accept
     * @param specialUse the special-use mailboxes to create with it
     * @return the new account
     * @throws IllegalArgumentException when the user exists already
     */
    public Account addAccount(String user, String password, SpecialUseMailboxes specialUse) {
        java.util.Objects.requireNonNull(specialUse, "specialUse");
        Account created = new Account(user, password, uidValidities, limits, specialUse, clock,
                namespaces.delimiter());
        created.privateSeen(privateSeen);
        if (accounts.putIfAbsent(user, created) != null) {
            throw new IllegalArgumentException("User already exists: " + user);
        }
        return created;
    }

    /**
     * The account of {@code user}, as it is now: a later {@link #removeAccount} or {@link #restore}
     * may detach it.
     *
     * @param user the login name, case-sensitive
     * @return the account, or empty when there is no such user
     */
    public Optional<Account> account(String user) {
        return Optional.ofNullable(accounts.get(user));
    }

    /**
     * The account when the password matches; checks in constant time for a known user, so the
     * time does not tell how much of the password was right.
     *
     * @param user     the login name, case-sensitive
     * @param password the password given
     * @return the account, or empty when the user is unknown or the password wrong
     */
    public Optional<Account> authenticate(String user, String password) {
        Account a = accounts.get(user);
        return a != null && a.passwordMatches(password) ? Optional.of(a) : Optional.empty();
    }

    /**
     * What the annotations of each mailbox, and each account's server annotations, may hold (RFC
     * 5464 §4.3).
     *
     * @return the limits, {@link MetadataLimits#DEFAULT} unless changed
     */
    public MetadataLimits metadataLimits() {
        return metadataLimits;
    }

    /**
     * Changes what annotations may hold from the next SETMETADATA on; entries already set stay.
     *
     * @param limits the new limits
     */
    public void metadataLimits(MetadataLimits limits) {
        this.metadataLimits = java.util.Objects.requireNonNull(limits, "limits");
    }

    /** {@return the OAuth2 bearer tokens XOAUTH2 and OAUTHBEARER accept, the same object on every call} */
    public OAuthTokens tokens() {
        return tokens;
    }

    /**
     * {@return the login names of every account, in no particular order, as a new list; the shared
     * namespace's account is not among them}
     */
    public List<String> users() {
        return new ArrayList<>(accounts.keySet());
    }

    /**
     * Removes a user with all its mail and OAuth2 tokens: it can no longer log in, and every session
     * that has one of its mailboxes selected is told the mailbox is gone. A session logged in as the
     * user keeps an account without mailboxes until it logs out.
     *
     * @param user the login name
     * @return true when the user existed, false when there was no such user
     */
    public synchronized boolean removeAccount(String user) {
        Account removed = accounts.remove(user);
        if (removed == null) {
            return false;
        }
        removed.removeAllMail();
        tokens.removeUser(user);
        return true;
    }

    /**
     * Replaces the mail of several accounts at once, each as {@link Account#replaceMail} does; all
     * are checked before any changes, so a refused name or quota changes nothing.
     *
     * @param content for each user, the mailboxes with their messages that replace all its mail
     * @throws IllegalArgumentException when a user does not exist
     * @throws MailboxException         when a mailbox name is invalid or messages exceed the limits
     */
    public synchronized void replaceMail(Map<String, List<Account.MailboxContent>> content) {
        List<Account> targets = new ArrayList<>();
        for (Map.Entry<String, List<Account.MailboxContent>> e : content.entrySet()) {
            Account a = accounts.get(e.getKey());
            if (a == null) {
                throw new IllegalArgumentException("No such user: " + e.getKey());
            }
            targets.add(a);
            a.check(e.getValue());
        }
        int i = 0;
        for (List<Account.MailboxContent> mail : content.values()) {
            targets.get(i++).replaceMail(mail);
        }
    }

    /**
     * The users, passwords, OAuth2 tokens, quota limits, mailboxes, subscriptions, messages and
     * annotations (server and mailbox, RFC 5464) as they are now,
     * for {@link #restore}. Message bytes are shared, not copied (they never change). ACLs are
     * taken too, and the shared namespace's mailboxes when there are any.
     *
     * @return the state, to give to {@link #restore} any number of times
     */
    public synchronized Snapshot snapshot() {
        List<Snapshot.AccountState> states = new ArrayList<>();
        for (Account a : accounts.values()) {
            Quota.Usage quota = a.quota().usage();
            states.add(new Snapshot.AccountState(a.user(), a.password(), a.configuredSpecialUse(), a.content(),
                    a.subscriptions(), quota.maxBytes(), quota.maxMessages(), a.acls(), a.annotations().all(),
                    a.mailboxAnnotations()));
        }
        if (shared != null) {
            states.add(new Snapshot.AccountState(null, null, SpecialUseMailboxes.none(), shared.content(), List.of(),
                    shared.quota().usage().maxBytes(), shared.quota().usage().maxMessages(), shared.acls(),
                    shared.annotations().all(), shared.mailboxAnnotations()));
        }
        return new Snapshot(states, tokens.snapshot());
    }

    /**
     * Puts the store back as it was at {@code snapshot}: users that were added since are removed,
     * removed ones come back, passwords, tokens and quota limits are restored, and every account's mail is
     * replaced as {@link Account#replaceMail} does (sessions see their mailbox gone; UIDVALIDITY
     * values are new), annotations included. A session logged in as a user that is removed or re-created keeps its old,
     * now detached account until it logs out.
     *
     * @param snapshot what {@link #snapshot()} of this store returned
     */
    public synchronized void restore(Snapshot snapshot) {
        Map<String, Snapshot.AccountState> wanted = new LinkedHashMap<>();
        Snapshot.AccountState sharedState = null;
        for (Snapshot.AccountState s : snapshot.accounts()) {
            if (s.user() == null) {
                sharedState = s;
            } else {
                wanted.put(s.user(), s);
            }
        }
        if (sharedState != null) {
            shared().replaceMail(sharedState.mailboxes());
            restoreAclsAndAnnotations(shared(), sharedState);
        } else if (shared != null) {
            shared.removeAllMail();
        }
        for (String user : users()) {
            Account a = accounts.get(user);
            Snapshot.AccountState s = wanted.get(user);
            if (s == null || a.configuredSpecialUse() != s.specialUse()) {
                accounts.remove(user);
                a.removeAllMail();
            }
        }
        for (Snapshot.AccountState s : wanted.values()) {
            Account a = accounts.computeIfAbsent(s.user(),
                    u -> new Account(u, s.password(), uidValidities, limits, s.specialUse(), clock,
                            namespaces.delimiter()));
            a.privateSeen(privateSeen);
            a.password(s.password());
            a.quota().limits(s.maxBytes(), s.maxMessages());
            a.replaceMail(s.mailboxes(), s.subscriptions());
            restoreAclsAndAnnotations(a, s);
        }
        tokens.restore(snapshot.tokens());
    }

    /** Puts back what {@link Account#replaceMail} does not: the ACLs and the annotations. */
    private static void restoreAclsAndAnnotations(Account a, Snapshot.AccountState s) {
        a.acls(s.acls());
        a.annotations().replace(s.serverAnnotations());
        for (Map.Entry<String, Map<String, byte[]>> box : s.mailboxAnnotations().entrySet()) {
            Mailbox m = a.mailbox(box.getKey());
            if (m != null) {
                m.annotations().replace(box.getValue());
            }
        }
    }

    /**
     * What {@link #snapshot()} took. Opaque: it holds passwords and tokens, and {@link #toString()}
     * shows neither.
     */
    public static final class Snapshot {
        record AccountState(String user, String password, SpecialUseMailboxes specialUse,
                            List<Account.MailboxContent> mailboxes, List<String> subscriptions, long maxBytes,
                            long maxMessages, Map<String, List<Map.Entry<String, Rights>>> acls,
                            Map<String, byte[]> serverAnnotations, Map<String, Map<String, byte[]>> mailboxAnnotations) {
        }

        private final List<AccountState> accounts;
        private final OAuthTokens.Saved tokens;

        Snapshot(List<AccountState> accounts, OAuthTokens.Saved tokens) {
            this.accounts = List.copyOf(accounts);
            this.tokens = tokens;
        }

        List<AccountState> accounts() {
            return accounts;
        }

        OAuthTokens.Saved tokens() {
            return tokens;
        }

        /** {@return the users of the snapshot, in no particular order, without the shared namespace} */
        public List<String> users() {
            return accounts.stream().map(AccountState::user).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public String toString() {
            return "Snapshot" + users();
        }
    }
}
