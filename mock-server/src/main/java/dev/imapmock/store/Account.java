package dev.imapmock.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One user's mailboxes and subscriptions. Names are decoded (not modified UTF-7), have the
 * store's {@link #delimiter()} between their levels ({@code /} unless the server was built with
 * another), and {@code INBOX} is case-insensitive (RFC 3501 §5.1). Thread-safe: tree changes are
 * serialized on the account.
 *
 * <p>Special uses (RFC 6154) come from two places: the account's {@link SpecialUseMailboxes},
 * which give uses to names, as Dovecot's configuration does; and uses given to one mailbox (CREATE
 * with USE, a fixture's sidecar), which replace the configured ones and move with the mailbox when
 * it is renamed.
 */
public final class Account {
    /**
     * The default hierarchy delimiter, {@code /}; an account's own is {@link #delimiter()}, which a
     * server built with {@code hierarchyDelimiter} or a profile with a {@code delimiter} sets.
     */
    public static final char DELIMITER = '/';
    /** The inbox's canonical name; any case names it (RFC 3501 section 5.1). */
    public static final String INBOX = "INBOX";

    private final String user;
    private volatile String password;
    private final AtomicLong uidValidities;
    private final Clock clock;
    private final char delimiter;
    private final Quota quota;
    private final TreeMap<String, Mailbox> mailboxes = new TreeMap<>();
    private final TreeSet<String> subscriptions = new TreeSet<>();
    private final SpecialUseMailboxes specialUse;
    /** The sessions with NOTIFY on, shared with every mailbox of the account. */
    private final List<AccountListener> watchers = new CopyOnWriteArrayList<>();
    /** The server annotations (RFC 5464, mailbox name ""), as this account's user sees them. */
    private final Annotations serverAnnotations = new Annotations(
            entries -> tell(new AccountEvent.MetadataChange("", List.copyOf(entries))));
    /** Whether users other than the owner keep their own \Seen ({@link MailStore#privateSeen(boolean)}). */
    private volatile boolean privateSeen;
    /** Gmail's labels, when the account has them (the gmail profile), else null. */
    private volatile Labels labels;

    /** An account with INBOX and the mailboxes {@code specialUse} names, created in its order. */
    Account(String user, String password, AtomicLong uidValidities, StoreLimits limits,
            SpecialUseMailboxes specialUse, Clock clock, char delimiter) {
        this(user, password, uidValidities, new Quota(limits), specialUse, clock, delimiter);
    }

    private Account(String user, String password, AtomicLong uidValidities, Quota quota,
                    SpecialUseMailboxes specialUse, Clock clock, char delimiter) {
        this.delimiter = delimiter;
        this.user = user;
        this.password = password;
        this.uidValidities = uidValidities;
        this.clock = clock;
        this.quota = quota;
        this.specialUse = specialUse;
        mailboxes.put(INBOX, new Mailbox(INBOX, uidValidities.getAndIncrement(), quota, clock, watchers, this));
        for (String name : specialUse.mailboxes().keySet()) {
            if (mailboxes.get(name) == null) {
                create(name);
            }
        }
    }

    /**
     * Turns on Gmail's labels for this account (the gmail profile does): a message is stored once
     * and shows in the {@code \All} mailbox and in the mailbox of each of its labels; see
     * {@link Labels}. The quota counts each message once from then on, however many label
     * mailboxes hold a copy, as Gmail's storage quota does. Idempotent.
     *
     * @return the account's labels
     */
    public synchronized Labels useLabels() {
        if (labels == null) {
            List<Message> held = new ArrayList<>();
            for (Mailbox m : mailboxes.values()) {
                held.addAll(m.messages());
            }
            quota.countOnce(held);
            labels = new Labels(this);
        }
        return labels;
    }

    /** Whether users other than the owner keep their own \Seen on this account's mailboxes. */
    boolean privateSeen() {
        return privateSeen;
    }

