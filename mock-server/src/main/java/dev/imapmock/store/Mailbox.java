package dev.imapmock.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A mailbox: messages in ascending UID order, its UIDVALIDITY and UIDNEXT, and the sessions that
 * have it selected. Every method is thread-safe; a change and the events it sends to listeners
 * happen under one lock, so every listener sees changes in the same order.
 */
public final class Mailbox {
    /** Made on first use, not when the first mailbox is: a fresh JVM's first start makes no lambda for it. */
    private static final class ByUid {
        static final Comparator<Message> ORDER = Comparator.comparingLong(Message::uid);
    }

    private volatile String name;
    private final long uidValidity;
    private final ArrayList<Message> messages = new ArrayList<>();
    private final List<MailboxListener> listeners = new ArrayList<>();
    private long uidNext = 1;
    /** Messages with a UID at or above this one are \Recent and not yet claimed by a session. */
    private long firstUnclaimedRecent = 1;
    private boolean noselect;
    private final Quota quota;
    private final Clock clock;
    private final Keywords keywords = new Keywords();
    /** RFC 7162 §3.1: the mod-sequence of the last change; an empty mailbox starts at 1, as in Dovecot. */
    private long highestModSeq = 1;
    /** The present messages from the least to the most recently changed, linked through the messages. */
    private Message oldestChange;
    private Message newestChange;
    private final ExpungeLog expunged = new ExpungeLog();
    /** Special uses given to this mailbox (RFC 6154), or null for those configured for its name. */
    private volatile Set<SpecialUse> ownUses;
    /** Its annotations (RFC 5464), which follow it through RENAME and go with it on DELETE. */
    private final Annotations annotations = new Annotations(this::tellMetadata);
    /** Other users' own {@code /private} annotations, by user; guarded by this mailbox's lock. */
    private final Map<String, Annotations> privateBy = new HashMap<>();
    /**
     * Its URLAUTH access key (RFC 4467 §7), made when a URL of it is first authorized; it follows
     * RENAME, goes with DELETE and RESETKEY drops it. Guarded by {@code this}.
     */
    private byte[] urlAuthKey;

    /** The account's NOTIFY listeners (RFC 5465), told of every change after the selecting sessions. */
    private final List<AccountListener> watchers;

    /** The account that holds this mailbox, for its labels (see {@link Labels}). */
    private final Account owner;
    private final Acl acl;
    /**
     * Each other user's own \Seen, by user, when the store keeps \Seen private (Dovecot's
     * INDEXPVT): the UIDs the user has seen. Guarded by this mailbox's lock.
     */
    private final Map<String, Set<Long>> seenBy = new HashMap<>();

    Mailbox(String name, long uidValidity, Quota quota, Clock clock, List<AccountListener> watchers, Account owner) {
        this.watchers = watchers;
        this.owner = owner;
        this.acl = new Acl(owner.user());
        this.name = name;
        this.uidValidity = uidValidity;
        this.quota = quota;
        this.clock = clock;
    }

    /** {@return the labels of the account that holds this mailbox, or null when it has none} */
    public Labels labels() {
        return owner.labels();
    }

    /** Tells the account's NOTIFY listeners that annotations of this mailbox changed. */
    private void tellMetadata(Set<String> entries) {
        if (!watchers.isEmpty()) {
            AccountEvent event = new AccountEvent.MetadataChange(name, List.copyOf(entries));
            for (AccountListener l : watchers) {
                l.onEvent(event);
            }
        }
    }

    /** {@return the account that holds this mailbox} */
    public Account account() {
        return owner;
    }

    /**
     * Whether {@code user}'s {@code \Seen} on this mailbox is the user's own: when the store keeps
     * \Seen private ({@link MailStore#privateSeen(boolean)}), for every user but the owner.
     *
     * @param user the user looking, or null
     * @return true when {@link #flagsFor} differs from the stored flags in \Seen
     */
    public boolean seenIsPrivate(String user) {
        return user != null && owner.privateSeen() && !user.equals(owner.user());
    }

