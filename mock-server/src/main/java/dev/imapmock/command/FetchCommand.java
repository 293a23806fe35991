package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.FetchItem;
import dev.imapmock.protocol.FetchParser;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Message;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * FETCH and UID FETCH (RFC 3501 §6.4.5, §6.4.8). Parsing is {@link FetchParser}'s, writing
 * {@link FetchWriter}'s; this class picks the messages and sets \Seen where a body is read.
 */
final class FetchCommand implements CommandHandler {
    private final boolean uid;

    FetchCommand(boolean uid) {
        this.uid = uid;
    }

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        SequenceSet set = SequenceSet.parse(args.any("a message set"));
        List<FetchItem> items = FetchParser.parse(args.rest());
        SelectedMailbox view = session.selected();
        List<Integer> seqs = MessageSet.resolve(set, uid, view);
        boolean marksSeen = !view.readOnly() && items.stream().anyMatch(FetchItem::setsSeen);
        FetchWriter writer = new FetchWriter(session.out(), view, items, uid);
        for (int seq : seqs) {
            Message message = view.bySequence(seq);
            boolean seenNow = marksSeen && !message.flags().has(Flags.SEEN) && markSeen(view, message);
            writer.write(seq, message, seenNow);
        }
        return Completion.ok(uid ? "UID FETCH completed." : "Fetch completed.");
    }

    /** Sets \Seen; false when the message was expunged meanwhile (its bytes are still served). */
    private static boolean markSeen(SelectedMailbox view, Message message) {
        List<Message> one = new ArrayList<>(1);
        one.add(message);
        return !view.mailbox().updateFlags(one, f -> f.with(Flags.SEEN), view).isEmpty();
    }
}
