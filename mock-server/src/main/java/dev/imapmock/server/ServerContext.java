package dev.imapmock.server;

import dev.imapmock.fault.Faults;
import dev.imapmock.journal.Journal;
import dev.imapmock.store.MailStore;

/** What every connection of one server shares. */
public record ServerContext(ServerConfig config, MailStore store, Journal journal, Faults faults) {

    /** A context without fault rules. */
    public ServerContext(ServerConfig config, MailStore store, Journal journal) {
        this(config, store, journal, new Faults(0));
    }

    /** The CAPABILITY list for a session in {@code state} (RFC 3501 §7.2.1). */
    public String capabilities(SessionState state) {
        String common = "IMAP4rev1 LITERAL+ SASL-IR CHILDREN ID IDLE NAMESPACE UNSELECT UIDPLUS MOVE";
        return state == SessionState.NOT_AUTHENTICATED ? common + " AUTH=PLAIN" : common;
    }
}
