package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.SearchKey;
import dev.imapmock.server.Session;

import java.util.Set;

/**
 * The refusals of UIDONLY (RFC 9586 §3): once a session has enabled it, a message sequence number
 * in any argument is answered with a tagged {@code BAD [UIDREQUIRED]}. That covers the commands
 * whose message set or result is made of sequence numbers (§3.2: FETCH, STORE, SEARCH, COPY, MOVE,
 * and SORT and THREAD, which search), the sequence-set search key inside UID SEARCH, UID SORT and
 * UID THREAD (§3.5), and QRESYNC's sequence match data (§3.7). The responses change elsewhere:
 * UIDFETCH in {@code FetchWriter} and {@code SelectedMailbox}, VANISHED for every expunge.
 */
public final class UidOnly {
    /** The response code RFC 9586 §3 gives these refusals. */
    static final String CODE = "UIDREQUIRED";

    private static final Set<String> BY_SEQUENCE = Set.of("FETCH", "STORE", "SEARCH", "COPY", "MOVE", "SORT",
            "THREAD");

    private UidOnly() {
    }

    /**
     * Refuses a command that names messages by sequence number once the session has UIDONLY on.
     *
     * @param name the command's name, upper case, {@code UID FETCH} for the UID forms
     * @throws CommandException BAD [UIDREQUIRED] for such a command
     * @param session the session, whose ENABLEd extensions decide
     */
    public static void refuseSequenceCommand(String name, Session session) {
        if (session.enabled(Extension.UIDONLY) && BY_SEQUENCE.contains(name)) {
            throw CommandException.bad(CODE, name + " takes message sequence numbers, which UIDONLY forbids; use UID "
                    + name);
        }
    }

    /**
     * Refuses the search key that is a sequence set, anywhere in {@code key}, once the session has
     * UIDONLY on (RFC 9586 §3.5); {@code UID set} and {@code $} name UIDs and stay allowed.
     */
    static void refuseSequenceKeys(SearchKey key, Session session) {
        if (session.enabled(Extension.UIDONLY) && usesSequenceNumbers(key)) {
            throw CommandException.bad(CODE, "Message sequence numbers as a search key are forbidden by UIDONLY; "
                    + "use UID followed by the set");
        }
    }

    /** Refuses QRESYNC's sequence match data once the session has UIDONLY on (RFC 9586 §3.7). */
    static void refuseSequenceMatchData(boolean present, Session session) {
        if (present && session.enabled(Extension.UIDONLY)) {
            throw CommandException.bad(CODE, "QRESYNC's message sequence match data is forbidden by UIDONLY");
        }
    }

    private static boolean usesSequenceNumbers(SearchKey key) {
        if (key instanceof SearchKey.Not not) {
            return usesSequenceNumbers(not.key());
        }
        if (key instanceof SearchKey.Or or) {
            return usesSequenceNumbers(or.left()) || usesSequenceNumbers(or.right());
        }
        if (key instanceof SearchKey.And and) {
            return and.keys().stream().anyMatch(UidOnly::usesSequenceNumbers);
        }
        return key instanceof SearchKey.Sequence;
    }
}
