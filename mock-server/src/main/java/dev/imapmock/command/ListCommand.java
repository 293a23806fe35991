package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ListRequest;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.SpecialUse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * LIST (RFC 3501 §6.3.8) with the CHILDREN attributes of RFC 3348 and the special-use attributes
 * of RFC 6154 §2, and the extended LIST of RFC 5258 (see {@link ExtendedListing}). INBOX comes
 * first, then the other names in order.
 */
final class ListCommand implements CommandHandler {
    private final boolean xlist;

    /**
     * With {@code xlist}, Gmail's legacy XLIST: the arguments of a basic LIST, the answers named
     * {@code XLIST}, {@code \\Inbox} on INBOX and Gmail's attribute names for the special uses.
     */
    ListCommand(boolean xlist) {
        this.xlist = xlist;
    }

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        ListRequest request = ListRequest.parse(command.args(), session.extensions());
        if (xlist && request.extended()) {
            throw new ProtocolException("XLIST takes a reference and one pattern, nothing more");
        }
        if (request.extended()) {
            ExtendedListing.write(request, session);
        } else {
            basic(request.reference(), request.patterns().get(0), session, xlist);
        }
        return Completion.ok(xlist ? "XLIST completed." : "LIST completed.");
    }

    private static void basic(String referenceText, String patternText, Session session, boolean xlist)
            throws IOException {
        String response = xlist ? "XLIST " : "LIST ";
        if (patternText.isEmpty()) {
            session.out().untagged(response + "(\\Noselect) " + MailboxNames.delimiter(session) + " \"\"");
            return;
        }
        // A reference or pattern that is not valid modified UTF-7 names no mailbox, so nothing
        // matches: OK with no match, as Dovecot answers (its "&AOQ*" does not match "&AOQ-bc" either).
        String reference = MailboxNames.decodeOrNull(session, referenceText);
        String pattern = MailboxNames.decodeOrNull(session, patternText);
        if (reference == null || pattern == null) {
            return;
        }
        ListPattern matcher = new ListPattern(reference, pattern, session.store().delimiter());
        Listing listing = Listing.of(session);
        List<String> names = new ArrayList<>();
        for (String name : listing.names()) {
            if (matcher.matches(name)) {
                names.add(name);
            }
        }
        for (String name : MailboxNames.inboxFirst(names)) {
            session.out().untagged(line(session, listing, name, xlist));
        }
    }

    /**
     * Adds XLIST's attributes: {@code \\Inbox} on INBOX and each special use under the name Gmail's
     * XLIST gives it ({@code \\Junk} is {@code \\Spam}, {@code \\All} {@code \\AllMail}, {@code \\Flagged}
     * {@code \\Starred}), whether or not SPECIAL-USE is offered.
     */
    private static void addXlistUses(List<String> attributes, Listing listing, String name) {
        if (name.equals(Account.INBOX)) {
            attributes.add("\\Inbox");
        }
        for (SpecialUse use : listing.specialUses(name)) {
            attributes.add(switch (use) {
                case JUNK -> "\\Spam";
                case ALL -> "\\AllMail";
                case FLAGGED -> "\\Starred";
                default -> use.attribute();
            });
        }
    }

    /**
     * The basic LIST response for {@code name}, also the one SELECT sends in IMAP4rev2 (RFC 9051
     * §6.3.2): {@code \\Noselect}, then the CHILDREN and special-use attributes the server offers.
     */
    static String line(Session session, Listing listing, String name) {
        return line(session, listing, name, false);
    }

    /** As {@link #line(Session, Listing, String)}, or with {@code xlist} the XLIST response. */
    private static String line(Session session, Listing listing, String name, boolean xlist) {
        Mailbox m = listing.mailbox(name);
        List<String> attributes = new ArrayList<>();
        if (m == null || m.isNoselect()) {
            attributes.add("\\Noselect");
        }
        if (session.offers(Extension.CHILDREN)) {
            attributes.add(listing.hasChildren(name) ? "\\HasChildren" : "\\HasNoChildren");
        }
        if (xlist) {
            addXlistUses(attributes, listing, name);
        } else if (session.offers(Extension.SPECIAL_USE)) {
            addSpecialUses(attributes, listing.specialUses(name));
        }
        return (xlist ? "XLIST " : "LIST ") + MailboxNames.attributes(attributes) + " " + MailboxNames.delimiter(session) + " "
                + MailboxNames.wire(session, name);
    }

    /** Adds the name's special-use attributes (RFC 6154 §2), in {@link SpecialUse} order. */
    static void addSpecialUses(List<String> attributes, Set<SpecialUse> uses) {
        for (SpecialUse use : uses) {
            attributes.add(use.attribute());
        }
    }
}
