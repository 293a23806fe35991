package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.protocol.StoreOperation;
import dev.imapmock.protocol.StoreParser;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Message;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * STORE and UID STORE (RFC 3501 §6.4.6): FLAGS, +FLAGS, -FLAGS and their .SILENT forms. Each
 * message changed is answered with its new flags unless silent; other sessions hear of it as
 * an unsolicited FETCH.
 */
final class StoreCommand implements CommandHandler {
    private final boolean uid;

    StoreCommand(boolean uid) {
        this.uid = uid;
    }

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        SequenceSet set = SequenceSet.parse(args.any("a message set"));
        StoreOperation operation = StoreParser.parse(args.rest());
        SelectedMailbox view = session.selected();
        if (view.readOnly()) {
            throw CommandException.no("READ-ONLY", "Mailbox is read-only");
        }
        List<Integer> seqs = MessageSet.resolve(set, uid, view);
        List<Message> targets = new ArrayList<>(seqs.size());
        for (int seq : seqs) {
            targets.add(view.bySequence(seq));
        }
        Set<Long> present = new HashSet<>();
        for (Message m : view.mailbox().updateFlags(targets, change(operation), view)) {
            present.add(m.uid());
        }
        if (!operation.silent()) {
            for (int seq : seqs) {
                Message m = view.bySequence(seq);
                if (present.contains(m.uid())) {
                    String flags = view.fetchFlags(m, session.out());
                    session.out().untagged(seq + " FETCH (" + (uid ? "UID " + m.uid() + " " : "")
                            + "FLAGS (" + flags + "))");
                }
            }
        }
        return Completion.ok(uid ? "UID STORE completed." : "Store completed.");
    }

    private static UnaryOperator<Flags> change(StoreOperation operation) {
        Flags flags = Flags.of(operation.flags());
        return switch (operation.mode()) {
            case REPLACE -> old -> flags;
            case ADD -> old -> old.plus(flags);
            case REMOVE -> old -> old.minus(flags);
        };
    }
}
