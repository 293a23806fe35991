package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A STATUS data item (RFC 3501 §6.3.10), with those of CONDSTORE (RFC 7162 §3.1.7),
 * STATUS=SIZE (RFC 8438 §2), OBJECTID (RFC 8474 §4.2) QUOTA (RFC 9208 §4.2) and APPENDLIMIT (RFC 7889 §3); the same items go into LIST-STATUS's return option (RFC 5819 §2).
 */
public enum StatusItem {
    /** {@code MESSAGES}: the number of messages. */
    MESSAGES(null),
    /** {@code RECENT}: the number of messages with {@code \Recent}. */
    RECENT(null),
    /** {@code UIDNEXT}: the UID the next message will get. */
    UIDNEXT(null),
    /** {@code UIDVALIDITY}: the mailbox's UID validity. */
    UIDVALIDITY(null),
    /** {@code UNSEEN}: the number of messages without {@code \Seen}. */
    UNSEEN(null),
    /** {@code HIGHESTMODSEQ}: the highest mod-sequence in the mailbox; only with CONDSTORE. */
    HIGHESTMODSEQ(Extension.CONDSTORE),
    /** {@code SIZE}: the total size of the messages in octets (RFC 8438); only with STATUS=SIZE. */
    SIZE(Extension.STATUS_SIZE),
    /** The mailbox's object identifier (RFC 8474 §4.2), written {@code MAILBOXID (id)}. */
    MAILBOXID(Extension.OBJECTID),
    /** Messages flagged \Deleted (RFC 9051 §6.3.11, RFC 9208 §4.2): what EXPUNGE would free. */
    DELETED(Extension.QUOTA_RES_MESSAGE),
    /** KiB of the messages flagged \Deleted (RFC 9208 §4.2), in STORAGE's unit. */
    DELETED_STORAGE("DELETED-STORAGE", Extension.QUOTA_RES_STORAGE),
    /** The largest message APPEND takes into the mailbox (RFC 7889 §3). */
    APPENDLIMIT(Extension.APPENDLIMIT);

    private final String wire;
    private final Extension extension;

    StatusItem(Extension extension) {
        this.wire = name();
        this.extension = extension;
    }

    StatusItem(String wire, Extension extension) {
        this.wire = wire;
        this.extension = extension;
    }

    /**
     * The item's name on the wire, such as {@code DELETED-STORAGE}.
     *
     * @return the name as asked for and answered
     */
    public String wire() {
        return wire;
    }

    /**
     * Parses a parenthesized list of status items for a server that offers {@code extensions}:
     * each item once, in the order first asked, as Dovecot answers {@code (SIZE SIZE)} with one.
     *
     * @throws ProtocolException for an empty list, an item that is not an atom, or an item the
     *                           server does not know
     * @param list the parenthesized list as decoded
     * @param extensions the server's extensions; an item of an extension not among them is unknown
     * @return the items, unmodifiable, without repeats
     */
    public static List<StatusItem> parse(Arg.ListArg list, Set<Extension> extensions) {
        if (list.items().isEmpty()) {
            throw new ProtocolException("STATUS needs at least one status item");
        }
        List<StatusItem> items = new ArrayList<>();
        for (Arg arg : list.items()) {
            if (!(arg instanceof Arg.Atom atom)) {
                throw new ProtocolException("Invalid status item");
            }
            StatusItem item = named(ArgParsing.upper(atom.text()));
            if (item == null || (item.extension != null && !extensions.contains(item.extension))) {
                throw new ProtocolException("Unknown status item: " + ArgParsing.shorten(atom.text()));
            }
            if (!items.contains(item)) {
                items.add(item);
            }
        }
        return List.copyOf(items);
    }

    private static StatusItem named(String upper) {
        for (StatusItem item : values()) {
            if (item.wire.equals(upper)) {
                return item;
            }
        }
        return null;
    }
}
