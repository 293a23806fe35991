package dev.imapmock.check;

import dev.imapmock.protocol.Arg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole messages downloaded and then asked for again, on one connection and in one selected
 * mailbox (a SELECT or EXAMINE starts afresh). A whole message is {@code BODY[]},
 * {@code BODY.PEEK[]}, {@code RFC822}, {@code BINARY[]} or {@code BINARY.PEEK[]} without a partial
 * range (RFC 3501 §6.4.5, RFC 3516), or the same in chunks from offset 0, each starting where the
 * one before ended, up to one that comes back shorter than asked. It holds the message's header and
 * its MIME structure, so the client had what it asks for next:
 * <ul>
 *   <li>{@code headers-after-full-body}: a later FETCH of the same message's ENVELOPE,
 *       BODYSTRUCTURE (or BODY), RFC822.HEADER, or a HEADER, HEADER.FIELDS or MIME section (or the
 *       ALL or FULL macro). The client did not use the header it had downloaded, or downloaded the
 *       whole message where the header or structure would have done.</li>
 *   <li>{@code full-body-refetched}: a later whole-message download of the same message. A
 *       message never changes (RFC 3501 §2.3), so the first copy would have done.</li>
 * </ul>
 * The server cannot see what a client does with what it fetched, so a client that downloads whole
 * bodies and then uses only their headers, asking nothing more, is not seen. Messages are matched
 * by the form the client names them in: UIDs for UID FETCH, sequence numbers for FETCH; a UID
 * and a sequence number of the same message are not matched, and sets with {@code *} or
 * {@code $} are not followed. Sequence numbers are forgotten when an EXPUNGE or VANISHED response
 * may have renumbered them, and everything when another mailbox is selected. Each finding's
 * command is the download; its count is how many times its messages were asked for again.
 */
final class FullBodyCheck implements ClientCheck {
    /** The largest set followed; a larger one (1:100000) is not worth the memory. */
    private static final int MAX_SET = 10_000;
    /**
     * The patterns, compiled when a FETCH is first seen rather than when a connection opens: a
     * fresh JVM's first LOGIN need not load the regular-expression classes.
     */
    private static final class Patterns {
        /** A chunk of the whole message: {@code BODY[]<origin.length>}, upper case. */
        static final Pattern CHUNK_ASKED =
                Pattern.compile("(BODY|BINARY)(?:\\.PEEK)?\\[\\]<(\\d{1,15})\\.(\\d{1,15})>");
        /** A literal's size as the journal shows it: {@code {123}} or {@code ~{123}}. */
        static final Pattern LITERAL_SIZE = Pattern.compile("~?\\{(\\d{1,15})\\}");
    }

    private String mailbox;
    /** For each message ("UID 7", "SEQ 3") downloaded whole, the command line that downloaded it. */
    private final Map<String, String> downloaded = new HashMap<>();
    /** For each message being downloaded in chunks from its start, the offset the next chunk starts at. */
    private final Map<String, Long> progress = new HashMap<>();
    /** For each rule and download, how many times its messages were asked for again so far. */
    private final Map<String, Integer> reported = new HashMap<>();

    @Override
    public void see(ClientEvent event, Reporter report) {
        if (!(event instanceof ClientEvent.Command c)) {
            return;
        }
        if (c.selectedAfter() == null || !c.selectedAfter().equals(mailbox) || c.is("SELECT") || c.is("EXAMINE")
                || c.selectedBefore() == null || !c.selectedBefore().equals(c.selectedAfter())) {
            mailbox = c.selectedAfter();
            downloaded.clear();
            progress.clear();
            reported.clear();
        }
        boolean uid = c.is("UID FETCH");
        if ((uid || c.is("FETCH")) && c.ok() && !c.malformed() && c.args().size() >= 2
                && c.args().get(0) instanceof Arg.Atom set) {
            fetched(c, uid ? "UID " : "SEQ ", set.text(), report);
        }
        if (renumbered(c)) {
            downloaded.keySet().removeIf(k -> k.startsWith("SEQ "));
            progress.keySet().removeIf(k -> k.startsWith("SEQ "));
        }
    }

    private void fetched(ClientEvent.Command c, String form, String set, Reporter report) {
        List<String> items = items(c.args().get(1));
        boolean header = items.stream().anyMatch(FullBodyCheck::header);
        List<Long> numbers = numbers(set);
        boolean whole = items.stream().anyMatch(FullBodyCheck::whole)
                || numbers.size() == 1 && lastChunk(c, form + numbers.get(0), items);
        if (!whole && !header) {
            return;
        }
        Map<String, Integer> headers = new HashMap<>();
        Map<String, Integer> refetched = new HashMap<>();
        for (long n : numbers) {
            String key = form + n;
            String earlier = downloaded.get(key);
            if (earlier != null && header) {
                headers.merge(earlier, 1, Integer::sum);
            }
            if (earlier != null && whole) {
                refetched.merge(earlier, 1, Integer::sum);
            }
            if (whole && earlier == null) {
                downloaded.put(key, c.line());
            }
        }
        for (Map.Entry<String, Integer> e : headers.entrySet()) {
            int count = reported.merge("headers-after-full-body\n" + e.getKey(), e.getValue(), Integer::sum);
            report.wasteful("headers-after-full-body", "RFC 3501 §6.4.5", e.getKey(),
                    "asked " + count + " time(s) for the header or structure of messages it had downloaded"
                            + " whole; read them from the downloaded message, or fetch BODY.PEEK[HEADER] or"
                            + " BODYSTRUCTURE first and then only the parts needed", count);
        }
        for (Map.Entry<String, Integer> e : refetched.entrySet()) {
            int count = reported.merge("full-body-refetched\n" + e.getKey(), e.getValue(), Integer::sum);
            report.wasteful("full-body-refetched", "RFC 3501 §2.3", e.getKey(),
                    "downloaded whole messages again that it had downloaded whole before on this connection ("
                            + count + " time(s)); a message never changes, so keep the first copy", count);
        }
    }

