package dev.imapmock.server;

import dev.imapmock.protocol.NameEncoding;
import dev.imapmock.protocol.NotifyRequest.Event;
import dev.imapmock.protocol.NotifyRequest.Filter;
import dev.imapmock.protocol.ResponseWriter;
import dev.imapmock.store.Account;
import dev.imapmock.store.AccountEvent;
import dev.imapmock.store.AccountListener;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.MailboxEvent;

import java.io.IOException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What one session asked NOTIFY to tell it (RFC 5465), and the account's changes it has not told
 * yet. Changes to the selected mailbox are left to {@link SelectedMailbox}, which tells them as it
 * always does; the others become {@code * STATUS} (message events) and {@code * LIST} (mailbox
 * names and subscriptions), written when the session may send untagged data: after a command's
 * own responses and during IDLE.
 *
 * <p>Events arrive on any thread; everything else is called by the session's own thread (or by
 * IDLE's helper while the session's thread waits).
 */
public final class Notifications implements AccountListener {

    /** One {@code (filter events)} group with its mailbox names decoded. */
    public record Watch(Filter filter, Set<String> names, Set<Event> events) {
        /**
         * Copies the sets.
         *
         * @param filter the mailbox filter
         * @param names the mailbox names of SUBTREE and MAILBOXES, decoded; empty for the other filters
         * @param events the events asked for, empty for {@code NONE}
         */
        public Watch {
            names = Set.copyOf(names);
            events = Set.copyOf(events);
        }
    }

    private final Account account;
    private final List<Watch> watches;
    /**
     * The most events kept untold. Past it the session gets {@code * OK [NOTIFICATIONOVERFLOW]}
     * and NOTIFY is off (RFC 5465 §5.8): a client that never reads cannot make the server grow
     * without bound.
     */
    static final int MAX_PENDING = 10_000;

    private final ConcurrentLinkedQueue<AccountEvent> pending = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger pendingCount = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean overflowed;
    private volatile Runnable wakeUp = () -> { };
    /** The UIDVALIDITY last told of each mailbox, by its STATUS: told again only when it changed. */
    private final Map<Mailbox, Long> toldUidValidity = new HashMap<>();

    /** {@code previous}: the NOTIFY this one replaces, or null; what it told of UIDVALIDITY stays told. */
    Notifications(Account account, List<Watch> watches, Notifications previous) {
        this.account = account;
        this.watches = List.copyOf(watches);
        if (previous != null) {
            toldUidValidity.putAll(previous.toldUidValidity);
        }
    }

    @Override
    public void onEvent(AccountEvent event) {
        if (overflowed) {
            return;
        }
        if (pendingCount.incrementAndGet() > MAX_PENDING) {
            overflowed = true;
            pending.clear();
        } else {
            pending.add(event);
        }
        wakeUp.run();
    }

    /** {@return whether more events arrived than {@link #MAX_PENDING} before they could be told} */
    public boolean overflowed() {
        return overflowed;
    }

    /**
     * Runs {@code action} whenever a change arrives (IDLE waits on it).
     *
     * @param action run on the thread that changed the store, so it must not block; null for none
     */
    public void onChange(Runnable action) {
        this.wakeUp = action == null ? () -> { } : action;
    }

    /**
     * Tells whether news waits to be told; safe from any thread.
     *
     * @return true when events arrived since the last {@code tell}, or the queue overflowed
     */
    public boolean hasPending() {
        return overflowed || !pending.isEmpty();
    }

    /**
     * The events asked for a mailbox other than the selected one: those of every group whose
     * filter takes it, together, as Dovecot reads several groups (a {@code NONE} group takes
     * nothing away from another that names the mailbox too).
     */
    Set<Event> eventsFor(String name) {
        Set<Event> events = EnumSet.noneOf(Event.class);
        for (Watch w : watches) {
            boolean matches = switch (w.filter()) {
                case SELECTED, SELECTED_DELAYED -> false;
                case INBOXES -> name.equals(Account.INBOX);
                case PERSONAL -> true;
                case SUBSCRIBED -> account.subscribed(name);
                case MAILBOXES -> w.names().contains(name);
                case SUBTREE -> w.names().stream().anyMatch(n -> name.equals(n)
                        || name.startsWith(n + account.delimiter()));
            };
            if (matches) {
                events.addAll(w.events());
            }
        }
        return events;
    }

    /**
     * {@code NOTIFY SET STATUS} (RFC 5465 §3): a STATUS now for every mailbox whose new and
     * expunged messages the client asked to hear of, so that it knows where it starts from; INBOX
     * first, then the others in name order, as Dovecot sends them.
     */
    void tellStatusNow(ResponseWriter out, NameEncoding names, Mailbox selected) throws IOException {
        List<Mailbox> mailboxes = account.mailboxes();
        mailboxes.sort(Comparator.comparing((Mailbox m) -> !m.name().equals(Account.INBOX)));
        for (Mailbox m : mailboxes) {
            if (m != selected && !m.isNoselect() && eventsFor(m.name()).contains(Event.MESSAGENEW)) {
                Mailbox.Status s = m.status();
                toldUidValidity.put(m, s.uidValidity());
                out.untagged("STATUS " + names.astring(m.name()) + " (MESSAGES " + s.messages() + " UIDNEXT " + s.uidNext()
                        + " UIDVALIDITY " + s.uidValidity() + " UNSEEN " + s.unseen() + ")");
            }
        }
    }

