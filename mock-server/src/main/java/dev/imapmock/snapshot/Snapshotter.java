package dev.imapmock.snapshot;

import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.ImapDates;
import dev.imapmock.protocol.ImapStrings;
import dev.imapmock.protocol.ModifiedUtf7;
import dev.imapmock.protocol.ProtocolException;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Copies the chosen mailboxes of a logged-in account into a {@link FixtureTree}: LIST (with the
 * special uses, RFC 6154), the subscriptions, then per mailbox EXAMINE (read-only, so no flag
 * changes, RFC 3501 §6.3.2), UID SEARCH for {@code --since}, and UID FETCH of FLAGS, INTERNALDATE
 * and {@code BODY.PEEK[]} (which sets no {@code \Seen}) in batches.
 */
final class Snapshotter {
    /** UIDs per UID FETCH: large enough to keep the pipe full, small enough to keep memory low. */
    static final int BATCH = 50;
    private static final Set<String> SPECIAL_USES = Set.of("\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk",
            "\\Sent", "\\Trash");
    /** The special uses a fixture sidecar takes (docs/fixtures.md); the others are reported as left out. */
    private static final Set<String> FIXTURE_USES = Set.of("\\Archive", "\\Drafts", "\\Junk", "\\Sent", "\\Trash");
    private static final Set<String> SYSTEM_FLAGS = Set.of("\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft");

    private final ImapClient client;
    private final SnapshotOptions options;
    private final Progress progress;
    private final Anonymizer anonymizer;
    private final PrintStream warnings;
    private final List<String> notes = new ArrayList<>();
    private int mailboxCount;
    private long messageCount;
    private long octets;

    Snapshotter(ImapClient client, SnapshotOptions options, Progress progress, Anonymizer anonymizer,
                PrintStream warnings) {
        this.client = client;
        this.options = options;
        this.progress = progress;
        this.anonymizer = anonymizer;
        this.warnings = warnings;
    }

    int mailboxCount() {
        return mailboxCount;
    }

    long messageCount() {
        return messageCount;
    }

    long octets() {
        return octets;
    }

    void run(FixtureTree tree) throws SnapshotException {
        List<RemoteMailbox> mailboxes;
        Set<String> subscribed;
        try {
            mailboxes = list();
            subscribed = subscriptions();
        } catch (IOException e) {
            throw new SnapshotException("listing the mailboxes failed: " + e.getMessage(), e);
        }
        if (mailboxes.isEmpty()) {
            throw new SnapshotException("no mailbox matches " + String.join(", ", options.mailboxes()));
        }
        progress.mailboxes(mailboxes.size());
        boolean specialUse = client.has("SPECIAL-USE");
        for (RemoteMailbox mailbox : mailboxes) {
            Path dir;
            try {
                dir = tree.mailbox(mailbox.components());
                tree.mailboxSidecar(dir, specialUse ? uses(mailbox) : null, subscribed.contains(mailbox.wireName()));
            } catch (IOException e) {
                throw new SnapshotException("mailbox " + mailbox.name() + ": can't write " + e.getMessage(), e);
            }
            copy(mailbox, dir, tree);
            mailboxCount++;
        }
        progress.finish();
    }

    /** Notes for the user: mailboxes skipped, flags left out. */
    List<String> notes() {
        return notes;
    }

    private void note(String text) {
        notes.add(text);
        warnings.println("imapmock: snapshot: " + text);
    }

    private List<String> uses(RemoteMailbox mailbox) {
        List<String> uses = new ArrayList<>();
        for (String a : mailbox.attributes()) {
            if (FIXTURE_USES.contains(a)) {
                uses.add(a);
            } else if (SPECIAL_USES.contains(a)) {
                note("mailbox " + mailbox.name() + ": special use " + a + " left out (fixtures take "
                        + String.join(" ", FIXTURE_USES.stream().sorted().toList()) + ")");
            }
        }
        return uses;
    }

    // ---- listing

