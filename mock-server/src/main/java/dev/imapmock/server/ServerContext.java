package dev.imapmock.server;

import dev.imapmock.journal.Journal;
import dev.imapmock.store.MailStore;

/** What every connection of one server shares. */
public record ServerContext(ServerConfig config, MailStore store, Journal journal) {

    /** The CAPABILITY list for a session in {@code state} (RFC 3501 §7.2.1). */
    public String capabilities(SessionState state) {
        String common = "IMAP4rev1 LITERAL+ SASL-IR CHILDREN ID IDLE NAMESPACE UNSELECT UIDPLUS MOVE";
        return state == SessionState.NOT_AUTHENTICATED ? common + " AUTH=PLAIN" : common;
    }
}
