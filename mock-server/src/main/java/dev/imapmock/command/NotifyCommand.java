package dev.imapmock.command;

import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.NotifyRequest;
import dev.imapmock.protocol.NotifyRequest.Event;
import dev.imapmock.server.Notifications;
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
    /** The events this server tells, in the order BADEVENT lists them. */
    private static final Set<Event> SUPPORTED = EnumSet.of(Event.MESSAGENEW, Event.MESSAGEEXPUNGE,
            Event.FLAGCHANGE, Event.MAILBOXNAME, Event.SUBSCRIPTIONCHANGE);

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
                if (!SUPPORTED.contains(e)) {
                    throw CommandException.no("BADEVENT " + supported(), "Unsupported NOTIFY event");
                }
            }
            Set<String> names = new LinkedHashSet<>();
            for (String wire : group.mailboxes()) {
                names.add(MailboxNames.decode(session, wire));
            }
            watches.add(new Notifications.Watch(group.filter(), names, group.events()));
        }
        session.notify(watches, request.status());
        return Completion.ok("NOTIFY completed.");
    }

    private static String supported() {
        StringJoiner list = new StringJoiner(" ", "(", ")");
        for (Event e : SUPPORTED) {
            list.add(e.wire());
        }
        return list.toString();
    }
}
