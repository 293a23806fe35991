package dev.imapmock.server;

import dev.imapmock.Extension;
import dev.imapmock.check.ConnectionChecks;
import dev.imapmock.fault.CommandFaults;
import dev.imapmock.journal.Journal;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.sasl.Credentials;
import dev.imapmock.sasl.Mechanism;
import dev.imapmock.sasl.Mechanisms;
import dev.imapmock.protocol.CommandReader;
import dev.imapmock.protocol.NameEncoding;
import dev.imapmock.protocol.ResponseWriter;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.store.Account;
import dev.imapmock.store.MailStore;

import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/**
 * The IMAP state of one connection: who is logged in and which mailbox is selected, with the
 * reader and writer command handlers talk through. Used by the connection's own thread only.
 */
public final class Session {
    private final int connection;
    private final ServerContext server;
    private final CommandReader in;
    private final ResponseWriter out;
    private SessionState state = SessionState.NOT_AUTHENTICATED;
    private Account account;
    private SelectedMailbox selected;
    private CommandFaults faults = CommandFaults.none();
    private final Set<Extension> enabled = EnumSet.noneOf(Extension.class);
    private SequenceSet savedSearch = SequenceSet.of();
    private boolean secure;
    private boolean tlsRequested;
    private boolean compressionRequested;
    private boolean compressed;
    private final java.util.Random random;
    private ReceivedCommand.Authentication attempt;
    private int failedLogins;
    private java.util.Map<String, byte[]> channelBindings = java.util.Map.of();
    /** What NOTIFY asked for, or null: a session that never uses NOTIFY watches nothing. */
    private Notifications notifications;
    /** What NOTIFY's SELECTED group asked to hear of the selected mailbox, or null. */
    private SelectedNotify selectedNotify;
    private final ConnectionChecks checks;

    Session(int connection, ServerContext server, CommandReader in, ResponseWriter out, boolean secure,
            ConnectionChecks checks) {
        this.connection = connection;
        this.checks = checks;
        this.server = server;
        this.in = in;
        this.out = out;
        this.secure = secure;
        // Seeded by the connection's number: SASL nonces and salts repeat from run to run.
        this.random = new java.util.Random(connection);
        if (rev2()) {
            in.utf8();
        }
    }

    /**
     * The source of SASL nonces and salts for this connection.
     *
     * @return a generator seeded by the connection's number, so runs repeat; not thread-safe
     */
    public java.util.Random random() {
        return random;
    }

    /**
     * The accounts' passwords and tokens, as SASL mechanisms check them.
     *
     * @return the server's credentials
     */
    public Credentials credentials() {
        return server.credentials();
    }

    /**
     * The SASL mechanism of this name when the server is configured with it and this connection can run it.
     *
     * @param name the mechanism's name as the client sent it, any case
     * @return the mechanism, or empty when it is not configured, or binds a channel this connection lacks
     */
    public java.util.Optional<Mechanism> mechanism(String name) {
        // A -PLUS mechanism without a channel to bind is as unknown as one never configured.
        return Mechanisms.named(name).filter(m -> server.config().mechanisms().contains(m))
                .filter(m -> !m.bindsChannel() || !channelBindings.isEmpty());
    }

    /**
     * True when {@code mechanism} is offered on this connection: false for secrets in clear before
     * required TLS, and for the {@code -PLUS} mechanisms without TLS channel-binding data.
     *
     * @param mechanism a configured mechanism
     * @return true when AUTHENTICATE may use it now
     */
    public boolean offers(Mechanism mechanism) {
        return server.offers(mechanism, secure, !channelBindings.isEmpty());
    }

    /**
     * What a SASL mechanism may know of this connection: its channel bindings and the mechanisms offered.
     *
     * @return a view of this session, valid for the connection's life
     */
    public dev.imapmock.sasl.Link saslLink() {
        return new dev.imapmock.sasl.Link() {
            @Override
            public java.util.Map<String, byte[]> channelBindings() {
                return channelBindings;
            }

            @Override
            public boolean offers(String name) {
                return mechanism(name).filter(Session.this::offers).isPresent();
            }
        };
    }

    /**
     * Notes how the running LOGIN or AUTHENTICATE command tries to log in, for the journal.
     *
     * @param attempt the user and mechanism tried; replaces an earlier note of the same command
     */
    public void attempt(ReceivedCommand.Authentication attempt) {
        this.attempt = attempt;
    }