    /**
     * True when this command fetched the last chunk of a message downloaded in pieces from its
     * start ({@code BODY.PEEK[]<0.16384>}, then {@code <16384.16384>}, ... as Angus Mail does by
     * default): a chunk that continues where the one before ended and comes back shorter than
     * asked. Followed for single-message FETCHes only, whose answer's size the captured responses
     * show ({@code BODY[]<0> {1234}}).
     */
    private boolean lastChunk(ClientEvent.Command c, String key, List<String> items) {
        for (String item : items) {
            Matcher asked = Patterns.CHUNK_ASKED.matcher(item);
            if (!asked.matches()) {
                continue;
            }
            long origin = Long.parseLong(asked.group(2));
            long length = Long.parseLong(asked.group(3));
            long got = answered(c, asked.group(1), origin);
            if (got < 0 || origin != (origin == 0 ? 0 : progress.getOrDefault(key, -1L))) {
                progress.remove(key);
                return false;
            }
            if (got < length) {
                progress.remove(key);
                return true;
            }
            progress.put(key, origin + got);
        }
        return false;
    }

    /** The size of the {@code BODY[]<origin>} (or BINARY) literal in the command's responses, or -1. */
    private static long answered(ClientEvent.Command c, String kind, long origin) {
        String shown = kind + "[]<" + origin + "> ";
        for (String r : c.responses()) {
            int at = r.indexOf(shown);
            if (at >= 0) {
                Matcher size = Patterns.LITERAL_SIZE.matcher(r);
                if (size.find(at + shown.length()) && size.start() == at + shown.length()) {
                    return Long.parseLong(size.group(1));
                }
            }
        }
        return -1;
    }

    /**
     * True when the command's responses may have renumbered the messages: an EXPUNGE or VANISHED,
     * or more than was captured.
     */
    private static boolean renumbered(ClientEvent.Command c) {
        if (c.is("IDLE") || c.is("NOTIFY")) {
            return true;
        }
        for (String r : c.responses()) {
            String upper = r.toUpperCase(Locale.ROOT);
            if (upper.contains(" EXPUNGE") || upper.startsWith("* VANISHED") || r.equals("\u2026")) {
                return true;
            }
        }
        return false;
    }

    /** The fetch attributes, upper case: one atom or a parenthesized list of them. */
    private static List<String> items(Arg arg) {
        List<String> items = new ArrayList<>();
        if (arg instanceof Arg.Atom a) {
            items.add(a.text().toUpperCase(Locale.ROOT));
        } else if (arg instanceof Arg.ListArg list) {
            for (Arg item : list.items()) {
                if (item instanceof Arg.Atom a) {
                    items.add(a.text().toUpperCase(Locale.ROOT));
                }
            }
        }
        return items;
    }

    /** The whole message, without a partial range. */
    private static boolean whole(String item) {
        return item.equals("RFC822") || item.equals("BODY[]") || item.equals("BODY.PEEK[]")
                || item.equals("BINARY[]") || item.equals("BINARY.PEEK[]");
    }

    /** What the whole message already holds: its header, envelope, structure or a part's header. */
    private static boolean header(String item) {
        if (item.equals("ENVELOPE") || item.equals("BODYSTRUCTURE") || item.equals("BODY")
                || item.equals("RFC822.HEADER")
                || item.equals("ALL") || item.equals("FULL")) {
            return true;
        }
        int open = item.indexOf('[');
        if (open < 0 || !(item.startsWith("BODY[") || item.startsWith("BODY.PEEK["))) {
            return false;
        }
        String section = item.substring(open + 1);
        int dot = 0;
        while (dot < section.length() && (Character.isDigit(section.charAt(dot)) || section.charAt(dot) == '.')) {
            dot++;
        }
        String text = section.substring(dot);
        return text.startsWith("HEADER") || text.startsWith("MIME");
    }

    /**
     * The numbers a set names, in order; empty when it uses {@code *} or {@code $}, or names more
     * than {@link #MAX_SET}.
     */
    private static List<Long> numbers(String set) {
        List<Long> numbers = new ArrayList<>();
        for (String part : set.split(",", -1)) {
            int colon = part.indexOf(':');
            long from = number(colon < 0 ? part : part.substring(0, colon));
            long to = colon < 0 ? from : number(part.substring(colon + 1));
            if (from < 0 || to < 0) {
                return List.of();
            }
            for (long n = Math.min(from, to); n <= Math.max(from, to); n++) {
                if (numbers.size() == MAX_SET) {
                    return List.of();
                }
                numbers.add(n);
            }
        }
        return numbers;
    }

    private static long number(String digits) {
        if (digits.isEmpty() || digits.length() > 10) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(digits);
    }
}