    /**
     * The flags of {@code m} as {@code user} sees them: the stored ones, with the user's own
     * {@code \Seen} instead of the stored one where {@link #seenIsPrivate} holds.
     *
     * @param m    a message of this mailbox
     * @param user the user looking, or null
     * @return the flags
     */
    public Flags flagsFor(Message m, String user) {
        Flags stored = m.flags();
        if (!seenIsPrivate(user)) {
            return stored;
        }
        boolean seen;
        synchronized (this) {
            Set<Long> uids = seenBy.get(user);
            seen = uids != null && uids.contains(m.uid());
        }
        return stored.withBitsOf(seen ? stored.with(Flags.SEEN) : Flags.NONE, Flags.SEEN);
    }

    /**
     * Sets or clears {@code user}'s own {@code \Seen} on messages of this mailbox. Only where
     * {@link #seenIsPrivate} holds; the stored flags, their mod-sequences and other sessions are
     * not touched.
     *
     * @param user the user
     * @param uids the messages' UIDs; those no longer here are skipped
     * @param seen true to set, false to clear
     * @return the UIDs whose \Seen changed for the user
     */
    public synchronized Set<Long> privateSeen(String user, Collection<Long> uids, boolean seen) {
        Set<Long> mine = seenBy.computeIfAbsent(user, u -> new HashSet<>());
        Set<Long> changed = new HashSet<>();
        for (long uid : uids) {
            if (indexOf(uid) >= 0 && (seen ? mine.add(uid) : mine.remove(uid))) {
                changed.add(uid);
            }
        }
        return changed;
    }

    /** {@return who may do what in this mailbox (RFC 4314)} */
    public Acl acl() {
        return acl;
    }

    /**
     * {@return the mailbox name in its owner's account, decoded (not modified UTF-7), with {@code /}
     * as hierarchy delimiter; it changes when the mailbox is renamed}
     */
    public String name() {
        return name;
    }

    /**
     * The {@code /private} annotations (RFC 5464 §3.1) of a user other than the owner, who sees the
     * mailbox through ACL: each such user has its own, and the owner's stay in {@link #annotations()}.
     * Made on first use; not kept by snapshots, and their changes are told to nobody.
     *
     * @param user a user other than the owner
     * @return that user's private annotations of this mailbox
     */
    public synchronized Annotations privateAnnotations(String user) {
        return privateBy.computeIfAbsent(user, u -> new Annotations());
    }

    /** {@return the mailbox's annotations (RFC 5464): its {@code /private} and {@code /shared} entries} */
    public Annotations annotations() {
        return annotations;
    }

    /**
     * The URLAUTH access key (RFC 4467 §7) that authorizes URLs of this mailbox, made by
     * {@code make} when it has none.
     *
     * @param make makes a new key, called under the mailbox's lock
     * @return a copy of the key
     */
    public synchronized byte[] urlAuthKey(java.util.function.Supplier<byte[]> make) {
        if (urlAuthKey == null) {
            urlAuthKey = make.get().clone();
        }
        return urlAuthKey.clone();
    }

    /** {@return a copy of the URLAUTH access key, or null when none was made since the last reset} */
    public synchronized byte[] urlAuthKey() {
        return urlAuthKey == null ? null : urlAuthKey.clone();
    }

    /** Drops the URLAUTH access key (RFC 4467 §6.1 RESETKEY): every URL it authorized stops working. */
    public synchronized void resetUrlAuthKey() {
        urlAuthKey = null;
    }

    void rename(String newName) {
        this.name = newName;
    }

    Set<SpecialUse> ownUses() {
        return ownUses;
    }

    void ownUses(Set<SpecialUse> uses) {
        this.ownUses = uses;
    }

    /** {@return the UIDVALIDITY (RFC 3501 section 2.3.1.1), fixed for the mailbox's life} */
    public long uidValidity() {
        return uidValidity;
    }

    /** {@return the UID the next message added will get (UIDNEXT); it never goes down} */
    public synchronized long uidNext() {
        return uidNext;
    }

    /**
     * Every keyword this mailbox has seen, in the order first seen and spelt as first seen; it
     * only grows. Readable without the lock: a message's flags never hold a keyword missing here.
     *
     * @return the keywords, a snapshot
     */
    public List<String> keywords() {
        return keywords.names();
    }

