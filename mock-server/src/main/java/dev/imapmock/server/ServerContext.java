package dev.imapmock.server;

import dev.imapmock.Extension;
import dev.imapmock.check.ClientChecks;
import dev.imapmock.command.Commands;
import dev.imapmock.command.CustomCommandHandler;
import dev.imapmock.custom.CustomCommands;
import dev.imapmock.fault.Faults;
import dev.imapmock.journal.Journal;
import dev.imapmock.sasl.Credentials;
import dev.imapmock.sasl.Credentials.TokenCheck;
import dev.imapmock.sasl.Credentials.Verdict;
import dev.imapmock.sasl.Mechanism;
import dev.imapmock.store.Account;
import dev.imapmock.store.MailStore;
import dev.imapmock.store.OAuthTokens;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every connection of one server shares.
 *
 * @param config   the configuration
 * @param store    the mail
 * @param journal  where commands are recorded
 * @param faults   the fault rules
 * @param checks   the client checks
 * @param commands the custom commands, dispatched before the server's own
 */
public record ServerContext(ServerConfig config, MailStore store, Journal journal, Faults faults,
                            ClientChecks checks, CustomCommands commands) {

    /**
     * A context without fault rules.
     *
     * @param config the configuration
     * @param store the mail
     * @param journal where commands are recorded, and what the client checks report to
     */
    public ServerContext(ServerConfig config, MailStore store, Journal journal) {
        this(config, store, journal, new Faults(0));
    }

    /**
     * A context whose client checks report to {@code journal}, without custom commands.
     *
     * @param config the configuration
     * @param store the mail
     * @param journal where commands are recorded, and what the client checks report to
     * @param faults the fault rules
     */
    public ServerContext(ServerConfig config, MailStore store, Journal journal, Faults faults) {
        this(config, store, journal, faults, new CustomCommands());
    }

    /**
     * A context whose client checks report to {@code journal}.
     *
     * @param config the configuration
     * @param store the mail
     * @param journal where commands are recorded, and what the client checks report to
     * @param faults the fault rules
     * @param commands the custom commands, dispatched before the server's own
     */
    public ServerContext(ServerConfig config, MailStore store, Journal journal, Faults faults,
                         CustomCommands commands) {
        this(config, store, journal, faults, new ClientChecks(journal, config.extensions()), commands);
    }

    /**
     * The dispatch entry of a command name (upper case) for a session: a custom command of that
     * name first, then the server's own as {@link Commands#lookup(String, Set, boolean)} finds it.
     *
     * @param name the command name, upper case
     * @param rev2 whether the session follows IMAP4rev2's rules
     * @return the entry, or null for a command this server does not know
     */
    public Commands.Entry command(String name, boolean rev2) {
        Optional<CustomCommands.Registration> custom = commands.registration(name);
        return custom.isPresent() ? CustomCommandHandler.entry(custom.get())
                : Commands.lookup(name, config.extensions(), rev2);
    }

    /**
     * The CAPABILITY list for a session in {@code state} (RFC 3501 §7.2.1): IMAP4rev1, the
     * extensions offered in the order of {@link Extension}, STARTTLS after them all, and before
     * login the SASL mechanisms. {@code secure} is true once the
     * connection speaks TLS: STARTTLS is offered only before login on a clear connection (RFC 3501
     * §6.2.1), and when the server requires TLS a clear connection shows {@code LOGINDISABLED}
     * instead of mechanisms that send the password in clear (RFC 3501 §6.2.3), as Dovecot does.
     * {@code channelBound} is true when the connection has TLS channel-binding data, which the
     * {@code -PLUS} mechanisms need. A rev2-only server leaves IMAP4rev1 out and starts with
     * IMAP4rev2 (RFC 9051 §7.2.2).
     *
     * @param state the session's state
     * @param secure true once the connection speaks TLS
     * @param channelBound true when the connection has TLS channel-binding data
     * @return the capability names, space-separated, without the leading {@code CAPABILITY}
     */
    public String capabilities(SessionState state, boolean secure, boolean channelBound) {
        StringBuilder sb = new StringBuilder(config.rev2Only() ? "IMAP4rev2" : "IMAP4rev1");
        for (Extension e : advertised(state)) {
            if (e == Extension.IMAP4REV2 && config.rev2Only()) {
                continue;
            }
            if (e == Extension.APPENDLIMIT) {
                // RFC 7889 §2: one limit for every mailbox, so it goes with the name.
                sb.append(' ').append(e.capability()).append('=').append(config.appendLimit());
            } else if (e != Extension.STARTTLS) {
                sb.append(' ').append(e.capability());
            }
        }
        for (String custom : commands.capabilities()) {
            sb.append(' ').append(custom);
        }
        if (config.extensions().contains(Extension.STARTTLS) && state == SessionState.NOT_AUTHENTICATED && !secure) {
            sb.append(' ').append(Extension.STARTTLS.capability());
        }
        if (state == SessionState.NOT_AUTHENTICATED) {
            if (loginDisabled(secure)) {
                sb.append(" LOGINDISABLED");
            }
            for (Mechanism m : config.mechanisms()) {
                if (offers(m, secure, channelBound)) {
                    sb.append(" AUTH=").append(m.name());
                }
            }
        }
        return sb.toString();
    }

    /**
     * The offered extensions in CAPABILITY order: the order of {@link Extension}, or a profile's
     * list for {@code state} ({@link Quirks#beforeLogin()}, {@link Quirks#afterLogin()}) with
     * what it leaves out and what the server was not built with dropped; an offered extension
     * that neither of the profile's lists names (one added with {@code with(...)}) follows in
     * the order of {@link Extension}.
     */
    private Iterable<Extension> advertised(SessionState state) {
        List<Extension> order = state == SessionState.NOT_AUTHENTICATED
                ? config.quirks().beforeLogin() : config.quirks().afterLogin();
        if (order == null) {
            return config.extensions();
        }
        Set<Extension> named = EnumSet.noneOf(Extension.class);
        named.addAll(config.quirks().beforeLogin() == null ? List.of() : config.quirks().beforeLogin());
        named.addAll(config.quirks().afterLogin() == null ? List.of() : config.quirks().afterLogin());
        List<Extension> result = new ArrayList<>();
        for (Extension e : order) {
            if (config.extensions().contains(e)) {
                result.add(e);
            }
        }
        for (Extension e : config.extensions()) {
            if (!named.contains(e)) {
                result.add(e);
            }
        }
        return result;
    }

    /**
     * True when {@code mechanism} is offered on this connection: configured, and not one that
     * sends a secret in clear on a clear connection of a server that requires TLS, nor one that
     * binds the channel where there is none to bind.
     *
     * @param mechanism a SASL mechanism
     * @param secure true once the connection speaks TLS
     * @param channelBound true when the connection has TLS channel-binding data
     * @return true when AUTHENTICATE may use it and CAPABILITY lists it
     */
    public boolean offers(Mechanism mechanism, boolean secure, boolean channelBound) {
        return config.mechanisms().contains(mechanism) && !(mechanism.sendsSecretInClear() && loginDisabled(secure))
                && (channelBound || !mechanism.bindsChannel());
    }

    /**
     * The accounts' passwords and tokens, as the SASL mechanisms check them.
     *
     * @return a view over the store's accounts and OAuth tokens, read at each call
     */
    public Credentials credentials() {
        return new Credentials() {
            @Override
            public boolean passwordMatches(String user, String password) {
                return store.authenticate(user, password).isPresent();
            }

            @Override
            public Optional<String> password(String user) {
                return store.account(user).map(Account::password);
            }

            @Override
            public TokenCheck token(String user, String token) {
                Optional<OAuthTokens.Token> known = store.tokens().present(user, token);
                if (known.isEmpty() || store.account(known.get().user()).isEmpty()) {
                    return new TokenCheck(Verdict.UNKNOWN, user, null);
                }
                OAuthTokens.Token t = known.get();
                Verdict verdict = switch (t.state()) {
                    case VALID -> Verdict.VALID;
                    case EXPIRED -> Verdict.EXPIRED;
                    case REVOKED -> Verdict.REVOKED;
                };
                return new TokenCheck(verdict, t.user(), t.label());
            }
        };
    }

    /**
     * True when a password may not be sent on this connection: TLS is required and not spoken yet.
     *
     * @param secure true once the connection speaks TLS
     * @return true when LOGIN and clear-text mechanisms are refused
     */
    public boolean loginDisabled(boolean secure) {
        return config.requireTls() && !secure;
    }
}
