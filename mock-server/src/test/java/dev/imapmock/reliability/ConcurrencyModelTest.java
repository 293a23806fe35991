package dev.imapmock.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 50 sessions at once on three mailboxes of one account: 47 workers mixing APPEND, FETCH,
 * STORE, COPY, MOVE, EXPUNGE, SEARCH, SELECT and IDLE, and one read-only observer per mailbox
 * that follows every change. Runs {@code -Dimapmock.stress.seconds} (default 3) seconds.
 *
 * <p>Checked while running: each session's sequence numbers and UIDs agree with the EXISTS and
 * EXPUNGE it was sent ({@link ModelSession}). Checked afterwards: UIDs unique and ascending per
 * mailbox; every message present was created by an APPEND or COPY/MOVE that got OK and holds
 * the bytes it was created with; every message created and absent was reported expunged; the
 * observers' views equal the store; each session-owned keyword is as its owner last wrote it
 * (written in either case); every keyword in a FETCH was in the last FLAGS that session received.
 */
class ConcurrencyModelTest {
    private static final double SECONDS = Double.parseDouble(System.getProperty("imapmock.stress.seconds", "3"));
    private static final long SEED = Long.getLong("imapmock.stress.seed", 7L);
    private static final List<String> MAILBOXES = List.of("INBOX", "Alpha", "Beta");
    private static final int SESSIONS = 50;
    private static final Pattern APPENDUID = Pattern.compile("\\[APPENDUID \\d+ (\\d+)\\]");
    private static final Pattern COPYUID = Pattern.compile("\\[COPYUID \\d+ ([0-9:,]+) ([0-9:,]+)\\]");

