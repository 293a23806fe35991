package dev.imapmock.protocol;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * NOTIFY's arguments (RFC 5465 §3, §8): {@code NONE}, or {@code SET [STATUS]} and one or more
 * {@code (filter events)} groups. Mailbox names stay as sent (modified UTF-7); the handler decodes
 * them. Events are kept as named, supported or not: which are supported is the handler's answer
 * ({@code NO [BADEVENT ...]}), not a syntax error.
 */
public record NotifyRequest(boolean none, boolean status, List<Group> groups) {

    /** The mailbox filters of RFC 5465 §6. */
    public enum Filter {
        SELECTED, SELECTED_DELAYED, INBOXES, PERSONAL, SUBSCRIBED, SUBTREE, MAILBOXES;

        /** True for the filters about the selected mailbox, which take no other group's mailboxes. */
        public boolean selected() {
            return this == SELECTED || this == SELECTED_DELAYED;
        }
    }

    /** The events of RFC 5465 §5, by their wire names; {@link #OTHER} for any other atom. */
    public enum Event {
        MESSAGENEW("MessageNew"), MESSAGEEXPUNGE("MessageExpunge"), FLAGCHANGE("FlagChange"),
        ANNOTATIONCHANGE("AnnotationChange"), MAILBOXNAME("MailboxName"), SUBSCRIPTIONCHANGE("SubscriptionChange"),
        MAILBOXMETADATACHANGE("MailboxMetadataChange"), SERVERMETADATACHANGE("ServerMetadataChange"), OTHER("");

        private final String wire;

        Event(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /**
     * One {@code (filter events)} group: the mailboxes of SUBTREE and MAILBOXES, the events (empty
     * for {@code NONE}) and MessageNew's fetch attributes, if any, as sent.
     */
    public record Group(Filter filter, List<String> mailboxes, Set<Event> events, List<Arg> fetch) {
        public Group {
            mailboxes = List.copyOf(mailboxes);
            events = events.isEmpty() ? EnumSet.noneOf(Event.class) : EnumSet.copyOf(events);
            fetch = List.copyOf(fetch);
        }
    }

    public NotifyRequest {
        groups = List.copyOf(groups);
    }

    /** Parses NOTIFY's arguments; {@link ProtocolException} (BAD) for any syntax error. */
    public static NotifyRequest parse(List<Arg> arguments) {
        Args args = new Args(arguments);
        String verb = args.atom("SET or NONE").toUpperCase(Locale.ROOT);
        if (verb.equals("NONE")) {
            args.end();
            return new NotifyRequest(true, false, List.of());
        }
        if (!verb.equals("SET")) {
            throw new ProtocolException("NOTIFY takes SET or NONE, not " + verb);
        }
        boolean status = args.peek() instanceof Arg.Atom a && a.text().equalsIgnoreCase("STATUS");
        if (status) {
            args.any("STATUS");
        }
        List<Group> groups = new ArrayList<>();
        while (args.hasMore()) {
            groups.add(group(args.list("event group").items()));
        }
        if (groups.isEmpty()) {
            throw new ProtocolException("NOTIFY SET needs at least one (filter events) group");
        }
        return new NotifyRequest(false, status, groups);
    }

    private static Group group(List<Arg> items) {
        Args args = new Args(items);
        String name = args.atom("mailbox filter");
        Filter filter;
        try {
            filter = Filter.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("Unknown NOTIFY mailbox filter " + name);
        }
        List<String> mailboxes = new ArrayList<>();
        if (filter == Filter.SUBTREE || filter == Filter.MAILBOXES) {
            Arg arg = args.any("mailboxes after " + name);
            for (Arg each : arg instanceof Arg.ListArg list ? list.items() : List.of(arg)) {
                if (each instanceof Arg.ListArg) {
                    throw new ProtocolException("Expected a mailbox name, not a list");
                }
                mailboxes.add(each.text());
            }
            if (mailboxes.isEmpty()) {
                throw new ProtocolException(name + " needs at least one mailbox");
            }
        }
        Set<Event> events = EnumSet.noneOf(Event.class);
        List<Arg> fetch = List.of();
        Arg list = args.any("events");
        if (list instanceof Arg.Atom none && none.text().equalsIgnoreCase("NONE")) {
            args.end();
            return new Group(filter, mailboxes, events, fetch);
        }
        if (!(list instanceof Arg.ListArg eventList) || eventList.items().isEmpty()) {
            throw new ProtocolException("Expected NONE or a list of events");
        }
        args.end();
        Args each = new Args(eventList.items());
        while (each.hasMore()) {
            Event event = event(each.atom("event"));
            events.add(event);
            if (event == Event.MESSAGENEW && each.peek() instanceof Arg.ListArg attributes) {
                each.any("fetch attributes");
                fetch = attributes.items();
            }
        }
        if (filter.selected() && events.contains(Event.MESSAGENEW) != events.contains(Event.MESSAGEEXPUNGE)) {
            throw new ProtocolException("MessageNew and MessageExpunge must be together");
        }
        return new Group(filter, mailboxes, events, fetch);
    }

    private static Event event(String name) {
        for (Event e : Event.values()) {
            if (e.wire.equalsIgnoreCase(name)) {
                return e;
            }
        }
        return Event.OTHER;
    }
}
