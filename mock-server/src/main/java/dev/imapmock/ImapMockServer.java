package dev.imapmock;

import dev.imapmock.check.CheckLimits;
import dev.imapmock.check.ClientChecks;
import dev.imapmock.check.ClientReport;
import dev.imapmock.custom.CustomCommands;
import dev.imapmock.fault.Faults;
import dev.imapmock.fixtures.FixtureMailbox;
import dev.imapmock.fixtures.FixtureReader;
import dev.imapmock.journal.Journal;
import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.FlagNames;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.protocol.ReaderLimits;
import dev.imapmock.sasl.Mechanism;
import dev.imapmock.sasl.Mechanisms;
import dev.imapmock.server.DefaultZoneClock;
import dev.imapmock.server.Acceptor;
import dev.imapmock.server.Quirks;
import dev.imapmock.server.ServerConfig;
import dev.imapmock.server.ServerContext;
import dev.imapmock.server.SessionState;
import dev.imapmock.store.Account;
import dev.imapmock.store.Acl;
import dev.imapmock.store.Flags;
import dev.imapmock.store.MailStore;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.MailboxException;
import dev.imapmock.store.Message;
import dev.imapmock.store.Namespaces;
import dev.imapmock.store.OAuthTokens;
import dev.imapmock.store.Quota;
import dev.imapmock.store.Rights;
import dev.imapmock.store.SpecialUse;
import dev.imapmock.store.SpecialUseMailboxes;
import dev.imapmock.server.Quirks;
import dev.imapmock.store.MetadataLimits;
import dev.imapmock.store.StoreLimits;
import dev.imapmock.tls.KeyAlgorithm;
import dev.imapmock.tls.TlsConfig;
import dev.imapmock.tls.TlsIdentity;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An in-memory IMAP server. Build it, {@link #start()} it, point the client under test at
 * {@link #host()}:{@link #port()}, and {@link #close()} it. Servers are single-use and share
 * nothing: any number can run in one JVM.
 *
 * <pre>{@code
 * try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
 *     server.deliver("alice", "INBOX", rfc822Bytes);
 * }
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from any thread, also while clients are connected.
 * An argument may be null only where its {@code @param} says so; elsewhere a null argument throws
 * {@link NullPointerException}.
 */
public final class ImapMockServer implements AutoCloseable {
    private final ServerConfig config;
    private final MailStore store;
    private final Journal journal;
    /** The thresholds of the client checks. */
    private final CheckLimits checkLimits;
    private final Faults faults;
    private final CustomCommands commands = new CustomCommands();
    private final ServerTls tls;
    /** The special-use mailboxes of users added without their own configuration. */
    private final SpecialUseMailboxes specialUse;
    /** The profile's folders every account starts with (null for none), and those of them that are \Noselect. */
    private final Map<String, Set<SpecialUse>> folders;
    private final List<String> noselect;
    /** True when accounts have Gmail's labels (the profile says {@code labels on}). */
    private final boolean labels;
    /** The store as built and seeded, for {@link #reset()}. */
    private final MailStore.Snapshot seeded;
    private final Object lifecycle = new Object();
    private Acceptor acceptor;
    private boolean started;
    private boolean closed;

    private ImapMockServer(Builder builder) {
        TlsConfig tls = builder.tlsConfig();
        this.config = new ServerConfig(builder.host, builder.port, builder.limits(), builder.idleTimeout,
                builder.maxConnections, builder.clock, builder.resolveExtensions(), tls,
                builder.tlsPort, builder.requireTls, builder.mechanisms(), builder.maxFailedLogins,
                builder.preauth, builder.rev2Only, builder.quirks());
        if (config.preauth().user() != null && !builder.users.containsKey(config.preauth().user())) {
            throw new IllegalArgumentException("preauthenticate names a user that is not configured: "
                    + config.preauth().user());
        }
        this.tls = tls == null ? null : new ServerTls(tls.identity());
        char delimiter = builder.delimiter != null ? builder.delimiter : builder.profile.delimiter();
        char profileDelimiter = builder.profile.delimiter();
        Map<String, Set<SpecialUse>> profileFolders = relevel(builder.profile.folders(), profileDelimiter, delimiter);
        this.folders = builder.specialUse == null ? profileFolders : null;
        List<String> relevelled = new ArrayList<>();
        if (builder.specialUse == null) {
            for (String f : builder.profile.noselectFolders()) {
                relevelled.add(relevel(f, profileDelimiter, delimiter));
            }
        }
        this.noselect = List.copyOf(relevelled);
        this.labels = builder.profile.labels();
        this.store = new MailStore(builder.clock, builder.storeLimits, builder.otherUsersPrefix == null
                ? Namespaces.defaults(delimiter) : new Namespaces(builder.otherUsersPrefix, builder.sharedPrefix, delimiter));
        store.metadataLimits(builder.metadataLimits);
        this.faults = new Faults(builder.faultSeed, store.tokens());
        this.journal = new Journal(builder.journalCapacity);
        this.checkLimits = builder.checkLimits;
        for (String user : builder.specialUseByUser.keySet()) {
            if (!builder.users.containsKey(user)) {
                throw new IllegalArgumentException("specialUse names a user that is not configured: " + user);
            }
        }
        SpecialUseMailboxes everyone = builder.specialUse != null ? builder.specialUse
                : profileFolders != null ? specialUseOf(profileFolders)
                : config.offers(Extension.SPECIAL_USE) ? SpecialUseMailboxes.defaults() : SpecialUseMailboxes.none();
        for (String user : builder.quotas.keySet()) {
            if (!builder.users.containsKey(user)) {
                throw new IllegalArgumentException("quota names a user that is not configured: " + user);
            }
        }
        this.specialUse = everyone;
        for (Map.Entry<String, String> user : builder.users.entrySet()) {
            Account account = store.addAccount(user.getKey(), user.getValue(),
                    builder.specialUseByUser.getOrDefault(user.getKey(), everyone));
            if (!builder.specialUseByUser.containsKey(user.getKey())) {
                addProfileFolders(account);
            }
            long[] quota = builder.quotas.get(user.getKey());
            if (quota != null) {
                account.quota().limits(quota[0], quota[1]);
            }
        }
        for (String[] token : builder.tokens) {
            if (!builder.users.containsKey(token[0])) {
                throw new IllegalArgumentException("Token for an unknown user: " + token[0]);
            }
            if (token[2] == null) {
                store.tokens().add(token[0], token[1]);
            } else {
                store.tokens().add(token[0], token[1], token[2]);
            }
        }
        List<String> users = List.copyOf(builder.users.keySet());
        for (Seeding.Source source : builder.fixtures) {
            Seeding.apply(store, users, source, builder.classLoader());
        }
        for (String[] entry : builder.acls) {
            if (entry[0] != null && !builder.users.containsKey(entry[0])) {
                throw new IllegalArgumentException("acl names a user that is not configured: " + entry[0]);
            }
            Account owner = entry[0] == null ? store.shared() : store.account(entry[0]).orElseThrow();
            Mailbox box = owner.mailbox(entry[1]);
            (box != null ? box : owner.create(entry[1])).acl().set(entry[2], Rights.parse(entry[3]));
        }
        store.privateSeen(builder.privateSeen);
        this.seeded = store.snapshot();
    }

    /**
     * Starts the settings of a new server; each call returns a fresh builder with every setting at
     * its default (loopback, a free port, no users, the Dovecot profile).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port (and the implicit-TLS port, if any) and starts accepting clients. When it
     * returns, {@link #port()} is bound and a client may connect.
     *
     * @return this server, for {@code builder().build().start()} in a try-with-resources
     * @throws UncheckedIOException when the address cannot be bound
     * @throws IllegalStateException when the server was started or closed before
     */
    public ImapMockServer start() {
        synchronized (lifecycle) {
            if (started) {
                throw new IllegalStateException("An ImapMockServer can be started only once");
            }
            if (closed) {
                throw new IllegalStateException("This ImapMockServer is closed; build a new one");
            }
            started = true;
            try {
                acceptor = Acceptor.start(new ServerContext(config, store, journal, faults,
                        new ClientChecks(journal, config.extensions(), checkLimits), commands));
            } catch (IOException e) {
                throw new UncheckedIOException("Can't listen on " + config.host() + ":" + config.port()
                        + (config.tlsPort() >= 0 ? " and, for implicit TLS, " + config.tlsPort() : ""), e);
            }
        }
        return this;
    }

    /**
     * Whether the server accepts clients: true from {@link #start()} until {@link #close()}.
     *
     * @return true when started and not yet closed
     */
    public boolean isRunning() {
        synchronized (lifecycle) {
            return started && !closed;
        }
    }

    /**
     * The address the server binds and clients connect to, as given to {@link Builder#host(String)}
     * ({@code 127.0.0.1} by default). Available before {@link #start()}.
     *
     * @return the host name or literal address
     */
    public String host() {
        return config.host();
    }

    /**
     * The bound port of the plain (or STARTTLS) listener; with port 0 in the builder, the free port
     * that was picked. It stays readable after {@link #close()}.
     *
     * @return the port clients connect to
     * @throws IllegalStateException when the server has not been started
     */
    public int port() {
        synchronized (lifecycle) {
            if (acceptor == null) {
                throw new IllegalStateException("The server is not started");
            }
            return acceptor.port();
        }
    }

    /**
     * The bound implicit-TLS port (RFC 8314, {@code imaps}); with port 0 in the builder, the free
     * port that was picked.
     *
     * @return the port that speaks TLS from the first byte
     * @throws IllegalStateException when the server is not started or has no implicit-TLS port
     */
    public int tlsPort() {
        synchronized (lifecycle) {
            if (acceptor == null) {
                throw new IllegalStateException("The server is not started");
            }
            if (acceptor.tlsPort() < 0) {
                throw new IllegalStateException("This server has no implicit-TLS port: build it with tlsPort(0)");
            }
            return acceptor.tlsPort();
        }
    }

    /**
     * What a client needs to trust this server's certificate: a client {@code SSLContext}, a trust
     * manager, a trust store, the PEM. Available before {@link #start()}.
     *
     * @return the server's TLS identity as a client sees it
     * @throws IllegalStateException when the server does not speak TLS
     */
    public ServerTls tls() {
        if (tls == null) {
            throw new IllegalStateException("This server does not speak TLS: build it with tls() or tlsPort(0)");
        }
        return tls;
    }

    /**
     * The extensions this server offers, in CAPABILITY order, after the builder's {@code with},
     * {@code without}, profile and TLS settings were resolved. Some are advertised only in a
     * given state (STARTTLS before TLS, for instance); {@link #capabilities(boolean)} gives the text.
     *
     * @return an unmodifiable set; empty for a server that offers none (the minimal profile)
     */
    public Set<Extension> extensions() {
        return config.extensions();
    }

    /**
     * The mail of every user. Changes made here reach connected sessions like a client's would: a
     * selected mailbox's news is told at the session's next command (at once while it idles).
     *
     * @return this server's store, the same object on every call
     */
    public MailStore store() {
        return store;
    }

    /**
     * The access control list (RFC 4314) of one mailbox, to share it or take rights away while the
     * server runs: {@code server.acl("alice", "box").set("bob", Rights.parse("lr"))} makes
     * {@code Other Users/alice/box} visible to bob. Sessions see a change at their next command.
     *
     * @param user    the mailbox's owner, or null for a mailbox of the shared namespace
     * @param mailbox the mailbox's name in the owner's account (or in the shared namespace)
     * @return the mailbox's ACL
     * @throws IllegalArgumentException when there is no such user or mailbox
     */
    public Acl acl(String user, String mailbox) {
        Account owner = user == null ? store.shared()
                : store.account(user).orElseThrow(() -> new IllegalArgumentException("No such user: " + user));
        Mailbox box = owner.mailbox(mailbox);
        if (box == null) {
            throw new IllegalArgumentException("No such mailbox: " + mailbox);
        }
        return box.acl();
    }

    /**
     * The OAuth2 bearer tokens that XOAUTH2 and OAUTHBEARER accept: expire or revoke one mid-test
     * so the application's refresh path runs, and add the one it refreshes to.
     *
     * @return this server's token registry, the same object on every call
     */
    public OAuthTokens tokens() {
        return store.tokens();
    }

    /**
     * Every command received on any connection, in order; at most
     * {@link Builder#journalCapacity(int)} commands, the oldest dropped first.
     *
     * @return this server's journal, the same object on every call
     */
    public Journal journal() {
        return journal;
    }

    /**
     * What the client checks found so far on every connection: protocol violations, wasteful
     * patterns and notes (docs/client-checks.md lists the rules). The same as
     * {@code journal().clientReport()}; {@code journal().clear()} forgets them.
     *
     * @return the findings so far, a snapshot that later commands do not change
     */
    public ClientReport clientReport() {
        return journal.clientReport();
    }

    /**
     * The fault rules: make this server answer NO, hang up, stall, slow down or say unexpected
     * things, deterministically (see docs/faults.md). Their random choices come
     * from {@link Builder#faultSeed(long)}.
     *
     * @return this server's fault rules, the same object on every call
     */
    public Faults faults() {
        return faults;
    }

    /**
     * The custom commands: register an experimental {@code X} command or replace a standard one,
     * {@code commands().register("XPIG-LATIN", States.AUTHENTICATED, handler)} (see
     * docs/custom-commands.md). Takes effect from the next command any connection sends.
     *
     * @return this server's custom commands
     */
    public CustomCommands commands() {
        return commands;
    }

    /**
     * Adds a message to a user's mailbox as if it had just arrived: sessions that have the mailbox
     * selected see it as EXISTS at their next command, at once when idling. Its internal date is
     * the builder's {@link Builder#clock(Clock) clock}'s now; it carries no flags.
     *
     * @param user    the account to deliver to, a user of {@link Builder#user} or {@link #addUser}
     * @param mailbox the mailbox's name in that account, {@code INBOX} in any case
     * @param rfc822  the message as it would travel, headers and body with CRLF line ends; copied
     * @return the stored message, with its UID and size
     * @throws IllegalArgumentException when the user or the mailbox does not exist
     * @throws IllegalStateException    when the message would exceed a limit of the account (its
     *                                  quota, {@link Builder#maxMessagesPerMailbox}); nothing is delivered.
     *                                  Its cause is the store's {@link MailboxException}, whose reason
     *                                  tells which
     */
    public Message deliver(String user, String mailbox, byte[] rfc822) {
        return deliver(user, mailbox, rfc822, List.of());
    }

    /**
     * Like {@link #deliver(String, String, byte[])}, with flags already set: system flags such as
     * {@code \Seen} in any case, anything else a keyword. A keyword new to the mailbox is announced
     * to selecting sessions with {@code * FLAGS} before they see it on a message.
     *
     * @param user    the account to deliver to
     * @param mailbox the mailbox's name in that account
     * @param rfc822  the message as it would travel; copied
     * @param flags   the flags it arrives with, such as {@code \Flagged} or {@code $Junk}; may be empty
     * @return the stored message, with its UID and flags
     * @throws IllegalArgumentException when the user or the mailbox does not exist, or a flag is
     *                                  not an IMAP flag name
     * @throws IllegalStateException    when the message would exceed a limit of the account (its
     *                                  quota, {@link Builder#maxMessagesPerMailbox}); nothing is delivered
     */
    public Message deliver(String user, String mailbox, byte[] rfc822, Collection<String> flags) {
        Objects.requireNonNull(rfc822, "rfc822");
        List<String> names = new ArrayList<>(flags.size());
        for (String flag : flags) {
            try {
                names.add(FlagNames.parseFlag(new Arg.Atom(flag)));
            } catch (ProtocolException e) {
                throw new IllegalArgumentException("Not a flag a message can carry: " + e.getMessage());
            }
        }
        Account account = store.account(user)
                .orElseThrow(() -> new IllegalArgumentException("No such user: " + user));
        Mailbox target = account.mailbox(mailbox);
        if (target == null || target.isNoselect()) {
            throw new IllegalArgumentException("No such mailbox for " + user + ": " + mailbox);
        }
        try {
            return target.append(rfc822.clone(), Flags.of(names), OffsetDateTime.now(config.clock()));
        } catch (MailboxException e) {
            throw new IllegalStateException("Can't deliver to " + user + "'s " + target.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds a user with an empty INBOX and the special-use mailboxes every user of this server starts
     * with (and the folders of the server's {@link Profile}); it can log in at once. The user is
     * not part of what {@link #reset()} restores: a reset removes it again.
     *
     * @param name     the login name, not empty
     * @param password the password LOGIN and the password SASL mechanisms accept
     * @return the new account
     * @throws IllegalArgumentException when the name is empty or the user exists
     */
    public Account addUser(String name, String password) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("User name is empty");
        }
        Account account = store.addAccount(name, password, specialUse);
        addProfileFolders(account);
        return account;
    }

    /**
     * A profile's folders with {@code to} between their levels instead of {@code from}: a profile
     * is written with its own delimiter (Gmail's {@code [Gmail]/All Mail}), and a server built with
     * another one gets the same hierarchy ({@code [Gmail].All Mail} under {@code .}).
     */
    private static Map<String, Set<SpecialUse>> relevel(Map<String, Set<SpecialUse>> folders, char from, char to) {
        if (folders == null || from == to) {
            return folders;
        }
        Map<String, Set<SpecialUse>> moved = new LinkedHashMap<>();
        folders.forEach((name, uses) -> moved.put(relevel(name, from, to), uses));
        return moved;
    }

    private static String relevel(String name, char from, char to) {
        return name.replace(from, to);
    }

    /** The folders that have a use, as {@link Profile#specialUse()} takes them. */
    private static SpecialUseMailboxes specialUseOf(Map<String, Set<SpecialUse>> folders) {
        SpecialUseMailboxes result = SpecialUseMailboxes.none();
        for (Map.Entry<String, Set<SpecialUse>> f : folders.entrySet()) {
            if (!f.getValue().isEmpty()) {
                result = result.with(f.getKey(), f.getValue().toArray(new SpecialUse[0]));
            }
        }
        return result;
    }

    /**
     * Creates the profile's folders without a special use, then turns its {@code \Noselect}
     * ones (which have children, see {@link Profile}) into folders without mail of their own,
     * as DELETE of a mailbox with children does (RFC 3501 §6.3.4).
     */
    private void addProfileFolders(Account account) {
        if (labels) {
            account.useLabels();
        }
        if (folders == null) {
            return;
        }
        for (Map.Entry<String, Set<SpecialUse>> folder : folders.entrySet()) {
            if (folder.getValue().isEmpty() && account.mailbox(folder.getKey()) == null) {
                account.create(folder.getKey());
            }
        }
        for (String parent : noselect) {
            account.delete(parent);
        }
    }

    /**
     * Removes a user with its mail and OAuth2 tokens (see {@link MailStore#removeAccount}).
     *
     * @param name the user's login name
     * @return true when the user existed and is gone, false when there was no such user
     */
    public boolean removeUser(String name) {
        return store.removeAccount(Objects.requireNonNull(name, "name"));
    }

    /**
     * Puts the users, passwords, OAuth2 tokens and mail back as they were when the server was
     * built and seeded (see {@link MailStore#restore}). The journal and the fault rules are left
     * as they are: {@code journal().clear()} and {@code faults().reset()} start those afresh.
     */
    public void reset() {
        store.restore(seeded);
    }

    /**
     * The CAPABILITY list a client sees on a connection without TLS: before login
     * ({@code authenticated} false, with the SASL mechanisms) or after it. Available before
     * {@link #start()}.
     *
     * @param authenticated true for the list after LOGIN or AUTHENTICATE, false for the one before
     * @return the capability names as the server writes them after {@code * CAPABILITY}, separated
     *         by single spaces, starting with {@code IMAP4rev1} ({@code IMAP4rev2} with
     *         {@link Builder#rev2Only()})
     */
    public String capabilities(boolean authenticated) {
        return new ServerContext(config, store, journal, faults, commands).capabilities(
                authenticated ? SessionState.AUTHENTICATED : SessionState.NOT_AUTHENTICATED, false, false);
    }

    /**
     * Stops accepting, disconnects every client and returns once every server thread has ended
     * (waiting at most a few seconds). Idempotent.
     */
    @Override
    public void close() {
        Acceptor toClose;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = acceptor;
        }
        faults.close();
        if (toClose != null) {
            toClose.close();
        }
        journal.close();
    }

    @Override
    public String toString() {
        synchronized (lifecycle) {
            int tlsPort = acceptor == null ? config.tlsPort() : acceptor.tlsPort();
            return "ImapMockServer[" + config.host() + ":" + (acceptor == null ? config.port() : acceptor.port())
                    + (tlsPort >= 0 ? ", imaps " + tlsPort : "") + (closed ? ", closed" : "") + "]";
        }
    }

    /**
     * Settings for a server; every one has a default that suits a unit test. Each setter returns
     * this builder; a setter that can tell a bad value at once throws there, the rest are checked
     * by {@link #build()}. A null argument throws {@link NullPointerException} unless its
     * {@code @param} allows null. Not thread-safe: configure it from one thread.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private final Map<String, String> users = new LinkedHashMap<>();
        private ReaderLimits limits = ReaderLimits.DEFAULT;
        private Duration idleTimeout = Duration.ofMinutes(30);
        private int maxConnections;
        private Clock clock = new DefaultZoneClock();
        private StoreLimits storeLimits = StoreLimits.NONE;
        private MetadataLimits metadataLimits = MetadataLimits.DEFAULT;
        private final List<Seeding.Source> fixtures = new ArrayList<>();
        private long faultSeed;
        private int journalCapacity = Journal.DEFAULT_CAPACITY;
        private CheckLimits checkLimits = CheckLimits.DEFAULTS;
        private Set<Extension> extensions;
        private final Set<Extension> without = EnumSet.noneOf(Extension.class);
        private final Set<Extension> with = EnumSet.noneOf(Extension.class);
        private boolean starttls;
        private int tlsPort = -1;
        private boolean requireTls;
        private Supplier<TlsIdentity> tlsIdentity;
        private String tlsIdentityName;
        private KeyAlgorithm tlsKeyAlgorithm;
        private List<String> tlsProtocols = List.of();
        private List<String> tlsCipherSuites = List.of();
        private SpecialUseMailboxes specialUse;
        private final Map<String, SpecialUseMailboxes> specialUseByUser = new LinkedHashMap<>();
        private final List<String[]> tokens = new ArrayList<>();
        private final Map<String, long[]> quotas = new LinkedHashMap<>();
        private List<String> mechanisms;
        private int maxFailedLogins;
        private ServerConfig.Preauth preauth = ServerConfig.Preauth.NONE;
        private boolean rev2Only;
        private Profile profile = Profile.DOVECOT;
        private boolean maxLiteralSizeGiven;
        private String greeting;
        private Boolean recent;
        private String loginRefusal;
        private String quotaRoot;
        private boolean loginRefusalGiven;
        private String otherUsersPrefix;
        private String sharedPrefix;
        private Character delimiter;
        private boolean privateSeen;
        private final List<String[]> acls = new ArrayList<>();

        private Builder() {
        }

        /**
         * Where users see each other's mailboxes and the shared ones (RFC 2342), instead of
         * {@code "Other Users/"} and {@code "Shared/"} ({@code "Other Users."} and
         * {@code "Shared."} under the delimiter {@code .}).
         *
         * @param otherUsers the prefix of other users' mailboxes, ending with the hierarchy delimiter
         * @param shared     the prefix of the shared namespace, ending with the hierarchy delimiter
         * @return this builder
         * @throws IllegalArgumentException when a prefix does not end with the delimiter (the one
         *                                  {@link #hierarchyDelimiter} gives, else {@code /}), or
         *                                  the two overlap; checked again by {@link #build()}
         *                                  against the delimiter the server ends up with
         */
        public Builder namespaces(String otherUsers, String shared) {
            new Namespaces(otherUsers, shared, delimiter != null ? delimiter : profile.delimiter());
            this.otherUsersPrefix = otherUsers;
            this.sharedPrefix = shared;
            return this;
        }

        /**
         * The hierarchy delimiter between the levels of mailbox names, instead of {@code /} (or the
         * {@link #profile}'s {@code delimiter}): the character LIST, LSUB and NAMESPACE tell, and the
         * one every command splits names at. CREATE {@code a.b.c} under {@code .} creates
         * {@code a} and {@code a.b} too; {@code %} stops at it; RENAME moves the children below it;
         * the namespace prefixes end with it ({@code Other Users.}); a fixture tree's directory
         * levels are joined with it; and a profile's folders get it between their levels
         * ({@code [Gmail].All Mail}). The store keeps names as they are on the wire, so
         * {@link dev.imapmock.store.Mailbox#name()} and the names given to {@link ImapMockServer#deliver(String, String, byte[])},
         * fixtures and the sandbox's API have this delimiter too. Any other character, {@code /}
         * under {@code .} included, is an ordinary character of one level.
         *
         * @param delimiter one printable ASCII character other than space, {@code *}, {@code %},
         *                  {@code "} and {@code \} (LIST tells it as a quoted character, RFC 3501
         *                  §7.2.2), such as {@code .}
         * @return this builder
         * @throws IllegalArgumentException when the character is not allowed
         */
        public Builder hierarchyDelimiter(char delimiter) {
            Namespaces.checkDelimiter(delimiter);
            this.delimiter = delimiter;
            return this;
        }

        /**
         * Grants rights on one of a user's mailboxes when the server is built, after fixtures are
         * seeded (RFC 4314 SETACL): {@code acl("alice", "box", "bob", "lr")} makes
         * {@code Other Users/alice/box} visible to bob's LIST and SELECT. The mailbox is created
         * when it does not exist. {@link ImapMockServer#reset()} brings the ACLs back as built.
         *
         * @param user       the mailbox's owner, a user {@link #user} adds
         * @param mailbox    the mailbox's name in the owner's account
         * @param identifier a user name, {@code anyone}, {@code authenticated}, or one of those
         *                   after {@code -} for rights taken away
         * @param rights     the rights' letters (RFC 4314 §2.1), replacing what the identifier had
         * @return this builder
         * @throws IllegalArgumentException when a right's letter is unknown
         */
        public Builder acl(String user, String mailbox, String identifier, String rights) {
            Objects.requireNonNull(user, "user");
            addAcl(user, mailbox, identifier, rights);
            return this;
        }

        /**
         * A mailbox of the shared namespace ({@code Shared/news}), with one ACL entry; call again
         * for more entries. A shared mailbox belongs to no user: only its ACL gives rights.
         *
         * @param mailbox    the name below the shared prefix, such as {@code news}
         * @param identifier as for {@link #acl(String, String, String, String)}
         * @param rights     as for {@link #acl(String, String, String, String)}
         * @return this builder
         * @throws IllegalArgumentException when a right's letter is unknown
         */
        public Builder sharedMailbox(String mailbox, String identifier, String rights) {
            addAcl(null, mailbox, identifier, rights);
            return this;
        }

        /**
         * Gives each user an own {@code \Seen} on other users' and shared mailboxes (Dovecot's
         * {@code INDEXPVT}): bob reading {@code Other Users/alice/box} marks a message seen for bob
         * only, and alice's \Seen stays the one stored with the message. Off by default, as in
         * Dovecot: one \Seen for everyone. See {@link MailStore#privateSeen(boolean)}.
         *
         * @param on true for a \Seen of each user's own
         * @return this builder
         */
        public Builder privateSeen(boolean on) {
            this.privateSeen = on;
            return this;
        }

        private void addAcl(String user, String mailbox, String identifier, String rights) {
            Objects.requireNonNull(mailbox, "mailbox");
            Objects.requireNonNull(identifier, "identifier");
            Rights.parse(Objects.requireNonNull(rights, "rights"));
            acls.add(new String[] {user, mailbox, identifier, rights});
        }

        /**
         * Registers an OAuth2 bearer token for a user given with {@link #user}, accepted by XOAUTH2
         * and OAUTHBEARER; labelled {@code user#n} in the journal, its number among the user's
         * tokens. Registering a token also offers XOAUTH2 and OAUTHBEARER unless
         * {@link #saslMechanisms} says otherwise. Calls add up.
         *
         * @param user  the token's owner; {@link #build()} throws {@link IllegalArgumentException}
         *              when {@link #user} did not add it, or the token is empty or given twice
         * @param token the bearer token's text, as the client sends it
         * @return this builder
         */
        public Builder token(String user, String token) {
            tokens.add(new String[] {Objects.requireNonNull(user, "user"), Objects.requireNonNull(token, "token"), null});
            return this;
        }

        /**
         * As {@link #token(String, String)}, with the label the journal shows in the token's place.
         *
         * @param user  the token's owner, a user {@link #user} adds
         * @param token the bearer token's text
         * @param label what the journal shows instead of the token
         * @return this builder
         */
        public Builder token(String user, String token, String label) {
            tokens.add(new String[] {Objects.requireNonNull(user, "user"), Objects.requireNonNull(token, "token"),
                    Objects.requireNonNull(label, "label")});
            return this;
        }

        /**
         * The SASL mechanisms offered, in {@code AUTH=} order, from PLAIN, LOGIN, CRAM-MD5,
         * SCRAM-SHA-1, SCRAM-SHA-1-PLUS, SCRAM-SHA-256, SCRAM-SHA-256-PLUS, XOAUTH2 and OAUTHBEARER.
         * By default PLAIN and LOGIN, as Dovecot, and XOAUTH2 and OAUTHBEARER too when a
         * {@link #token} is registered. With {@link #requireTls}, those that send a secret in clear
         * are neither offered nor accepted before TLS. The {@code -PLUS} variants bind the exchange
         * to the TLS channel ({@code tls-server-end-point}, RFC 5929) and are offered only on
         * connections that speak TLS.
         *
         * @param names the mechanisms' names, in any case; none for no {@code AUTH=}, so that
         *              only the LOGIN command logs in
         * @return this builder
         * @throws IllegalArgumentException when a name is not one of the above, or given twice
         */
        public Builder saslMechanisms(String... names) {
            this.mechanisms = List.of(names);
            Mechanisms.resolve(this.mechanisms);
            return this;
        }

        /**
         * Greets every connection with {@code * PREAUTH [CAPABILITY ...] Logged in as USER}: it starts
         * in the authenticated state as {@code user} (RFC 9051 §7.1.4), as a server behind a
         * pre-authenticating proxy or a tunnel does. The journal shows a {@code PREAUTH} entry
         * (index 0) for each such connection.
         *
         * @param user the user every connection is logged in as; {@link #build()} throws
         *             {@link IllegalArgumentException} when {@link #user} did not add it
         * @return this builder
         * @throws IllegalArgumentException when {@code user} is null
         */
        public Builder preauthenticate(String user) {
            return preauthenticate(user, connection -> true);
        }

        /**
         * Greets with {@code * PREAUTH} as {@code user} only the connections whose number (from 1,
         * in the order clients connected) {@code connections} accepts, e.g. {@code n -> n == 2};
         * the others get the usual {@code * OK} greeting and log in themselves. A later call
         * replaces an earlier one.
         *
         * @param user        the user those connections are logged in as, one {@link #user} adds
         * @param connections tells, from a connection's number, whether it is pre-authenticated
         * @return this builder
         * @throws IllegalArgumentException when {@code user} or {@code connections} is null
         */
        public Builder preauthenticate(String user, java.util.function.IntPredicate connections) {
            if (user == null || connections == null) {
                throw new IllegalArgumentException("preauthenticate needs a user and the connections to greet");
            }
            this.preauth = new ServerConfig.Preauth(user, connections);
            return this;
        }

        /**
         * Speaks IMAP4rev2 only (RFC 9051): the greeting and CAPABILITY leave IMAP4rev1 out and every
         * connection follows rev2's rules from its first command, with no {@code ENABLE IMAP4rev2}.
         * Turns {@link Extension#IMAP4REV2} on.
         *
         * @return this builder
         */
        public Builder rev2Only() {
            this.rev2Only = true;
            return with(Extension.IMAP4REV2);
        }

        /**
         * After this many failed LOGIN and AUTHENTICATE commands on one connection, the server
         * answers the last with its NO, says {@code * BYE} and closes the connection. 0 (the default): no limit.
         *
         * @param failures the failures a connection may have, 0 for no limit
         * @return this builder
         * @throws IllegalArgumentException when {@code failures} is negative
         */
        public Builder maxFailedLogins(int failures) {
            if (failures < 0) {
                throw new IllegalArgumentException("maxFailedLogins must not be negative: " + failures);
            }
            this.maxFailedLogins = failures;
            return this;
        }

        private List<Mechanism> mechanisms() {
            if (mechanisms != null) {
                return Mechanisms.resolve(mechanisms);
            }
            if (profile.saslMechanisms() != null) {
                return Mechanisms.resolve(profile.saslMechanisms());
            }
            List<String> names = new ArrayList<>(Mechanisms.DEFAULT);
            if (!tokens.isEmpty()) {
                names.addAll(Mechanisms.OAUTH);
            }
            return Mechanisms.resolve(names);
        }

        /**
         * Speaks TLS: STARTTLS on the port (RFC 3501 §6.2.1), with a self-signed certificate for
         * exactly {@code localhost}, {@code 127.0.0.1} and {@code ::1}, generated in memory once
         * per JVM and shared by its servers, unless {@link #tlsKeyStore}, {@link #tlsKeyManagers},
         * {@link #tlsContext} or {@link #tlsFreshCertificate} says otherwise. Clients get trust
         * from {@link ImapMockServer#tls()}.
         *
         * @return this builder
         */
        public Builder tls() {
            this.starttls = true;
            return this;
        }

        /**
         * The special-use mailboxes (RFC 6154) every user starts with, unless {@link
         * #specialUse(String, SpecialUseMailboxes)} says otherwise for one. By default
         * {@link SpecialUseMailboxes#defaults()} (Sent, Drafts, Trash, Junk and Archive) when the
         * server offers SPECIAL-USE, and none when it is left out. Given explicitly, the mailboxes
         * exist even without SPECIAL-USE; the server then just does not tell what they are for, as
         * a server without the extension would not. Replaces the folders of the {@link #profile}.
         *
         * @param mailboxes the special-use mailboxes each user's account is created with
         * @return this builder
         */
        public Builder specialUse(SpecialUseMailboxes mailboxes) {
            this.specialUse = Objects.requireNonNull(mailboxes, "mailboxes");
            return this;
        }

        /**
         * Also listens for implicit TLS (RFC 8314 §3.3, {@code imaps}) on this port; 0 picks a free
         * one ({@link ImapMockServer#tlsPort()}). Without {@link #tls()} the first port stays clear
         * and offers no STARTTLS.
         *
         * @param port the implicit-TLS port, 0 for a free one
         * @return this builder
         * @throws IllegalArgumentException when {@code port} is not from 0 to 65535
         */
        public Builder tlsPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port out of range: " + port);
            }
            this.tlsPort = port;
            return this;
        }

        /**
         * The special-use mailboxes one user starts with, instead of those of
         * {@link #specialUse(SpecialUseMailboxes)}; a later call for the same user replaces an
         * earlier one. {@link #build()} refuses a user that {@link #user} did not add. Such a user
         * gets none of the {@link #profile}'s folders.
         *
         * @param user      the user, one {@link #user} adds
         * @param mailboxes the special-use mailboxes that user's account is created with
         * @return this builder
         */
        public Builder specialUse(String user, SpecialUseMailboxes mailboxes) {
            specialUseByUser.put(Objects.requireNonNull(user, "user"), Objects.requireNonNull(mailboxes, "mailboxes"));
            return this;
        }

        /**
         * Refuses LOGIN and AUTHENTICATE PLAIN with {@code NO [PRIVACYREQUIRED]} until the
         * connection speaks TLS, and advertises {@code LOGINDISABLED} instead of
         * {@code AUTH=PLAIN} there (RFC 3501 §6.2.3). Needs {@link #tls()} or {@link #tlsPort}:
         * without either, {@link #build()} throws {@link IllegalArgumentException}.
         *
         * @return this builder
         */
        public Builder requireTls() {
            this.requireTls = true;
            return this;
        }

        /**
         * Presents the first key entry of a PKCS#12 file, read when {@link #build()} runs. The
         * password is not kept past that: the builder's copy is wiped once read. Needs {@link #tls()}
         * or {@link #tlsPort}.
         *
         * @param pkcs12   the PKCS#12 file
         * @param password the keystore's password; copied
         * @return this builder
         * @throws IllegalStateException when another method that chooses the certificate
         *                               ({@link #tlsKeyManagers}, {@link #tlsContext},
         *                               {@link #tlsFreshCertificate}) was called before
         */
        public Builder tlsKeyStore(Path pkcs12, char[] password) {
            Objects.requireNonNull(pkcs12, "pkcs12");
            char[] copy = Objects.requireNonNull(password, "password").clone();
            return identity("tlsKeyStore", () -> {
                try {
                    return TlsIdentity.keyStore(pkcs12, copy);
                } finally {
                    Arrays.fill(copy, '\0');
                }
            });
        }

        /**
         * As {@link #tlsKeyStore(Path, char[])}, from {@code location}: a classpath resource
         * first (as {@link #fixtures(String)} finds one), else a file path. Read when
         * {@link #build()} runs; {@link #build()} throws {@link IllegalArgumentException} when it
         * is neither, or cannot be read as PKCS#12 with a private key.
         *
         * @param location a classpath resource name or a file path
         * @param password the keystore's password; copied
         * @return this builder
         * @throws IllegalStateException when another method that chooses the certificate was
         *                               called before
         */
        public Builder tlsKeyStore(String location, char[] password) {
            Objects.requireNonNull(location, "location");
            char[] copy = Objects.requireNonNull(password, "password").clone();
            return identity("tlsKeyStore", () -> {
                try (java.io.InputStream resource = classLoader().getResourceAsStream(location)) {
                    if (resource != null) {
                        return TlsIdentity.keyStore(resource, location, copy);
                    }
                    Path file = Path.of(location);
                    if (!java.nio.file.Files.isRegularFile(file)) {
                        throw new IllegalArgumentException("No keystore " + location
                                + ": neither a classpath resource nor a file");
                    }
                    return TlsIdentity.keyStore(file, copy);
                } catch (IOException e) {
                    throw new IllegalArgumentException("Can't read the keystore " + location + ": " + e.getMessage(), e);
                } finally {
                    Arrays.fill(copy, '\0');
                }
            });
        }

        /**
         * Presents the keys of this factory; the chain of its first server key is what
         * {@link ImapMockServer#tls()} trusts. Needs {@link #tls()} or {@link #tlsPort}.
         *
         * @param factory an initialized key manager factory
         * @return this builder
         * @throws IllegalStateException when another method that chooses the certificate was
         *                               called before
         */
        public Builder tlsKeyManagers(KeyManagerFactory factory) {
            Objects.requireNonNull(factory, "factory");
            return identity("tlsKeyManagers", () -> TlsIdentity.keyManagers(factory));
        }

        /**
         * Speaks TLS with this context. ImapMock cannot see its certificate then, so
         * {@link ImapMockServer#tls()} offers no trust: trust it the way the context was built.
         * Needs {@link #tls()} or {@link #tlsPort}.
         *
         * @param context an initialized server context
         * @return this builder
         * @throws IllegalStateException when another method that chooses the certificate was
         *                               called before
         */
        public Builder tlsContext(SSLContext context) {
            Objects.requireNonNull(context, "context");
            return identity("tlsContext", () -> TlsIdentity.context(context));
        }

        /**
         * Generates a certificate for this server alone when {@link #build()} runs, rather than
         * sharing the JVM's; it costs a key generation per server. Needs {@link #tls()} or
         * {@link #tlsPort}.
         *
         * @return this builder
         * @throws IllegalStateException when another method that chooses the certificate was
         *                               called before
         */
        public Builder tlsFreshCertificate() {
            return identity("tlsFreshCertificate", () -> TlsIdentity.generated(keyAlgorithm()));
        }

        /**
         * The key of the generated certificate: {@link KeyAlgorithm#EC} (P-256, the default) or
         * {@link KeyAlgorithm#RSA} (RSA-2048, sha256WithRSAEncryption), for a client or policy that
         * takes RSA only. Either is made once per JVM and shared, unless {@link #tlsFreshCertificate}.
         * Not with a certificate of the user's ({@link #tlsKeyStore} and the like): {@link #build()}
         * throws {@link IllegalArgumentException} for both, and when the server does not speak TLS.
         *
         * @param algorithm the generated certificate's key algorithm
         * @return this builder
         */
        public Builder tlsKeyAlgorithm(KeyAlgorithm algorithm) {
            this.tlsKeyAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        private KeyAlgorithm keyAlgorithm() {
            return tlsKeyAlgorithm == null ? KeyAlgorithm.EC : tlsKeyAlgorithm;
        }

        private Builder identity(String name, Supplier<TlsIdentity> identity) {
            if (tlsIdentityName != null && !tlsIdentityName.equals(name)) {
                throw new IllegalStateException(name + "() and " + tlsIdentityName + "() both choose the certificate;"
                        + " give one");
            }
            this.tlsIdentityName = name;
            this.tlsIdentity = identity;
            return this;
        }

        /**
         * The TLS protocol versions allowed, such as {@code "TLSv1.2"}; by default the JDK's. A
         * test can so prove that the application refuses an old protocol. Needs {@link #tls()} or
         * {@link #tlsPort}.
         *
         * @param protocols JSSE protocol names; none for the JDK's default
         * @return this builder; {@link #build()} throws {@link IllegalArgumentException} for a name
         *         the JDK does not know
         */
        public Builder tlsProtocols(String... protocols) {
            this.tlsProtocols = List.of(protocols);
            return this;
        }

        /**
         * The cipher suites allowed, by their JSSE names; by default the JDK's. Needs {@link #tls()}
         * or {@link #tlsPort}.
         *
         * @param cipherSuites JSSE cipher suite names; none for the JDK's default
         * @return this builder; {@link #build()} throws {@link IllegalArgumentException} for a name
         *         the JDK does not know
         */
        public Builder tlsCipherSuites(String... cipherSuites) {
            this.tlsCipherSuites = List.of(cipherSuites);
            return this;
        }

        private TlsConfig tlsConfig() {
            if (!starttls && tlsPort < 0) {
                String needs = requireTls ? "requireTls()" : tlsIdentityName != null ? tlsIdentityName + "()"
                        : !tlsProtocols.isEmpty() ? "tlsProtocols()" : !tlsCipherSuites.isEmpty() ? "tlsCipherSuites()"
                        : tlsKeyAlgorithm != null ? "tlsKeyAlgorithm()" : null;
                if (needs != null) {
                    throw new IllegalArgumentException(needs + " needs tls() or tlsPort(): the server does not speak TLS");
                }
                return null;
            }
            if (tlsKeyAlgorithm != null && tlsIdentityName != null && !tlsIdentityName.equals("tlsFreshCertificate")) {
                throw new IllegalArgumentException("tlsKeyAlgorithm() chooses the key of the generated certificate, but "
                        + tlsIdentityName + "() gives a certificate of its own; give one of them");
            }
            TlsIdentity identity = tlsIdentity == null ? TlsIdentity.shared(keyAlgorithm()) : tlsIdentity.get();
            return new TlsConfig(identity, tlsProtocols, tlsCipherSuites);
        }

        private Set<Extension> resolveExtensions() {
            Set<Extension> resolved = EnumSet.noneOf(Extension.class);
            resolved.addAll(Extension.resolve(extensionsAsked(), without, extensions != null));
            if (!starttls) {
                if (extensions != null && extensions.contains(Extension.STARTTLS)) {
                    throw new IllegalArgumentException("STARTTLS was asked for, but the server does not speak TLS:"
                            + " call tls()");
                }
                resolved.remove(Extension.STARTTLS);
            }
            return resolved;
        }

        /**
         * Seeds mail from a fixture (see docs/fixtures.md): {@code imapmock:corpus/NAME} for the
         * shipped corpus, else a classpath resource, else a file path; a mailbox tree, a single
         * {@code .eml} or an {@code .mbox}. With one user it is that user's mail; with several, a
         * directory holding one tree per user, named after the user. Read when {@link #build()} runs,
         * which throws {@link dev.imapmock.fixtures.FixtureException} when it cannot be found or read.
         * Calls add up, seeded in order.
         *
         * @param spec {@code imapmock:corpus/NAME}, a classpath resource name or a file path
         * @return this builder
         */
        public Builder fixtures(String spec) {
            fixtures.add(new Seeding.Source(null, Objects.requireNonNull(spec, "spec"), null, null));
            return this;
        }

        /**
         * As {@link #fixtures(String)}, for a path in the file system.
         *
         * @param path a mailbox tree, an {@code .eml} or an {@code .mbox} file
         * @return this builder
         */
        public Builder fixtures(Path path) {
            fixtures.add(new Seeding.Source(null, null, Objects.requireNonNull(path, "path"), null));
            return this;
        }

        /**
         * Seeds one user's mail from a fixture, as {@link #fixtures(String)} does with one user.
         *
         * @param user the user whose account is seeded, one {@link #user} adds
         * @param spec as for {@link #fixtures(String)}
         * @return this builder
         */
        public Builder fixtures(String user, String spec) {
            fixtures.add(new Seeding.Source(Objects.requireNonNull(user, "user"), Objects.requireNonNull(spec, "spec"), null, null));
            return this;
        }

        /**
         * Seeds one user's mail from mailboxes built or read beforehand (see {@link FixtureReader}),
         * when {@link #build()} runs; mailboxes that do not exist are created.
         *
         * @param user      the user whose account is seeded, one {@link #user} adds
         * @param mailboxes the mailboxes with their messages; the list is copied
         * @return this builder
         */
        public Builder mailboxes(String user, List<FixtureMailbox> mailboxes) {
            fixtures.add(new Seeding.Source(Objects.requireNonNull(user, "user"), null, null, List.copyOf(mailboxes)));
            return this;
        }

        private ClassLoader classLoader() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return loader != null ? loader : ImapMockServer.class.getClassLoader();
        }

        /**
         * The address to bind; {@code 127.0.0.1} by default. Resolved by {@link ImapMockServer#start()},
         * which throws {@link UncheckedIOException} when it cannot bind it.
         *
         * @param host a host name or literal address
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port to bind; 0 (the default) picks a free one, which {@link ImapMockServer#port()}
         * tells after {@link ImapMockServer#start()}.
         *
         * @param port from 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException when {@code port} is out of that range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Adds a user with an empty INBOX and the server's special-use mailboxes; fixtures, quotas
         * and ACLs may then name it. Users are created in the order given.
         *
         * @param name     the login name, not empty
         * @param password the password LOGIN and the password SASL mechanisms accept
         * @return this builder
         * @throws IllegalArgumentException when the name is empty or was given before
         */
        public Builder user(String name, String password) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            if (name.isEmpty() || users.putIfAbsent(name, password) != null) {
                throw new IllegalArgumentException(name.isEmpty() ? "User name is empty" : "User given twice: " + name);
            }
            return this;
        }

        /**
         * The longest command line accepted, without its literals (default 64 KiB); a longer one is
         * refused as a protocol error.
         *
         * @param octets the limit, at least 1024
         * @return this builder
         * @throws IllegalArgumentException when {@code octets} is below 1024
         */
        public Builder maxLineLength(int octets) {
            limits = new ReaderLimits(octets, limits.maxLiteralSize(), limits.maxNesting());
            return this;
        }

        /**
         * The largest literal accepted, an APPENDed message for instance (default 64 MiB, or the
         * profile's APPENDLIMIT); it is also the limit APPENDLIMIT advertises (RFC 7889).
         *
         * @param octets the limit, at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code octets} is below 1
         */
        public Builder maxLiteralSize(long octets) {
            limits = new ReaderLimits(limits.maxLineLength(), octets, limits.maxNesting());
            maxLiteralSizeGiven = true;
            return this;
        }

        /**
         * The deepest nesting of parenthesized lists in a command (default 100); a deeper one is
         * refused as a protocol error.
         *
         * @param depth the limit, at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code depth} is below 1
         */
        public Builder maxNesting(int depth) {
            limits = new ReaderLimits(limits.maxLineLength(), limits.maxLiteralSize(), depth);
            return this;
        }

        /**
         * Messages one mailbox may hold (default 0: no limit). An APPEND, COPY or MOVE that would
         * exceed it is answered {@code NO [OVERQUOTA]}; {@link ImapMockServer#deliver} and fixtures
         * throw instead. Not part of the quota root, which is account-wide.
         *
         * @param max the limit, 0 for none
         * @return this builder
         * @throws IllegalArgumentException when {@code max} is negative
         */
        public Builder maxMessagesPerMailbox(int max) {
            storeLimits = new StoreLimits(max, storeLimits.maxAccountBytes(), storeLimits.maxAccountMessages());
            return this;
        }

        /**
         * Octets all messages of one account may hold together (default 0: no limit): every account's
         * quota root (RFC 9208), shown as STORAGE in KiB, unless {@link #quota} says otherwise for it. An
         * APPEND, COPY or MOVE that would exceed it is answered {@code NO [OVERQUOTA]}; {@link
         * ImapMockServer#deliver} and fixtures throw instead.
         *
         * @param octets the limit, 0 for none
         * @return this builder
         * @throws IllegalArgumentException when {@code octets} is negative
         */
        public Builder maxAccountBytes(long octets) {
            storeLimits = new StoreLimits(storeLimits.maxMessagesPerMailbox(), octets, storeLimits.maxAccountMessages());
            return this;
        }

        /**
         * Messages all mailboxes of one account may hold together (default 0: no limit): the MESSAGE
         * resource of every account's quota root, unless {@link #quota} says otherwise for it. Refused
         * as {@link #maxAccountBytes} is.
         *
         * @param messages the limit, 0 for none
         * @return this builder
         * @throws IllegalArgumentException when {@code messages} is negative
         */
        public Builder maxAccountMessages(long messages) {
            storeLimits = new StoreLimits(storeLimits.maxMessagesPerMailbox(), storeLimits.maxAccountBytes(), messages);
            return this;
        }

        /**
         * One user's quota root (RFC 9208), instead of {@link #maxAccountBytes} and
         * {@link #maxAccountMessages}: at most {@code storageKiB} KiB (units of 1024 octets) and
         * {@code messages} messages in all the user's mailboxes; 0 for no limit. GETQUOTAROOT then
         * shows {@code "User quota"}; a later call for the same user replaces an earlier one, and
         * {@link #build()} refuses a user that {@link #user} did not add. SETQUOTA may change it
         * with {@code with(Extension.QUOTASET)}.
         *
         * @param user       the user, one {@link #user} adds
         * @param storageKiB the STORAGE limit in KiB, 0 for none
         * @param messages   the MESSAGE limit, 0 for none
         * @return this builder
         * @throws IllegalArgumentException when a limit is negative, or {@code storageKiB} KiB do not
         *                                  fit in a {@code long} of octets
         */
        public Builder quota(String user, long storageKiB, long messages) {
            Objects.requireNonNull(user, "user");
            if (storageKiB < 0 || messages < 0 || storageKiB > Long.MAX_VALUE / 1024) {
                throw new IllegalArgumentException("Quota limits must be from 0 (no limit) to " + Long.MAX_VALUE / 1024
                        + " KiB and " + Long.MAX_VALUE + " messages: " + storageKiB + " KiB, " + messages + " messages");
            }
            quotas.put(user, new long[] {storageKiB == 0 ? Quota.NONE : storageKiB * 1024,
                    messages == 0 ? Quota.NONE : messages});
            return this;
        }

        /**
         * The largest annotation value SETMETADATA takes (RFC 5464 §4.3), in octets (default 64 KiB);
         * a larger one is refused with {@code NO [METADATA MAXSIZE n]}.
         *
         * @param octets the limit, at least 0
         * @return this builder
         * @throws IllegalArgumentException when {@code octets} is negative
         */
        public Builder maxMetadataValueSize(long octets) {
            metadataLimits = new MetadataLimits(octets, metadataLimits.maxEntries(), metadataLimits.privateEntries());
            return this;
        }

        /**
         * The annotations one mailbox, and the server, may hold (RFC 5464 §4.3; default 1000); a
         * SETMETADATA that would add more is refused with {@code NO [METADATA TOOMANY]}.
         *
         * @param entries the limit, at least 0
         * @return this builder
         * @throws IllegalArgumentException when {@code entries} is negative
         */
        public Builder maxMetadataEntries(int entries) {
            metadataLimits = new MetadataLimits(metadataLimits.maxValueSize(), entries, metadataLimits.privateEntries());
            return this;
        }

        /**
         * Whether SETMETADATA may set {@code /private} entries (default true); when not, it is
         * refused with {@code NO [METADATA NOPRIVATE]} (RFC 5464 §4.3), as by a server that keeps
         * shared annotations only.
         *
         * @param allowed false to refuse private entries
         * @return this builder
         */
        public Builder privateMetadata(boolean allowed) {
            metadataLimits = new MetadataLimits(metadataLimits.maxValueSize(), metadataLimits.maxEntries(), allowed);
            return this;
        }

        /**
         * How long a silent connection lives before {@code * BYE Autologout} (default 30 minutes,
         * the least RFC 3501 section 5.4 allows); a client in IDLE that sends
         * nothing is silent too.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is zero or negative
         */
        public Builder idleTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("Idle timeout must be positive: " + timeout);
            }
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * Connections served at once; more are greeted with {@code * BYE} and closed. 0 (the
         * default): no limit.
         *
         * @param max the limit, 0 for none
         * @return this builder
         * @throws IllegalArgumentException when {@code max} is negative
         */
        public Builder maxConnections(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxConnections must not be negative: " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * How many commands the journal keeps; past it the oldest are dropped (default 100,000,
         * enough for any test, bounded for a standalone server that runs for days).
         *
         * @param commands the capacity, at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code commands} is below 1
         */
        public Builder journalCapacity(int commands) {
            if (commands < 1) {
                throw new IllegalArgumentException("journalCapacity must be at least 1: " + commands);
            }
            this.journalCapacity = commands;
            return this;
        }

        /**
         * The thresholds of the client checks ({@link ImapMockServer#clientReport()}, docs/client-checks.md):
         * how often polling is too often, how many single-message FETCHes make a run, how long an
         * IDLE may last, and the others of {@link CheckLimits}. By default
         * {@link CheckLimits#DEFAULTS}; for one threshold, change it there:
         * {@code clientChecks(CheckLimits.DEFAULTS.withPollingInterval(Duration.ofMinutes(5)))}.
         *
         * @param limits the thresholds
         * @return this builder
         * @throws NullPointerException when {@code limits} is null
         */
        public Builder clientChecks(CheckLimits limits) {
            this.checkLimits = java.util.Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Leaves extensions out, so the server behaves as one that never had them: gone from
         * CAPABILITY, their commands and syntax answered {@code BAD}, their response codes not sent.
         * What needs a left-out extension goes too (CONDSTORE off turns QRESYNC off). Every
         * extension is on by default (STARTTLS with {@link #tls()}). Calls add up.
         *
         * @param extensions the extensions to leave out
         * @return this builder; {@link #build()} throws {@link IllegalArgumentException} when an
         *         extension given to {@link #extensions} needs one left out here
         */
        public Builder without(Extension... extensions) {
            for (Extension e : extensions) {
                without.add(Objects.requireNonNull(e, "extension"));
            }
            return this;
        }

        /**
         * Adds extensions that are off by default (see {@link Extension#onByDefault()}), such as
         * {@code with(Extension.OBJECTID)}; one that {@link Extension#excludes() excludes} another
         * replaces it, so {@code with(Extension.LITERAL_MINUS)} turns LITERAL+ off. Calls add up;
         * {@link #without} wins over it.
         *
         * @param extensions the extensions to add
         * @return this builder; {@link #build()} throws {@link IllegalArgumentException} when one
         *         needs an extension that is left out, or two exclude each other
         */
        public Builder with(Extension... extensions) {
            for (Extension e : extensions) {
                with.add(Objects.requireNonNull(e, "extension"));
            }
            return this;
        }

        private Set<Extension> extensionsAsked() {
            if (extensions == null && with.isEmpty() && profile.extensions() == null) {
                return null;
            }
            Set<Extension> asked = EnumSet.noneOf(Extension.class);
            asked.addAll(extensions != null ? extensions : profile.extensions() != null ? profile.extensions()
                    : Extension.defaults());
            for (Extension e : with) {
                asked.removeAll(e.excludes());
            }
            asked.addAll(with);
            return asked;
        }

        /**
         * Offers exactly these extensions (before {@link #with} and {@link #without}); by default
         * those {@link Extension#onByDefault() on by default}.
         * {@link #build()} refuses a set in which an extension lacks one it needs, and one that
         * {@code without} would break through a dependency. A later call replaces an earlier one.
         *
         * @param extensions the extensions to offer; STARTTLS among them needs {@link #tls()}
         * @return this builder
         */
        public Builder extensions(Collection<Extension> extensions) {
            Set<Extension> set = EnumSet.noneOf(Extension.class);
            for (Extension e : extensions) {
                set.add(Objects.requireNonNull(e, "extension"));
            }
            this.extensions = set;
            return this;
        }

        /**
         * Answers like a provider (see {@link Profile} and docs/profiles.md): its greeting,
         * capabilities, SASL mechanisms, hierarchy delimiter, folders and quirks. Every other
         * builder call overrides what the profile sets, before or after this one: {@code extensions},
         * {@code with}, {@code without}, {@code saslMechanisms}, {@code specialUse} (which replaces
         * the profile's folders), {@code maxLiteralSize} (the profile's APPENDLIMIT),
         * {@link #hierarchyDelimiter}, {@link #greeting}, {@link #recent} and
         * {@link #refusePasswordLogins}. A later call replaces an earlier profile.
         *
         * @param profile the provider to imitate, such as {@link Profile#GMAIL}; {@link Profile#DOVECOT}
         *                by default
         * @return this builder
         */
        public Builder profile(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * The greeting's text after {@code * OK }, instead of ImapMock's
         * {@code [CAPABILITY ...] ImapMock ready.} or the profile's; {@code {client}} stands for the
         * client's address, {@code {capability}} for {@code [CAPABILITY ...]}. ASCII only.
         *
         * @param text the greeting's text, printable ASCII
         * @return this builder
         * @throws IllegalArgumentException when {@code text} is empty or not printable ASCII
         */
        public Builder greeting(String text) {
            Objects.requireNonNull(text, "text");
            if (text.isEmpty() || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("A greeting is printable ASCII and not empty: " + text);
            }
            this.greeting = text;
            return this;
        }

        /**
         * Whether messages are ever {@code \Recent} (RFC 3501 §2.3.2); true unless the profile says
         * otherwise (Gmail's does not keep it: SELECT says {@code * 0 RECENT}).
         *
         * @param recent false for a server on which no message is ever {@code \Recent}
         * @return this builder
         */
        public Builder recent(boolean recent) {
            this.recent = recent;
            return this;
        }

        /**
         * Refuses LOGIN and AUTHENTICATE with a password mechanism, right password or wrong, with
         * {@code NO} and this text ({@code {command}} stands for the command's name), as a provider
         * that takes OAuth2 only does; null accepts passwords again, overriding a profile that refuses them.
         *
         * @param text the refusal's text, printable ASCII; or null
         * @return this builder
         * @throws IllegalArgumentException when {@code text} is empty or not printable ASCII
         */
        public Builder refusePasswordLogins(String text) {
            if (text != null && (text.isEmpty() || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
                throw new IllegalArgumentException("A refusal is printable ASCII and not empty: " + text);
            }
            this.loginRefusal = text;
            this.loginRefusalGiven = true;
            return this;
        }

        /**
         * Names every account's quota root (RFC 9208 §3.2), overriding the profile's: {@code "User
         * quota"} by default, as Dovecot's; the gmail profile's is {@code ""}. GETQUOTA and SETQUOTA
         * know this name only; GETQUOTAROOT and QUOTA responses show it.
         *
         * @param root the root's name: printable ASCII, maybe empty
         * @return this builder
         * @throws IllegalArgumentException when {@code root} is not printable ASCII
         */
        public Builder quotaRoot(String root) {
            Objects.requireNonNull(root, "root");
            for (int i = 0; i < root.length(); i++) {
                if (root.charAt(i) < 0x20 || root.charAt(i) >= 0x7f) {
                    throw new IllegalArgumentException("A quota root's name is printable ASCII: " + root);
                }
            }
            this.quotaRoot = root;
            return this;
        }

        private Quirks quirks() {
            return new Quirks(greeting != null ? greeting : profile.greeting(), profile.capabilitiesBeforeLogin(),
                    profile.capabilitiesAfterLogin(), recent != null ? recent
                    : profile.recent() == null || profile.recent(),
                    loginRefusalGiven ? loginRefusal : profile.loginRefusal(),
                    quotaRoot != null ? quotaRoot : profile.quotaRoot());
        }

        private ReaderLimits limits() {
            if (!maxLiteralSizeGiven && profile.appendLimit() != null) {
                return new ReaderLimits(limits.maxLineLength(), profile.appendLimit(), limits.maxNesting());
            }
            return limits;
        }

        /**
         * The clock behind internal dates, UIDVALIDITY seeds, journal times and URLAUTH expiry; the
         * system clock by default. A fixed clock makes those repeatable.
         *
         * @param clock the clock to read
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Seeds the random choices of fault rules (probabilities, random delays); 0 by default. The
         * same seed and the same commands give the same faults.
         *
         * @param seed the generator's seed
         * @return this builder
         */
        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        /**
         * Builds the server and seeds its fixtures, reading key stores and fixture files now. The
         * server is not yet listening: call {@link ImapMockServer#start()}.
         *
         * @return a new, unstarted server
         * @throws dev.imapmock.fixtures.FixtureException when a fixture cannot be found or read
         * @throws IllegalArgumentException when the extensions asked for contradict each other, a
         *                                  TLS setting is given to a server that does not speak TLS,
         *                                  the keystore cannot be read, {@code specialUse}, {@code quota},
         *                                  {@code token}, {@code acl} or {@code preauthenticate} names a
         *                                  user that is not configured, a token is empty or given twice,
         *                                  or fixtures exceed a limit
         */
        public ImapMockServer build() {
            return new ImapMockServer(this);
        }
    }
}
