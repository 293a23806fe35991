package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.MessageSetArg;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Right;

import java.util.HashSet;
import java.util.Set;

/** UID EXPUNGE (RFC 4315): expunges only the \Deleted messages among the given UIDs, or those of {@code $}. */
final class UidExpungeCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        MessageSetArg set = MessageSetArg.parse(args.any("a UID set"), session.extensions());
        args.end();
        SelectedMailbox view = session.selected();
        if (view.readOnly()) {
            throw CommandException.no("READ-ONLY", "Mailbox is read-only");
        }
        if (!view.rights().has(Right.EXPUNGE)) {
            throw Mailboxes.noPermission();
        }
        Set<Long> uids = new HashSet<>();
        for (int seq : MessageSet.resolve(set, true, session)) {
            uids.add(view.bySequence(seq).uid());
        }
        view.mailbox().expungeDeleted(uids);
        return Completion.ok(ExpungeCommand.highestModSeq(session), "UID EXPUNGE completed.");
    }
}