    void privateSeen(boolean on) {
        privateSeen = on;
    }

    /** {@return the account's labels, or null when it has none (every profile but gmail)} */
    public Labels labels() {
        return labels;
    }

    /**
     * {@return the hierarchy delimiter between the levels of this account's names, the store's
     * ({@link Namespaces#delimiter()})}
     */
    public char delimiter() {
        return delimiter;
    }

    /** {@return the login name; null for the shared namespace's account, which never logs in} */
    public String user() {
        return user;
    }

    /**
     * The server annotations (RFC 5464, GETMETADATA and SETMETADATA with the mailbox name ""). An
     * account has one user, so its {@code /private} entries are that user's and its
     * {@code /shared} ones stand for what every user would see; a mailbox's own are on the
     * {@link Mailbox}.
     *
     * @return the server annotations of this account
     */
    public Annotations annotations() {
        return serverAnnotations;
    }

    /**
     * {@return what the account holds against its limits, the account's quota root (RFC 9208); its
     * limits can be changed there}
     */
    public Quota quota() {
        return quota;
    }

    /**
     * The password itself, for the challenge-response mechanisms that key a MAC with it (CRAM-MD5,
     * SCRAM-SHA-256); a mock server keeps it as given.
     *
     * @return the password; null for the shared namespace's account
     */
    public String password() {
        return password;
    }

    /**
     * Changes the password; the next LOGIN or AUTHENTICATE checks the new one, sessions logged in stay.
     *
     * @param newPassword the new password
     */
    public void password(String newPassword) {
        this.password = java.util.Objects.requireNonNull(newPassword, "password");
    }

    /** The special-use mailboxes this account was configured with. */
    SpecialUseMailboxes configuredSpecialUse() {
        return specialUse;
    }