    /**
     * Tells what happened since the last call, in order. Message events of one mailbox in a row
     * become one STATUS, as Dovecot sends them: MESSAGES, UIDNEXT and UNSEEN after new or expunged
     * messages, with UIDVALIDITY too the first time the session hears of the mailbox, and UNSEEN
     * alone after flag changes only.
     */
    void tell(ResponseWriter out, NameEncoding names, Mailbox selected) throws IOException {
        Map<Mailbox, Boolean> statuses = new LinkedHashMap<>();
        AccountEvent event;
        while ((event = pending.poll()) != null) {
            pendingCount.decrementAndGet();
            if (event instanceof AccountEvent.MessageChange change) {
                Mailbox m = change.mailbox();
                if (m == selected) {
                    continue;
                }
                Set<Event> wanted = eventsFor(m.name());
                MailboxEvent e = change.event();
                boolean counts = e instanceof MailboxEvent.Appended && wanted.contains(Event.MESSAGENEW)
                        || e instanceof MailboxEvent.Expunged && wanted.contains(Event.MESSAGEEXPUNGE);
                boolean flags = e instanceof MailboxEvent.FlagsChanged && wanted.contains(Event.FLAGCHANGE);
                if (counts || flags) {
                    statuses.merge(m, counts, Boolean::logicalOr);
                }
            } else if (event instanceof AccountEvent.NameChange name) {
                tellStatuses(out, names, statuses);
                if (eventsFor(name.name()).contains(Event.MAILBOXNAME)
                        || name.oldName() != null && eventsFor(name.oldName()).contains(Event.MAILBOXNAME)) {
                    out.untagged("LIST (" + (name.exists() ? "" : "\\NonExistent") + ") \"" + account.delimiter() + "\" "
                            + names.astring(name.name())
                            + (name.oldName() == null ? "" : " (\"OLDNAME\" (" + names.astring(name.oldName()) + "))"));
                }
            } else if (event instanceof AccountEvent.MetadataChange meta) {
                tellStatuses(out, names, statuses);
                boolean server = meta.mailbox().isEmpty();
                boolean wanted = server ? anyGroupWants(Event.SERVERMETADATACHANGE)
                        : selected != null && meta.mailbox().equals(selected.name())
                        ? selectedGroupWants(Event.MAILBOXMETADATACHANGE)
                        : eventsFor(meta.mailbox()).contains(Event.MAILBOXMETADATACHANGE);
                if (wanted) {
                    // RFC 5464 §4.4.2: the unsolicited METADATA response names the entries, no values.
                    out.untagged("METADATA " + (server ? "\"\"" : names.astring(meta.mailbox())) + " "
                            + String.join(" ", meta.entries()));
                }
            } else if (event instanceof AccountEvent.SubscriptionChange sub) {
                tellStatuses(out, names, statuses);
                if (eventsFor(sub.name()).contains(Event.SUBSCRIPTIONCHANGE)) {
                    out.untagged("LIST (" + (sub.subscribed() ? "\\Subscribed" : "") + ") \"" + account.delimiter() + "\" "
                            + names.astring(sub.name()));
                }
            }
        }
        tellStatuses(out, names, statuses);
    }

    /** Whether some group names {@code event}: ServerMetadataChange is about no mailbox (RFC 5465 §5.7). */
    private boolean anyGroupWants(Event event) {
        return watches.stream().anyMatch(w -> w.events().contains(event));
    }

    /** Whether the SELECTED or SELECTED-DELAYED group names {@code event}. */
    private boolean selectedGroupWants(Event event) {
        return watches.stream().anyMatch(w -> w.filter().selected() && w.events().contains(event));
    }

    private void tellStatuses(ResponseWriter out, NameEncoding names, Map<Mailbox, Boolean> statuses) throws IOException {
        for (Map.Entry<Mailbox, Boolean> e : statuses.entrySet()) {
            Mailbox m = e.getKey();
            if (account.mailbox(m.name()) != m || m.isNoselect()) {
                continue;
            }
            Mailbox.Status s = m.status();
            String counts = "";
            if (e.getValue()) {
                Long told = toldUidValidity.put(m, s.uidValidity());
                counts = "MESSAGES " + s.messages() + " UIDNEXT " + s.uidNext() + " "
                        + (told == null || told != s.uidValidity() ? "UIDVALIDITY " + s.uidValidity() + " " : "");
            }
            out.untagged("STATUS " + names.astring(m.name()) + " (" + counts + "UNSEEN " + s.unseen() + ")");
        }
        statuses.clear();
    }

}
