package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ResponseWriter;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;

import java.io.IOException;

/**
 * SELECT and EXAMINE (RFC 3501 §6.3.1, §6.3.2). A session leaves its selected mailbox first, so a
 * failed SELECT leaves it authenticated.
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
        args.end();
        // RFC 3501 §6.3.1: a SELECT that fails leaves no mailbox selected, also when the name is
        // refused for not being modified UTF-7; only a syntax error (BAD) keeps the selection.
        session.unselect();
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
        return Completion.ok(readOnly ? "READ-ONLY" : "READ-WRITE",
                (readOnly ? "Examine" : "Select") + " completed.");
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
