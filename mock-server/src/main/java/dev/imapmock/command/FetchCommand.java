package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.mime.BinaryContent;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.FetchItem;
import dev.imapmock.protocol.FetchParser;
import dev.imapmock.protocol.FetchRequest;
import dev.imapmock.protocol.MessageSetArg;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Message;
import dev.imapmock.store.Right;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        MessageSetArg set = MessageSetArg.parse(args.any("a message set"), session.extensions());
        FetchRequest request = FetchParser.parse(args.rest(), session.extensions());
        List<FetchItem> items = request.items();
        Rev2Rules.checkFetch(session, items);
        SelectedMailbox view = session.selected();
        if (request.vanished()) {
            // RFC 7162 §3.2.6: VANISHED goes with UID FETCH and CHANGEDSINCE, once QRESYNC is on.
            if (!uid || !request.onlyChanged() || !session.enabled(Extension.QRESYNC)) {
                throw new ProtocolException(!uid ? "VANISHED is a modifier of UID FETCH only"
                        : !request.onlyChanged() ? "VANISHED needs CHANGEDSINCE"
                        : "QRESYNC is not enabled: ENABLE QRESYNC comes first");
            }
        }
        if (request.partial() != null && !uid) {
            throw new ProtocolException("PARTIAL is a modifier of UID FETCH only");
        }
        if (request.asksModSeq() || request.onlyChanged()) {
            session.enable(Extension.CONDSTORE);
        }
        if (request.vanished()) {
            tellVanished(set instanceof MessageSetArg.Numbers numbers ? numbers.set() : session.savedSearch(), view,
                    request.changedSince(), session);
        }
        List<Integer> seqs = request.onlyChanged()
                ? MessageSet.changedSince(set, uid, session, request.changedSince())
                : MessageSet.resolve(set, uid, session);
        if (request.partial() != null) {
            // RFC 9394 §4: a page of the messages the set names, counted in UID order.
            seqs = request.partial().of(seqs);
        }
        checkTransferEncodings(view, seqs, items);
        // RFC 4314 §4: reading a body sets \Seen only with the s right.
        Set<Long> seenNow = !view.readOnly() && view.rights().has(Right.SEEN) && items.stream().anyMatch(FetchItem::setsSeen)
                ? markSeen(view, seqs) : Set.of();
        FetchWriter writer = new FetchWriter(session.out(), view, items, uid, request.onlyChanged(), session.names());
        for (int seq : seqs) {
            Message message = view.bySequence(seq);
            writer.write(seq, message, seenNow.contains(message.uid()));
        }
        return Completion.ok(uid ? "UID FETCH completed." : "Fetch completed.");
    }

    /**
     * RFC 3516 §4.3: a BINARY item of a part whose Content-Transfer-Encoding is unknown fails the
     * command with {@code NO [UNKNOWN-CTE]}, one whose data does not decode with {@code NO [PARSE]};
     * checked before anything is written or \Seen is set.
     */
    private static void checkTransferEncodings(SelectedMailbox view, List<Integer> seqs, List<FetchItem> items) {
        List<List<Integer>> paths = new ArrayList<>();
        for (FetchItem item : items) {
            if (item instanceof FetchItem.BinarySection b) {
                paths.add(b.path());
            } else if (item instanceof FetchItem.BinarySize b) {
                paths.add(b.path());
            }
        }
        if (paths.isEmpty()) {
            return;
        }
        for (int seq : seqs) {
            Message message = view.bySequence(seq);
            for (List<Integer> path : paths) {
                try {
                    BinaryContent.check(message.mime(), path);
                } catch (BinaryContent.UnknownEncodingException e) {
                    throw CommandException.no("UNKNOWN-CTE", e.getMessage());
                } catch (BinaryContent.MalformedException e) {
                    // RFC 5530 PARSE, as Dovecot answers data that does not decode.
                    throw CommandException.no("PARSE", e.getMessage());
                }
            }
        }
    }

    /** {@code * VANISHED (EARLIER) uids}: the set's UIDs expunged after {@code modSeq} (RFC 7162 §3.2.6). */
    private static void tellVanished(SequenceSet set, SelectedMailbox view, long modSeq, Session session)
            throws IOException {
        List<Long> vanished = new ArrayList<>();
        long largest = view.mailbox().uidNext() - 1;
        for (long gone : view.mailbox().expungedSince(modSeq)) {
            if (set.contains(gone, largest)) {
                vanished.add(gone);
            }
        }
        if (!vanished.isEmpty()) {
            session.out().untagged("VANISHED (EARLIER) " + SequenceSet.of(vanished));
        }
    }

    /**
     * Sets \Seen on the unseen messages among {@code seqs}, in one change to the mailbox, and
     * returns their UIDs. A message expunged meanwhile is left out (its bytes are still served).
     */
    private static Set<Long> markSeen(SelectedMailbox view, List<Integer> seqs) {
        List<Message> unseen = new ArrayList<>();
        for (int seq : seqs) {
            Message m = view.bySequence(seq);
            if (!view.flagsOf(m).has(Flags.SEEN)) {
                unseen.add(m);
            }
        }
        if (unseen.isEmpty()) {
            return Set.of();
        }
        if (view.seenIsPrivate()) {
            return view.mailbox().privateSeen(view.viewer(), unseen.stream().map(Message::uid).toList(), true);
        }
        Set<Long> marked = new HashSet<>();
        for (Message m : view.mailbox().updateFlags(unseen, f -> f.with(Flags.SEEN), view).changed()) {
            marked.add(m.uid());
        }
        return marked;
    }
}
