package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ResponseWriter;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;

import java.io.IOException;

/**
 * SELECT and EXAMINE (RFC 3501 §6.3.1, §6.3.2), with CONDSTORE the {@code (CONDSTORE)} parameter
 * and the HIGHESTMODSEQ response code (RFC 7162 §3.1.2, §3.1.8). A session leaves its selected
 * mailbox first, so a failed SELECT leaves it authenticated.
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
        boolean condstore = session.offers(Extension.CONDSTORE) && args.hasMore()
                && parameters(args.list("SELECT parameters"));
        args.end();
        // RFC 3501 §6.3.1: a SELECT that fails leaves no mailbox selected, also when the name is
        // refused for not being modified UTF-7; only a syntax error (BAD) keeps the selection.
        session.unselect();
        if (condstore) {
            session.enable(Extension.CONDSTORE);
        }
        Mailbox mailbox = session.account().require(MailboxNames.decode(wire));
        SelectedMailbox view = SelectedMailbox.open(mailbox, readOnly);
        session.select(view);

        ResponseWriter out = session.out();
        view.tellFlags(out);
        out.untagged(view.exists() + " EXISTS");
        out.untagged(view.recentCount() + " RECENT");
        int unseen = firstUnseen(view);
        if (unseen > 0) {
            out.untagged("OK [UNSEEN " + unseen + "] First unseen.");
        }
        out.untagged("OK [UIDVALIDITY " + mailbox.uidValidity() + "] UIDs valid");
        out.untagged("OK [UIDNEXT " + view.uidNextAtOpen()
                + "] Predicted next UID");
        if (view.reportsModSeqs()) {
            out.untagged("OK [HIGHESTMODSEQ " + mailbox.highestModSeq() + "] Highest");
        }
        return Completion.ok(readOnly ? "READ-ONLY" : "READ-WRITE",
                (readOnly ? "Examine" : "Select") + " completed.");
    }

    /**
     * Reads the select parameters of RFC 4466 §2.1; true when they ask for CONDSTORE. Without an
     * extension that defines parameters, a list after the name is an unexpected argument.
     */
    private static boolean parameters(Arg.ListArg list) {
        if (list.items().isEmpty()) {
            throw new ProtocolException("The list of SELECT parameters is empty");
        }
        for (Arg item : list.items()) {
            if (!(item instanceof Arg.Atom atom) || !atom.text().equalsIgnoreCase("CONDSTORE")) {
                throw new ProtocolException("Unknown SELECT parameter " + (item instanceof Arg.Atom a
                        ? a.text() : "in the list") + "; the one known is CONDSTORE");
            }
        }
        return true;
    }

    private static int firstUnseen(SelectedMailbox view) {
        for (int seq = 1; seq <= view.exists(); seq++) {
            Message m = view.bySequence(seq);
            if (!m.flags().has(Flags.SEEN)) {
                return seq;
            }
        }
        return 0;
    }
}
