package dev.imapmock.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gmail's labels over an account's mailboxes, as Gmail's IMAP shows them: a message is one
 * message (one EMAILID, {@code X-GM-MSGID}) that appears in the {@code \All} mailbox
 * ({@code [Gmail]/All Mail}) and in the mailbox of each of its labels, with a UID of its own in
 * each. The store's operations keep that true; each runs after the mailbox that changed has
 * released its lock, and takes one mailbox's lock at a time.
 * <ul>
 * <li>A message added to a mailbox (APPEND, COPY, MOVE) gets that mailbox's label and shows in
 *     All Mail too; one the mailbox already holds is not added twice.</li>
 * <li>Added to Trash or Spam, it loses every other label and leaves All Mail (Gmail keeps trash
 *     and spam out of All Mail); added elsewhere, it leaves Trash and Spam.</li>
 * <li>Expunged from a label's mailbox, it loses that label only; from Trash or Spam it is gone;
 *     from All Mail it goes to Trash, as Gmail's default for the last visible folder does.</li>
 * <li>Flags belong to the message: a change in one mailbox shows in every other, and
 *     {@code \Flagged} is the {@code \Flagged} mailbox's label ({@code [Gmail]/Starred}).</li>
 * </ul>
 * Thread-safe.
 */
public final class Labels {
    /** The label names of the special-use mailboxes, as X-GM-LABELS shows them. */
    private static final String INBOX_LABEL = "\\Inbox";

    private final Account account;
    /** True while this thread applies the consequences of a change: the changes it makes are its own. */
    private final ThreadLocal<Boolean> applying = ThreadLocal.withInitial(() -> false);

    Labels(Account account) {
        this.account = account;
    }

    /** How a STORE changes a message's labels. */
    public enum Change {
        /** {@code X-GM-LABELS}: the labels become these. */
        REPLACE,
        /** {@code +X-GM-LABELS}: these are added. */
        ADD,
        /** {@code -X-GM-LABELS}: these are removed. */
        REMOVE
    }

    /**
     * The labels of {@code message} as X-GM-LABELS shows them in {@code current}: the system
     * labels ({@code \Inbox}, {@code \Sent}, {@code \Draft}, {@code \Important}, {@code \Starred},
     * {@code \Trash}, {@code \Spam}) and the names of the other mailboxes that hold it, in mailbox
     * order, less the label of {@code current} (Gmail leaves out the selected mailbox's own) and
     * All Mail, which is no label.
     *
     * @param current the selected mailbox
     * @param message a message of it
     * @return the labels
     */
    public List<String> labels(Mailbox current, Message message) {
        List<String> labels = new ArrayList<>();
        for (Mailbox mailbox : account.mailboxes()) {
            if (mailbox == current || mailbox.isNoselect() || has(mailbox, SpecialUse.ALL)) {
                continue;
            }
            if (find(mailbox, message.emailId()) != null) {
                labels.add(label(mailbox));
            }
        }
        return labels;
    }

    /**
     * Changes the labels of {@code messages} of {@code current}: a label added puts the message
     * in that label's mailbox, created when it does not exist (as Gmail creates a label that a
     * STORE names); a label removed takes it out. {@code \Inbox} and the system labels name
     * their mailboxes; {@code \Starred} also sets {@code \Flagged}. The label of {@code current}
     * itself is left as it is by {@link Change#REPLACE}, since X-GM-LABELS never shows it.
     *
     * @param current  the selected mailbox
     * @param messages messages of it
     * @param change   replace, add or remove
     * @param names    the labels, as a client writes them
     * @throws MailboxException NONEXISTENT for a system label this account has no mailbox for,
     *                          CANNOT for a label that is no valid mailbox name
     */
    public void change(Mailbox current, Collection<Message> messages, Change change, Collection<String> names) {
        List<Mailbox> named = new ArrayList<>();
        for (String name : names) {
            named.add(mailboxOf(name, change != Change.REMOVE));
        }
        for (Message message : messages) {
            Set<Mailbox> wanted = new LinkedHashSet<>();
            Set<Mailbox> unwanted = new LinkedHashSet<>();
            switch (change) {
                case ADD -> wanted.addAll(named);
                case REMOVE -> unwanted.addAll(named);
                case REPLACE -> {
                    wanted.addAll(named);
                    for (Mailbox mailbox : account.mailboxes()) {
                        if (mailbox != current && !has(mailbox, SpecialUse.ALL) && !named.contains(mailbox)
                                && find(mailbox, message.emailId()) != null) {
                            unwanted.add(mailbox);
                        }
                    }
                }
            }
            for (Mailbox mailbox : wanted) {
                if (mailbox != null && find(mailbox, message.emailId()) == null) {
                    mailbox.append(List.of(Mailbox.NewMessage.copyOf(message)));
                }
            }
            for (Mailbox mailbox : unwanted) {
                Message copy = mailbox == null ? null : find(mailbox, message.emailId());
                if (copy != null) {
                    mailbox.expunge(Set.of(copy.uid()));
                }
            }
        }
    }