    boolean passwordMatches(String candidate) {
        return java.security.MessageDigest.isEqual(
                password.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The canonical form of a name under the default delimiter {@code /}; see
     * {@link #canonical(String, char)}, and {@link #canonicalName(String)} for this account's.
     *
     * @param name a decoded mailbox name
     * @return the name as an account with the delimiter {@code /} stores it
     */
    public static String canonical(String name) {
        return canonical(name, DELIMITER);
    }

    /**
     * The canonical form of a name: INBOX (any case) as the first level becomes {@code INBOX};
     * every other level keeps its case, since other names are case-sensitive.
     *
     * @param name      a decoded mailbox name
     * @param delimiter the hierarchy delimiter that ends the first level
     * @return the name as an account with this delimiter stores it
     */
    public static String canonical(String name, char delimiter) {
        int slash = name.indexOf(delimiter);
        String first = slash < 0 ? name : name.substring(0, slash);
        return first.equalsIgnoreCase(INBOX) ? INBOX + name.substring(first.length()) : name;
    }

    /**
     * The canonical form of a name in this account, {@link #canonical(String, char)} with its
     * {@link #delimiter()}.
     *
     * @param name a decoded mailbox name
     * @return the name as the account stores it
     */
    public String canonicalName(String name) {
        return canonical(name, delimiter);
    }

    /**
     * The mailbox with this name, selectable or {@code \Noselect}.
     *
     * @param name a decoded mailbox name, INBOX in any case
     * @return the mailbox, or null when there is none
     */
    public synchronized Mailbox mailbox(String name) {
        return mailboxes.get(canonicalName(name));
    }

    /**
     * The selectable mailbox with this name.
     *
     * @param name a decoded mailbox name, INBOX in any case
     * @return the mailbox, never null
     * @throws MailboxException with {@link MailboxException.Reason#NONEXISTENT} when there is none,
     *                          or the name only holds children
     */
    public synchronized Mailbox require(String name) {
        Mailbox m = mailboxes.get(canonicalName(name));
        if (m == null || m.isNoselect()) {
            throw new MailboxException(MailboxException.Reason.NONEXISTENT, "Mailbox doesn't exist: " + name);
        }
        return m;
    }

    /**
     * Creates a mailbox and any missing parent (RFC 3501 §6.3.3); one trailing delimiter is
     * allowed and means the same name. It has the special uses configured for its name.
     *
     * @param requested the name, INBOX in any case
     * @return the new mailbox, empty, with a new UIDVALIDITY
     * @throws MailboxException with {@link MailboxException.Reason#ALREADY_EXISTS} when a selectable
     *                          mailbox has that name, {@link MailboxException.Reason#INVALID_NAME}
     *                          when it is empty, has an empty level or a control character, or is
     *                          longer than 1024 characters
     */
    public synchronized Mailbox create(String requested) {
        return create(requested, null);
    }

    /**
     * Creates a mailbox as {@link #create(String)} does, with these special uses instead of the
     * configured ones (none when empty); null for the configured ones (CREATE ... USE, RFC 6154 §3).
     * A {@code \Noselect} name is made a mailbox again.
     *
     * @param requested the name, INBOX in any case
     * @param uses      the mailbox's own special uses, or null for the configured ones
     * @return the new mailbox
     * @throws MailboxException as {@link #create(String)}
     */
    public synchronized Mailbox create(String requested, Set<SpecialUse> uses) {
        String name = canonicalName(stripTrailingDelimiter(requested));
        validate(name, delimiter);
        Mailbox existing = mailboxes.get(name);
        if (existing != null && !existing.isNoselect()) {
            throw new MailboxException(MailboxException.Reason.ALREADY_EXISTS, "Mailbox already exists: " + name);
        }
        createParents(name);
        Mailbox created = new Mailbox(name, uidValidities.getAndIncrement(), quota, clock, watchers, this);
        created.ownUses(uses == null ? null : frozen(uses));
        mailboxes.put(name, created);
        tell(new AccountEvent.NameChange(name, null, true));
        return created;
    }

    /**
     * The special uses of a name: those given to its mailbox, else those configured for the name
     * (which a name keeps when its mailbox is gone or only holds children, as in Dovecot).
     *
     * @param requested a mailbox name, which need not exist
     * @return the uses, an unmodifiable set, empty when there are none
     */
    public synchronized Set<SpecialUse> specialUses(String requested) {
        String name = canonicalName(requested);
        Mailbox m = mailboxes.get(name);
        Set<SpecialUse> own = m == null ? null : m.ownUses();
        return own != null ? own : specialUse.usesOf(name);
    }

    /**
     * Gives an existing mailbox these special uses instead of the configured ones (none when
     * empty); they move with it on RENAME.
     *
     * @param requested the mailbox's name
     * @param uses      its uses; copied
     * @throws MailboxException with {@link MailboxException.Reason#NONEXISTENT} when there is no
     *                          such mailbox
     */
    public synchronized void specialUses(String requested, Set<SpecialUse> uses) {
        String name = canonicalName(requested);
        Mailbox m = mailboxes.get(name);
        if (m == null) {
            throw new MailboxException(MailboxException.Reason.NONEXISTENT, "Mailbox doesn't exist: " + name);
        }
        m.ownUses(frozen(uses));
    }

    private static Set<SpecialUse> frozen(Set<SpecialUse> uses) {
        return Collections.unmodifiableSet(uses.isEmpty() ? EnumSet.noneOf(SpecialUse.class) : EnumSet.copyOf(uses));
    }

    /**
     * Deletes a mailbox (RFC 3501 §6.3.4). INBOX cannot be deleted. A mailbox with children
     * loses its messages and becomes \Noselect; a \Noselect one with children cannot be deleted.
     * Its annotations go with it; sessions that have it selected are told it is gone.
     *
     * @param requested the mailbox's name
     * @throws MailboxException with {@link MailboxException.Reason#CANNOT} for INBOX or a
     *                          {@code \Noselect} mailbox with children,
     *                          {@link MailboxException.Reason#NONEXISTENT} when there is none
     */
    public synchronized void delete(String requested) {
        String name = canonicalName(requested);
        if (name.equals(INBOX)) {
            throw new MailboxException(MailboxException.Reason.CANNOT, "INBOX can't be deleted");
        }
        Mailbox m = mailboxes.get(name);
        if (m == null) {
            throw new MailboxException(MailboxException.Reason.NONEXISTENT, "Mailbox doesn't exist: " + name);
        }
        if (hasChildren(name)) {
            if (m.isNoselect()) {
                throw new MailboxException(MailboxException.Reason.CANNOT,
                        "Mailbox has children and no messages of its own: delete its children first");
            }
            m.removeAll(true, true);
            m.ownUses(null);
        } else {
            mailboxes.remove(name);
            m.removeAll(false, true);
        }
        m.annotations().clear();
        tell(new AccountEvent.NameChange(name, null, false));
    }

    /**
     * Renames a mailbox with its children (RFC 3501 §6.3.5). Renaming INBOX moves its messages
     * to a new mailbox and leaves INBOX empty. Missing parents of the new name are created; the
     * mailboxes keep their UIDVALIDITY, messages and annotations.
     *
     * @param fromRequested the mailbox's name now
     * @param toRequested   its new name; one trailing delimiter is allowed
     * @throws MailboxException with {@link MailboxException.Reason#NONEXISTENT} when there is no
     *                          such mailbox, {@link MailboxException.Reason#ALREADY_EXISTS} when the
     *                          new name is taken, {@link MailboxException.Reason#CANNOT} for a
     *                          rename to its own child, {@link MailboxException.Reason#INVALID_NAME}
     *                          for an invalid new name
     */
    public synchronized void rename(String fromRequested, String toRequested) {
        String from = canonicalName(fromRequested);
        String to = canonicalName(stripTrailingDelimiter(toRequested));
        validate(to, delimiter);
        Mailbox source = mailboxes.get(from);
        if (source == null) {
            throw new MailboxException(MailboxException.Reason.NONEXISTENT, "Mailbox doesn't exist: " + from);
        }
        Mailbox target = mailboxes.get(to);
        if (target != null) {
            throw new MailboxException(MailboxException.Reason.ALREADY_EXISTS, "Mailbox already exists: " + to);
        }
        if (to.startsWith(from + delimiter)) {
            throw new MailboxException(MailboxException.Reason.CANNOT, "Can't rename a mailbox to its own child");
        }
        if (from.equals(INBOX)) {
            renameInbox(source, to);
            tell(new AccountEvent.NameChange(to, from, true));
            return;
        }
        createParents(to);
        List<Mailbox> moved = new ArrayList<>();
        for (Map.Entry<String, Mailbox> e : mailboxes.entrySet()) {
            if (e.getKey().equals(from) || e.getKey().startsWith(from + delimiter)) {
                moved.add(e.getValue());
            }
        }
        for (Mailbox m : moved) {
            mailboxes.remove(m.name());
        }
        for (Mailbox m : moved) {
            String newName = to + m.name().substring(from.length());
            m.rename(newName);
            mailboxes.put(newName, m);
        }
        tell(new AccountEvent.NameChange(to, from, true));
    }

    private void renameInbox(Mailbox inbox, String to) {
        createParents(to);
        Mailbox target = new Mailbox(to, uidValidities.getAndIncrement(), quota, clock, watchers, this);
        // RFC 5464 §4.1: the new mailbox gets a copy of INBOX's annotations, which INBOX keeps.
        target.annotations().replace(inbox.annotations().all());
        mailboxes.put(to, target);
        List<Mailbox.NewMessage> moved = new ArrayList<>();
        for (Message m : inbox.removeAll(false, false)) {
            moved.add(Mailbox.NewMessage.moved(m));
        }
        target.restore(moved);
    }

    /**
     * Replaces a mailbox with a fresh one under a new UIDVALIDITY, holding the same messages
     * (bytes, flags, internal dates) with UIDs from 1. Sessions that had it selected are told it
     * is gone, as after DELETE; a client must resynchronize from scratch (RFC 3501 §2.3.1.1).
     * Its save dates, own special uses and annotations are kept.
     *
     * @param requested the mailbox's name
     * @return the new mailbox
     * @throws MailboxException with {@link MailboxException.Reason#NONEXISTENT} when there is no
     *                          such selectable mailbox
     */
    public synchronized Mailbox recreate(String requested) {
        String name = canonicalName(requested);
        Mailbox old = mailboxes.get(name);
        if (old == null || old.isNoselect()) {
            throw new MailboxException(MailboxException.Reason.NONEXISTENT, "Mailbox doesn't exist: " + name);
        }
        List<Mailbox.NewMessage> kept = new ArrayList<>();
        for (Message m : old.removeAll(false, true)) {
            kept.add(Mailbox.NewMessage.moved(m));
        }
        Mailbox fresh = new Mailbox(name, uidValidities.getAndIncrement(), quota, clock, watchers, this);
        fresh.ownUses(old.ownUses());
        fresh.annotations().replace(old.annotations().all());
        fresh.restore(kept);
        mailboxes.put(name, fresh);
        return fresh;
    }

    /**
     * Replaces every mailbox, message and subscription with {@code content}, as if the account had
     * just been created and seeded with it: INBOX and the configured special-use mailboxes exist,
     * then each mailbox of {@code content} is created (with its parents) and filled in order. Every
     * session that has a mailbox of this account selected is told it is gone; UIDVALIDITY values
     * are new. Checked first on a detached copy, so a name or quota the store refuses changes
     * nothing. Subscriptions are those {@code content} marks as subscribed.
     *
     * @param content the mailboxes with their messages, in the order they are created
     * @throws MailboxException when a mailbox name is invalid or the messages exceed the limits
     */
    public synchronized void replaceMail(List<MailboxContent> content) {
        replaceMail(content, List.of());
    }

    synchronized void replaceMail(List<MailboxContent> content, List<String> subscribed) {
        check(content);
        for (Mailbox m : mailboxes.values()) {
            m.removeAll(false, true);
        }
        mailboxes.clear();
        subscriptions.clear();
        mailboxes.put(INBOX, new Mailbox(INBOX, uidValidities.getAndIncrement(), quota, clock, watchers, this));
        for (String name : specialUse.mailboxes().keySet()) {
            if (mailboxes.get(name) == null) {
                create(name);
            }
        }
        fill(content);
        for (String name : subscribed) {
            subscriptions.add(canonicalName(name));
        }
        for (MailboxContent box : content) {
            if (box.subscribed()) {
                subscriptions.add(canonicalName(box.name()));
            }
        }
    }

    /** Fails as {@link #replaceMail} would, changing nothing. */
    void check(List<MailboxContent> content) {
        scratchCopy().fill(content);
    }

    /** A detached, empty account with the same name, limits and configuration, to try changes on. */
    Account scratchCopy() {
        return new Account(user, password, new AtomicLong(1), quota.emptyCopy(), specialUse, clock, delimiter);
    }

    /** Removes every mailbox and tells the sessions that have one selected that it is gone. */
    synchronized void removeAllMail() {
        for (Mailbox m : mailboxes.values()) {
            m.removeAll(false, true);
        }
        mailboxes.clear();
        subscriptions.clear();
    }

    private void fill(List<MailboxContent> content) {
        for (MailboxContent box : content) {
            Mailbox mailbox = mailboxes.get(canonicalName(box.name()));
            if (mailbox == null || mailbox.isNoselect()) {
                mailbox = create(box.name());
            }
            if (box.specialUses() != null) {
                mailbox.ownUses(frozen(box.specialUses()));
            }
            mailbox.append(box.messages());
        }
    }

    /**
     * What the account holds now: every mailbox with its own special uses and messages, in name
     * order. With labels, each message keeps its EMAILID, so that putting the content back makes
     * one message with the same labels again rather than one message per folder.
     */
    synchronized List<MailboxContent> content() {
        List<MailboxContent> content = new ArrayList<>();
        for (Mailbox m : mailboxes.values()) {
            if (m.isNoselect()) {
                continue;
            }
            List<Mailbox.NewMessage> messages = new ArrayList<>();
            for (Message message : m.messages()) {
                messages.add(labels == null
                        ? new Mailbox.NewMessage(message.bytes(), message.flags(), message.internalDate())
                        : new Mailbox.NewMessage(message.bytes(), message.flags(), message.internalDate(), null,
                                message.emailId()));
            }
            content.add(new MailboxContent(m.name(), m.ownUses(), messages));
        }
        return content;
    }

    /** The ACLs that differ from a new mailbox's, by mailbox name, for a snapshot. */
    synchronized Map<String, List<Map.Entry<String, Rights>>> acls() {
        Map<String, List<Map.Entry<String, Rights>>> acls = new TreeMap<>();
        for (Mailbox m : mailboxes.values()) {
            if (!m.acl().isDefault()) {
                acls.put(m.name(), m.acl().entries());
            }
        }
        return acls;
    }

    /** Gives the named mailboxes these ACLs (a snapshot's restore); names without a mailbox are skipped. */
    synchronized void acls(Map<String, List<Map.Entry<String, Rights>>> acls) {
        for (Map.Entry<String, List<Map.Entry<String, Rights>>> e : acls.entrySet()) {
            Mailbox m = mailboxes.get(e.getKey());
            if (m != null) {
                m.acl().replace(e.getValue());
            }
        }
    }

    /** The annotations of each mailbox that has some, by name, for a snapshot. */
    synchronized Map<String, Map<String, byte[]>> mailboxAnnotations() {
        Map<String, Map<String, byte[]>> all = new TreeMap<>();
        for (Mailbox m : mailboxes.values()) {
            if (m.annotations().size() > 0) {
                all.put(m.name(), m.annotations().all());
            }
        }
        return all;
    }

    /**
     * One mailbox to put into an account: its name, the special uses it gets instead of those
     * configured for its name (null: the configured ones), its messages in UID order, and whether
     * the account is subscribed to it.
     *
     * @param name        the mailbox's decoded name, the store's delimiter between levels
     * @param specialUses its own special uses, or null for those configured for the name; copied
     * @param messages    its messages, in the order they get their UIDs; copied
     * @param subscribed  whether the account is subscribed to it
     */
    public record MailboxContent(String name, Set<SpecialUse> specialUses, List<Mailbox.NewMessage> messages,
                                 boolean subscribed) {
        /**
         * Copies the uses and messages.
         *
         * @param name        the mailbox's decoded name
         * @param specialUses its own special uses, or null
         * @param messages    its messages
         * @param subscribed  whether the account is subscribed to it
         */
        public MailboxContent {
            java.util.Objects.requireNonNull(name, "name");
            specialUses = specialUses == null ? null : Set.copyOf(specialUses);
            messages = List.copyOf(messages);
        }

        /**
         * A mailbox the account is not subscribed to.
         *
         * @param name        the mailbox's decoded name
         * @param specialUses its own special uses, or null for those configured for the name
         * @param messages    its messages, in the order they get their UIDs
         */
        public MailboxContent(String name, Set<SpecialUse> specialUses, List<Mailbox.NewMessage> messages) {
            this(name, specialUses, messages, false);
        }
    }

    /**
     * Whether some mailbox lies below {@code name} in the hierarchy (RFC 3348 HasChildren).
     *
     * @param name a mailbox name, which need not exist
     * @return true when a mailbox's name starts with {@code name} and the delimiter
     */
    public synchronized boolean hasChildren(String name) {
        String prefix = canonicalName(name) + delimiter;
        String next = mailboxes.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    /** {@return every mailbox, {@code \Noselect} ones included, in name order, as a new list} */
    public synchronized List<Mailbox> mailboxes() {
        return new ArrayList<>(mailboxes.values());
    }

    /**
     * Subscribes to a name (RFC 3501 section 6.3.6), which need not name a mailbox; subscribing twice
     * is no error.
     *
     * @param name the name, INBOX in any case
     */
    public synchronized void subscribe(String name) {
        subscriptions.add(canonicalName(name));
        tell(new AccountEvent.SubscriptionChange(canonicalName(name), true));
    }

    /**
     * Ends a subscription (RFC 3501 section 6.3.7).
     *
     * @param name the subscribed name
     * @throws MailboxException with {@link MailboxException.Reason#NONEXISTENT} when the name is not
     *                          subscribed
     */
    public synchronized void unsubscribe(String name) {
        if (!subscriptions.remove(canonicalName(name))) {
            throw new MailboxException(MailboxException.Reason.NONEXISTENT, "Not subscribed to " + name);
        }
        tell(new AccountEvent.SubscriptionChange(canonicalName(name), false));
    }

    /**
     * Whether {@code name} is subscribed.
     *
     * @param name a name, INBOX in any case
     * @return true when subscribed
     */
    public synchronized boolean subscribed(String name) {
        return subscriptions.contains(canonicalName(name));
    }

    /**
     * From now on {@code listener} hears of every change in this account (NOTIFY, RFC 5465): names,
     * subscriptions, annotations and every mailbox's messages.
     *
     * @param listener the listener; called with a lock held, see {@link AccountListener}
     */
    public void watch(AccountListener listener) {
        watchers.add(listener);
    }

    /**
     * {@code listener} hears of nothing more; nothing happens when it was not watching.
     *
     * @param listener a listener given to {@link #watch}
     */
    public void unwatch(AccountListener listener) {
        watchers.remove(listener);
    }

    private void tell(AccountEvent event) {
        for (AccountListener l : watchers) {
            l.onEvent(event);
        }
    }

    /**
     * {@return the subscribed names in name order, as a new list; they may name mailboxes that no
     * longer exist (RFC 3501 section 6.3.6)}
     */
    public synchronized List<String> subscriptions() {
        return new ArrayList<>(subscriptions);
    }

    private void createParents(String name) {
        int slash = name.indexOf(delimiter);
        while (slash >= 0) {
            String parent = name.substring(0, slash);
            if (!mailboxes.containsKey(parent)) {
                mailboxes.put(parent, new Mailbox(parent, uidValidities.getAndIncrement(), quota, clock, watchers, this));
            }
            slash = name.indexOf(delimiter, slash + 1);
        }
    }

    private String stripTrailingDelimiter(String name) {
        return name.length() > 1 && name.charAt(name.length() - 1) == delimiter
                ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * Refuses what cannot be a mailbox name: empty levels, control characters, over 1024 characters.
     * Only {@code delimiter} separates levels; any other character, {@code /} under {@code .}
     * included, is part of a level.
     */
    static void validate(String name, char delimiter) {
        if (name.isEmpty()) {
            throw new MailboxException(MailboxException.Reason.INVALID_NAME, "Mailbox name is empty");
        }
        if (name.charAt(0) == delimiter || name.contains(String.valueOf(delimiter) + delimiter)
                || name.charAt(name.length() - 1) == delimiter) {
            throw new MailboxException(MailboxException.Reason.INVALID_NAME,
                    "Mailbox name has an empty hierarchy level: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new MailboxException(MailboxException.Reason.INVALID_NAME, "Mailbox name has a control character");
            }
        }
        if (name.length() > 1024) {
            throw new MailboxException(MailboxException.Reason.INVALID_NAME, "Mailbox name is too long");
        }
    }
}