    /**
     * {@return true for a name that only holds children (RFC 3501 section 6.3.4: a deleted parent),
     * which cannot be selected and takes no messages}
     */
    public synchronized boolean isNoselect() {
        return noselect;
    }

    /** {@return the number of messages now (EXISTS)} */
    public synchronized int size() {
        return messages.size();
    }

    /** {@return a copy of the messages in UID order, taken at one instant} */
    public synchronized List<Message> messages() {
        return new ArrayList<>(messages);
    }

    /** The message with this EMAILID, or null: one pass, without copying the list. */
    synchronized Message byEmailId(long emailId) {
        for (Message m : messages) {
            if (m.emailId() == emailId) {
                return m;
            }
        }
        return null;
    }

    /**
     * Adds a message with the next UID and tells every selecting session.
     *
     * @param bytes        the message; kept, not copied, so the caller must not change it
     * @param flags        its flags; {@code \Recent} is not among them but follows from its UID
     * @param internalDate its internal date
     * @return the stored message
     * @throws MailboxException with {@link MailboxException.Reason#OVERQUOTA} when a limit would be
     *                          exceeded, {@link MailboxException.Reason#NOT_SELECTABLE} for a
     *                          {@code \Noselect} name
     */
    public Message append(byte[] bytes, Flags flags, OffsetDateTime internalDate) {
        return append(List.of(new NewMessage(bytes, flags, internalDate))).get(0);
    }

    /**
     * Adds all messages, with consecutive UIDs, or none (COPY is all-or-nothing); refused with
     * OVERQUOTA when the account's {@link StoreLimits} or {@link Quota} would be exceeded.
     *
     * @param added the messages, in the order they get their UIDs
     * @return the stored messages, in the same order; with Gmail's labels, a copy of a message this
     *         mailbox already holds is that message
     * @throws MailboxException with {@link MailboxException.Reason#OVERQUOTA} or
     *                          {@link MailboxException.Reason#NOT_SELECTABLE}; nothing is added
     */
    public List<Message> append(List<NewMessage> added) {
        return append(added, List.of());
    }

    /**
     * Adds all messages or none, as {@link #append(List)}, for a MOVE: {@code added} are copies of
     * {@code leaving}, messages of the same account that the caller expunges right after. The
     * account's usage does not change, so its quota does not refuse them, also for the moment both
     * copies exist; the per-mailbox limit counts out those of {@code leaving} that are in this mailbox.
     *
     * @param added   the copies, in the order they get their UIDs
     * @param leaving the originals the caller expunges next; empty for a COPY
     * @return the stored messages, in the order of {@code added}
     * @throws MailboxException with {@link MailboxException.Reason#OVERQUOTA} or
     *                          {@link MailboxException.Reason#NOT_SELECTABLE}; nothing is added
     */
    public List<Message> append(List<NewMessage> added, Collection<Message> leaving) {
        List<Message> result = appendLocked(added, leaving);
        Labels labels = owner.labels();
        if (labels != null) {
            labels.appended(this, result);
        }
        return result;
    }

    private synchronized List<Message> appendLocked(List<NewMessage> added, Collection<Message> leaving) {
        if (noselect) {
            throw new MailboxException(MailboxException.Reason.NOT_SELECTABLE, "Mailbox " + name + " cannot hold messages");
        }
        int leavingHere = 0;
        for (Message m : leaving) {
            int i = indexOf(m.uid());
            if (i >= 0 && messages.get(i) == m) {
                leavingHere++;
            }
        }
        if (owner.labels() != null) {
            return addLabelled(added, leaving, leavingHere);
        }
        quota.reserve(messages.size() - leavingHere, added, !leaving.isEmpty());
        return add(added);
    }

    /**
     * With labels, a copy of a message this mailbox already holds (the same EMAILID) is that
     * message: a label is given once, and COPYUID names the message that has it.
     */
    private List<Message> addLabelled(List<NewMessage> added, Collection<Message> leaving, int leavingHere) {
        java.util.Map<Long, Message> present = new java.util.HashMap<>();
        for (Message m : messages) {
            present.put(m.emailId(), m);
        }
        List<NewMessage> fresh = new ArrayList<>();
        for (NewMessage m : added) {
            if (m.emailId() == 0 || !present.containsKey(m.emailId())) {
                fresh.add(m);
            }
        }
        quota.reserve(messages.size() - leavingHere, fresh, !leaving.isEmpty());
        java.util.Iterator<Message> made = add(fresh).iterator();
        List<Message> result = new ArrayList<>(added.size());
        for (NewMessage m : added) {
            Message there = m.emailId() == 0 ? null : present.get(m.emailId());
            result.add(there != null ? there : made.next());
        }
        return result;
    }