    /** After {@code added} arrived in {@code target} (new, or the copies it already held). */
    void appended(Mailbox target, List<Message> added) {
        if (applying.get()) {
            return;
        }
        applying.set(true);
        try {
            boolean bin = has(target, SpecialUse.TRASH) || has(target, SpecialUse.JUNK);
            Mailbox all = special(SpecialUse.ALL);
            for (Message m : added) {
                if (bin) {
                    removeEverywhereBut(target, m.emailId());
                    continue;
                }
                // A message new to the store (its EMAILID is the one this mailbox gave it) has no other
                // copy yet: one in All Mail, and in Starred when flagged, is all it needs.
                boolean fresh = m.emailId() == ((target.uidValidity() << 32) | m.uid());
                if (all != null && all != target && (fresh || find(all, m.emailId()) == null)) {
                    all.append(List.of(Mailbox.NewMessage.copyOf(m)));
                }
                if (fresh && !m.flags().has(Flags.FLAGGED) && !has(target, SpecialUse.FLAGGED)) {
                    continue;
                }
                for (SpecialUse use : List.of(SpecialUse.TRASH, SpecialUse.JUNK)) {
                    Mailbox other = special(use);
                    Message there = other == null ? null : find(other, m.emailId());
                    if (there != null) {
                        other.expunge(Set.of(there.uid()));
                    }
                }
                if (has(target, SpecialUse.FLAGGED) && !m.flags().has(Flags.FLAGGED)) {
                    target.updateFlags(List.of(m), f -> f.plus(Flags.of(List.of("\\Flagged"))), null);
                }
                spread(m);
            }
        } finally {
            applying.set(false);
        }
    }

    /** After the flags of {@code changed} in {@code mailbox} changed. */
    void flagsChanged(Mailbox mailbox, List<Message> changed) {
        if (applying.get()) {
            return;
        }
        applying.set(true);
        try {
            for (Message m : changed) {
                spread(m);
            }
        } finally {
            applying.set(false);
        }
    }

    /** After {@code gone} left {@code mailbox}. */
    void expunged(Mailbox mailbox, List<Message> gone) {
        if (applying.get()) {
            return;
        }
        applying.set(true);
        try {
            for (Message m : gone) {
                if (has(mailbox, SpecialUse.TRASH) || has(mailbox, SpecialUse.JUNK)) {
                    removeEverywhereBut(null, m.emailId());
                } else if (has(mailbox, SpecialUse.ALL)) {
                    Mailbox trash = special(SpecialUse.TRASH);
                    removeEverywhereBut(trash, m.emailId());
                    if (trash != null && find(trash, m.emailId()) == null) {
                        trash.append(List.of(Mailbox.NewMessage.copyOf(m)));
                    }
                } else if (has(mailbox, SpecialUse.FLAGGED)) {
                    // Unstarred: the message keeps its other labels, without \Flagged.
                    for (Mailbox other : account.mailboxes()) {
                        Message copy = find(other, m.emailId());
                        if (copy != null && copy.flags().has(Flags.FLAGGED)) {
                            other.updateFlags(List.of(copy), f -> f.minus(Flags.of(List.of("\\Flagged"))), null);
                        }
                    }
                }
            }
        } finally {
            applying.set(false);
        }
    }

