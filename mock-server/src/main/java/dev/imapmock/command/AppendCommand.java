package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.mime.BinaryStorage;
import dev.imapmock.protocol.AppendRequest;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.server.Session;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;
import dev.imapmock.store.Right;
import dev.imapmock.store.Rights;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * APPEND (RFC 3501 §6.3.11): {@code APPEND mailbox [flags] [date-time] literal}, with MULTIAPPEND
 * (RFC 3502) several such messages in one command, with CATENATE (RFC 4469) messages made of
 * TEXT literals and URLs ({@link Catenation}). All messages are parsed first
 * ({@link AppendRequest}) and put together, then stored in one atomic step: a bad or empty
 * message anywhere, a URL that names nothing, a missing mailbox or a store limit leaves the
 * mailbox as it was. A missing mailbox answers
 * {@code NO [TRYCREATE]} so the client knows to create it; success carries APPENDUID (RFC 4315),
 * a UID range for several messages (RFC 3502 §6.3.11 with RFC 4315 §3). After
 * {@code ENABLE UTF8=ACCEPT} a message may come as {@code UTF8 (~{n})} (RFC 6855 §4); a server
 * that offers UTF8=ACCEPT refuses a message with 8-bit headers, however sent, from a session that
 * does not speak UTF-8, with NO.
 */
final class AppendCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(session, args.astring("a mailbox name"));
        AppendRequest request = AppendRequest.parse(args.rest(), session.extensions(),
                session.enabled(Extension.UTF8_ACCEPT));
        List<Mailbox.NewMessage> added = new ArrayList<>(request.messages().size());
        OffsetDateTime now = OffsetDateTime.now(session.clock());
        for (AppendRequest.Message message : request.messages()) {
            byte[] content = Catenation.of(message, session);
            if (content.length == 0) {
                throw CommandException.no("Can't append an empty message");
            }
            // RFC 6855 §4: a server that offers UTF8=ACCEPT refuses 8-bit headers from a client that did not enable it.
            if (session.offers(Extension.UTF8_ACCEPT) && !session.utf8() && eightBitHeader(content)) {
                throw CommandException.no("The message has 8-bit octets in its header; send ENABLE UTF8=ACCEPT first");
            }
            // RFC 3516 §4.4: a literal8's binary parts are stored base64-encoded, as Dovecot stores them.
            byte[] bytes = message.binary() ? BinaryStorage.of(content) : content;
            added.add(new Mailbox.NewMessage(bytes, Flags.of(message.flags()),
                    message.date() != null ? message.date() : now));
        }
        Mailboxes.Target found = Mailboxes.resolve(session, name);
        if (!found.selectable()) {
            throw CommandException.no("TRYCREATE", "Mailbox doesn't exist: " + name);
        }
        Mailboxes.check(found, Right.INSERT);
        Mailbox target = found.mailbox();
        List<Mailbox.NewMessage> allowed = allowedFlags(added, found.rights());
        String user = session.account().user();
        List<Integer> seenAt = new ArrayList<>();
        if (target.seenIsPrivate(user)) {
            // The appending user's \Seen is the user's own; the stored \Seen stays the owner's.
            for (int i = 0; i < allowed.size(); i++) {
                Mailbox.NewMessage m = allowed.get(i);
                if (m.flags().has(Flags.SEEN)) {
                    seenAt.add(i);
                    allowed.set(i, new Mailbox.NewMessage(m.bytes(), m.flags().withBitsOf(Flags.NONE, Flags.SEEN),
                            m.internalDate(), m.saved(), m.emailId()));
                }
            }
        }
        List<Message> stored = target.append(allowed);
        if (!seenAt.isEmpty()) {
            List<Long> uids = new ArrayList<>();
            for (int i : seenAt) {
                uids.add(stored.get(i).uid());
            }
            target.privateSeen(user, uids, true);
        }
        List<Long> uids = stored.stream().map(Message::uid).toList();
        return Completion.ok(session.offers(Extension.UIDPLUS)
                ? "APPENDUID " + target.uidValidity() + " " + SequenceSet.of(uids) : null, "Append completed.");
    }

    /** True when an octet of the header, up to the first empty line, has the high bit set. */
    static boolean eightBitHeader(byte[] message) {
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (b < 0) {
                return true;
            }
            if (b == '\n' && (i + 1 < message.length && (message[i + 1] == '\n'
                    || (message[i + 1] == '\r' && i + 2 < message.length && message[i + 2] == '\n')))) {
                return false;
            }
        }
        return false;
    }

    /**
     * The messages with the flags {@code rights} let the user set (RFC 4314 §4: APPEND and COPY
     * set only the flags the user could set with STORE); the others are dropped silently.
     */
    static List<Mailbox.NewMessage> allowedFlags(List<Mailbox.NewMessage> messages, Rights rights) {
        List<Mailbox.NewMessage> allowed = new ArrayList<>(messages.size());
        for (Mailbox.NewMessage m : messages) {
            Flags flags = rights.constrain(Flags.NONE, m.flags());
            allowed.add(flags.equals(m.flags()) ? m
                    : new Mailbox.NewMessage(m.bytes(), flags, m.internalDate(), m.saved(), m.emailId()));
        }
        return allowed;
    }
}