    /** The login attempt of the command just run, once; null when it made none. */
    ReceivedCommand.Authentication takeAttempt() {
        ReceivedCommand.Authentication taken = attempt;
        attempt = null;
        return taken;
    }

    /** Counts a failed login; true when the server's limit is now reached. */
    boolean loginFailed() {
        int limit = server.config().maxFailedLogins();
        return ++failedLogins >= limit && limit > 0;
    }

    /**
     * The connection's number, as the journal and the log name it.
     *
     * @return the number, counted from 1 by the server
     */
    public int connection() {
        return connection;
    }

    /**
     * The session's IMAP state (RFC 3501 section 3), which decides the commands allowed.
     *
     * @return the current state
     */
    public SessionState state() {
        return state;
    }

    /**
     * The server's mail store, shared by every connection.
     *
     * @return the store
     */
    public MailStore store() {
        return server.store();
    }

    /**
     * The server's clock, for internal dates, OLDER and YOUNGER, and token expiry.
     *
     * @return the configured clock
     */
    public Clock clock() {
        return server.config().clock();
    }

    /**
     * The server's journal, which records every command.
     *
     * @return the journal
     */
    public Journal journal() {
        return server.journal();
    }

    /**
     * The largest message APPEND takes (RFC 7889), for the APPENDLIMIT status item.
     *
     * @return the limit in octets
     */
    public long appendLimit() {
        return server.config().appendLimit();
    }

    /**
     * The extensions the server offers, for the parsers to know which syntax to take.
     *
     * @return the configured extensions, unmodifiable
     */
    public Set<Extension> extensions() {
        return server.config().extensions();
    }

    /**
     * True when the server offers {@code extension}: handlers ask before using its syntax or codes.
     *
     * @param extension the extension asked about
     * @return true when the server was built with it
     */
    public boolean offers(Extension extension) {
        return server.config().offers(extension);
    }

    /**
     * The extensions this session turned on (ENABLE, or CONDSTORE by its first use), as a copy.
     *
     * @return the enabled extensions; empty when none
     */
    public Set<Extension> enabledExtensions() {
        return enabled.isEmpty() ? Set.of() : EnumSet.copyOf(enabled);
    }

    /**
     * The client checks of this connection, which handlers feed what only they see (IDLE's end).
     *
     * @return the checks, fed from the connection's thread
     */
    public ConnectionChecks checks() {
        return checks;
    }

    /**
     * True when the client has turned {@code extension} on for this connection, by ENABLE or, for
     * CONDSTORE, by a CONDSTORE enabling command (RFC 7162 §3.1).
     *
     * @param extension the extension asked about
     * @return true when it is on for this session
     */
    public boolean enabled(Extension extension) {
        return enabled.contains(extension);
    }

    /**
     * True when this connection follows IMAP4rev2's rules (RFC 9051 Appendix E): on a rev2-only
     * server from the start, else once {@code ENABLE IMAP4rev2} succeeded.
     *
     * @return true for an IMAP4rev2 session
     */
    public boolean rev2() {
        return server.config().rev2Only() || enabled.contains(Extension.IMAP4REV2);
    }

    /**
     * True when this connection speaks UTF-8 (RFC 6855 §3 after {@code ENABLE UTF8=ACCEPT}, RFC 9051
     * §5.1 in IMAP4rev2): quoted strings may carry it and mailbox names are UTF-8 both ways.
     *
     * @return true when quoted strings and mailbox names are UTF-8 on this connection
     */
    public boolean utf8() {
        return rev2() || enabled.contains(Extension.UTF8_ACCEPT);
    }

    /**
     * How mailbox names are spelt on this connection's wire, now: UTF-8 once it speaks UTF-8, else modified UTF-7.
     *
     * @return the encoding of mailbox names for this connection now
     */
    public NameEncoding names() {
        return utf8() ? NameEncoding.UTF8 : NameEncoding.MODIFIED_UTF7;
    }

