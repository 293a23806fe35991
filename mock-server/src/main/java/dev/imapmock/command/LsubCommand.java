package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LSUB (RFC 3501 §6.3.9): the subscribed names that match, and, where a subscribed name lies
 * below a level the pattern stops at, that level with \Noselect. LIST-EXTENDED does not change
 * it; with SPECIAL-USE the names carry their special-use attributes, as in Dovecot.
 */
final class LsubCommand implements CommandHandler {

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String referenceText = args.astring("a reference name");
        String patternText = args.astring("a mailbox pattern");
        args.end();
        String reference = MailboxNames.decodeOrNull(session, referenceText);
        String pattern = MailboxNames.decodeOrNull(session, patternText);
        if (patternText.isEmpty() || reference == null || pattern == null) {
            return Completion.ok("LSUB completed.");
        }
        Account account = session.account();
        Map<String, Boolean> found = subscribed(account, new ListPattern(reference, pattern, account.delimiter()));
        for (String name : MailboxNames.inboxFirst(found.keySet())) {
            List<String> attributes = new ArrayList<>();
            if (found.get(name)) {
                attributes.add("\\Noselect");
            }
            if (session.offers(Extension.SPECIAL_USE)) {
                ListCommand.addSpecialUses(attributes, account.specialUses(name));
            }
            session.out().untagged("LSUB " + MailboxNames.attributes(attributes) + " " + MailboxNames.delimiter(session) + " "
                    + MailboxNames.wire(session, name));
        }
        return Completion.ok("LSUB completed.");
    }

    /** Each name to list, with true for a level listed only because a subscribed name lies below it. */
    private static Map<String, Boolean> subscribed(Account account, ListPattern pattern) {
        Map<String, Boolean> found = new LinkedHashMap<>();
        List<String> subscriptions = account.subscriptions();
        for (String name : subscriptions) {
            if (pattern.matches(name)) {
                found.put(name, false);
                continue;
            }
            for (int slash = name.lastIndexOf(account.delimiter()); slash > 0;
                 slash = name.lastIndexOf(account.delimiter(), slash - 1)) {
                String parent = name.substring(0, slash);
                if (pattern.matches(parent) && !subscriptions.contains(parent)) {
                    found.putIfAbsent(parent, true);
                }
            }
        }
        return found;
    }
}
