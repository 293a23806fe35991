package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.protocol.ResponseWriter;
import dev.imapmock.protocol.SelectParameters;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;
import dev.imapmock.store.Right;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SELECT and EXAMINE (RFC 3501 §6.3.1, §6.3.2), with CONDSTORE the {@code (CONDSTORE)} parameter
 * and the HIGHESTMODSEQ response code (RFC 7162 §3.1.2, §3.1.8), with QRESYNC the {@code QRESYNC}
 * parameter and {@code [CLOSED]} (§3.2.5, §3.2.11). A session leaves its selected mailbox first, so
 * a failed SELECT leaves it authenticated.
 */
final class SelectCommand implements CommandHandler {
    private final boolean readOnly;

    SelectCommand(boolean readOnly) {
        this.readOnly = readOnly;
    }

    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String wire = args.astring("a mailbox name");
        SelectParameters parameters = SelectParameters.parse(args.rest(), session.extensions());
        SelectParameters.Qresync qresync = parameters.qresync();
        if (qresync != null && !session.enabled(Extension.QRESYNC)) {
            throw new ProtocolException("QRESYNC is not enabled: ENABLE QRESYNC comes first");
        }
        UidOnly.refuseSequenceMatchData(qresync != null && qresync.knownSequences() != null, session);
        // RFC 3501 §6.3.1: a SELECT that fails leaves no mailbox selected, also when the name is
        // refused for not being modified UTF-7; only a syntax error (BAD) keeps the selection.
        ResponseWriter out = session.out();
        boolean replacing = session.selected() != null;
        session.unselect();
        // RFC 9051 §6.3.2 makes [CLOSED] part of rev2, where QRESYNC (RFC 7162 §3.2.11) brought it.
        if (replacing && (session.enabled(Extension.QRESYNC) || session.rev2())) {
            out.untagged("OK [CLOSED] Previous mailbox closed.");
        }
        if (parameters.condstore()) {
            session.enable(Extension.CONDSTORE);
        }
        Mailboxes.Target target = Mailboxes.require(session, MailboxNames.decode(session, wire), Right.READ);
        Mailbox mailbox = target.mailbox();
        // RFC 4314 §4: without a right to change anything, SELECT opens the mailbox read-only.
        boolean viewOnly = readOnly || !target.rights().writable();
        SelectedMailbox view = SelectedMailbox.open(mailbox, viewOnly, session.quirks().recent(), target.rights(),
                session.account().user());
        session.select(view);

        view.tellFlags(out);
        out.untagged(view.exists() + " EXISTS");
        // RFC 9051 §6.3.2 and Appendix E: rev2 has no RECENT and no UNSEEN code, and adds a LIST response.
        if (!session.rev2()) {
            out.untagged(view.recentCount() + " RECENT");
            // RFC 9586 §3: no message sequence number in any response, and UNSEEN's is one.
            int unseen = session.enabled(Extension.UIDONLY) ? 0 : firstUnseen(view);
            if (unseen > 0) {
                out.untagged("OK [UNSEEN " + unseen + "] First unseen.");
            }
        }
        out.untagged("OK [UIDVALIDITY " + mailbox.uidValidity() + "] UIDs valid");
        out.untagged("OK [UIDNEXT " + view.uidNextAtOpen()
                + "] Predicted next UID");
        if (view.reportsModSeqs()) {
            out.untagged("OK [HIGHESTMODSEQ " + mailbox.highestModSeq() + "] Highest");
        }
        if (session.offers(Extension.OBJECTID)) {
            out.untagged("OK [MAILBOXID (" + ObjectIds.mailboxId(mailbox) + ")] Ok");
        }
        if (session.rev2()) {
            out.untagged(ListCommand.line(session, Listing.of(session), Mailboxes.nameOf(session, mailbox)));
        }
        if (qresync != null && qresync.uidValidity() == mailbox.uidValidity()) {
            resynchronize(view, qresync, out);
        }
        return Completion.ok(viewOnly ? "READ-ONLY" : "READ-WRITE",
                (readOnly ? "Examine" : "Select") + " completed.");
    }

    /**
     * RFC 7162 §3.2.5: tells a client that cached the mailbox at {@code qresync.modSeq()} what
     * changed since: the UIDs expunged since, then each message changed since, both within the
     * known UIDs when the client gave them. A client with a stale UIDVALIDITY gets neither. The
     * sequence match data only helps a server that forgot expunges; this one remembers them.
     */
    private static void resynchronize(SelectedMailbox view, SelectParameters.Qresync qresync, ResponseWriter out)
            throws IOException {
        Mailbox mailbox = view.mailbox();
        SequenceSet known = qresync.knownUids();
        List<Long> vanished = new ArrayList<>();
        for (long uid : mailbox.expungedSince(qresync.modSeq())) {
            if (known == null || known.contains(uid, 0)) {
                vanished.add(uid);
            }
        }
        if (!vanished.isEmpty()) {
            out.untagged("VANISHED (EARLIER) " + SequenceSet.of(vanished));
        }
        for (Message m : mailbox.changedSince(qresync.modSeq())) {
            int seq = view.sequenceOf(m.uid());
            if (seq > 0 && (known == null || known.contains(m.uid(), 0))) {
                out.untagged(view.changeFetch(seq, m, out));
            }
        }
    }

    private static int firstUnseen(SelectedMailbox view) {
        for (int seq = 1; seq <= view.exists(); seq++) {
            Message m = view.bySequence(seq);
            if (!view.flagsOf(m).has(Flags.SEEN)) {
                return seq;
            }
        }
        return 0;
    }
}
