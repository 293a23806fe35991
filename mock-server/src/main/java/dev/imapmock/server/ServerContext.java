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
     * extensions offered, and the SASL mechanisms before login.
     */
    public String capabilities(SessionState state) {
        StringBuilder sb = new StringBuilder("IMAP4rev1");
        for (Extension e : config.extensions()) {
            sb.append(' ').append(e.capability());
        }
        if (state == SessionState.NOT_AUTHENTICATED) {
            sb.append(" AUTH=PLAIN");
        }
        return sb.toString();
    }
}
