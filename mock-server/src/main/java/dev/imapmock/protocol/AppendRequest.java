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
        /**
         * Copies the parts.
         *
         * @param flags the flags as sent, validated; empty when none were given
         * @param date the internal date as sent, or null for the moment the message is stored
         * @param parts what the message's octets are the concatenation of, at least one
         */
        public Message {
            parts = List.copyOf(parts);
        }

        /**
         * True when a part came as a literal8 (RFC 3516 §4.4).
         *
         * @return true when any part is a binary literal8
         */
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

    /**
     * Copies the messages.
     *
     * @param messages the messages in the order sent, at least one
     */
    public AppendRequest {
        messages = List.copyOf(messages);
    }

    /**
     * Parses {@code 1*([SP flag-list] [SP date-time] SP literal)} for a server that offers
     * {@code extensions}; without MULTIAPPEND only one message is taken.
     *
     * @throws ProtocolException when a message is missing, not a literal, has a malformed flag
     *     list or date-time, holds NUL in a plain literal, or extra arguments follow
     * @param args the command's arguments after the mailbox name
     * @param extensions the server's extensions (MULTIAPPEND, BINARY, CATENATE, UTF8=ACCEPT decide the syntax)
     * @return the messages to append
     */
    public static AppendRequest parse(List<Arg> args, Set<Extension> extensions) {
        return parse(args, extensions, false);
    }

    /**
     * Parses APPEND's arguments as {@link #parse(List, Set)} does; with {@code utf8Data} (the
     * session has enabled UTF8=ACCEPT) a message may also come as {@code UTF8 (~{n})}, and so may
     * a CATENATE part (RFC 6855 §4 {@code append-data =/ utf8-literal}, {@code cat-part =/ utf8-literal}).
     * Its octets are stored as they are: the literal8 carries a message with UTF-8 headers
     * (RFC 6532), not the binary content of RFC 3516.
     *
     * @param args       the arguments after the mailbox name
     * @param extensions the extensions the server offers
     * @param utf8Data   whether the UTF8 data item is allowed
     * @return the messages to append
     * @throws ProtocolException as {@link #parse(List, Set)}, and for a UTF8 data item that is not
     *     allowed or not {@code UTF8 (literal8)}
     */
    public static AppendRequest parse(List<Arg> args, Set<Extension> extensions, boolean utf8Data) {
        Args in = new Args(args);
        List<Message> messages = new ArrayList<>();
        do {
            messages.add(message(in, messages.size() + 1, extensions, utf8Data));
        } while (in.hasMore() && extensions.contains(Extension.MULTIAPPEND));
        if (in.hasMore()) {
            throw new ProtocolException("Unexpected extra arguments after the message literal"
                    + (extensions.contains(Extension.MULTIAPPEND) ? "" : " (several messages need MULTIAPPEND,"
                    + " which this server does not offer)"));
        }
        return new AppendRequest(messages);
    }

    private static Message message(Args in, int number, Set<Extension> extensions, boolean utf8Data) {
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
            return new Message(flags, date, catenate(in.list("the CATENATE parts" + which), subject, extensions,
                    utf8Data));
        }
        if (isUtf8Item(data, extensions)) {
            return new Message(flags, date, List.of(utf8(in, subject, utf8Data)));
        }
        if (!(data instanceof Arg.Literal literal)) {
            throw new ProtocolException(subject + " must be sent as a literal");
        }
        return new Message(flags, date, List.of(text(literal, subject, extensions)));
    }

    /** RFC 4469 §5: {@code "(" cat-part *(SP cat-part) ")"}, {@code cat-part = "TEXT" SP literal / "URL" SP astring}. */
    private static List<Part> catenate(Arg.ListArg list, String subject, Set<Extension> extensions,
                                       boolean utf8Data) {
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
            } else if (isUtf8Item(kind, extensions)) {
                parts.add(utf8(in, subject, utf8Data));
            } else {
                throw new ProtocolException("A CATENATE part is TEXT literal or URL url, not " + ArgParsing.describe(kind));
            }
        }
        return parts;
    }

    /** True for the atom UTF8 on a server that offers UTF8=ACCEPT: without it, UTF8 is no data item at all. */
    private static boolean isUtf8Item(Arg arg, Set<Extension> extensions) {
        return extensions.contains(Extension.UTF8_ACCEPT) && arg instanceof Arg.Atom atom
                && ArgParsing.upper(atom.text()).equals("UTF8");
    }

    /** The rest of RFC 6855 §4's {@code utf8-literal = "UTF8" SP "(" literal8 ")"}, after the atom UTF8. */
    private static Part.Text utf8(Args in, String subject, boolean utf8Data) {
        if (!utf8Data) {
            throw new ProtocolException("The UTF8 data item of APPEND needs ENABLE UTF8=ACCEPT first");
        }
        if (!(in.peek() instanceof Arg.ListArg)) {
            throw new ProtocolException("UTF8 must be followed by a literal8 in parentheses: UTF8 (~{n})");
        }
        List<Arg> items = in.list("the literal8 after UTF8").items();
        if (items.size() != 1 || !(items.get(0) instanceof Arg.Literal literal) || !literal.binary()) {
            throw new ProtocolException("UTF8 must be followed by one literal8 in parentheses: UTF8 (~{n})");
        }
        return new Part.Text(literal.bytes(), false);
    }

    private static Part.Text text(Arg.Literal literal, String subject, Set<Extension> extensions) {
        if (literal.binary() && !extensions.contains(Extension.BINARY)) {
            // The reader takes a literal8 in APPEND for UTF8=ACCEPT's data item; alone it is BINARY's.
            throw new ProtocolException("A literal8 ~{n} needs BINARY, which this server does not offer;"
                    + " with UTF8=ACCEPT send it as UTF8 (~{n})");
        }
        if (!literal.binary() && literal.hasNul()) {
            // RFC 3501 §9: a literal's octets are CHAR8, which excludes NUL; RFC 3516 §4.4 gives literal8 for it.
            throw new ProtocolException(subject + " holds a NUL octet, which a literal {n} may not carry"
                    + (extensions.contains(Extension.BINARY) ? "; send it as a literal8 ~{n}" : ""));
        }
        return new Part.Text(literal.bytes(), literal.binary());
    }
}
