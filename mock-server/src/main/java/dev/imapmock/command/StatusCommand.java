package dev.imapmock.command;

import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.server.Session;
import dev.imapmock.store.Mailbox;

import dev.imapmock.Extension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * STATUS (RFC 3501 §6.3.10): the items in the order asked; with CONDSTORE also HIGHESTMODSEQ,
 * which turns CONDSTORE on for the session (RFC 7162 §3.1.7).
 */
final class StatusCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(args.astring("a mailbox name"));
        Arg.ListArg items = args.list("a list of status items");
        args.end();
        if (items.items().isEmpty()) {
            throw new ProtocolException("STATUS needs at least one status item");
        }
        List<String> keys = new ArrayList<>();
        for (Arg item : items.items()) {
            if (!(item instanceof Arg.Atom atom)) {
                throw new ProtocolException("Invalid status item");
            }
            String key = atom.text().toUpperCase(Locale.ROOT);
            boolean known = switch (key) {
                case "MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN" -> true;
                case "HIGHESTMODSEQ" -> session.offers(Extension.CONDSTORE);
                case "MAILBOXID" -> session.offers(Extension.OBJECTID);
                default -> false;
            };
            if (!known) {
                throw new ProtocolException("Unknown status item: " + atom.text());
            }
            keys.add(key);
        }
        Mailbox mailbox = session.account().require(name);
        Mailbox.Status status = mailbox.status();
        if (keys.contains("HIGHESTMODSEQ")) {
            session.enable(Extension.CONDSTORE);
        }
        StringBuilder sb = new StringBuilder();
        for (String key : keys) {
            if (key.equals("MAILBOXID")) {
                // RFC 8474 §4.2: the one STATUS item whose value is a parenthesized objectid.
                sb.append(sb.length() == 0 ? "" : " ").append("MAILBOXID (").append(ObjectIds.mailboxId(mailbox)).append(')');
                continue;
            }
            long value = switch (key) {
                case "MESSAGES" -> status.messages();
                case "RECENT" -> status.recent();
                case "UIDNEXT" -> status.uidNext();
                case "UIDVALIDITY" -> status.uidValidity();
                case "UNSEEN" -> status.unseen();
                default -> status.highestModSeq();
            };
            sb.append(sb.length() == 0 ? "" : " ").append(key).append(' ').append(value);
        }
        session.out().untagged("STATUS " + MailboxNames.wire(name) + " (" + sb + ")");
        return Completion.ok("Status completed.");
    }
}
