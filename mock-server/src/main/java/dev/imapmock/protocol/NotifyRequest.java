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
        /** {@code SELECTED}: the selected mailbox, its events told as they happen. */
        SELECTED,
        /** {@code SELECTED-DELAYED}: the selected mailbox, expunges told only when that is allowed. */
        SELECTED_DELAYED,
        /** {@code INBOXES}: the mailboxes mail may be delivered to; here, INBOX. */
        INBOXES,
        /** {@code PERSONAL}: every mailbox of the user's personal namespace. */
        PERSONAL,
        /** {@code SUBSCRIBED}: every subscribed mailbox. */
        SUBSCRIBED,
        /** {@code SUBTREE}: the named mailboxes and all mailboxes below them. */
        SUBTREE,
        /** {@code MAILBOXES}: exactly the named mailboxes. */
        MAILBOXES;

        /**
         * True for the filters about the selected mailbox, which take no other group's mailboxes.
         *
         * @return true for {@link #SELECTED} and {@link #SELECTED_DELAYED}
         */
        public boolean selected() {
            return this == SELECTED || this == SELECTED_DELAYED;
        }
    }

    /** The events of RFC 5465 §5, by their wire names; {@link #OTHER} for any other atom. */
    public enum Event {
        /** {@code MessageNew}: a message arrived. */
        MESSAGENEW("MessageNew"),
        /** {@code MessageExpunge}: a message was expunged. */
        MESSAGEEXPUNGE("MessageExpunge"),
        /** {@code FlagChange}: a message's flags changed. */
        FLAGCHANGE("FlagChange"),
        /** {@code AnnotationChange}: a message annotation changed (RFC 5257); refused here with {@code BADEVENT}. */
        ANNOTATIONCHANGE("AnnotationChange"),
        /** {@code MailboxName}: a mailbox was created, deleted or renamed. */
        MAILBOXNAME("MailboxName"),
        /** {@code SubscriptionChange}: a mailbox was subscribed or unsubscribed. */
        SUBSCRIPTIONCHANGE("SubscriptionChange"),
        /** {@code MailboxMetadataChange}: a mailbox's metadata changed (RFC 5464). */
        MAILBOXMETADATACHANGE("MailboxMetadataChange"),
        /** {@code ServerMetadataChange}: the server's metadata changed (RFC 5464). */
        SERVERMETADATACHANGE("ServerMetadataChange"),
        /** Any other event name; the handler answers it with {@code BADEVENT}. */
        OTHER("");

        private final String wire;

        Event(String wire) {
            this.wire = wire;
        }

        /**
         * The event's name as RFC 5465 spells it.
         *
         * @return the wire name, e.g. {@code MessageNew}; empty for {@link #OTHER}
         */
        public String wire() {
            return wire;
        }
    }

    /**
     * One {@code (filter events)} group: the mailboxes of SUBTREE and MAILBOXES, the events (empty
     * for {@code NONE}) and MessageNew's fetch attributes, if any, as sent.
     */
    public record Group(Filter filter, List<String> mailboxes, Set<Event> events, List<Arg> fetch) {
        /**
         * Copies the lists and the set, so the group cannot change after parsing.
         *
         * @param filter the mailbox filter
         * @param mailboxes the mailbox names as sent (modified UTF-7); empty but for SUBTREE and MAILBOXES
         * @param events the events named, empty for {@code NONE}
         * @param fetch MessageNew's fetch attributes as sent, not yet parsed; empty when none were given
         */
        public Group {
            mailboxes = List.copyOf(mailboxes);
            events = events.isEmpty() ? EnumSet.noneOf(Event.class) : EnumSet.copyOf(events);
            fetch = List.copyOf(fetch);
        }
    }

    /**
     * Copies the groups, so the request cannot change after parsing.
     *
     * @param none true for {@code NOTIFY NONE}; then {@code status} is false and {@code groups} empty
     * @param status true when {@code SET STATUS} asks for a STATUS of each mailbox of the groups at once
     * @param groups the event groups in the order sent
     */
    public NotifyRequest {
        groups = List.copyOf(groups);
    }

    /**
     * Parses NOTIFY's arguments; {@link ProtocolException} (BAD) for any syntax error.
     *
     * @param arguments the command's arguments after its name
     * @return the request; its events not yet checked for support
     */
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
