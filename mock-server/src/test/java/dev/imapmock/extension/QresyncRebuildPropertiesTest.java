package dev.imapmock.extension;

import dev.imapmock.ImapMockServer;
import dev.imapmock.protocol.SequenceSet;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;
import dev.imapmock.testing.RawClient;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client caches INBOX (UIDs, flags, MODSEQs and HIGHESTMODSEQ) and leaves; two other sessions
 * and the Java API then store flags, append, expunge and move messages out and back in; the
 * client comes back with {@code SELECT INBOX (QRESYNC (uidvalidity modseq known-uids))} and a
 * fetch of the UIDs above the ones it knew. What it then holds must be exactly the server's
 * mailbox (RFC 7162 §3.2.5): every UID, every flag and every MODSEQ.
 */
class QresyncRebuildPropertiesTest {
    private static final Pattern FETCH = Pattern.compile(
            "^\\* \\d+ FETCH \\(UID (\\d+) FLAGS \\(([^)]*)\\) MODSEQ \\((\\d+)\\)\\)$");
    private static final Pattern HIGHEST = Pattern.compile("HIGHESTMODSEQ (\\d+)");
    private static final String[] FLAGS = {"\\Flagged", "\\Seen", "\\Answered", "$Work", "$Later"};

    private record Cached(String flags, long modSeq) {
    }

    @Property(tries = 40)
    void aClientResyncingFromItsCacheRebuildsTheMailboxExactly(
            @ForAll @Size(max = 25) List<@IntRange(min = 0, max = 5) Integer> operations, @ForAll long seed) {
        Random random = new Random(seed);
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            server.store().account("alice").orElseThrow().create("Later");
            for (int i = 0; i < 5; i++) {
                deliver(server, i);
            }
            Map<Long, Cached> cache = new TreeMap<>();
            long modSeq;
            try (RawClient client = RawClient.login(server, "alice", "secret")) {
                client.command("e", "ENABLE QRESYNC");
                modSeq = highest(client.command("s", "SELECT INBOX"));
                learn(client.command("f", "UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1)"), cache);
            }
            try (RawClient one = RawClient.login(server, "alice", "secret");
                 RawClient two = RawClient.login(server, "alice", "secret")) {
                one.command("s", "SELECT INBOX");
                two.command("s", "SELECT Later");
                int n = 0;
                for (int op : operations) {
                    apply(op, random, server, one, two, n++);
                }
            }
            Mailbox inbox = server.store().account("alice").orElseThrow().mailbox("INBOX");
            try (RawClient client = RawClient.login(server, "alice", "secret")) {
                client.command("e", "ENABLE QRESYNC");
                String known = cache.isEmpty() ? "" : " " + SequenceSet.of(new ArrayList<>(cache.keySet()));
                List<String> lines = client.command("s", "SELECT INBOX (QRESYNC (" + inbox.uidValidity() + " "
                        + modSeq + known + "))");
                for (String line : lines) {
                    if (line.startsWith("* VANISHED (EARLIER) ")) {
                        SequenceSet gone = SequenceSet.parse(line.substring("* VANISHED (EARLIER) ".length()));
                        cache.keySet().removeIf(uid -> gone.contains(uid, Long.MAX_VALUE));
                    }
                }
                learn(lines, cache);
                long above = cache.isEmpty() ? 1 : ((TreeMap<Long, Cached>) cache).lastKey() + 1;
                learn(client.command("n", "UID FETCH " + above + ":* (FLAGS) (CHANGEDSINCE 1)"), cache);
                assertThat(highest(lines)).isEqualTo(inbox.highestModSeq());
            }
            Map<Long, Cached> actual = new TreeMap<>();
            for (Message m : inbox.messages()) {
                actual.put(m.uid(), new Cached(String.join(" ", m.flags().names()), m.modSeq()));
            }
            assertThat(cache).as("the client's rebuilt mailbox after " + operations).isEqualTo(actual);
        }
    }

    private static void apply(int op, Random random, ImapMockServer server, RawClient inbox, RawClient archive, int n) {
        List<Message> messages = server.store().account("alice").orElseThrow().mailbox("INBOX").messages();
        long uid = messages.isEmpty() ? 1 : messages.get(random.nextInt(messages.size())).uid();
        String flag = FLAGS[random.nextInt(FLAGS.length)];
        switch (op) {
            case 0 -> inbox.command("t" + n, "UID STORE " + uid + (random.nextBoolean() ? " +" : " -") + "FLAGS (" + flag + ")");
            case 1 -> inbox.command("t" + n, "APPEND INBOX (" + flag + ") {12+}\r\nSubject: " + n % 10 + "\r\n");
            case 2 -> {
                inbox.command("d" + n, "UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)");
                inbox.command("t" + n, "UID EXPUNGE " + uid);
            }
            case 3 -> inbox.command("t" + n, "UID MOVE " + uid + " Later");
            case 4 -> archive.command("t" + n, "MOVE 1 INBOX");
            default -> deliver(server, n);
        }
    }

    private static void deliver(ImapMockServer server, int n) {
        server.deliver("alice", "INBOX", ("Subject: d" + n + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void learn(List<String> lines, Map<Long, Cached> cache) {
        for (String line : lines) {
            Matcher m = FETCH.matcher(line);
            if (m.matches()) {
                String flags = m.group(2).replace("\\Recent", "").trim().replaceAll(" +", " ");
                cache.put(Long.parseLong(m.group(1)), new Cached(flags, Long.parseLong(m.group(3))));
            }
        }
    }

    private static long highest(List<String> lines) {
        for (String line : lines) {
            Matcher m = HIGHEST.matcher(line);
            if (line.startsWith("* OK [HIGHESTMODSEQ") && m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("no HIGHESTMODSEQ in " + lines);
    }
}