    /** Adds messages that were in the account a moment ago (RENAME INBOX, recreate): no limit refuses them. */
    synchronized List<Message> restore(List<NewMessage> added) {
        quota.restore(added);
        return add(added);
    }

    private List<Message> add(List<NewMessage> added) {
        List<Message> result = new ArrayList<>(added.size());
        messages.ensureCapacity(messages.size() + added.size());
        long modSeq = added.isEmpty() ? highestModSeq : ++highestModSeq;
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (NewMessage m : added) {
            long uid = uidNext++;
            Message message = new Message(uid, m.bytes(), m.internalDate(), keywords.canonical(m.flags()), modSeq,
                    m.saved() != null ? m.saved() : now, m.emailId() != 0 ? m.emailId() : (uidValidity << 32) | uid);
            messages.add(message);
            linkNewest(message);
            result.add(message);
            publish(new MailboxEvent.Appended(message));
        }
        quota.stored(result);
        return result;
    }

    /**
     * Registers {@code listener} and returns the messages it sees now, atomically, so that no
     * change falls between the snapshot and the first event. With {@code claimRecent} the
     * unclaimed \Recent messages become this session's; otherwise (EXAMINE) they stay unclaimed.
     * Events reach the listener under this mailbox's lock until {@link #unselect}.
     *
     * @param listener    the session's listener
     * @param claimRecent true for SELECT, false for EXAMINE
     * @return the messages, the first \Recent UID and UIDNEXT at that instant
     * @throws MailboxException with {@link MailboxException.Reason#NOT_SELECTABLE} for a
     *                          {@code \Noselect} name
     */
    public synchronized Selection select(MailboxListener listener, boolean claimRecent) {
        if (noselect) {
            throw new MailboxException(MailboxException.Reason.NOT_SELECTABLE, "Mailbox " + name + " cannot be selected");
        }
        listeners.add(listener);
        long recentFrom = firstUnclaimedRecent;
        if (claimRecent) {
            firstUnclaimedRecent = uidNext;
        }
        return new Selection(new ArrayList<>(messages), recentFrom, uidNext);
    }

    /**
     * Stops sending events to {@code listener}; nothing happens when it is not registered.
     *
     * @param listener a listener given to {@link #select}
     */
    public synchronized void unselect(MailboxListener listener) {
        listeners.remove(listener);
    }

    /**
     * Claims \Recent for a message this session learnt of through an event; true when no other
     * session claimed it first. Without {@code claim}, only tells whether it is still unclaimed.
     * Claiming a UID claims every lower one too (RFC 3501 section 2.3.2: one session sees a
     * message as \Recent).
     *
     * @param uid   the message's UID
     * @param claim true to claim it, false only to ask
     * @return true when the message is (now) this session's \Recent one
     */
    public synchronized boolean claimRecent(long uid, boolean claim) {
        if (uid < firstUnclaimedRecent) {
            return false;
        }
        if (claim) {
            firstUnclaimedRecent = uid + 1;
        }
        return true;
    }

    /**
     * The message with {@code uid}, found by binary search.
     *
     * @param uid a UID
     * @return the message, or null when there is none (any more)
     */
    public synchronized Message byUid(long uid) {
        int i = indexOf(uid);
        return i < 0 ? null : messages.get(i);
    }

    /**
     * Returns once no change is under way: a change publishes its events one by one under this
     * mailbox's lock, so after this call every event of a change that had begun is delivered, and a
     * session reporting them reports the whole change (one expunge of two messages, one line).
     */
    public synchronized void settle() {
        // Entering and leaving the monitor is the whole point.
    }

    /**
     * {@return the mod-sequence of the mailbox's last change (RFC 7162 HIGHESTMODSEQ), 1 for a new
     * mailbox; it never goes down}
     */
    public synchronized long highestModSeq() {
        return highestModSeq;
    }

