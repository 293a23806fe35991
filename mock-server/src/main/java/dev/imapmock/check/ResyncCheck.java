package dev.imapmock.check;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Arg;

import java.util.Locale;
import java.util.Set;

/**
 * {@code full-resync-despite-condstore} (wasteful): the flags or headers of a whole mailbox
 * ({@code FETCH 1:*}) fetched again, on any connection of the same user, without CHANGEDSINCE,
 * although the server offers CONDSTORE, which sends only what changed (RFC 7162 §3.1.4). The
 * first {@link CheckLimits#fullSyncs()} (1) full syncs are fine; each one after them counts. The
 * count is forgotten when the journal is cleared.
 */
final class ResyncCheck implements ClientCheck {
    private final boolean condstoreOffered;
    private final int allowed;
    private final SharedState shared;

    ResyncCheck(Set<Extension> offered, int allowed, SharedState shared) {
        this.condstoreOffered = offered.contains(Extension.CONDSTORE);
        this.allowed = allowed;
        this.shared = shared;
    }

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (!condstoreOffered || !(event instanceof ClientEvent.Command c) || c.malformed() || !c.ok()
                || !(c.is("FETCH") || c.is("UID FETCH")) || c.selectedBefore() == null || c.args().size() < 2) {
            return;
        }
        if (!(c.args().get(0) instanceof Arg.Atom set) || !wholeMailbox(set.text())) {
            return;
        }
        String items = c.line().toUpperCase(Locale.ROOT);
        if (items.contains("CHANGEDSINCE") || !(items.contains("FLAGS") || items.contains("HEADER")
                || items.contains("ENVELOPE"))) {
            return;
        }
        int n = shared.fullSync(c.user() + "/" + c.selectedBefore());
        if (n > allowed) {
            report.wasteful("full-resync-despite-condstore", "RFC 7162 §3.1.4",
                    c.name() + " " + set.text() + " in " + c.selectedBefore(),
                    "fetched the whole mailbox's flags or headers again (" + n + " full syncs) although the server"
                            + " offers CONDSTORE; remember HIGHESTMODSEQ and fetch with (CHANGEDSINCE n)", n - allowed);
        }
    }

    private static boolean wholeMailbox(String set) {
        return set.equals("1:*") || set.equals("*:1");
    }
}
