package dev.imapmock.command;

import dev.imapmock.protocol.FetchItem;
import dev.imapmock.protocol.FlagNames;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.protocol.SearchKey;
import dev.imapmock.protocol.SearchProgram;
import dev.imapmock.protocol.SearchReturn;
import dev.imapmock.protocol.StatusItem;
import dev.imapmock.server.Session;

import java.util.List;
import java.util.Set;

/**
 * What IMAP4rev1 syntax an IMAP4rev2 session may no longer use (RFC 9051 Appendix E and §9's
 * grammar), checked after parsing so that the parsers stay shared: the search keys NEW, OLD and
 * RECENT, the STATUS item RECENT and the FETCH items RFC822, RFC822.HEADER and RFC822.TEXT. Each is
 * answered BAD, as any syntax the grammar does not have.
 */
final class Rev2Rules {
    private Rev2Rules() {
    }

    /** Refuses, in a rev2 session, a search program that names {@code \Recent} (NEW, OLD, RECENT). */
    static void checkSearch(Session session, SearchKey key) {
        if (session.rev2() && namesRecent(key)) {
            throw new ProtocolException("IMAP4rev2 has no \\Recent flag: the search keys NEW, OLD and RECENT are gone");
        }
    }

    /** In a rev2 session, a SEARCH without RETURN is one with {@code RETURN (ALL)} (RFC 9051 §6.4.4). */
    static SearchProgram searchReturns(Session session, SearchProgram program) {
        if (!session.rev2() || !program.returns().isEmpty()) {
            return program;
        }
        return new SearchProgram(program.charset(), program.key(), Set.of(SearchReturn.ALL), program.partial(),
                program.usesModSeq());
    }

    /** Refuses, in a rev2 session, the FETCH items of RFC 822's names. */
    static void checkFetch(Session session, List<FetchItem> items) {
        if (!session.rev2()) {
            return;
        }
        for (FetchItem item : items) {
            if (item instanceof FetchItem.Simple simple && switch (simple.attribute()) {
                case RFC822, RFC822_HEADER, RFC822_TEXT -> true;
                default -> false;
            }) {
                throw new ProtocolException("IMAP4rev2 has no " + simple.attribute().wire()
                        + " fetch item: use BODY[], BODY.PEEK[HEADER] or BODY[TEXT]");
            }
        }
    }

    /** Refuses, in a rev2 session, the RECENT status item. */
    static void checkStatus(Session session, List<StatusItem> items) {
        if (session.rev2() && items.contains(StatusItem.RECENT)) {
            throw new ProtocolException("IMAP4rev2 has no RECENT status item");
        }
    }

    private static boolean namesRecent(SearchKey key) {
        if (key instanceof SearchKey.Flag flag) {
            return flag.flag().equalsIgnoreCase(FlagNames.RECENT);
        }
        if (key instanceof SearchKey.Not not) {
            return namesRecent(not.key());
        }
        if (key instanceof SearchKey.Or or) {
            return namesRecent(or.left()) || namesRecent(or.right());
        }
        return key instanceof SearchKey.And and && and.keys().stream().anyMatch(Rev2Rules::namesRecent);
    }
}