    /**
     * Changes the flags of each message still present and tells the other sessions; all changes
     * of one call share one new mod-sequence, as in Dovecot.
     *
     * @param targets the messages to change; those expunged meanwhile are skipped
     * @param change  the new flags from the old; a message whose flags stay equal is not changed
     * @param origin  the listener of the session that changes them, which gets the events too
     *                (it decides whether to report its own change), or null
     * @return the messages changed; none is reported as modified
     */
    public FlagUpdate updateFlags(Collection<Message> targets, UnaryOperator<Flags> change,
                                  MailboxListener origin) {
        return updateFlags(targets, change, origin, Long.MAX_VALUE);
    }

    /**
     * As {@link #updateFlags(Collection, UnaryOperator, MailboxListener)}, changing only the
     * messages whose mod-sequence is at most {@code unchangedSince}; the others are left alone and
     * reported as modified (RFC 7162 §3.1.3, STORE UNCHANGEDSINCE). The test and the change are one
     * atomic step.
     *
     * @param targets        the messages to change; those expunged meanwhile are skipped
     * @param change         the new flags from the old
     * @param origin         the listener of the session that changes them, or null
     * @param unchangedSince the highest mod-sequence a message may have to be changed
     * @return the messages changed and those left alone as modified
     */
    public FlagUpdate updateFlags(Collection<Message> targets, UnaryOperator<Flags> change,
                                  MailboxListener origin, long unchangedSince) {
        FlagUpdate update = updateFlagsLocked(targets, change, origin, unchangedSince);
        Labels labels = owner.labels();
        if (labels != null && !update.changed().isEmpty()) {
            labels.flagsChanged(this, update.changed());
        }
        return update;
    }

    private synchronized FlagUpdate updateFlagsLocked(Collection<Message> targets, UnaryOperator<Flags> change,
                                                      MailboxListener origin, long unchangedSince) {
        List<Message> changed = new ArrayList<>();
        List<Message> modified = new ArrayList<>();
        long modSeq = highestModSeq + 1;
        for (Message m : targets) {
            if (indexOf(m.uid()) < 0) {
                continue;
            }
            if (m.modSeq() > unchangedSince) {
                modified.add(m);
                continue;
            }
            Flags before = m.flags();
            Flags after = keywords.canonical(change.apply(before));
            if (!after.equals(before)) {
                m.change(after, modSeq);
                unlink(m);
                linkNewest(m);
                changed.add(m);
                publish(new MailboxEvent.FlagsChanged(m.uid(), origin));
            }
        }
        if (!changed.isEmpty()) {
            highestModSeq = modSeq;
        }
        return new FlagUpdate(changed, modified);
    }

    /**
     * The UIDs expunged after mod-sequence {@code modSeq}, ascending (QRESYNC's VANISHED). When
     * the mailbox no longer remembers that far back (see {@link ExpungeLog#CAPACITY}), every UID
     * below UIDNEXT that is not present: a superset, as RFC 7162 §3.2.5.2 allows.
     *
     * @param modSeq the mod-sequence the client knows
     * @return the UIDs, ascending; a new list
     */
    public synchronized List<Long> expungedSince(long modSeq) {
        List<Long> uids = expunged.since(modSeq);
        if (uids != null) {
            return uids;
        }
        uids = new ArrayList<>();
        int i = 0;
        for (long uid = 1; uid < uidNext; uid++) {
            while (i < messages.size() && messages.get(i).uid() < uid) {
                i++;
            }
            if (i >= messages.size() || messages.get(i).uid() != uid) {
                uids.add(uid);
            }
        }
        return uids;
    }

    /**
     * The present messages changed after mod-sequence {@code modSeq}, in UID order: the work is in
     * proportion to how many there are, not to the mailbox's size (CHANGEDSINCE).
     *
     * @param modSeq the mod-sequence the client knows
     * @return the messages, in UID order; a new list
     */
    public synchronized List<Message> changedSince(long modSeq) {
        List<Message> changed = new ArrayList<>();
        for (Message m = newestChange; m != null && m.modSeq() > modSeq; m = m.older) {
            changed.add(m);
        }
        changed.sort(ByUid.ORDER);
        return changed;
    }

