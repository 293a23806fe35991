package dev.imapmock.server;

import dev.imapmock.protocol.ResponseWriter;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.MailboxEvent;
import dev.imapmock.store.MailboxListener;
import dev.imapmock.store.Message;
import dev.imapmock.store.Right;
import dev.imapmock.store.Rights;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A session's view of its selected mailbox: the messages in the order of the sequence numbers
 * this client was told, and the changes it has not been told yet (RFC 3501 §5.2, §7.4.1). The
 * view changes only when {@link #sync} reports changes, so sequence numbers stay what the client
 * believes between its commands.
 *
 * <p>Events arrive on any thread; everything else is called by the session's own thread.
 */
public final class SelectedMailbox implements MailboxListener {
    private static final String SYSTEM_FLAGS = "\\Answered \\Flagged \\Deleted \\Seen \\Draft";
    private final Mailbox mailbox;
    private final boolean readOnly;
    /** The user's rights on the mailbox (RFC 4314); every right in the user's own mailboxes. */
    private final Rights rights;
    /** The user looking, whose own \Seen shows where the mailbox keeps \Seen per user; or null. */
    private final String viewer;
    private final ArrayList<Message> view;
    private final ConcurrentLinkedQueue<MailboxEvent> pending = new ConcurrentLinkedQueue<>();
    private final long recentFrom;
    /** False when no message is ever \Recent here (a profile's quirk). */
    private final boolean recent;
    private final long recentTo;
    private final long uidNextAtOpen;
    private final Set<Long> recentLater = new HashSet<>();
    private volatile Runnable wakeUp = () -> { };
    /** What NOTIFY asked to hear of this mailbox, or null for IMAP's own rules. */
    private SelectedNotify notify;
    private boolean gone;
    private int toldExists;
    private int toldKeywords;
    private int toldRecent;
    private boolean modSeqs;
    private boolean vanished;
    private boolean uidsOnly;
    /** True for an IMAP4rev2 session, which has no \Recent (RFC 9051 Appendix E). */
    private boolean noRecent;
    /** True when the current sync told of an expunge, which may change the \Recent count. */
    private boolean expungedNow;
    /** UIDs expunged in the current sync, reported as one VANISHED once QRESYNC is on. */
    private final List<Long> vanishedNow = new ArrayList<>();
    /** Searches kept live by {@code RETURN (UPDATE)}, by tag, in the order they were made. */
    private final Map<String, LiveSearch> live = new LinkedHashMap<>();
    /** UIDs appended or with changed flags in the current sync, tested again by the live searches. */
    private final TreeSet<Long> changedNow = new TreeSet<>();

    private SelectedMailbox(Mailbox mailbox, boolean readOnly, boolean recent, Rights rights, String viewer) {
        this.mailbox = mailbox;
        this.readOnly = readOnly;
        this.rights = rights;
        this.viewer = viewer;
        this.recent = recent;
        Mailbox.Selection selection = mailbox.select(this, !readOnly);
        this.view = new ArrayList<>(selection.messages());
        this.recentFrom = recent ? selection.recentFrom() : 0;
        this.recentTo = recent ? selection.uidNext() : 0;
        this.uidNextAtOpen = selection.uidNext();
        this.toldExists = view.size();
        this.toldRecent = recentCount();
    }

    /**
     * Selects {@code mailbox}; SELECT claims its \Recent messages, EXAMINE ({@code readOnly}) does not.
     *
     * @param mailbox the mailbox to select, of the user's own, so every right applies
     * @param readOnly true for EXAMINE
     * @return the selection, registered as a listener of the mailbox until {@link #close()}
     */
    public static SelectedMailbox open(Mailbox mailbox, boolean readOnly) {
        return new SelectedMailbox(mailbox, readOnly, true, Rights.ALL, null);
    }

    /**
     * As {@link #open(Mailbox, boolean)}; with {@code recent} false no message is ever
     * {@code \Recent} for this session (a profile's quirk, {@link Quirks#recent()}).
     *
     * @param mailbox the mailbox to select, of the user's own, so every right applies
     * @param readOnly true for EXAMINE
     * @param recent false when no message is ever \Recent for this session
     * @return the selection, registered as a listener of the mailbox until {@link #close()}
     */
    public static SelectedMailbox open(Mailbox mailbox, boolean readOnly, boolean recent) {
        return new SelectedMailbox(mailbox, readOnly, recent, Rights.ALL, null);
    }

    /**
     * As {@link #open(Mailbox, boolean, boolean)} for a user with {@code rights} on the mailbox:
     * PERMANENTFLAGS lists only the flags those rights let the user change, and flag changes the
     * rights do not allow are ignored (RFC 4314 §4).
     *
     * @param mailbox  the mailbox
     * @param readOnly true for EXAMINE, or where the rights allow no change
     * @param recent   false when no message is ever \Recent for this session
     * @param rights   the user's rights on the mailbox
     * @param viewer   the user, whose own \Seen FETCH, SEARCH and STORE use where the mailbox
     *                 keeps \Seen per user ({@link Mailbox#seenIsPrivate})
     * @return the selection
     */
    public static SelectedMailbox open(Mailbox mailbox, boolean readOnly, boolean recent, Rights rights,
                                       String viewer) {
        return new SelectedMailbox(mailbox, readOnly, recent, rights, viewer);
    }

    /**
     * {@return the flags of {@code m} as this session's user sees them (see {@link Mailbox#flagsFor})}
     *
     * @param m a message of this mailbox
     */
    public Flags flagsOf(Message m) {
        return mailbox.flagsFor(m, viewer);
    }

    /** {@return whether this session's user has a \Seen of its own here} */
    public boolean seenIsPrivate() {
        return mailbox.seenIsPrivate(viewer);
    }

    /** {@return the user looking, or null} */
    public String viewer() {
        return viewer;
    }

    /** {@return the user's rights on the selected mailbox (RFC 4314)} */
    public Rights rights() {
        return rights;
    }

    /**
     * The mailbox selected.
     *
     * @return the store's mailbox, which may hold messages this client has not been told of yet
     */
    public Mailbox mailbox() {
        return mailbox;
    }

    /**
     * Tells whether the mailbox was opened read-only (EXAMINE, or too few rights).
     *
     * @return true when the session may change neither flags nor messages here
     */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * The number of messages the client knows of.
     *
     * @return the size of the view, as the client was last told it (or is about to be)
     */
    public int exists() {
        return view.size();
    }

    /**
     * The message with sequence number {@code seq} (1-based) in this client's numbering.
     *
     * @param seq a sequence number from 1 to {@link #exists()}
     * @return the message
     * @throws IndexOutOfBoundsException for a number outside the view
     */
    public Message bySequence(int seq) {
        return view.get(seq - 1);
    }

    /**
     * The sequence number of {@code uid} in this client's numbering, or -1. O(log n).
     *
     * @param uid the UID to look up
     * @return the sequence number, or -1 when the view has no such message
     */
    public int sequenceOf(long uid) {
        int seq = firstSequenceAtOrAbove(uid);
        return seq <= view.size() && view.get(seq - 1).uid() == uid ? seq : -1;
    }

    /**
     * The sequence number of the first message whose UID is at least {@code uid}; one past the
     * last when there is none. O(log n).
     *
     * @param uid the UID to look up
     * @return a sequence number from 1 to {@code exists() + 1}
     */
    public int firstSequenceAtOrAbove(long uid) {
        int lo = 0;
        int hi = view.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (view.get(mid).uid() < uid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo + 1;
    }

    /**
     * UIDNEXT when the mailbox was selected, as SELECT reports it.
     *
     * @return the UIDNEXT reported at SELECT
     */
    public long uidNextAtOpen() {
        return uidNextAtOpen;
    }

    /**
     * The highest UID the client knows of, 0 when the view is empty.
     *
     * @return the last UID of the view, or 0
     */
    public long highestUid() {
        return view.isEmpty() ? 0 : view.get(view.size() - 1).uid();
    }

    /**
     * True when this session holds \Recent for the message; never for an IMAP4rev2 session.
     *
     * @param uid the message's UID
     * @return true when the message is \Recent for this session
     */
    public boolean isRecent(long uid) {
        return !noRecent && ((uid >= recentFrom && uid < recentTo) || recentLater.contains(uid));
    }

    /**
     * How many messages of the view are \Recent for this session.
     *
     * @return the count for a RECENT response
     */
    public int recentCount() {
        int count = 0;
        for (int i = view.size() - 1; i >= 0; i--) {
            long uid = view.get(i).uid();
            if (isRecent(uid)) {
                count++;
            } else if (uid < recentFrom && recentLater.isEmpty()) {
                break;
            }
        }
        return count;
    }

    /**
     * True once the mailbox was deleted under this session.
     *
     * @return true when a Deleted event arrived; the session must then leave the mailbox
     */
    public boolean gone() {
        return gone;
    }

    /**
     * Runs {@code action} whenever a change arrives (IDLE waits on it).
     *
     * @param action run on the thread that changed the mailbox, so it must not block; null for none
     */
    public void onChange(Runnable action) {
        this.wakeUp = action == null ? () -> { } : action;
    }

    /**
     * Tells whether events arrived that {@link #sync} has not told yet; safe from any thread.
     *
     * @return true while news is waiting
     */
    public boolean hasPending() {
        return !pending.isEmpty();
    }

    @Override
    public void onEvent(MailboxEvent event) {
        pending.add(event);
        wakeUp.run();
    }

    /**
     * Keeps {@code search} live until it is cancelled or the mailbox is left (RFC 5267 §4.2). Its
     * tag is that of no live search (see {@link #updates}).
     *
     * @param search the search to update after each sync
     */
    public void keepUpdated(LiveSearch search) {
        live.put(search.tag(), search);
    }

    /**
     * True when a live search has this tag.
     *
     * @param tag the tag of the SEARCH or SORT that asked for UPDATE
     * @return true when that search is live
     */
    public boolean updates(String tag) {
        return live.containsKey(tag);
    }

    /**
     * Stops updating the search with this tag (CANCELUPDATE, RFC 5267 §4.3); true when there was one.
     *
     * @param tag the tag of the SEARCH or SORT that asked for UPDATE
     * @return true when a search was stopped
     */
    public boolean cancelUpdate(String tag) {
        return live.remove(tag) != null;
    }

    /**
     * From now on tells changes as a NOTIFY's SELECTED group asked (RFC 5465 §5), or with null as
     * IMAP itself asks.
     *
     * @param notify what the group asked for, or null
     */
    public void notifyWith(SelectedNotify notify) {
        this.notify = notify;
    }

    /** Stops receiving events. */
    public void close() {
        mailbox.unselect(this);
    }

    /**
     * Tells the client what changed since it last heard, in Dovecot's order: FLAGS for new
     * keywords, EXPUNGE for removed messages, FETCH FLAGS for flag changes made by others, then
     * EXISTS and RECENT for the new size. With {@code expungeAllowed} false (during FETCH, STORE and
     * SEARCH, RFC 3501 §7.4.1) it stops before the first expunge and leaves the rest for a later
     * command. A message that arrives and leaves before the client heard of it is never mentioned.
     * Live searches (RFC 5267 §4.2) get their REMOVEFROM for expunged messages before the first
     * EXPUNGE, and their ADDTO and REMOVEFROM for arrived and changed messages after EXISTS.
     *
     * @param out where the untagged responses go; not flushed here
     * @param expungeAllowed false during FETCH, STORE and SEARCH (and their kin), where no EXPUNGE may be sent
     * @throws IOException when writing fails
     */
    public void sync(ResponseWriter out, boolean expungeAllowed) throws IOException {
        if (!pending.isEmpty()) {
            // An idling session wakes at a change's first event: let the change finish first.
            mailbox.settle();
        }
        tellKeywords(out);
        if (expungeAllowed && !live.isEmpty()) {
            tellRemovedBeforeExpunges(out);
        }
        MailboxEvent event;
        while ((event = pending.peek()) != null) {
            if (event instanceof MailboxEvent.Appended a) {
                if (!live.isEmpty()) {
                    changedNow.add(a.message().uid());
                }
                view.add(a.message());
                if (mailbox.claimRecent(a.message().uid(), !readOnly) && recent) {
                    recentLater.add(a.message().uid());
                }
            } else if (event instanceof MailboxEvent.Expunged e) {
                if (!expungeAllowed) {
                    break;
                }
                int seq = sequenceOf(e.uid());
                if (seq > 0) {
                    tellRemoved(out, e.uid(), seq);
                    view.remove(seq - 1);
                    recentLater.remove(e.uid());
                    if (seq <= toldExists) {
                        toldExists--;
                        expungedNow = true;
                        if (vanished) {
                            vanishedNow.add(e.uid());
                        } else {
                            out.untagged(seq + " EXPUNGE");
                        }
                    }
                }
            } else if (event instanceof MailboxEvent.FlagsChanged f) {
                if (!live.isEmpty()) {
                    changedNow.add(f.uid());
                }
                int seq = f.origin() == this ? -1 : sequenceOf(f.uid());
                // A message the client has not heard of yet shows its flags when it is fetched; one
                // that is gone already, when expunges may be told, is reported expunged instead.
                // RFC 5465 §5.1: with NOTIFY, other sessions' flag changes are told only for FlagChange.
                boolean wanted = notify == null || notify.flagChanges();
                if (wanted && seq > 0 && seq <= toldExists && (!expungeAllowed || mailbox.byUid(f.uid()) != null)) {
                    tellVanished(out);
                    out.untagged(flagsFetch(seq, bySequence(seq), false, out));
                }
            } else if (event instanceof MailboxEvent.Deleted) {
                gone = true;
            }
            pending.poll();
        }
        tellVanished(out);
        int known = toldExists;
        tellExists(out);
        if (notify != null && notify.newMessages() != null) {
            // RFC 5465 §5.2: MessageNew's fetch attributes for each message EXISTS just told of.
            for (int seq = known + 1; seq <= toldExists; seq++) {
                notify.newMessages().write(this, seq, bySequence(seq), out);
            }
        }
        tellUpdates(out);
    }

    /**
     * Before any EXPUNGE of this sync, one REMOVEFROM per live search for the expunged messages it
     * held, numbered as the client knows them before the expunges, as Dovecot sends it (RFC 5267
     * §4.3: a REMOVEFROM for an expunged message comes before its EXPUNGE).
     */
    private void tellRemovedBeforeExpunges(ResponseWriter out) throws IOException {
        List<long[]> expunged = new ArrayList<>();
        for (MailboxEvent event : pending) {
            if (event instanceof MailboxEvent.Expunged e) {
                int seq = sequenceOf(e.uid());
                if (seq > 0) {
                    expunged.add(new long[] {e.uid(), seq});
                }
            }
        }
        if (expunged.isEmpty()) {
            return;
        }
        for (LiveSearch search : live.values()) {
            String line = search.expunged(expunged);
            if (line != null) {
                out.untagged(line);
            }
        }
    }

    /** A REMOVEFROM for an expunged message that a live search still holds, right before its EXPUNGE. */
    private void tellRemoved(ResponseWriter out, long uid, int seq) throws IOException {
        for (LiveSearch search : live.values()) {
            String line = search.expunged(List.<long[]>of(new long[] {uid, seq}));
            if (line != null) {
                out.untagged(line);
            }
        }
        changedNow.remove(uid);
    }

    /**
     * After the other news of a sync, the ADDTO and REMOVEFROM of every live search, in the order
     * the searches were made, for the messages that arrived or changed flags: only those are
     * tested again (RFC 5267 §4.2).
     */
    private void tellUpdates(ResponseWriter out) throws IOException {
        if (changedNow.isEmpty()) {
            return;
        }
        for (LiveSearch search : live.values()) {
            String line = search.update(changedNow, this);
            if (line != null) {
                out.untagged(line);
            }
        }
        changedNow.clear();
    }

    /**
     * RFC 7162 §3.2.10: once QRESYNC is on, expunged messages are told as {@code * VANISHED uids}
     * instead of one EXPUNGE each; consecutive expunges of one sync share a line.
     */
    private void tellVanished(ResponseWriter out) throws IOException {
        if (!vanishedNow.isEmpty()) {
            out.untagged("VANISHED " + SequenceSet.of(vanishedNow));
            vanishedNow.clear();
        }
    }

    /**
     * Writes EXISTS when the view grew since the client last heard of its size, then RECENT when
     * the number of \Recent messages changed, after new mail or an expunge, as Dovecot does.
     */
    private void tellExists(ResponseWriter out) throws IOException {
        boolean grown = view.size() != toldExists;
        if (grown) {
            toldExists = view.size();
            out.untagged(view.size() + " EXISTS");
        }
        if ((grown || expungedNow) && !noRecent) {
            int recent = recentCount();
            if (recent != toldRecent) {
                toldRecent = recent;
                out.untagged(recent + " RECENT");
            }
        }
        expungedNow = false;
    }

    /**
     * Writes FLAGS and PERMANENTFLAGS with every keyword of the mailbox (SELECT's first two
     * responses, RFC 3501 §6.3.1), and remembers that the client knows them.
     *
     * @param out where the two responses go
     * @throws IOException when writing fails
     */
    public void tellFlags(ResponseWriter out) throws IOException {
        List<String> keywords = mailbox.keywords();
        StringBuilder flags = new StringBuilder(SYSTEM_FLAGS);
        for (String k : keywords) {
            flags.append(' ').append(k);
        }
        out.untagged("FLAGS (" + flags + ")");
        out.untagged(readOnly ? "OK [PERMANENTFLAGS ()] Read-only mailbox."
                : "OK [PERMANENTFLAGS (" + permanentFlags(flags.toString()) + ")] Flags permitted.");
        toldKeywords = keywords.size();
    }

    /**
     * The flags the user may change for good (RFC 3501 §7.1, RFC 4314 §4): every flag and
     * {@code \*} with {@code w}, {@code s} and {@code t}; fewer with fewer rights, in FLAGS' order.
     */
    private String permanentFlags(String flags) {
        if (rights.has(Right.WRITE) && rights.has(Right.SEEN) && rights.has(Right.DELETE_MESSAGES)) {
            return flags + " \\*";
        }
        List<String> permitted = new ArrayList<>();
        for (String flag : flags.split(" ")) {
            int bit = Flags.systemBit(flag);
            if (bit == Flags.SEEN ? rights.has(Right.SEEN) : bit == Flags.DELETED ? rights.has(Right.DELETE_MESSAGES)
                    : rights.has(Right.WRITE)) {
                permitted.add(flag);
            }
        }
        if (rights.has(Right.WRITE)) {
            permitted.add("\\*");
        }
        return String.join(" ", permitted);
    }

    /**
     * Writes FLAGS and PERMANENTFLAGS again when the mailbox has keywords the client was not told
     * of: RFC 3501 §7.2.6 wants every flag in a FETCH to have been announced first. Cheap when
     * there is nothing new, so every writer of flags calls it.
     *
     * @param out where FLAGS and PERMANENTFLAGS go when they are due
     * @throws IOException when writing fails
     */
    public void tellKeywords(ResponseWriter out) throws IOException {
        if (mailbox.keywords().size() != toldKeywords) {
            tellFlags(out);
        }
    }

    /** From now on, FETCH responses about flag changes carry UID and MODSEQ (RFC 7162 §3.1.4). */
    public void reportModSeqs() {
        modSeqs = true;
    }

    /**
     * From now on this session follows IMAP4rev2 (RFC 9051 Appendix E): no message is \Recent for
     * it, FETCH FLAGS leaves \Recent out and no RECENT response is sent.
     */
    public void dropRecent() {
        noRecent = true;
        toldRecent = 0;
    }

    /** From now on, expunges are told as VANISHED (RFC 7162 §3.2.10). */
    public void reportVanished() {
        vanished = true;
    }

    /**
     * From now on, FETCH data is told as {@code uid UIDFETCH (...)} and expunges as VANISHED, also
     * without QRESYNC (RFC 9586 §3.3, §3.4); EXISTS is a count, not a sequence number, and stays.
     */
    public void reportUidsOnly() {
        uidsOnly = true;
        vanished = true;
    }

    /**
     * True once the session has UIDONLY on: no response carries a message sequence number.
     *
     * @return true when UIDFETCH replaces FETCH in responses
     */
    public boolean reportsUidsOnly() {
        return uidsOnly;
    }

    /**
     * True once the session has CONDSTORE on: FETCH responses about changes carry MODSEQ.
     *
     * @return true when flag-change FETCH responses carry MODSEQ
     */
    public boolean reportsModSeqs() {
        return modSeqs;
    }

    /**
     * The untagged {@code n FETCH (...)} that tells the new flags of message {@code seq}, as STORE
     * and the news of other sessions' changes send it: with the UID when {@code withUid}, and with
     * UID and MODSEQ once CONDSTORE is on (RFC 7162 §3.1.4; Dovecot leaves the UID out there).
     * Announces new keywords first.
     *
     * @param seq the message's sequence number in this client's numbering
     * @param m the message
     * @param withUid true to include the UID (as UID STORE does)
     * @param out where new keywords are announced before the line is returned
     * @return the response text without {@code "* "}, to pass to {@link ResponseWriter#untagged}
     * @throws IOException when announcing the keywords fails
     */
    public String flagsFetch(int seq, Message m, boolean withUid, ResponseWriter out) throws IOException {
        long modSeq = m.modSeq();
        String flags = fetchFlags(m, out);
        if (uidsOnly) {
            // The UID leads the UIDFETCH response, so it is not repeated inside (RFC 9586 §3.3).
            return m.uid() + " UIDFETCH (" + (modSeqs ? "MODSEQ (" + modSeq + ") " : "") + "FLAGS (" + flags + "))";
        }
        StringBuilder sb = new StringBuilder(48).append(seq).append(" FETCH (");
        if (withUid || modSeqs) {
            sb.append("UID ").append(m.uid()).append(' ');
        }
        if (modSeqs) {
            sb.append("MODSEQ (").append(modSeq).append(") ");
        }
        return sb.append("FLAGS (").append(flags).append("))").toString();
    }

    /**
     * {@code n FETCH (UID u FLAGS (...) MODSEQ (m))}: a changed message as QRESYNC's SELECT tells
     * it (RFC 7162 §3.2.5). Announces new keywords first.
     *
     * @param seq the message's sequence number in this client's numbering
     * @param m the message
     * @param out where new keywords are announced before the line is returned
     * @return the response text without {@code "* "}
     * @throws IOException when announcing the keywords fails
     */
    public String changeFetch(int seq, Message m, ResponseWriter out) throws IOException {
        long modSeq = m.modSeq();
        String flags = fetchFlags(m, out);
        if (uidsOnly) {
            return m.uid() + " UIDFETCH (FLAGS (" + flags + ") MODSEQ (" + modSeq + "))";
        }
        return seq + " FETCH (UID " + m.uid() + " FLAGS (" + flags + ") MODSEQ (" + modSeq + "))";
    }

    /**
     * The flags of {@code m} for a FETCH response, after announcing any keyword among them that
     * the client does not know yet. Call it before the response that holds them starts. The
     * flags are read first: a keyword a message carries is always already in the mailbox's list.
     *
     * @param m the message
     * @param out where new keywords are announced
     * @return the flags, space-separated, with \Recent when it holds for this session; empty for none
     * @throws IOException when announcing the keywords fails
     */
    public String fetchFlags(Message m, ResponseWriter out) throws IOException {
        Flags flags = flagsOf(m);
        tellKeywords(out);
        return flagList(m.uid(), flags);
    }

    /** Flags of message {@code uid} as this session sees them (with \Recent), space-separated. */
    private String flagList(long uid, Flags stored) {
        String flags = stored.toString();
        if (!isRecent(uid)) {
            return flags;
        }
        return flags.isEmpty() ? "\\Recent" : flags + " \\Recent";
    }
}
