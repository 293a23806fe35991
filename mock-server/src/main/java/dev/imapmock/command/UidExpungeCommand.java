package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;

import java.util.HashSet;
import java.util.Set;

/** UID EXPUNGE (RFC 4315): expunges only the \Deleted messages among the given UIDs. */
final class UidExpungeCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        SequenceSet set = SequenceSet.parse(args.any("a UID set"));
        args.end();
        SelectedMailbox view = session.selected();
        if (view.readOnly()) {
            throw CommandException.no("READ-ONLY", "Mailbox is read-only");
        }
        Set<Long> uids = new HashSet<>();
        for (int seq : MessageSet.resolve(set, true, view)) {
            uids.add(view.bySequence(seq).uid());
        }
        view.mailbox().expungeDeleted(uids);
        return Completion.ok(ExpungeCommand.highestModSeq(session), "UID EXPUNGE completed.");
    }
}