    /**
     * Removes the messages flagged \Deleted, only those with a UID in {@code uids} when it is not
     * null (UID EXPUNGE), and tells every selecting session.
     *
     * @param uids the UIDs that may be removed, or null for every message
     * @return the removed UIDs in ascending order, empty when none was removed
     */
    public List<Long> expungeDeleted(Set<Long> uids) {
        Set<Long> deleted = new java.util.HashSet<>();
        synchronized (this) {
            for (Message m : messages) {
                if (m.flags().has(Flags.DELETED) && (uids == null || uids.contains(m.uid()))) {
                    deleted.add(m.uid());
                }
            }
        }
        return deleted.isEmpty() ? List.of() : expunge(deleted);
    }

    /**
     * Removes the messages with these UIDs whatever their flags (MOVE, RFC 6851) and returns the
     * removed UIDs in ascending order; tells every selecting session.
     *
     * @param uids the UIDs to remove; those not present are skipped
     * @return the removed UIDs in ascending order
     */
    public List<Long> expunge(Set<Long> uids) {
        List<Message> gone = new ArrayList<>();
        List<Long> removed = expungeLocked(uids, gone);
        Labels labels = owner.labels();
        if (labels != null && !gone.isEmpty()) {
            labels.expunged(this, gone);
        }
        return removed;
    }

    private synchronized List<Long> expungeLocked(Set<Long> uids, List<Message> gone) {
        List<Long> removed = new ArrayList<>();
        messages.removeIf(m -> {
            boolean remove = uids.contains(m.uid());
            if (remove) {
                removed.add(m.uid());
                gone.add(m);
            }
            return remove;
        });
        quota.release(gone);
        if (!gone.isEmpty()) {
            expunged.add(++highestModSeq, removed);
        }
        for (Message m : gone) {
            unlink(m);
        }
        for (Long uid : removed) {
            publish(new MailboxEvent.Expunged(uid));
        }
        return removed;
    }

    /** {@return the counts for STATUS with the stored flags, taken at one instant} */
    public Status status() {
        return status(null);
    }

    /**
     * Counts for STATUS as {@code user} sees them: UNSEEN counts the user's own \Seen where
     * {@link #seenIsPrivate} holds.
     *
     * @param user the user asking, or null for the stored flags
     * @return the counts
     */
    public synchronized Status status(String user) {
        Set<Long> own = seenIsPrivate(user) ? seenBy.getOrDefault(user, Set.of()) : null;
        int unseen = 0;
        long size = 0;
        int deleted = 0;
        long deletedSize = 0;
        for (Message m : messages) {
            if (own != null ? !own.contains(m.uid()) : !m.flags().has(Flags.SEEN)) {
                unseen++;
            }
            size += m.size();
            if (m.flags().has(Flags.DELETED)) {
                deleted++;
                deletedSize += m.size();
            }
        }
        int recent = 0;
        for (int i = messages.size() - 1; i >= 0 && messages.get(i).uid() >= firstUnclaimedRecent; i--) {
            recent++;
        }
        return new Status(messages.size(), recent, uidNext, uidValidity, unseen, highestModSeq, size, deleted,
                deletedSize);
    }

    /** Empties the mailbox and tells selecting sessions it is gone; used by DELETE and RENAME INBOX. */
    synchronized List<Message> removeAll(boolean becomeNoselect, boolean gone) {
        List<Message> removed = new ArrayList<>(messages);
        messages.clear();
        quota.release(removed);
        oldestChange = null;
        newestChange = null;
        if (!removed.isEmpty()) {
            List<Long> uids = new ArrayList<>(removed.size());
            for (Message m : removed) {
                uids.add(m.uid());
            }
            expunged.add(++highestModSeq, uids);
        }
        noselect = becomeNoselect;
        if (gone) {
            publish(new MailboxEvent.Deleted());
            listeners.clear();
        } else {
            for (Message m : removed) {
                publish(new MailboxEvent.Expunged(m.uid()));
            }
        }
        return removed;
    }

