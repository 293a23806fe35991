package dev.imapmock.command;

import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.NameEncoding;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.server.SelectedMailbox;
import dev.imapmock.server.Session;
import dev.imapmock.store.Labels;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gmail's {@code X-GM-LABELS}: the FETCH item and the STORE data items {@code X-GM-LABELS},
 * {@code +X-GM-LABELS} and {@code -X-GM-LABELS} with their {@code .SILENT} forms. Labels are
 * astrings; a system label such as {@code \Inbox} may be written as an atom or quoted
 * ({@code "\\Inbox"}), and is sent quoted, as Gmail sends it. The model is the account's
 * {@link Labels}; an account without labels shows none and refuses to change them.
 */
final class GmailLabels {
    private GmailLabels() {
    }

    /** True when {@code item}, STORE's data item, is one of X-GM-LABELS's. */
    static boolean isLabelItem(Arg item) {
        if (!(item instanceof Arg.Atom atom)) {
            return false;
        }
        String name = atom.text().toUpperCase(Locale.ROOT);
        if (name.endsWith(".SILENT")) {
            name = name.substring(0, name.length() - ".SILENT".length());
        }
        return name.equals("X-GM-LABELS") || name.equals("+X-GM-LABELS") || name.equals("-X-GM-LABELS");
    }

    /** The FETCH value: {@code ("\\Inbox" Work)}, the labels of {@code message} in {@code current}. */
    static String list(NameEncoding names, Mailbox current, Message message) {
        Labels labels = current.labels();
        if (labels == null) {
            return "()";
        }
        List<String> wire = new ArrayList<>();
        for (String label : labels.labels(current, message)) {
            wire.add(names.astring(label));
        }
        return "(" + String.join(" ", wire) + ")";
    }

    /**
     * True when {@code message} of {@code current} has the label X-GM-RAW's {@code label:} or
     * {@code in:} names: {@code anywhere} is every message; a system label's word ({@code inbox},
     * {@code starred}...) or a label's name, in any case, {@code -} matching a space or {@code /};
     * the selected mailbox's own label counts, though X-GM-LABELS leaves it out.
     */
    static boolean has(Mailbox current, Message message, String query) {
        String wanted = query.toLowerCase(Locale.ROOT);
        if (wanted.equals("anywhere")) {
            return true;
        }
        Labels labels = current.labels();
        List<String> all = new ArrayList<>(labels == null ? List.of() : labels.labels(current, message));
        all.add(labels == null ? current.name() : labels.label(current));
        for (String label : all) {
            String plain = label.startsWith("\\") ? label.substring(1) : label;
            String lower = plain.toLowerCase(Locale.ROOT);
            if (lower.equals(wanted) || lower.replace(' ', '-').replace('/', '-').equals(wanted)
                    || (lower.equals("draft") && wanted.equals("drafts"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * STORE of labels on {@code targets} (with their sequence numbers): changes them, then
     * answers each with its labels unless silent, {@code * n FETCH (X-GM-LABELS (...))}, the UID
     * after them for UID STORE.
     */
    static Completion store(List<Arg> rest, List<Integer> seqs, List<Message> targets, boolean uid, Session session)
            throws IOException {
        Arg item = rest.get(0);
        String name = ((Arg.Atom) item).text().toUpperCase(Locale.ROOT);
        boolean silent = name.endsWith(".SILENT");
        Labels.Change change = name.startsWith("+") ? Labels.Change.ADD
                : name.startsWith("-") ? Labels.Change.REMOVE : Labels.Change.REPLACE;
        List<String> names = labels(session, rest.subList(1, rest.size()));
        SelectedMailbox view = session.selected();
        Labels labels = view.mailbox().labels();
        if (labels == null) {
            throw CommandException.no("CANNOT", "This account has no labels");
        }
        labels.change(view.mailbox(), targets, change, names);
        if (!silent) {
            for (int i = 0; i < targets.size(); i++) {
                Message m = targets.get(i);
                session.out().untagged(seqs.get(i) + " FETCH (X-GM-LABELS " + list(session.names(), view.mailbox(), m)
                        + (uid ? " UID " + m.uid() : "") + ")");
            }
        }
        return Completion.ok(uid ? "UID STORE completed." : "Store completed.");
    }

    /** The labels after the data item: one parenthesized list, or labels separated by spaces. */
    private static List<String> labels(Session session, List<Arg> args) {
        if (args.isEmpty()) {
            throw new ProtocolException("X-GM-LABELS needs labels: a list such as (\"\\\\Inbox\" Work)");
        }
        List<Arg> items = args;
        if (args.size() == 1 && args.get(0) instanceof Arg.ListArg list) {
            items = list.items();
        }
        List<String> names = new ArrayList<>();
        for (Arg a : items) {
            if (a instanceof Arg.ListArg) {
                throw new ProtocolException("A label is an atom or a string, not a list");
            }
            if (a instanceof Arg.Atom atom && atom.isNil()) {
                throw new ProtocolException("A label is an atom or a string, not NIL");
            }
            String text = a.text();
            if (text.isEmpty()) {
                throw new ProtocolException("A label is not empty");
            }
            names.add(text.startsWith("\\") ? text : MailboxNames.decode(session, text));
        }
        return names;
    }
}