    private List<RemoteMailbox> list() throws IOException {
        boolean returnSpecialUse = client.has("LIST-EXTENDED") && client.has("SPECIAL-USE");
        Map<String, RemoteMailbox> found = new LinkedHashMap<>();
        for (String pattern : options.mailboxes()) {
            ImapClient.Line line = new ImapClient.Line("LIST").astring("").raw(" ");
            line.raw(quotedPattern(ModifiedUtf7.encode(pattern)));
            if (returnSpecialUse) {
                line.raw(" RETURN (SPECIAL-USE)");
            }
            ImapClient.expectOk(client.run(line, r -> {
                if (r.dataName().equals("LIST")) {
                    RemoteMailbox m = mailbox(r.data());
                    if (m != null) {
                        found.putIfAbsent(m.wireName(), m);
                    }
                }
            }), "LIST " + pattern);
        }
        List<RemoteMailbox> selected = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (RemoteMailbox m : found.values()) {
            if (!m.selectable()) {
                continue;
            }
            if (!names.add(m.name())) {
                note("mailbox " + m.wireName() + " skipped: another one has the same name " + m.name());
                continue;
            }
            selected.add(m);
        }
        return selected;
    }

    /** A LIST pattern as a quoted string: it may hold {@code *} and {@code %}, which atoms can't. */
    private static String quotedPattern(String pattern) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImapStrings.writeString(out, pattern);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code LIST (attributes) delimiter name [extended items]}; null for a name no directory can hold. */
    private RemoteMailbox mailbox(List<Arg> data) {
        if (data.size() < 4 || !(data.get(1) instanceof Arg.ListArg attributes)) {
            note("unreadable LIST response skipped: " + data);
            return null;
        }
        Arg delimiterArg = data.get(2);
        String delimiter = delimiterArg instanceof Arg.Atom a && a.isNil() ? null : delimiterArg.text();
        String wire = data.get(3).text();
        Set<String> attrs = new LinkedHashSet<>();
        for (Arg a : attributes.items()) {
            attrs.add(canonicalAttribute(a.text()));
        }
        List<String> components = new ArrayList<>();
        String decoded = ModifiedUtf7.decode(wire);
        if (delimiter == null || delimiter.isEmpty()) {
            components.add(decoded);
        } else {
            for (String part : decoded.split(java.util.regex.Pattern.quote(delimiter), -1)) {
                components.add(part);
            }
        }
        if (components.get(0).equalsIgnoreCase("INBOX")) {
            components.set(0, "INBOX");
        }
        for (String c : components) {
            if (c.isEmpty() || c.startsWith(".") || c.contains("/") || c.contains("\\") || c.indexOf('\0') >= 0
                    || c.endsWith(".properties")) {
                if (new RemoteMailbox(wire, components, attrs).selectable()) {
                    note("mailbox " + decoded + " skipped: \"" + c + "\" can't be a directory name in a fixture"
                            + " tree (empty, starting with '.', holding '/' or '\\', or ending in .properties)");
                }
                return null;
            }
        }
        return new RemoteMailbox(wire, List.copyOf(components), attrs);
    }

    private static String canonicalAttribute(String attribute) {
        for (String known : List.of("\\Noselect", "\\NonExistent", "\\All", "\\Archive", "\\Drafts", "\\Flagged",
                "\\Junk", "\\Sent", "\\Trash")) {
            if (known.equalsIgnoreCase(attribute)) {
                return known;
            }
        }
        return attribute;
    }

    /** The wire names of the subscribed mailboxes (LSUB, RFC 3501 §6.3.9; LIST (SUBSCRIBED) where LSUB is gone). */
    private Set<String> subscriptions() throws IOException {
        Set<String> names = new HashSet<>();
        boolean extended = client.has("LIST-EXTENDED");
        String command = extended ? "LIST (SUBSCRIBED) \"\" \"*\"" : "LSUB \"\" \"*\"";
        String name = extended ? "LIST" : "LSUB";
        ImapClient.expectOk(client.run(command, r -> {
            if (r.dataName().equals(name) && r.data().size() >= 4 && r.data().get(1) instanceof Arg.ListArg attrs) {
                boolean subscribed = !extended || attrs.items().stream().anyMatch(a -> a.text().equalsIgnoreCase("\\Subscribed"));
                if (subscribed) {
                    names.add(r.data().get(3).text());
                }
            }
        }), name);
        return names;
    }

    // ---- messages

    private void copy(RemoteMailbox mailbox, Path dir, FixtureTree tree) throws SnapshotException {
        String name = mailbox.name();
        List<Long> uids;
        try {
            int[] exists = {0};
            Response selected = client.run(new ImapClient.Line("EXAMINE").astring(mailbox.wireName()), r -> {
                if (r.numberedName().equals("EXISTS")) {
                    exists[0] = Integer.parseInt(r.dataName());
                }
            });
            if (!selected.isOk()) {
                throw new SnapshotException("mailbox " + name + ": EXAMINE refused: " + selected.status() + " "
                        + selected.text());
            }
            uids = exists[0] == 0 ? List.of() : search(name);
        } catch (IOException e) {
            throw new SnapshotException("mailbox " + name + ": " + e.getMessage(), e);
        }
        if (options.limit() > 0 && uids.size() > options.limit()) {
            uids = uids.subList(uids.size() - options.limit(), uids.size());
        }
        progress.mailbox(name, uids.size());
        for (int from = 0; from < uids.size(); from += BATCH) {
            List<Long> batch = uids.subList(from, Math.min(uids.size(), from + BATCH));
            Map<Long, Fetched> fetched = fetch(name, batch);
            for (int i = 0; i < batch.size(); i++) {
                long uid = batch.get(i);
                Fetched m = fetched.get(uid);
                String fileName = FixtureTree.fileName(from + i + 1, uids.size());
                byte[] bytes = anonymizer == null ? m.body() : anonymizer.rewrite(m.body(), name + "/" + fileName);
                try {
                    tree.message(dir, fileName, bytes, m.flags(), m.internalDate(), uid);
                } catch (IOException e) {
                    throw new SnapshotException("mailbox " + name + ", message UID " + uid + ": can't write "
                            + e.getMessage(), e);
                }
                messageCount++;
                octets += m.body().length;
                progress.message(m.body().length);
            }
        }
        progress.mailboxDone();
    }

    private List<Long> search(String name) throws IOException, SnapshotException {
        List<Long> uids = new ArrayList<>();
        String criteria = options.since() == null ? "ALL" : "SINCE " + ImapDates.formatDate(options.since());
        Response done = client.run("UID SEARCH " + criteria, r -> {
            if (r.dataName().equals("SEARCH")) {
                for (Arg a : r.data().subList(1, r.data().size())) {
                    uids.add(Long.parseLong(a.text()));
                }
            }
        });
        if (!done.isOk()) {
            throw new SnapshotException("mailbox " + name + ": UID SEARCH refused: " + done.status() + " " + done.text());
        }
        uids.sort(null);
        return uids;
    }

    /** One message as UID FETCH gave it. */
    record Fetched(byte[] body, List<String> flags, OffsetDateTime internalDate) {
    }

    private Map<Long, Fetched> fetch(String name, List<Long> batch) throws SnapshotException {
        Map<Long, Fetched> fetched = new HashMap<>();
        String set = sequenceSet(batch);
        Response done;
        try {
            done = client.run("UID FETCH " + set + " (UID FLAGS INTERNALDATE BODY.PEEK[])", r -> {
                if (r.numberedName().equals("FETCH") && r.data().size() >= 3 && r.data().get(2) instanceof Arg.ListArg items) {
                    Fetched m = fetched(name, items.items());
                    if (m != null) {
                        fetched.put(uidOf(items.items()), m);
                    }
                }
            });
        } catch (EOFException e) {
            throw new SnapshotException("mailbox " + name + ", message UID " + firstMissing(batch, fetched)
                    + ": the connection was lost (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new SnapshotException("mailbox " + name + ", message UID " + firstMissing(batch, fetched) + ": "
                    + e.getMessage(), e);
        }
        if (!done.isOk()) {
            throw new SnapshotException("mailbox " + name + ", message UID " + firstMissing(batch, fetched)
                    + ": UID FETCH refused: " + done.status() + " " + done.text());
        }
        for (long uid : batch) {
            if (!fetched.containsKey(uid)) {
                throw new SnapshotException("mailbox " + name + ", message UID " + uid
                        + ": the server sent no body for it (expunged meanwhile, or it can't deliver it)");
            }
        }
        return fetched;
    }

    private static long firstMissing(List<Long> batch, Map<Long, Fetched> fetched) {
        for (long uid : batch) {
            if (!fetched.containsKey(uid)) {
                return uid;
            }
        }
        return batch.get(batch.size() - 1);
    }

    private static long uidOf(List<Arg> items) {
        for (int i = 0; i + 1 < items.size(); i += 2) {
            if (items.get(i).text() != null && items.get(i).text().equalsIgnoreCase("UID")) {
                return Long.parseLong(items.get(i + 1).text());
            }
        }
        return -1;
    }

    /** The message of a FETCH response's items, or null when it lacks the body (an unsolicited flag update). */
    private Fetched fetched(String mailbox, List<Arg> items) {
        byte[] body = null;
        List<String> flags = new ArrayList<>();
        OffsetDateTime internalDate = null;
        long uid = uidOf(items);
        for (int i = 0; i + 1 < items.size(); i += 2) {
            String item = items.get(i).text() == null ? "" : items.get(i).text().toUpperCase(Locale.ROOT);
            Arg value = items.get(i + 1);
            switch (item) {
                case "BODY[]" -> body = value.isString() ? value.bytes() : null;
                case "INTERNALDATE" -> internalDate = date(mailbox, uid, value.text());
                case "FLAGS" -> {
                    if (value instanceof Arg.ListArg list) {
                        for (Arg f : list.items()) {
                            flag(mailbox, uid, f.text(), flags);
                        }
                    }
                }
                default -> {
                    // UID, and anything the server adds unasked (MODSEQ with CONDSTORE).
                }
            }
        }
        if (body == null || uid < 0) {
            return null;
        }
        if (internalDate == null) {
            throw new IllegalStateException("the server sent no INTERNALDATE");
        }
        return new Fetched(body, flags, internalDate);
    }

    private static OffsetDateTime date(String mailbox, long uid, String text) {
        try {
            return ImapDates.parseDateTime(text);
        } catch (ProtocolException e) {
            throw new IllegalStateException("unreadable INTERNALDATE \"" + text + "\": " + e.getMessage(), e);
        }
    }

    /** Keeps system flags and keywords a fixture sidecar takes; {@code \Recent} is the session's, not the message's. */
    private void flag(String mailbox, long uid, String flag, List<String> flags) {
        if (flag.equalsIgnoreCase("\\Recent")) {
            return;
        }
        if (flag.startsWith("\\")) {
            for (String system : SYSTEM_FLAGS) {
                if (system.equalsIgnoreCase(flag)) {
                    flags.add(system);
                    return;
                }
            }
            note("mailbox " + mailbox + ", message UID " + uid + ": flag " + flag + " left out (not a system flag"
                    + " of RFC 3501 nor a keyword)");
            return;
        }
        for (char c : flag.toCharArray()) {
            if (!ImapStrings.isAtomChar(c)) {
                note("mailbox " + mailbox + ", message UID " + uid + ": keyword " + flag + " left out (not an atom)");
                return;
            }
        }
        flags.add(flag);
    }

    /** UIDs (ascending) as a compact sequence set: {@code 1:5,8,10:12}. */
    static String sequenceSet(List<Long> uids) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < uids.size()) {
            int j = i;
            while (j + 1 < uids.size() && uids.get(j + 1) == uids.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(uids.get(i));
            if (j > i) {
                sb.append(':').append(uids.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