    private int indexOf(long uid) {
        int lo = 0;
        int hi = messages.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long u = messages.get(mid).uid();
            if (u < uid) {
                lo = mid + 1;
            } else if (u > uid) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private void linkNewest(Message m) {
        m.older = newestChange;
        m.newer = null;
        if (newestChange != null) {
            newestChange.newer = m;
        } else {
            oldestChange = m;
        }
        newestChange = m;
    }

    private void unlink(Message m) {
        if (m.older != null) {
            m.older.newer = m.newer;
        } else if (oldestChange == m) {
            oldestChange = m.newer;
        }
        if (m.newer != null) {
            m.newer.older = m.older;
        } else if (newestChange == m) {
            newestChange = m.older;
        }
        m.older = null;
        m.newer = null;
    }

    private void publish(MailboxEvent event) {
        for (MailboxListener l : listeners) {
            l.onEvent(event);
        }
        if (!watchers.isEmpty() && !(event instanceof MailboxEvent.Deleted)) {
            AccountEvent change = new AccountEvent.MessageChange(this, event);
            for (AccountListener l : watchers) {
                l.onEvent(change);
            }
        }
    }

    /**
     * A message to add: its bytes, flags and internal date; the save date to keep and the EMAILID
     * of the message it is a copy of, or null and 0 for a message new to the store.
     *
     * @param bytes        the message, not copied
     * @param flags        its flags
     * @param internalDate its internal date
     * @param saved        its save date (RFC 8514) to keep, or null for the time it is added
     * @param emailId      the EMAILID to keep, or 0 for a new one
     */
    public record NewMessage(byte[] bytes, Flags flags, OffsetDateTime internalDate, OffsetDateTime saved,
                             long emailId) {
        /**
         * A message new to the store, saved now.
         *
         * @param bytes        the message, not copied
         * @param flags        its flags
         * @param internalDate its internal date
         */
        public NewMessage(byte[] bytes, Flags flags, OffsetDateTime internalDate) {
            this(bytes, flags, internalDate, null, 0);
        }

        /**
         * A copy of {@code m} (COPY, MOVE): same bytes, flags, internal date and EMAILID, saved now.
         *
         * @param m the message to copy
         * @return the copy to add
         */
        public static NewMessage copyOf(Message m) {
            return new NewMessage(m.bytes(), m.flags(), m.internalDate(), null, m.emailId());
        }

        /** {@code m} moved as it is into a replacement mailbox: its save date is kept too. */
        static NewMessage moved(Message m) {
            return new NewMessage(m.bytes(), m.flags(), m.internalDate(), m.savedDate(), m.emailId());
        }
    }

    /**
     * What a session sees when it selects.
     *
     * @param messages   the messages in UID order, a copy
     * @param recentFrom the lowest UID that is \Recent for this session; messages at or above it are
     * @param uidNext    UIDNEXT at that instant
     */
    public record Selection(List<Message> messages, long recentFrom, long uidNext) {
    }

    /**
     * The STATUS counters; {@code size} is the octets of all messages (RFC 8438), {@code deleted}
     * and {@code deletedSize} the number and octets of those flagged \Deleted (RFC 9208 §4.2).
     *
     * @param messages      MESSAGES, the number of messages
     * @param recent        RECENT, the messages not yet claimed as \Recent by a session
     * @param uidNext       UIDNEXT
     * @param uidValidity   UIDVALIDITY
     * @param unseen        UNSEEN, the messages without \Seen
     * @param highestModSeq HIGHESTMODSEQ
     * @param size          SIZE, the octets of all messages
     * @param deleted       DELETED, the messages flagged \Deleted
     * @param deletedSize   DELETED-STORAGE's basis, the octets of those messages
     */
    public record Status(int messages, int recent, long uidNext, long uidValidity, int unseen, long highestModSeq,
                         long size, int deleted, long deletedSize) {
    }

    /**
     * What a flag update did: the messages whose flags changed (each now at the update's
     * mod-sequence), and those an UNCHANGEDSINCE condition kept from changing.
     *
     * @param changed  the messages whose flags changed, in the order of the targets
     * @param modified the messages left alone because their mod-sequence was above UNCHANGEDSINCE
     */
    public record FlagUpdate(List<Message> changed, List<Message> modified) {
    }
}
