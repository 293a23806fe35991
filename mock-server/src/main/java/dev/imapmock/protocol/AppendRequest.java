package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * APPEND's arguments after the mailbox name (RFC 3501 §6.3.11; RFC 3502 MULTIAPPEND; RFC 3516
 * §4.4 literal8): one message, or with MULTIAPPEND several, each with its optional flag list and
 * date-time. Parsed whole before anything is stored, so that a malformed second message leaves
 * the store unchanged.
 */
public record AppendRequest(List<Message> messages) {

    /**
     * One message to append: its flags as sent, its internal date (null for now), its octets,
     * and whether it came as a literal8.
     */
    public record Message(Set<String> flags, OffsetDateTime date, byte[] bytes, boolean binary) {
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
        if (!(data instanceof Arg.Literal literal)) {
            throw new ProtocolException(subject + " must be sent as a literal");
        }
        if (!literal.binary() && literal.hasNul()) {
            // RFC 3501 §9: a literal's octets are CHAR8, which excludes NUL; RFC 3516 §4.4 gives literal8 for it.
            throw new ProtocolException(subject + " holds a NUL octet, which a literal {n} may not carry"
                    + (extensions.contains(Extension.BINARY) ? "; send it as a literal8 ~{n}" : ""));
        }
        return new Message(flags, date, literal.bytes(), literal.binary());
    }
}
