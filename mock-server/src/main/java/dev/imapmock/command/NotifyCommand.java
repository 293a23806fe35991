package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.FetchItem;
import dev.imapmock.protocol.FetchParser;
import dev.imapmock.protocol.NotifyRequest;
import dev.imapmock.protocol.NotifyRequest.Event;
import dev.imapmock.server.Notifications;
import dev.imapmock.server.SelectedNotify;
import dev.imapmock.server.Session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * NOTIFY SET and NOTIFY NONE (RFC 5465 §3). Events this server cannot tell (the METADATA and
 * ANNOTATE ones, and any it does not know) are refused whole with {@code NO [BADEVENT (...)]}
 * listing those it can (§8), and the previous NOTIFY stays in force.
 */
final class NotifyCommand implements CommandHandler {
    /** The events this server tells without METADATA, in the order BADEVENT lists them. */
    private static final Set<Event> SUPPORTED = EnumSet.of(Event.MESSAGENEW, Event.MESSAGEEXPUNGE,
            Event.FLAGCHANGE, Event.MAILBOXNAME, Event.SUBSCRIPTIONCHANGE);

    /**
     * The events this server tells: with METADATA also MailboxMetadataChange, with METADATA or
     * METADATA-SERVER ServerMetadataChange (RFC 5465 §5.6, §5.7).
     */
    private static Set<Event> supported(Session session) {
        Set<Event> events = EnumSet.copyOf(SUPPORTED);
        if (session.offers(Extension.METADATA)) {
            events.add(Event.MAILBOXMETADATACHANGE);
        }
        if (session.offers(Extension.METADATA) || session.offers(Extension.METADATA_SERVER)) {
            events.add(Event.SERVERMETADATACHANGE);
        }
        return events;
    }

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        NotifyRequest request = NotifyRequest.parse(command.args());
        if (request.none()) {
            session.stopNotifications();
            return Completion.ok("NOTIFY completed.");
        }
        List<Notifications.Watch> watches = new ArrayList<>();
        for (NotifyRequest.Group group : request.groups()) {
            for (Event e : group.events()) {
                if (!supported(session).contains(e)) {
                    throw CommandException.no("BADEVENT " + supportedList(session), "Unsupported NOTIFY event");
                }
            }
            Set<String> names = new LinkedHashSet<>();
            for (String wire : group.mailboxes()) {
                names.add(MailboxNames.decode(session, wire));
            }
            watches.add(new Notifications.Watch(group.filter(), names, group.events()));
        }
        session.notify(watches, request.status(), selectedNotify(request, session));
        return Completion.ok("NOTIFY completed.");
    }

    /**
     * What the SELECTED or SELECTED-DELAYED group asks to hear of the selected mailbox, or null
     * without such a group (the selected mailbox is then told of as IMAP itself asks). MessageNew's
     * fetch attributes are parsed as FETCH's, a bad one BAD, and written as a FETCH writes them,
     * without setting \Seen (RFC 5465 §5.2).
     */
    private static SelectedNotify selectedNotify(NotifyRequest request, Session session) {
        for (NotifyRequest.Group group : request.groups()) {
            if (!group.filter().selected()) {
                continue;
            }
            SelectedNotify.NewMessageFetch fetch = null;
            if (!group.fetch().isEmpty()) {
                List<FetchItem> items = FetchParser.parse(List.of(new Arg.ListArg(group.fetch())),
                        session.extensions()).items();
                Rev2Rules.checkFetch(session, items);
                fetch = (view, seq, message, out) -> new FetchWriter(out, view, items, false, false, session.names())
                        .write(seq, message, false);
            }
            return new SelectedNotify(group.events().contains(Event.FLAGCHANGE), fetch);
        }
        return null;
    }

    private static String supportedList(Session session) {
        StringJoiner list = new StringJoiner(" ", "(", ")");
        for (Event e : supported(session)) {
            list.add(e.wire());
        }
        return list.toString();
    }
}
