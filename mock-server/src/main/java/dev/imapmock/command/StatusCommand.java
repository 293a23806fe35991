package dev.imapmock.command;

import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.StatusItem;
import dev.imapmock.server.Session;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Right;

import java.io.IOException;
import java.util.List;

/**
 * STATUS (RFC 3501 §6.3.10): the items in the order asked, each once; with CONDSTORE also
 * HIGHESTMODSEQ, which turns CONDSTORE on for the session (RFC 7162 §3.1.7), and with STATUS=SIZE
 * the SIZE item (RFC 8438).
 */
final class StatusCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String name = MailboxNames.decode(session, args.astring("a mailbox name"));
        Arg.ListArg list = args.list("a list of status items");
        args.end();
        List<StatusItem> items = StatusItem.parse(list, session.extensions());
        Rev2Rules.checkStatus(session, items);
        Mailbox mailbox = Mailboxes.require(session, name, Right.READ).mailbox();
        StatusResponse.write(session, name, mailbox, items);
        return Completion.ok("Status completed.");
    }
}