    /**
     * Turns {@code extension} on for the rest of the connection; true when it was not on yet. When
     * CONDSTORE comes on while a mailbox is selected, the client is told the mailbox's
     * HIGHESTMODSEQ at once, as Dovecot does, and later FETCH responses carry MODSEQ.
     *
     * @param extension the extension to turn on; whether the server offers it is the caller's check
     * @return true when it was off until now
     * @throws IOException when writing the HIGHESTMODSEQ response fails
     */
    public boolean enable(Extension extension) throws IOException {
        if (extension == Extension.QRESYNC) {
            // RFC 7162 §3.2.3: enabling QRESYNC enables CONDSTORE too.
            enable(Extension.CONDSTORE);
        }
        if (!enabled.add(extension)) {
            return false;
        }
        if (extension == Extension.QRESYNC && selected != null) {
            selected.reportVanished();
        }
        if (extension == Extension.UIDONLY && selected != null) {
            selected.reportUidsOnly();
        }
        if (extension == Extension.IMAP4REV2 && selected != null) {
            selected.dropRecent();
        }
        if (extension == Extension.IMAP4REV2 || extension == Extension.UTF8_ACCEPT) {
            in.utf8();
        }
        if (extension == Extension.CONDSTORE && selected != null) {
            selected.reportModSeqs();
            out.untagged("OK [HIGHESTMODSEQ " + selected.mailbox().highestModSeq() + "] Highest");
        }
        return true;
    }

    /**
     * How this server imitates a provider (see {@code dev.imapmock.Profile}).
     *
     * @return the provider quirks of the server's profile
     */
    public Quirks quirks() {
        return server.config().quirks();
    }

    /**
     * The capability list as CAPABILITY and the greeting send it now: it depends on the state, on TLS and
     * on channel-binding data.
     *
     * @return the capability names, space-separated, starting with {@code IMAP4rev1} or {@code IMAP4rev2}
     */
    public String capabilities() {
        return server.capabilities(state, secure, !channelBindings.isEmpty());
    }

    /**
     * True once the connection speaks TLS: from the start on an implicit-TLS port, or after STARTTLS.
     *
     * @return true when the transport is TLS
     */
    public boolean secure() {
        return secure;
    }

    /**
     * True when LOGIN and password mechanisms are refused here: the server requires TLS and this
     * connection does not speak it yet (RFC 3501 §6.2.3, {@code LOGINDISABLED}).
     *
     * @return true when LOGIN is refused with LOGINDISABLED
     */
    public boolean loginDisabled() {
        return server.loginDisabled(secure);
    }

    /**
     * Asks the connection to start TLS right after the tagged OK of the running command has left
     * (RFC 3501 §6.2.1). The handler never touches the transport itself.
     */
    public void requestTls() {
        tlsRequested = true;
    }

    /** True, once, when the command just run asked for TLS. */
    boolean takeTlsRequest() {
        boolean requested = tlsRequested;
        tlsRequested = false;
        return requested;
    }

    /**
     * Asks the connection to compress both directions right after the tagged OK of the running
     * command has left (RFC 4978 §3). The handler never touches the transport itself.
     */
    public void requestCompression() {
        compressionRequested = true;
    }

    /**
     * True once COMPRESS was answered OK: both directions are deflated (RFC 4978 §3).
     *
     * @return true once COMPRESS DEFLATE took effect
     */
    public boolean compressed() {
        return compressed;
    }

    /** True, once, when the command just run asked for compression. */
    boolean takeCompressionRequest() {
        boolean requested = compressionRequested;
        compressionRequested = false;
        return requested;
    }

    /** Both directions are deflated from now on. */
    void compressing() {
        compressed = true;
    }

    /** The connection speaks TLS from now on. */
    void secured(javax.net.ssl.SSLSession tls) {
        secure = true;
        channelBindings = dev.imapmock.tls.ChannelBindings.of(tls);
    }

    /**
     * The reader, for commands that read more from the client (AUTHENTICATE, IDLE).
     *
     * @return the connection's command reader
     */
    public CommandReader in() {
        return in;
    }

    /**
     * The writer for this connection's responses; handlers write untagged data through it, never a tagged line.
     *
     * @return the connection's response writer
     */
    public ResponseWriter out() {
        return out;
    }

    /**
     * The fault rules that fired on the command being handled (IDLE lets them act while idling).
     *
     * @return the faults of the current command; none when no rule fired
     */
    public CommandFaults faults() {
        return faults;
    }

    void faults(CommandFaults faults) {
        this.faults = faults;
    }

    /**
     * The logged-in account; only valid once authenticated.
     *
     * @return the account, or null before authentication
     */
    public Account account() {
        return account;
    }

    /**
     * The selected mailbox's view, or null.
     *
     * @return the view, or null when no mailbox is selected
     */
    public SelectedMailbox selected() {
        return selected;
    }

    /**
     * Logs {@code account} in: the session is authenticated from now on.
     *
     * @param account the account that authenticated
     */
    public void login(Account account) {
        this.account = account;
        this.state = SessionState.AUTHENTICATED;
    }