    /** Where a message (mailbox/uid) came from: an APPEND's token or another message. */
    private final Map<String, String> origin = new ConcurrentHashMap<>();
    /** Each worker's last write of its own keyword per message: mailbox/uid/keyword to true when set. */
    private final Map<String, Boolean> lastKeywordWrite = new ConcurrentHashMap<>();
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong checks = new AtomicLong();

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void fiftySessionsKeepEveryInvariant() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            for (String name : MAILBOXES) {
                if (!name.equals("INBOX")) {
                    server.store().account("alice").orElseThrow().create(name);
                }
                for (int i = 0; i < 5; i++) {
                    String token = "seed-" + name + "-" + i;
                    Message m = server.deliver("alice", name, Mail.plain("Seed " + i, token));
                    origin.put(name + "/" + m.uid(), "token:" + token);
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
            CountDownLatch ready = new CountDownLatch(SESSIONS);
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch workersDone = new CountDownLatch(SESSIONS - MAILBOXES.size());
            long deadline = System.nanoTime() + (long) (SECONDS * 1e9);
            List<Future<ModelSession>> observers = new ArrayList<>();
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < MAILBOXES.size(); i++) {
                String mailbox = MAILBOXES.get(i);
                observers.add(pool.submit(() -> observe(server, mailbox, ready, go, workersDone)));
            }
            for (int k = 0; k < SESSIONS - MAILBOXES.size(); k++) {
                int id = k;
                workers.add(pool.submit(() -> {
                    try {
                        work(server, id, ready, go, deadline);
                    } finally {
                        workersDone.countDown();
                    }
                    return null;
                }));
            }
            ready.await();
            go.countDown();
            for (Future<?> w : workers) {
                w.get();
            }
            Map<String, ModelSession> observed = new HashMap<>();
            for (Future<ModelSession> o : observers) {
                ModelSession s = o.get();
                observed.put(s.selected(), s);
            }
            pool.shutdown();

            for (String name : MAILBOXES) {
                checkMailbox(server.store().account("alice").orElseThrow().mailbox(name), observed.get(name));
            }
            System.out.printf("Concurrency: %d sessions, %d operations in %.1f s, %d model checks, %d messages"
                            + " created (seed %d)%n", SESSIONS, operations.get(), SECONDS, checks.get(),
                    origin.size(), SEED);
        }
    }

    private void checkMailbox(Mailbox mailbox, ModelSession observer) {
        String name = mailbox.name();
        List<Message> present = mailbox.messages();
        List<Long> uids = new ArrayList<>();
        for (Message m : present) {
            uids.add(m.uid());
        }
        for (int i = 1; i < uids.size(); i++) {
            assertThat(uids.get(i)).as(name + " UIDs ascending and unique").isGreaterThan(uids.get(i - 1));
        }
        assertThat(observer.view).as(name + ": the observer's final view").isEqualTo(uids);

        Set<String> created = new HashSet<>();
        for (String key : origin.keySet()) {
            if (key.startsWith(name + "/")) {
                created.add(key);
            }
        }
        Set<String> presentKeys = new HashSet<>();
        for (Message m : present) {
            String key = name + "/" + m.uid();
            presentKeys.add(key);
            assertThat(created).as("a message no APPEND/COPY/MOVE created: " + key).contains(key);
            String token = token(key);
            assertThat(new String(m.bytes(), StandardCharsets.US_ASCII))
                    .as(key + " holds the bytes it was created with").contains("Message-ID: <" + token + "@");
            checks.addAndGet(2);
        }
        Set<String> gone = new HashSet<>(created);
        gone.removeAll(presentKeys);
        Set<String> reported = new HashSet<>();
        for (Long uid : observer.expunged) {
            reported.add(name + "/" + uid);
        }
        // A message that came and went between two of the observer's commands is never mentioned
        // to it (as in Dovecot), so gone messages can outnumber the expunges reported; a message the
        // store lost after the observer heard of it still shows, as a final view unlike the store.
        assertThat(gone).as(name + ": every message reported expunged is gone").containsAll(reported);
        assertThat(gone.size()).as(name + ": messages gone versus expunges reported")
                .isGreaterThanOrEqualTo(observer.expunged.size() + observer.expungedUnknown);
        for (Message m : present) {
            for (int k = 0; k < SESSIONS; k++) {
                Boolean set = lastKeywordWrite.get(name + "/" + m.uid() + "/" + k);
                if (set != null) {
                    assertThat(m.flags().has(keyword(k))).as(name + "/" + m.uid() + " " + keyword(k)
                            + " is as its last write left it").isEqualTo(set);
                    checks.incrementAndGet();
                }
            }
            assertThat(observer.flags.get(m.uid()).replace("\\Recent", "").trim())
                    .as(name + "/" + m.uid() + ": the flags the observer was last told")
                    .isEqualTo(String.join(" ", m.flags().names()));
        }
        checks.addAndGet(observer.checks);
    }

    private String token(String key) {
        String o = origin.get(key);
        int hops = 0;
        while (!o.startsWith("token:")) {
            o = origin.get(o);
            assertThat(o).as("origin of " + key).isNotNull();
            assertThat(++hops).isLessThan(100_000);
        }
        return o.substring("token:".length());
    }

    private ModelSession observe(ImapMockServer server, String mailbox, CountDownLatch ready, CountDownLatch go,
                                 CountDownLatch workersDone) throws Exception {
        ModelSession s = new ModelSession("observer-" + mailbox, server.host(), server.port());
        s.command("LOGIN alice secret");
        s.command("EXAMINE " + mailbox);
        learnUids(s);
        ready.countDown();
        go.await();
        int round = 0;
        while (workersDone.getCount() > 0) {
            if (round++ % 2 == 0) {
                s.idle();
            } else {
                s.command("NOOP");
            }
            learnUids(s);
            operations.incrementAndGet();
        }
        s.command("NOOP");
        learnUids(s);
        s.command("FETCH 1:* (UID FLAGS)");
        s.logout();
        s.close();
        return s;
    }

    /** Fetches the UIDs of the messages the model does not know yet (a FETCH: no expunge meanwhile). */
    private static void learnUids(ModelSession s) throws Exception {
        int first = s.view.indexOf(null);
        if (first >= 0) {
            s.command("FETCH " + (first + 1) + ":* (UID FLAGS)");
        }
    }

    private void work(ImapMockServer server, int id, CountDownLatch ready, CountDownLatch go, long deadline)
            throws Exception {
        Random random = new Random(SEED * 1000 + id);
        try (ModelSession s = new ModelSession("worker-" + id, server.host(), server.port())) {
            s.command("LOGIN alice secret");
            s.command("SELECT " + MAILBOXES.get(random.nextInt(MAILBOXES.size())));
            ready.countDown();
            go.await();
            int appended = 0;
            while (System.nanoTime() < deadline) {
                int op = random.nextInt(100);
                Long uid = anyKnownUid(s, random);
                String here = s.selected();
                String elsewhere = MAILBOXES.get(random.nextInt(MAILBOXES.size()));
                if (op < 15) {
                    String token = "w" + id + "-" + (appended++);
                    byte[] mail = random.nextBoolean() ? Mail.plain("Hi", token) : Mail.multipart("Hi", token);
                    byte[] command = concat(("APPEND " + elsewhere + " (\\Seen) {" + mail.length + "+}\r\n")
                            .getBytes(StandardCharsets.US_ASCII), mail);
                    String status = last(s.command(command));
                    Matcher m = APPENDUID.matcher(status);
                    assertThat(m.find()).as(status).isTrue();
                    origin.put(elsewhere + "/" + m.group(1), "token:" + token);
                } else if (op < 30) {
                    if (!s.view.isEmpty()) {
                        int seq = 1 + random.nextInt(s.view.size());
                        ok(s.command(random.nextBoolean() ? "FETCH " + seq + " (UID FLAGS)" : "FETCH 1:* (UID)"));
                    }
                } else if (op < 35) {
                    ok(s.command("UID FETCH 1:* (FLAGS)"));
                } else if (op < 50) {
                    if (uid != null) {
                        boolean set = random.nextBoolean();
                        // Keywords compare case-insensitively: either spelling names the one keyword.
                        String spelling = random.nextBoolean() ? keyword(id) : keyword(id).toLowerCase(Locale.ROOT);
                        List<String> lines = s.command("UID STORE " + uid + (set ? " +" : " -") + "FLAGS (" + spelling
                                + ")");
                        ok(lines);
                        for (String line : lines) {
                            if (line.startsWith("* ") && line.contains("FETCH (UID " + uid + " ")) {
                                assertThat(Pattern.compile("[ (]\\" + keyword(id) + "[ )]", Pattern.CASE_INSENSITIVE)
                                        .matcher(line).find()).as(s.name + ": " + line).isEqualTo(set);
                                lastKeywordWrite.put(here + "/" + uid + "/" + id, set);
                            }
                        }
                    }
                } else if (op < 58) {
                    if (!s.view.isEmpty()) {
                        ok(s.command("STORE " + (1 + random.nextInt(s.view.size())) + " +FLAGS.SILENT (\\Deleted)"));
                    }
                } else if (op < 63) {
                    ok(s.command("EXPUNGE"));
                } else if (op < 77) {
                    if (uid != null) {
                        boolean move = op >= 70;
                        List<String> lines = s.command((move ? "UID MOVE " : "UID COPY ") + uid + " " + elsewhere);
                        ok(lines);
                        for (String line : lines) {
                            Matcher m = COPYUID.matcher(line);
                            if (m.find()) {
                                List<Long> from = uidSet(m.group(1));
                                List<Long> to = uidSet(m.group(2));
                                assertThat(to).hasSameSizeAs(from);
                                for (int i = 0; i < from.size(); i++) {
                                    origin.put(elsewhere + "/" + to.get(i), here + "/" + from.get(i));
                                }
                            }
                        }
                    }
                } else if (op < 85) {
                    ok(s.command(random.nextBoolean() ? "SEARCH ALL" : "UID SEARCH UNDELETED"));
                } else if (op < 92) {
                    ok(s.idle());
                } else if (op < 96) {
                    ok(s.command("SELECT " + elsewhere));
                } else {
                    ok(s.command("NOOP"));
                }
                operations.incrementAndGet();
            }
            checks.addAndGet(s.checks);
            s.logout();
        }
    }

    private static Long anyKnownUid(ModelSession s, Random random) {
        if (s.view.isEmpty()) {
            return null;
        }
        return s.view.get(random.nextInt(s.view.size()));
    }

    private static void ok(List<String> lines) {
        assertThat(last(lines)).as("tagged response").contains(" OK ");
    }

    private static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }

    private static String keyword(int id) {
        return "$S" + id;
    }

    private static List<Long> uidSet(String set) {
        List<Long> out = new ArrayList<>();
        for (String part : set.split(",")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                out.add(Long.parseLong(part));
            } else {
                long a = Long.parseLong(part.substring(0, colon));
                long b = Long.parseLong(part.substring(colon + 1));
                for (long u = Math.min(a, b); u <= Math.max(a, b); u++) {
                    out.add(u);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
