package dev.imapmock.command;

import dev.imapmock.protocol.ListRequest.Return;
import dev.imapmock.protocol.ListRequest.Selection;
import dev.imapmock.protocol.ListRequest;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;
import dev.imapmock.store.Mailbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The extended LIST (RFC 5258) with the SPECIAL-USE options (RFC 6154 §2) and the STATUS return
 * option (RFC 5819). Where the RFCs leave room it answers as Dovecot 2.3 does:
 * <ul>
 *   <li>attributes are only those asked for: child information with RETURN (CHILDREN), special
 *       uses with SPECIAL-USE, {@code \Subscribed} with SUBSCRIBED; in the order \Subscribed,
 *       \NonExistent, children, special uses;</li>
 *   <li>a name that only holds children (a deleted parent) is {@code \NonExistent};</li>
 *   <li>an empty pattern matches nothing: the delimiter query is the basic LIST's;</li>
 *   <li>RECURSIVEMATCH looks for subscribed descendants only: with SUBSCRIBED a listed name that
 *       has one gets CHILDINFO, and a name that matches the pattern and the other options but is
 *       not subscribed is listed for a subscribed descendant the pattern does not match; with
 *       SPECIAL-USE alone it adds nothing;</li>
 *   <li>several selection options must all hold: (SUBSCRIBED SPECIAL-USE) is the subscribed
 *       names with a special use. REMOTE changes nothing: there are no remote mailboxes.</li>
 * </ul>
 * The STATUS response follows the LIST response of each selectable name that the selection
 * options chose, not of a name listed only for its CHILDINFO.
 */
final class ExtendedListing {
    private ExtendedListing() {
    }

    static void write(ListRequest request, Session session) throws IOException {
        if (request.status() != null) {
            Rev2Rules.checkStatus(session, request.status());
        }
        String reference = MailboxNames.decodeOrNull(session, request.reference());
        if (reference == null) {
            return;
        }
        List<ListPattern> patterns = new ArrayList<>();
        for (String text : request.patterns()) {
            String pattern = MailboxNames.decodeOrNull(session, text);
            if (pattern != null && !pattern.isEmpty()) {
                patterns.add(new ListPattern(reference, pattern, session.store().delimiter()));
            }
        }
        if (patterns.isEmpty()) {
            return;
        }
        Listing listing = Listing.of(session);
        Set<String> subscriptions = new HashSet<>(session.account().subscriptions());
        Map<String, Boolean> listed = select(request, listing, patterns, subscriptions);
        Set<String> childInfo = childInfo(request, patterns, subscriptions, listed);
        for (String name : MailboxNames.inboxFirst(listed.keySet())) {
            Mailbox mailbox = listing.mailbox(name);
            boolean exists = mailbox != null && !mailbox.isNoselect();
            List<String> attributes = new ArrayList<>();
            if (request.returns().contains(Return.SUBSCRIBED) && subscriptions.contains(name)) {
                attributes.add("\\Subscribed");
            }
            if (!exists) {
                attributes.add("\\NonExistent");
            }
            if (request.returns().contains(Return.CHILDREN)) {
                attributes.add(listing.hasChildren(name) ? "\\HasChildren" : "\\HasNoChildren");
            }
            if (request.returns().contains(Return.SPECIAL_USE)) {
                ListCommand.addSpecialUses(attributes, listing.specialUses(name));
            }
            session.out().untagged("LIST " + MailboxNames.attributes(attributes) + " " + MailboxNames.delimiter(session) + " "
                    + MailboxNames.wire(session, name)
                    + (childInfo.contains(name) ? " (CHILDINFO (\"SUBSCRIBED\"))" : ""));
            if (!request.status().isEmpty() && exists && listed.get(name) && listing.readable(name)) {
                StatusResponse.write(session, name, mailbox, request.status());
            }
        }
    }

    /**
     * The names the selection options choose (true), and with RECURSIVEMATCH the names listed
     * only because a subscribed descendant that the patterns do not match lies below them (false).
     */
    private static Map<String, Boolean> select(ListRequest request, Listing listing, List<ListPattern> patterns,
                                               Set<String> subscriptions) {
        boolean subscribed = request.selection().contains(Selection.SUBSCRIBED);
        List<String> candidates = new ArrayList<>();
        if (subscribed) {
            candidates.addAll(subscriptions);
        } else {
            candidates.addAll(listing.names());
        }
        Map<String, Boolean> listed = new LinkedHashMap<>();
        for (String name : candidates) {
            if (matches(patterns, name) && specialUseHolds(request, listing, name)) {
                listed.put(name, true);
            }
        }
        if (subscribed && request.selection().contains(Selection.RECURSIVEMATCH)) {
            for (String name : subscriptions) {
                if (matches(patterns, name)) {
                    continue;
                }
                for (String parent : parents(name, patterns.get(0).delimiter())) {
                    if (!listed.containsKey(parent) && matches(patterns, parent) && specialUseHolds(request, listing, parent)) {
                        listed.put(parent, false);
                    }
                }
            }
        }
        return listed;
    }

    /** RFC 5258 section 3.5: the listed names with a subscribed descendant, when RECURSIVEMATCH asks. */
    private static Set<String> childInfo(ListRequest request, List<ListPattern> patterns,
                                         Set<String> subscriptions, Map<String, Boolean> listed) {
        Set<String> childInfo = new HashSet<>();
        if (!request.selection().contains(Selection.RECURSIVEMATCH) || !request.selection().contains(Selection.SUBSCRIBED)) {
            return childInfo;
        }
        for (String name : subscriptions) {
            for (String parent : parents(name, patterns.get(0).delimiter())) {
                if (listed.containsKey(parent)) {
                    childInfo.add(parent);
                }
            }
        }
        return childInfo;
    }

    private static boolean specialUseHolds(ListRequest request, Listing listing, String name) {
        return !request.selection().contains(Selection.SPECIAL_USE) || !listing.specialUses(name).isEmpty();
    }

    private static boolean matches(List<ListPattern> patterns, String name) {
        for (ListPattern pattern : patterns) {
            if (pattern.matches(name)) {
                return true;
            }
        }
        return false;
    }

    /** Every level above {@code name}: {@code a/b/c} has {@code a/b} and {@code a}. */
    private static List<String> parents(String name, char delimiter) {
        List<String> parents = new ArrayList<>();
        for (int slash = name.lastIndexOf(delimiter); slash > 0; slash = name.lastIndexOf(delimiter, slash - 1)) {
            parents.add(name.substring(0, slash));
        }
        return parents;
    }
}
