package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;
import dev.imapmock.store.Mailbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LIST and LSUB (RFC 3501 §6.3.8, §6.3.9) with the CHILDREN attributes of RFC 3348. INBOX comes
 * first, then the other names in order.
 */
final class ListCommand implements CommandHandler {
    private final boolean subscribedOnly;

    ListCommand(boolean subscribedOnly) {
        this.subscribedOnly = subscribedOnly;
    }

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String referenceText = args.astring("a reference name");
        String patternText = args.astring("a mailbox pattern");
        args.end();
        String verb = subscribedOnly ? "LSUB" : "LIST";
        if (patternText.isEmpty()) {
            if (!subscribedOnly) {
                session.out().untagged("LIST (\\Noselect) \"/\" \"\"");
            }
            return Completion.ok(verb + " completed.");
        }
        // A reference or pattern that is not valid modified UTF-7 names no mailbox, so nothing
        // matches: OK with no match, as Dovecot answers (its "&AOQ*" does not match "&AOQ-bc" either).
        String reference = MailboxNames.decodeOrNull(referenceText);
        String pattern = MailboxNames.decodeOrNull(patternText);
        if (reference == null || pattern == null) {
            return Completion.ok(verb + " completed.");
        }
        ListPattern matcher = new ListPattern(reference, pattern);
        Map<String, String> found = subscribedOnly
                ? subscribed(session.account(), matcher)
                : existing(session.account(), matcher, session.offers(Extension.CHILDREN));
        for (Map.Entry<String, String> e : inboxFirst(found)) {
            session.out().untagged(verb + " (" + e.getValue() + ") \"/\" " + MailboxNames.wire(e.getKey()));
        }
        return Completion.ok(verb + " completed.");
    }

    /** The matching mailboxes; with {@code withChildren} (RFC 3348) each says whether it has children. */
    private static Map<String, String> existing(Account account, ListPattern pattern, boolean withChildren) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Mailbox m : account.mailboxes()) {
            if (pattern.matches(m.name())) {
                String children = !withChildren ? "" : account.hasChildren(m.name()) ? "\\HasChildren" : "\\HasNoChildren";
                found.put(m.name(), m.isNoselect() ? ("\\Noselect " + children).trim() : children);
            }
        }
        return found;
    }

    /**
     * Subscribed names that match; and, where a subscribed name lies below a level the pattern
     * stops at, that level with \Noselect (RFC 3501 §6.3.9).
     */
    private static Map<String, String> subscribed(Account account, ListPattern pattern) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> subscriptions = account.subscriptions();
        for (String name : subscriptions) {
            if (pattern.matches(name)) {
                found.put(name, "");
                continue;
            }
            for (int slash = name.lastIndexOf(Account.DELIMITER); slash > 0;
                 slash = name.lastIndexOf(Account.DELIMITER, slash - 1)) {
                String parent = name.substring(0, slash);
                if (pattern.matches(parent) && !subscriptions.contains(parent)) {
                    found.putIfAbsent(parent, "\\Noselect");
                }
            }
        }
        return found;
    }

    private static List<Map.Entry<String, String>> inboxFirst(Map<String, String> found) {
        List<Map.Entry<String, String>> ordered = new ArrayList<>(found.entrySet());
        ordered.sort((a, b) -> {
            boolean ai = a.getKey().equals(Account.INBOX);
            boolean bi = b.getKey().equals(Account.INBOX);
            return ai != bi ? (ai ? -1 : 1) : a.getKey().compareTo(b.getKey());
        });
        return ordered;
    }
}
