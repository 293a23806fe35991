package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.MessageSetArg;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.protocol.StoreOperation;
import dev.imapmock.protocol.StoreParser;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;
import dev.imapmock.store.Rights;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * STORE and UID STORE (RFC 3501 §6.4.6): FLAGS, +FLAGS, -FLAGS and their .SILENT forms, and with
 * CONDSTORE the UNCHANGEDSINCE modifier (RFC 7162 §3.1.3). Each message whose flags changed is
 * answered with its new flags unless silent; as in Dovecot, a message the STORE left as it was is
 * not mentioned. Other sessions hear of a change as an unsolicited FETCH.
 */
final class StoreCommand implements CommandHandler {
    private final boolean uid;

    StoreCommand(boolean uid) {
        this.uid = uid;
    }

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        MessageSetArg set = MessageSetArg.parse(args.any("a message set"), session.extensions());
        List<Arg> rest = args.rest();
        if (session.offers(Extension.X_GM_EXT_1) && !rest.isEmpty() && GmailLabels.isLabelItem(rest.get(0))) {
            return labels(set, rest, session);
        }
        StoreOperation operation = StoreParser.parse(rest, session.extensions());
        SelectedMailbox view = session.selected();
        if (view.readOnly()) {
            throw CommandException.no("READ-ONLY", "Mailbox is read-only");
        }
        if (operation.conditional()) {
            session.enable(Extension.CONDSTORE);
        }
        List<Integer> seqs = MessageSet.resolve(set, uid, session);
        List<Message> targets = new ArrayList<>(seqs.size());
        for (int seq : seqs) {
            targets.add(view.bySequence(seq));
        }
        UnaryOperator<Flags> change = change(operation, view.rights());
        List<Long> seenOn = new ArrayList<>();
        List<Long> seenOff = new ArrayList<>();
        if (view.seenIsPrivate()) {
            // The user's own \Seen changes apart from the stored flags, whose \Seen stays the owner's.
            for (Message m : targets) {
                Flags before = view.flagsOf(m);
                boolean after = change.apply(before).has(Flags.SEEN);
                if (after != before.has(Flags.SEEN)) {
                    (after ? seenOn : seenOff).add(m.uid());
                }
            }
            UnaryOperator<Flags> asked = change;
            change = old -> asked.apply(old).withBitsOf(old, Flags.SEEN);
        }
        Mailbox.FlagUpdate update = view.mailbox().updateFlags(targets, change, view,
                operation.conditional() ? operation.unchangedSince() : Long.MAX_VALUE);
        Set<Long> changed = new HashSet<>();
        for (Message m : update.changed()) {
            changed.add(m.uid());
        }
        if (!seenOn.isEmpty() || !seenOff.isEmpty()) {
            for (Message m : update.modified()) {
                seenOn.remove(Long.valueOf(m.uid()));
                seenOff.remove(Long.valueOf(m.uid()));
            }
            changed.addAll(view.mailbox().privateSeen(view.viewer(), seenOn, true));
            changed.addAll(view.mailbox().privateSeen(view.viewer(), seenOff, false));
        }
        Set<Long> modified = new HashSet<>();
        for (Message m : update.modified()) {
            modified.add(m.uid());
        }
        List<Long> modifiedNumbers = new ArrayList<>();
        for (int seq : seqs) {
            Message m = view.bySequence(seq);
            if (modified.contains(m.uid())) {
                modifiedNumbers.add(uid ? m.uid() : seq);
            }
            if (!changed.contains(m.uid())) {
                continue;
            }
            if (!operation.silent()) {
                session.out().untagged(view.flagsFetch(seq, m, uid, session.out()));
            } else if (view.reportsModSeqs()) {
                // RFC 7162 §3.1.3: with CONDSTORE on, even a silent STORE tells each new MODSEQ.
                session.out().untagged(view.reportsUidsOnly() ? m.uid() + " UIDFETCH (MODSEQ (" + m.modSeq() + "))"
                        : seq + " FETCH (UID " + m.uid() + " MODSEQ (" + m.modSeq() + "))");
            }
        }
        if (!modifiedNumbers.isEmpty()) {
            return Completion.ok("MODIFIED " + SequenceSet.of(modifiedNumbers), "Conditional store failed");
        }
        return Completion.ok(uid ? "UID STORE completed." : "Store completed.");
    }

    /** Gmail's STORE of X-GM-LABELS (see {@link GmailLabels}). */
    private Completion labels(MessageSetArg set, List<Arg> rest, Session session) throws IOException {
        SelectedMailbox view = session.selected();
        if (view.readOnly()) {
            throw CommandException.no("READ-ONLY", "Mailbox is read-only");
        }
        List<Integer> seqs = MessageSet.resolve(set, uid, session);
        List<Message> targets = new ArrayList<>(seqs.size());
        for (int seq : seqs) {
            targets.add(view.bySequence(seq));
        }
        return GmailLabels.store(rest, seqs, targets, uid, session);
    }

    /**
     * The change STORE asks for, less what {@code rights} do not allow: RFC 4314 §4 has a change
     * of a flag the user lacks the right for ignored, not refused.
     */
    private static UnaryOperator<Flags> change(StoreOperation operation, Rights rights) {
        Flags flags = Flags.of(operation.flags());
        UnaryOperator<Flags> asked = switch (operation.mode()) {
            case REPLACE -> old -> flags;
            case ADD -> old -> old.plus(flags);
            case REMOVE -> old -> old.minus(flags);
        };
        return old -> rights.constrain(old, asked.apply(old));
    }
}
