package dev.imapmock.server;

import dev.imapmock.Extension;
import dev.imapmock.fault.Faults;
import dev.imapmock.journal.Journal;
import dev.imapmock.store.MailStore;

/** What every connection of one server shares. */
public record ServerContext(ServerConfig config, MailStore store, Journal journal, Faults faults) {

    /** A context without fault rules. */
    public ServerContext(ServerConfig config, MailStore store, Journal journal) {
        this(config, store, journal, new Faults(0));
    }

    /**
     * The CAPABILITY list for a session in {@code state} (RFC 3501 §7.2.1): IMAP4rev1, the
     * extensions offered, and before login the SASL mechanisms. {@code secure} is true once the
     * connection speaks TLS: STARTTLS is offered only before login on a clear connection (RFC 3501
     * §6.2.1), and when the server requires TLS a clear connection shows {@code LOGINDISABLED}
     * instead of mechanisms that send the password in clear (RFC 3501 §6.2.3), as Dovecot does.
     */
    public String capabilities(SessionState state, boolean secure) {
        StringBuilder sb = new StringBuilder("IMAP4rev1");
        for (Extension e : config.extensions()) {
            if (e != Extension.STARTTLS || (state == SessionState.NOT_AUTHENTICATED && !secure)) {
                sb.append(' ').append(e.capability());
            }
        }
        if (state == SessionState.NOT_AUTHENTICATED) {
            sb.append(loginDisabled(secure) ? " LOGINDISABLED" : " AUTH=PLAIN");
        }
        return sb.toString();
    }

    /** True when a password may not be sent on this connection: TLS is required and not spoken yet. */
    public boolean loginDisabled(boolean secure) {
        return config.requireTls() && !secure;
    }
}