    /**
     * Gives every copy of {@code m} its flags, and puts it in or takes it out of Starred by
     * {@code \Flagged}. {@code \Deleted} stays each copy's own: it marks the copy for EXPUNGE,
     * which takes one label away, not the message.
     */
    private void spread(Message m) {
        Flags deleted = Flags.of(List.of("\\Deleted"));
        Flags flags = m.flags().minus(deleted);
        for (Mailbox other : account.mailboxes()) {
            Message copy = find(other, m.emailId());
            if (copy != null && copy != m && !copy.flags().minus(deleted).equals(flags)) {
                other.updateFlags(List.of(copy), f -> f.has(Flags.DELETED) ? flags.plus(deleted) : flags, null);
            }
        }
        Mailbox starred = special(SpecialUse.FLAGGED);
        if (starred == null) {
            return;
        }
        Message there = find(starred, m.emailId());
        boolean inBin = inBin(m.emailId());
        if (flags.has(Flags.FLAGGED) && there == null && !inBin) {
            starred.append(List.of(Mailbox.NewMessage.copyOf(m)));
        } else if (!flags.has(Flags.FLAGGED) && there != null) {
            starred.expunge(Set.of(there.uid()));
        }
    }

    private boolean inBin(long emailId) {
        for (SpecialUse use : List.of(SpecialUse.TRASH, SpecialUse.JUNK)) {
            Mailbox bin = special(use);
            if (bin != null && find(bin, emailId) != null) {
                return true;
            }
        }
        return false;
    }

    private void removeEverywhereBut(Mailbox keep, long emailId) {
        for (Mailbox other : account.mailboxes()) {
            if (other == keep) {
                continue;
            }
            Message copy = find(other, emailId);
            if (copy != null) {
                other.expunge(Set.of(copy.uid()));
            }
        }
    }

    /** The mailbox a label names: a system label's special-use mailbox, INBOX, or the mailbox of that name. */
    private Mailbox mailboxOf(String label, boolean create) {
        String lower = label.toLowerCase(Locale.ROOT);
        if (label.startsWith("\\")) {
            if (lower.equals("\\inbox")) {
                return account.mailbox(Account.INBOX);
            }
            for (SpecialUse use : SpecialUse.values()) {
                String system = systemLabel(use);
                if (system != null && system.equalsIgnoreCase(label)) {
                    Mailbox m = special(use);
                    if (m == null) {
                        throw new MailboxException(MailboxException.Reason.NONEXISTENT,
                                "No mailbox for the label " + label);
                    }
                    return m;
                }
            }
            throw new MailboxException(MailboxException.Reason.NONEXISTENT, "No system label " + label);
        }
        Mailbox m = account.mailbox(label);
        if (m == null && create) {
            m = account.create(label);
        }
        if (m != null && m.isNoselect()) {
            throw new MailboxException(MailboxException.Reason.CANNOT, label + " cannot hold messages");
        }
        return m;
    }

    /**
     * The label a mailbox stands for: {@code \Inbox}, a system label such as {@code \Sent}, or
     * the mailbox's name.
     *
     * @param mailbox a mailbox of the account
     * @return the label, or the name for All Mail, which is no label
     */
    public String label(Mailbox mailbox) {
        if (mailbox.name().equals(Account.INBOX)) {
            return INBOX_LABEL;
        }
        for (SpecialUse use : account.specialUses(mailbox.name())) {
            String system = systemLabel(use);
            if (system != null) {
                return system;
            }
        }
        return mailbox.name();
    }

    /** Gmail's name of the label of a special use, or null for All Mail and uses Gmail has no label for. */
    private static String systemLabel(SpecialUse use) {
        return switch (use) {
            case SENT -> "\\Sent";
            case DRAFTS -> "\\Draft";
            case IMPORTANT -> "\\Important";
            case FLAGGED -> "\\Starred";
            case TRASH -> "\\Trash";
            case JUNK -> "\\Spam";
            default -> null;
        };
    }

    private boolean has(Mailbox mailbox, SpecialUse use) {
        return account.specialUses(mailbox.name()).contains(use);
    }

    private Mailbox special(SpecialUse use) {
        for (Mailbox mailbox : account.mailboxes()) {
            if (!mailbox.isNoselect() && has(mailbox, use)) {
                return mailbox;
            }
        }
        return null;
    }

    private static Message find(Mailbox mailbox, long emailId) {
        return mailbox.byEmailId(emailId);
    }
}
