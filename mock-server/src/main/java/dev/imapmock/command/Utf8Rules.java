package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.protocol.SearchProgram;
import dev.imapmock.server.Session;

import java.util.Locale;

/**
 * What {@code ENABLE UTF8=ACCEPT} forbids in the commands that name a charset (RFC 6855 §3 with
 * its erratum 4029): once enabled, strings are UTF-8, so another charset label contradicts them.
 * IMAP4rev2 alone keeps SEARCH's CHARSET (RFC 9051 §6.4.4), so these rules follow the ENABLE only.
 */
final class Utf8Rules {
    private Utf8Rules() {
    }

    /**
     * A charset the server lacks, which is otherwise {@code NO [BADCHARSET]}: after
     * {@code ENABLE UTF8=ACCEPT} the label itself is the error, so it is BAD like the others.
     */
    static void checkUnknownCharset(Session session, String command) {
        if (session.enabled(Extension.UTF8_ACCEPT)) {
            throw new ProtocolException(command.equals("SEARCH")
                    ? "SEARCH takes no CHARSET after ENABLE UTF8=ACCEPT: its strings are UTF-8"
                    : command + " takes only the charset UTF-8 after ENABLE UTF8=ACCEPT");
        }
    }

    /** SEARCH: any CHARSET after {@code ENABLE UTF8=ACCEPT} is BAD (RFC 6855 §3, "SHOULD reject ... with BAD"). */
    static void checkSearch(Session session, SearchProgram program) {
        if (program.charset() != null && session.enabled(Extension.UTF8_ACCEPT)) {
            throw new ProtocolException("SEARCH takes no CHARSET after ENABLE UTF8=ACCEPT: its strings are UTF-8");
        }
    }

    /**
     * SORT and THREAD, whose charset is mandatory: after {@code ENABLE UTF8=ACCEPT} only UTF-8
     * (RFC 6855 erratum 4029, "SHOULD reject charset values other than UTF-8 with a BAD").
     */
    static void checkMandatoryCharset(Session session, SearchProgram program, String command) {
        if (program.charset() != null && session.enabled(Extension.UTF8_ACCEPT)
                && !program.charset().toUpperCase(Locale.ROOT).equals("UTF-8")) {
            throw new ProtocolException(command + " takes only the charset UTF-8 after ENABLE UTF8=ACCEPT");
        }
    }
}