    /**
     * Selects a mailbox, leaving any previously selected one first.
     *
     * @param view the newly opened view, which now follows the session's enabled extensions and NOTIFY
     */
    public void select(SelectedMailbox view) {
        unselect();
        this.selected = view;
        this.state = SessionState.SELECTED;
        if (enabled(Extension.CONDSTORE)) {
            view.reportModSeqs();
        }
        if (enabled(Extension.QRESYNC)) {
            view.reportVanished();
        }
        if (enabled(Extension.UIDONLY)) {
            view.reportUidsOnly();
        }
        if (rev2()) {
            view.dropRecent();
        }
        view.notifyWith(selectedNotify);
    }

    /**
     * The UIDs the last {@code SEARCH RETURN (SAVE)} remembered, which {@code $} names (RFC 5182
     * §2.1). Empty until a SEARCH saves, and again once a mailbox is selected, examined or left.
     * Kept as UIDs, so {@code $} names the same messages in UID commands and in the others, and a
     * message expunged since is no longer among them.
     *
     * @return the saved UIDs; an empty set when none are saved
     */
    public SequenceSet savedSearch() {
        return savedSearch;
    }

    /**
     * Remembers {@code uids} as the saved search result; an empty set when the SEARCH failed with NO.
     *
     * @param uids the UIDs the SEARCH matched, not message numbers
     */
    public void saveSearch(SequenceSet uids) {
        this.savedSearch = uids;
    }

    /** Leaves the selected mailbox, if any; back to the authenticated state. Forgets the saved search. */
    public void unselect() {
        savedSearch = SequenceSet.of();
        if (selected != null) {
            selected.close();
            selected = null;
            state = SessionState.AUTHENTICATED;
        }
    }

    /**
     * Replaces what NOTIFY asked for with {@code watches} (RFC 5465 §3: each NOTIFY replaces the
     * previous one); with {@code status}, tells the STATUS of every watched mailbox at once.
     *
     * @param watches the mailboxes and events NOTIFY asked for
     * @param status true for {@code NOTIFY SET STATUS}
     * @throws IOException when writing the STATUS responses fails
     */
    public void notify(java.util.List<Notifications.Watch> watches, boolean status) throws IOException {
        notify(watches, status, null);
    }

    /**
     * As {@link #notify(java.util.List, boolean)}, with what the SELECTED group asked to hear of
     * the selected mailbox, now and in each mailbox selected later (null: IMAP's own rules).
     *
     * @param watches the mailboxes and events NOTIFY asked for
     * @param status true for {@code NOTIFY SET STATUS}
     * @param selectedNotify what the SELECTED group asked for, or null
     * @throws IOException when writing the STATUS responses fails
     */
    public void notify(java.util.List<Notifications.Watch> watches, boolean status, SelectedNotify selectedNotify)
            throws IOException {
        Notifications previous = notifications;
        stopNotifications();
        this.selectedNotify = selectedNotify;
        if (selected != null) {
            selected.notifyWith(selectedNotify);
        }
        notifications = new Notifications(account, watches, previous);
        account.watch(notifications);
        if (status) {
            notifications.tellStatusNow(out, names(), selected == null ? null : selected.mailbox());
        }
    }

    /** {@code NOTIFY NONE}: nothing more is told beyond the selected mailbox's news. */
    public void stopNotifications() {
        selectedNotify = null;
        if (selected != null) {
            selected.notifyWith(null);
        }
        if (notifications != null) {
            account.unwatch(notifications);
            notifications = null;
        }
    }

    /**
     * What NOTIFY asked for, or null.
     *
     * @return the notifications of the last NOTIFY SET, or null without one or after NOTIFY NONE
     */
    public Notifications notifications() {
        return notifications;
    }

    /**
     * Writes the NOTIFY news gathered since the last call; nothing without NOTIFY.
     *
     * @throws IOException when writing fails
     */
    public void tellNotifications() throws IOException {
        Notifications n = notifications;
        if (n != null && n.overflowed()) {
            // RFC 5465 §5.8: the server tells it could not keep up, and acts as after NOTIFY NONE.
            stopNotifications();
            out.untagged("OK [NOTIFICATIONOVERFLOW] Too many notifications; NOTIFY is off");
        } else if (n != null) {
            n.tell(out, names(), selected == null ? null : selected.mailbox());
        }
    }

    /** Ends the session for LOGOUT: stops NOTIFY, leaves the selected mailbox, enters the logout state. */
    public void logout() {
        stopNotifications();
        unselect();
        state = SessionState.LOGOUT;
    }
}
