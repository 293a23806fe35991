package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * APPEND's arguments after the mailbox name (RFC 3501 §6.3.11; RFC 3502 MULTIAPPEND; RFC 3516
 * §4.4 literal8; RFC 4469 CATENATE): one message, or with MULTIAPPEND several, each with its
 * optional flag list and date-time, and its content as a literal or, with CATENATE, a list of
 * TEXT literals and URLs. Parsed whole before anything is stored, so that a malformed second
 * message leaves the store unchanged.
 */
public record AppendRequest(List<Message> messages) {

    /**
     * One message to append: its flags as sent, its internal date (null for now), and the parts
     * its octets are the concatenation of: one {@link Part.Text} for a plain literal.
     */
    public record Message(Set<String> flags, OffsetDateTime date, List<Part> parts) {
        public Message {
            parts = List.copyOf(parts);
        }

        /** True when a part came as a literal8 (RFC 3516 §4.4). */
        public boolean binary() {
            return parts.stream().anyMatch(p -> p instanceof Part.Text t && t.binary());
        }
    }

    /** A piece of a message's content. */
    public sealed interface Part {
        /** Octets sent in a literal, or a literal8 when {@code binary}. */
        record Text(byte[] bytes, boolean binary) implements Part {
        }

        /** An IMAP URL of a message or part already stored (RFC 4469 §3), as sent. */
        record Url(String url) implements Part {
        }
    }

    public AppendRequest {
        messages = List.copyOf(messages);
    }

    /**
     * Parses {@code 1*([SP flag-list] [SP date-time] SP literal)} for a server that offers
     * {@code extensions}; without MULTIAPPEND only one message is taken.
     *
     * @throws ProtocolException when a message is missing, not a literal, has a malformed flag
     *     list or date-time, holds NUL in a plain literal, or extra arguments follow
     */
    public static AppendRequest parse(List<Arg> args, Set<Extension> extensions) {
        Args in = new Args(args);
        List<Message> messages = new ArrayList<>();
        do {
            messages.add(message(in, messages.size() + 1, extensions));
        } while (in.hasMore() && extensions.contains(Extension.MULTIAPPEND));
        if (in.hasMore()) {
            throw new ProtocolException("Unexpected extra arguments after the message literal"
                    + (extensions.contains(Extension.MULTIAPPEND) ? "" : " (several messages need MULTIAPPEND,"
                    + " which this server does not offer)"));
        }
        return new AppendRequest(messages);
    }

    private static Message message(Args in, int number, Set<Extension> extensions) {
        String which = number == 1 ? "" : " of message " + number;
        String subject = number == 1 ? "The message" : "Message " + number;
        Set<String> flags = Set.of();
        if (in.peek() instanceof Arg.ListArg) {
            flags = FlagNames.parseFlagList(in.list("a flag list" + which));
        }
        OffsetDateTime date = null;
        if (in.peek() instanceof Arg.Quoted) {
            date = ImapDates.parseDateTime(in.any("a date-time" + which));
        }
        Arg data = in.any("the message literal" + which);
        if (extensions.contains(Extension.CATENATE) && data instanceof Arg.Atom atom
                && ArgParsing.upper(atom.text()).equals("CATENATE")) {
            return new Message(flags, date, catenate(in.list("the CATENATE parts" + which), subject, extensions));
        }
        if (!(data instanceof Arg.Literal literal)) {
            throw new ProtocolException(subject + " must be sent as a literal");
        }
        return new Message(flags, date, List.of(text(literal, subject, extensions)));
    }

    /** RFC 4469 §5: {@code "(" cat-part *(SP cat-part) ")"}, {@code cat-part = "TEXT" SP literal / "URL" SP astring}. */
    private static List<Part> catenate(Arg.ListArg list, String subject, Set<Extension> extensions) {
        if (list.items().isEmpty()) {
            throw new ProtocolException("The CATENATE list of " + subject.toLowerCase(java.util.Locale.ROOT)
                    + " is empty: it needs TEXT and URL parts");
        }
        List<Part> parts = new ArrayList<>();
        Args in = new Args(list.items());
        while (in.hasMore()) {
            Arg kind = in.any("a CATENATE part");
            String upper = kind instanceof Arg.Atom atom ? ArgParsing.upper(atom.text()) : "";
            if (upper.equals("TEXT")) {
                if (!(in.any("the literal after TEXT") instanceof Arg.Literal literal)) {
                    throw new ProtocolException("TEXT in CATENATE must be followed by a literal");
                }
                parts.add(text(literal, subject, extensions));
            } else if (upper.equals("URL")) {
                Arg url = in.any("the URL after URL");
                if (url instanceof Arg.ListArg) {
                    throw new ProtocolException("URL in CATENATE must be followed by a URL, not a list");
                }
                parts.add(new Part.Url(url.text()));
            } else {
                throw new ProtocolException("A CATENATE part is TEXT literal or URL url, not " + ArgParsing.describe(kind));
            }
        }
        return parts;
    }

    private static Part.Text text(Arg.Literal literal, String subject, Set<Extension> extensions) {
        if (!literal.binary() && literal.hasNul()) {
            // RFC 3501 §9: a literal's octets are CHAR8, which excludes NUL; RFC 3516 §4.4 gives literal8 for it.
            throw new ProtocolException(subject + " holds a NUL octet, which a literal {n} may not carry"
                    + (extensions.contains(Extension.BINARY) ? "; send it as a literal8 ~{n}" : ""));
        }
        return new Part.Text(literal.bytes(), literal.binary());
    }
}
