package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.MessageSetArg;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;
import dev.imapmock.store.Right;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * COPY, MOVE and their UID forms (RFC 3501 §6.4.7, RFC 6851), answered with COPYUID (RFC 4315).
 * Flags and internal dates travel with the messages; the copy is all-or-nothing. MOVE then
 * expunges the originals, whatever their flags; the account's quota never refuses a move, since
 * its result holds as much as before.
 */
final class CopyCommand implements CommandHandler {
    private final boolean uid;
    private final boolean move;

    CopyCommand(boolean uid, boolean move) {
        this.uid = uid;
        this.move = move;
    }

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        MessageSetArg set = MessageSetArg.parse(args.any("a message set"), session.extensions());
        String name = MailboxNames.decode(session, args.astring("a mailbox name"));
        args.end();
        SelectedMailbox view = session.selected();
        if (move && view.readOnly()) {
            throw CommandException.no("READ-ONLY", "Mailbox is read-only");
        }
        // RFC 6851 §3.3 with RFC 4314 §4: a move needs the t and e rights on its source.
        if (move && !(view.rights().has(Right.DELETE_MESSAGES) && view.rights().has(Right.EXPUNGE))) {
            throw Mailboxes.noPermission();
        }
        Mailboxes.Target found = Mailboxes.resolve(session, name);
        if (!found.selectable()) {
            throw CommandException.no("TRYCREATE", "Mailbox doesn't exist: " + name);
        }
        Mailboxes.check(found, Right.INSERT);
        Mailbox target = found.mailbox();
        List<Integer> seqs = MessageSet.resolve(set, uid, session);
        List<Mailbox.NewMessage> copies = new ArrayList<>(seqs.size());
        List<Long> sourceUids = new ArrayList<>(seqs.size());
        List<Message> originals = new ArrayList<>(seqs.size());
        for (int seq : seqs) {
            Message m = view.bySequence(seq);
            Mailbox.NewMessage copy = Mailbox.NewMessage.copyOf(m);
            // A copy has the flags its user sees, the user's own \Seen included.
            copies.add(view.seenIsPrivate()
                    ? new Mailbox.NewMessage(copy.bytes(), view.flagsOf(m), copy.internalDate(), null, copy.emailId())
                    : copy);
            sourceUids.add(m.uid());
            originals.add(m);
        }
        String verb = move ? "Move" : "Copy";
        if (copies.isEmpty()) {
            // As Dovecot words it; an empty $ (RFC 5182 §2.1) or UID set copies nothing and succeeds.
            return Completion.ok("No messages found");
        }
        List<Long> targetUids = new ArrayList<>(copies.size());
        // A move leaves the account's usage as it was, so its quota never refuses one (as in Dovecot),
        // also though both copies exist for a moment; only the target's message limit can.
        for (Message copy : target.append(AppendCommand.allowedFlags(copies, found.rights()), move ? originals : List.of())) {
            targetUids.add(copy.uid());
        }
        // RFC 4315 §3, RFC 6851 §4.3: COPYUID only where UIDPLUS is offered.
        String copyUid = !session.offers(Extension.UIDPLUS) ? null : "COPYUID " + target.uidValidity() + " "
                + SequenceSet.of(sourceUids) + " " + SequenceSet.of(targetUids);
        if (!move) {
            return Completion.ok(copyUid, verb + " completed.");
        }
        if (copyUid != null) {
            session.out().untagged("OK [" + copyUid + "] Moved UIDs.");
        }
        view.mailbox().expunge(new HashSet<>(sourceUids));
        return Completion.ok(verb + " completed.");
    }
}
