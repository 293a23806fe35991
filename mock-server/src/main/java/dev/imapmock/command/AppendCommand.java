package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.FlagNames;
import dev.imapmock.protocol.ImapDates;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.server.Session;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.MailboxException;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * APPEND (RFC 3501 §6.3.11): {@code APPEND mailbox [flags] [date-time] literal}. A missing
 * mailbox answers {@code NO [TRYCREATE]} so the client knows to create it; success carries
 * APPENDUID (RFC 4315).
 */
final class AppendCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(args.astring("a mailbox name"));
        Set<String> flagNames = Set.of();
        if (args.peek() instanceof Arg.ListArg) {
            flagNames = FlagNames.parseFlagList(args.list("a flag list"));
        }
        OffsetDateTime date = null;
        if (args.peek() instanceof Arg.Quoted) {
            date = ImapDates.parseDateTime(args.any("a date-time"));
        }
        Arg message = args.any("the message literal");
        args.end();
        if (!(message instanceof Arg.Literal literal)) {
            throw new ProtocolException("The message must be sent as a literal");
        }
        if (literal.bytes().length == 0) {
            throw CommandException.no("Can't append an empty message");
        }
        Mailbox target;
        try {
            target = session.account().require(name);
        } catch (MailboxException e) {
            throw CommandException.no("TRYCREATE", "Mailbox doesn't exist: " + name);
        }
        long uid = target.append(literal.bytes(), Flags.of(flagNames),
                date != null ? date : OffsetDateTime.now(session.clock())).uid();
        return Completion.ok(session.offers(Extension.UIDPLUS) ? "APPENDUID " + target.uidValidity() + " " + uid : null,
                "Append completed.");
    }
}
