package dev.imapmock.check;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Arg;

/**
 * {@code extension-not-enabled}: syntax of an extension that must be ENABLEd first, sent without
 * it: {@code SELECT/EXAMINE (QRESYNC ...)} (RFC 7162 §3.2.5) and FETCH's {@code VANISHED} modifier
 * (RFC 7162 §3.2.6) need {@code ENABLE QRESYNC}. CONDSTORE needs no ENABLE: its first use turns it on
 * (RFC 7162 §3.1).
 */
final class EnableCheck implements ClientCheck {
    @Override
    public void see(ClientEvent event, Reporter report) {
        if (!(event instanceof ClientEvent.Command c) || c.malformed() || c.enabled().contains(Extension.QRESYNC)) {
            return;
        }
        boolean select = c.is("SELECT") || c.is("EXAMINE");
        boolean fetch = c.is("FETCH") || c.is("UID FETCH");
        if (!select && !fetch) {
            return;
        }
        String word = select ? "QRESYNC" : "VANISHED";
        for (int i = 1; i < c.args().size(); i++) {
            if (c.args().get(i) instanceof Arg.ListArg list && names(list, word)) {
                report.violation("extension-not-enabled", select ? "RFC 7162 §3.2.5" : "RFC 7162 §3.2.6", c.line(),
                        "used " + word + " without ENABLE QRESYNC first; send ENABLE QRESYNC after login");
                return;
            }
        }
    }

    /** True when the list holds the atom {@code word} (any case) as an item, as a parameter or modifier name. */
    private static boolean names(Arg.ListArg list, String word) {
        for (Arg item : list.items()) {
            if (item instanceof Arg.Atom a && a.text().equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }
}
