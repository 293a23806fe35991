package dev.imapmock.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the same workloads against ImapMock, GreenMail (both in this JVM) and, when a start
 * script is given, a private Dovecot, and prints medians with min–max and the ratios
 * ImapMock/GreenMail and ImapMock/Dovecot. {@code --quick} uses smaller mailboxes and fewer
 * rounds. See benchmarks/README.md.
 */
public final class Bench {
    private final boolean quick;
    private final int messages;
    private final int bigMailbox;
    private final int rounds;
    private final long budgetNanos;
    /** How long each workload runs unmeasured first, so both servers are measured after the JIT warmed up. */
    private final long warmupNanos;
    private final Map<String, Map<String, Stats>> results = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();
    /** Why a target's column is empty, by target. */
    private final Map<String, String> missing = new LinkedHashMap<>();
    /** Why one cell is empty, by workload and target ({@link #cell}). */
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final List<String> columns = new ArrayList<>();
    private static final String LIFECYCLE = "start + LOGIN + LOGOUT + close, warm (ms)";
    private static final String STORM_FAILURES = "200 concurrent clients: clients lost, all rounds";
    private int stormFailures;
    private String only;
    private boolean verbose;
    private boolean tlsOnly;
    private boolean sandboxOnly;
    private boolean skipDovecot;

    private Bench(boolean quick) {
        this.quick = quick;
        this.messages = quick ? 2_000 : 10_000;
        this.bigMailbox = quick ? 10_000 : 100_000;
        this.rounds = quick ? 5 : 15;
        this.budgetNanos = TimeUnit.SECONDS.toNanos(quick ? 2 : 15);
        this.warmupNanos = TimeUnit.MILLISECONDS.toNanos(quick ? 300 : 2_000);
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Bench bench = new Bench(quick);
        bench.only = List.of(args).contains("--imapmock-only") ? "ImapMock" : null;
        bench.skipDovecot = List.of(args).contains("--no-dovecot");
        bench.verbose = List.of(args).contains("--verbose");
        bench.tlsOnly = List.of(args).contains("--tls-only");
        bench.sandboxOnly = List.of(args).contains("--sandbox-only");
        long start = System.nanoTime();
        bench.run();
        bench.print();
        System.out.printf(Locale.ROOT, "%nTotal time %.0f s (%s mode, %d messages, %d cores, Java %s)%n",
                (System.nanoTime() - start) / 1e9, quick ? "quick" : "full", bench.messages,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    private void run() throws Exception {
        List<byte[]> mail = new MailGenerator(42).messages(messages);
        List<byte[]> half = mail.subList(0, messages / 2);
        if (tlsOnly) {
            tls(mail);
            return;
        }
        if (sandboxOnly) {
            sandbox(mail);
            return;
        }
        Map<String, Stats> lifecycles = interleavedStartStop();
        boolean angusWarm = false;
        for (Target.Factory factory : Target.all()) {
            String name = factory.name();
            columns.add(name);
            if (only != null && !only.equals(name)) {
                missing.put(name, "not measured: --imapmock-only");
                continue;
            }
            if (skipDovecot && name.equals("Dovecot")) {
                missing.put(name, "not measured: --no-dovecot");
                continue;
            }
            if (factory.missing() != null) {
                missing.put(name, factory.missing());
                System.err.println("== " + name + ": " + factory.missing());
                continue;
            }
            System.err.println("== " + name);
            Stats lifecycle = lifecycles.get(name);
            record(name, LIFECYCLE, lifecycle != null ? lifecycle : startStop(factory));
            Target probe = factory.create();
            if (probe.seedsInProcess()) {
                record(name, "first start in a fresh JVM to LOGIN OK (ms)", coldStart(name));
            }
            if (name.equals("ImapMock")) {
                standaloneStart();
            }
            appendOverImap(factory, name);
            seedRate(factory, name, mail);
            try (Target target = factory.create().start()) {
                if (target.seedsInProcess()) {
                    measureHeap(target, name, mail);
                } else {
                    target.seed(mail);
                }
                wholeMailbox(target, name, "", mail);
            }
            try (Target target = factory.create().start()) {
                target.seed(half);
                wholeMailbox(target, name, " @half", half);
            }
            firstTouch(factory, name, mail);
            if (name.equals("ImapMock")) {
                standaloneSearch(half);
            }
            if (!angusWarm) {
                warmAngus();
                angusWarm = true;
            }
            System.err.println("== " + name + " through Angus Mail");
            try (Target target = factory.create().start()) {
                AngusWorkloads.run((workload, sample) -> record(name, workload, measure(sample::take)), target,
                        new MailGenerator(11).messages(AngusWorkloads.MAILBOX), quick ? 100 : 250);
            }
            selectBig(factory, name);
            stormFailures = 0;
            record(name, "200 concurrent clients login/select/fetch/logout, total (ms)", storm(factory));
            units.put(STORM_FAILURES, "none");
            record(name, STORM_FAILURES, Stats.of(stormFailures));
            if (name.equals("ImapMock")) {
                tls(mail);
                sandbox(mail);
            }
        }
        scaling();
        standaloneAgainstGreenMail(half.size());
    }

    /** One sample of a workload. */
    @FunctionalInterface
    interface Sample {
        double take() throws Exception;
    }

    /** The TLS workloads, ImapMock only (see {@link TlsWorkloads}). */
    private void tls(List<byte[]> mail) throws Exception {
        System.err.println("== ImapMock over TLS");
        record("ImapMock", "first TLS start in a fresh JVM to LOGIN OK over imaps (ms)", coldStart("imapmock-tls"));
        TlsWorkloads.run((name, sample) -> record("ImapMock", name, measure(sample::take)), mail);
    }

    /** The sandbox's admin API, ImapMock only (see {@link SandboxWorkloads}). */
    private void sandbox(List<byte[]> mail) throws Exception {
        System.err.println("== ImapMock sandbox admin API");
        SandboxWorkloads.run((name, sample) -> record("ImapMock", name, measure(sample::take)), mail, bigMailbox);
    }

    private void record(String target, String workload, Stats stats) {
        results.computeIfAbsent(workload, k -> new LinkedHashMap<>()).put(target, stats);
        System.err.println("  " + workload + ": " + stats.format() + (verbose ? " " + stats.samples() : ""));
    }

    /** A row whose cell for {@code target} says why it holds no figure. */
    private void recordMissing(String target, String workload, String why) {
        results.computeIfAbsent(workload, k -> new LinkedHashMap<>());
        notes.put(workload + '\n' + target, why);
        System.err.println("  " + workload + ": " + why);
    }

    private String cell(String workload, String target, Stats stats) {
        return stats != null ? stats.format() : notes.getOrDefault(workload + '\n' + target, "–");
    }

    /** Repeats {@code action}, first a few times unmeasured, then until the rounds or the time budget run out. */
    private Stats measure(ThrowingSupplier<Double> action) throws Exception {
        long warmUntil = System.nanoTime() + warmupNanos;
        for (int i = 0; i < 3 || (i < 200 && System.nanoTime() < warmUntil); i++) {
            action.get();
        }
        // At least `rounds` samples, and for fast workloads as many as fit in the warm-up time (up
        // to 1,000), so the median is stable; a slow workload stops at 3 once the budget is spent.
        List<Double> samples = new ArrayList<>();
        long start = System.nanoTime();
        while (samples.size() < 1_000) {
            long elapsed = System.nanoTime() - start;
            boolean enough = samples.size() >= rounds && elapsed >= warmupNanos;
            boolean outOfTime = samples.size() >= 3 && elapsed >= budgetNanos;
            if (enough || outOfTime) {
                break;
            }
            samples.add(action.get());
        }
        return new Stats(samples);
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private Stats startStop(Target.Factory factory) throws Exception {
        return measure(() -> lifecycle(factory));
    }

    private static double lifecycle(Target.Factory factory) throws Exception {
        long t = System.nanoTime();
        try (Target target = factory.create().start();
             RawImap client = RawImap.login(target.port(), Target.USER, Target.PASSWORD)) {
            client.command("LOGOUT");
        }
        return millisSince(t);
    }

    /**
     * The per-test lifecycle of the servers that run in this JVM, measured by turns: one sample of
     * each in every round, after each has warmed up. Measured one server after the other, the
     * one measured first, while the JIT still compiles (on two cores its threads take one), came
     * out slower, and the ratio followed the order rather than the servers.
     * Servers in other processes (Dovecot) are measured on their own, in their turn.
     */
    /**
     * Runs the Angus Mail workloads untimed against a throwaway ImapMock server, each for
     * {@link #ANGUS_WARMUP_SECONDS}, just before the first server's Angus rows: otherwise the first
     * server measured (ImapMock) met Angus's parser while the JIT still compiled it, and its
     * FetchProfile row came out three times its steady figure (a run of that workload alone went
     * from 27 ms in its first 50 rounds to 7 ms after 400), while the servers measured after it met
     * compiled code. Not earlier: the JIT would then compile ImapMock's FETCH for Angus's mix of
     * items before the raw client's rows, which made {@code UID FETCH 1:* (FLAGS)} a fifth slower.
     */
    private void warmAngus() throws Exception {
        System.err.println("== warming Angus Mail's code up (untimed)");
        long nanos = TimeUnit.SECONDS.toNanos(quick ? 1 : ANGUS_WARMUP_SECONDS);
        try (Target target = new ImapMockTarget().start()) {
            AngusWorkloads.run((workload, sample) -> {
                long until = System.nanoTime() + nanos;
                for (int i = 0; i < 3 || System.nanoTime() < until; i++) {
                    sample.take();
                }
            }, target, new MailGenerator(11).messages(AngusWorkloads.MAILBOX), quick ? 100 : 250);
        }
    }

    private static final int ANGUS_WARMUP_SECONDS = 8;

    private Map<String, Stats> interleavedStartStop() throws Exception {
        List<Target.Factory> inProcess = new ArrayList<>();
        for (Target.Factory factory : Target.all()) {
            if ((only == null || only.equals(factory.name())) && factory.missing() == null
                    && factory.create().seedsInProcess()) {
                inProcess.add(factory);
            }
        }
        Map<String, Stats> stats = new LinkedHashMap<>();
        if (inProcess.size() < 2) {
            return stats;
        }
        System.err.println("== " + LIFECYCLE + ", by turns");
        long warmUntil = System.nanoTime() + warmupNanos * inProcess.size();
        for (int i = 0; i < 3 || (i < 200 && System.nanoTime() < warmUntil); i++) {
            for (Target.Factory factory : inProcess) {
                lifecycle(factory);
            }
        }
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (Target.Factory factory : inProcess) {
            samples.put(factory.name(), new ArrayList<>());
        }
        long start = System.nanoTime();
        for (int n = 0; n < 1_000; n++) {
            long elapsed = System.nanoTime() - start;
            if ((n >= rounds && elapsed >= warmupNanos * inProcess.size())
                    || (n >= 3 && elapsed >= budgetNanos * inProcess.size())) {
                break;
            }
            for (Target.Factory factory : inProcess) {
                samples.get(factory.name()).add(lifecycle(factory));
            }
        }
        samples.forEach((name, list) -> stats.put(name, new Stats(list)));
        return stats;
    }

    private Stats coldStart(String name) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classpath = System.getProperty("java.class.path");
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < (quick ? 3 : 7); i++) {
            Process p = new ProcessBuilder(java, "-cp", classpath, ColdStart.class.getName(),
                    name.toLowerCase(Locale.ROOT)).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                String last = null;
                while ((line = r.readLine()) != null) {
                    last = line.trim();
                }
                p.waitFor();
                samples.add(Double.parseDouble(last));
            }
        }
        return new Stats(samples);
    }

    private void appendOverImap(Target.Factory factory, String name) throws Exception {
        List<byte[]> mail = new MailGenerator(7).messages(1_000);
        Stats stats = measure(() -> {
            try (Target target = factory.create().start();
                 RawImap client = RawImap.login(target.port(), Target.USER, Target.PASSWORD)) {
                long t = System.nanoTime();
                for (byte[] m : mail) {
                    client.append("INBOX", m);
                }
                return mail.size() / ((System.nanoTime() - t) / 1e9);
            }
        });
        units.put("APPEND over IMAP, 1,000 messages, one client (msg/s)", "higher");
        record(name, "APPEND over IMAP, 1,000 messages, one client (msg/s)", stats);
        String pipelined = "APPEND over IMAP, 1,000 messages, pipelined with LITERAL+ where offered (msg/s)";
        units.put(pipelined, "higher");
        record(name, pipelined, measure(() -> {
            try (Target target = factory.create().start();
                 RawImap client = RawImap.login(target.port(), Target.USER, Target.PASSWORD)) {
                long t = System.nanoTime();
                if (client.literalPlus()) {
                    client.appendPipelined("INBOX", mail, 16);
                } else {
                    for (byte[] m : mail) {
                        client.append("INBOX", m);
                    }
                }
                return mail.size() / ((System.nanoTime() - t) / 1e9);
            }
        }));
    }

    private void seedRate(Target.Factory factory, String name, List<byte[]> mail) throws Exception {
        String count = String.format(Locale.ROOT, "%,d", mail.size());
        String multi = "seed " + count + " messages over IMAP, MULTIAPPEND of 500 with LITERAL+, where offered (msg/s)";
        units.put(multi, "higher");
        boolean offered;
        try (Target target = factory.create().start();
             RawImap client = RawImap.login(target.port(), Target.USER, Target.PASSWORD)) {
            offered = client.offers("MULTIAPPEND") && client.literalPlus();
        }
        if (offered) {
            record(name, multi, measure(() -> {
                try (Target target = factory.create().start();
                     RawImap client = RawImap.login(target.port(), Target.USER, Target.PASSWORD)) {
                    long t = System.nanoTime();
                    for (int i = 0; i < mail.size(); i += 500) {
                        client.multiAppend("INBOX", mail.subList(i, Math.min(mail.size(), i + 500)));
                    }
                    return mail.size() / ((System.nanoTime() - t) / 1e9);
                }
            }));
        }
        if (!factory.create().seedsInProcess()) {
            return;
        }
        String seedName = "seed " + count + " messages via the Java API (msg/s)";
        units.put(seedName, "higher");
        record(name, seedName, measure(() -> {
            try (Target target = factory.create().start()) {
                long t = System.nanoTime();
                target.seed(mail);
                return mail.size() / ((System.nanoTime() - t) / 1e9);
            }
        }));
    }

    /** Heap after GC with the mailbox stored, minus before, per raw octet; and the rest per message. */
    private void measureHeap(Target target, String name, List<byte[]> mail) throws Exception {
        long raw = 0;
        for (byte[] m : mail) {
            raw += m.length;
        }
        long before = usedHeap();
        target.seed(mail);
        long after = usedHeap();
        record(name, "heap per stored message (× raw size)", Stats.of((double) (after - before) / raw));
        String overhead = "heap per stored message beyond 1.1 × raw (bytes)";
        units.put(overhead, "none");
        record(name, overhead, Stats.of((after - before - 1.1 * raw) / mail.size()));
        // Every message's parsed structure, envelope, header index and sent date, as a test that
        // fetches, searches and sorts everything leaves them; the session is gone before the heap
        // is measured.
        try (RawImap client = RawImap.login(target.port(), Target.USER, Target.PASSWORD)) {
            client.command("SELECT INBOX");
            client.command("FETCH 1:* (BODYSTRUCTURE ENVELOPE)");
            client.command("UID SEARCH SUBJECT " + MailGenerator.NEEDLE);
            client.command("UID SEARCH HEADER Message-ID " + MailGenerator.NEEDLE);
            if (client.offers("SORT")) {
                client.command("UID SORT (DATE) UTF-8 ALL");
            }
            client.command("LOGOUT");
        }
        long indexed = usedHeap();
        record(name, "heap per stored message with every index built (× raw size)",
                Stats.of((double) (indexed - before) / raw));
    }

    /**
     * A sync engine's question with CONDSTORE: which of all messages changed since the last sync,
     * when 10 did. It should cost in proportion to the 10, not to the mailbox.
     */
    private void changedSince(RawImap client, String name, String size, int n) throws Exception {
        long since = 0;
        for (String line : client.lines("STATUS INBOX (HIGHESTMODSEQ)")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("HIGHESTMODSEQ (\\d+)").matcher(line);
            if (m.find()) {
                since = Long.parseLong(m.group(1));
            }
        }
        for (int i = 0; i < 10; i++) {
            client.command("UID STORE " + (1 + (i * 997) % n) + " +FLAGS.SILENT ($Synced)");
        }
        long modSeq = since;
        record(name, "UID FETCH 1:* (FLAGS) (CHANGEDSINCE m), 10 changed" + size + " (ms)", measure(() -> {
            long t = System.nanoTime();
            client.command("UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + modSeq + ")");
            return millisSince(t);
        }));
    }

    private static long usedHeap() throws InterruptedException {
        collectGarbage();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Full collections until the heap settles, so that no earlier garbage is collected during what follows. */
    private static void collectGarbage() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    private void wholeMailbox(Target target, String name, String suffix, List<byte[]> mailbox) throws Exception {
        int n = suffix.isEmpty() ? messages : messages / 2;
        String size = String.format(Locale.ROOT, " at %,d", n);
        try (RawImap client = RawImap.login(target.port(), Target.USER, Target.PASSWORD)) {
            client.command("SELECT INBOX");
            record(name, "UID FETCH 1:* (FLAGS)" + size + " (ms)", measure(() -> {
                long t = System.nanoTime();
                client.command("UID FETCH 1:* (FLAGS)");
                return millisSince(t);
            }));
            int[] next = {0};
            record(name, "FETCH n (FLAGS), one message" + size + " (ms)", measure(() -> {
                int seq = 1 + (next[0]++ * 7919) % n;
                long t = System.nanoTime();
                client.command("FETCH " + seq + " (FLAGS)");
                return millisSince(t);
            }));
            record(name, "FETCH n (FLAGS), 10 single-message fetches pipelined, per fetch" + size + " (ms)", measure(() -> {
                List<String> fetches = new ArrayList<>(10);
                for (int i = 0; i < 10; i++) {
                    fetches.add("FETCH " + (1 + (next[0]++ * 7919) % n) + " (FLAGS)");
                }
                long t = System.nanoTime();
                client.pipeline(fetches);
                return millisSince(t) / fetches.size();
            }));
            if (!suffix.isEmpty()) {
                return;
            }
            record(name, "FETCH 1:* (FLAGS UID ENVELOPE)" + size + " (ms)", measure(() -> {
                long t = System.nanoTime();
                client.command("FETCH 1:* (FLAGS UID ENVELOPE)");
                return millisSince(t);
            }));
            record(name, "FETCH 1:* (FLAGS UID ENVELOPE)" + size + ", parsing client (ms)", measure(() -> {
                long t = System.nanoTime();
                expect(client.parse("FETCH 1:* (FLAGS UID ENVELOPE)"), n, 3);
                return millisSince(t);
            }));
            record(name, "FETCH 1:* (BODYSTRUCTURE)" + size + " (ms)", measure(() -> {
                long t = System.nanoTime();
                client.command("FETCH 1:* (BODYSTRUCTURE)");
                return millisSince(t);
            }));
            // The yardstick of the two rows below, measured right before them in the same machine state.
            String copyRow = "loopback copy of the same octets, 127.0.0.1 socket pair, 64 KiB writes, "
                    + "measured before this column's FETCH 1:* BODY.PEEK[] rows" + size + " (MB/s)";
            units.put(copyRow, "none");
            Stats copy;
            try (LoopbackCopy loopback = new LoopbackCopy(mailbox)) {
                copy = measure(loopback::sample);
            }
            record(name, copyRow, copy);
            String streaming = "FETCH 1:* BODY.PEEK[]" + size + " (MB/s)";
            units.put(streaming, "higher");
            record(name, streaming, measure(() -> {
                long t = System.nanoTime();
                long bytes = client.command("FETCH 1:* BODY.PEEK[]");
                return bytes / 1e6 / ((System.nanoTime() - t) / 1e9);
            }));
            String parsing = "FETCH 1:* BODY.PEEK[]" + size + ", parsing client, literal octets (MB/s)";
            units.put(parsing, "higher");
            Stats parsed = measure(() -> {
                long t = System.nanoTime();
                ResponseParser.Parsed response = client.parse("FETCH 1:* BODY.PEEK[]");
                expect(response, n, 1);
                return response.literalOctets() / 1e6 / ((System.nanoTime() - t) / 1e9);
            });
            record(name, parsing, parsed);
            String share = "FETCH 1:* BODY.PEEK[]" + size + ", parsing client, share of the loopback copy rate (%)";
            units.put(share, "higher");
            List<Double> shares = new ArrayList<>();
            for (double rate : parsed.samples()) {
                shares.add(100 * rate / copy.median());
            }
            record(name, share, new Stats(shares));
            if (client.offers("CONDSTORE")) {
                changedSince(client, name, size, n);
            }
            record(name, "UID SEARCH SUBJECT word" + size + " (ms)", measure(() -> {
                long t = System.nanoTime();
                client.command("UID SEARCH SUBJECT " + MailGenerator.NEEDLE);
                return millisSince(t);
            }));
            record(name, "SEARCH TEXT word" + size + " (ms)", measure(() -> {
                long t = System.nanoTime();
                client.command("SEARCH TEXT " + MailGenerator.NEEDLE);
                return millisSince(t);
            }));
            List<String> ordered = new ArrayList<>();
            if (client.offers("SORT")) {
                ordered.addAll(List.of("UID SORT (DATE) UTF-8 ALL", "UID SORT (SUBJECT) UTF-8 ALL", "UID SORT (FROM) UTF-8 ALL"));
            }
            if (client.offers("THREAD=REFERENCES")) {
                ordered.add("UID THREAD REFERENCES UTF-8 ALL");
            }
            for (String command : ordered) {
                record(name, command + size + " (ms)", measure(() -> {
                    long t = System.nanoTime();
                    client.command(command);
                    return millisSince(t);
                }));
            }
        }
    }

    /** A parsing client's check that every message answered with every item asked for. */
    private static void expect(ResponseParser.Parsed parsed, int messages, int itemsEach) throws java.io.IOException {
        if (parsed.fetches() != messages || parsed.fetchItems() != messages * itemsEach) {
            throw new java.io.IOException("Expected " + messages + " FETCH responses with " + itemsEach
                    + " items each, parsed " + parsed);
        }
    }

    /**
     * The first SEARCH and the first structure or envelope FETCH on a freshly seeded server, where
     * a server builds what it caches (ImapMock's MIME index, Dovecot's cache file): each sample on a
     * new server, after the JIT warmed up on the warm rows. A full collection runs between the
     * seeding and the timed command, for every server alike: without it, a sample pays, or does
     * not, for the garbage the 120 MB of seeding left behind, whichever way the collector's timing
     * falls, and the rows moved by a third between runs of unchanged code.
     */
    private void firstTouch(Target.Factory factory, String name, List<byte[]> mail) throws Exception {
        String subject = "UID SEARCH SUBJECT " + MailGenerator.NEEDLE;
        for (String command : List.of(subject, "SEARCH TEXT " + MailGenerator.NEEDLE,
                "FETCH 1:* (BODYSTRUCTURE)", "FETCH 1:* (FLAGS UID ENVELOPE)")) {
            firstTouch(factory, name, mail, command, null);
        }
        firstTouch(factory, name, mail, "UID SORT (SUBJECT) UTF-8 ALL", "SORT");
        firstTouch(factory, name, mail, "UID THREAD REFERENCES UTF-8 ALL", "THREAD=REFERENCES");
        // Half the mailbox, beside the standalone jar's first search in a fresh JVM at the same size.
        if (factory.create().seedsInProcess()) {
            firstTouch(factory, name, mail.subList(0, mail.size() / 2), subject, null);
        }
    }

    /** One first-touch row; none when the server does not offer {@code capability} (null: any server). */
    private void firstTouch(Target.Factory factory, String name, List<byte[]> mail, String command, String capability)
            throws Exception {
        String size = String.format(Locale.ROOT, " at %,d", mail.size());
        String label = command.replace(MailGenerator.NEEDLE, "word");
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < (quick ? 3 : 5); i++) {
            try (Target target = factory.create().start()) {
                target.seed(mail);
                try (RawImap client = RawImap.login(target.port(), Target.USER, Target.PASSWORD)) {
                    if (capability != null && !client.offers(capability)) {
                        return;
                    }
                    client.command("SELECT INBOX");
                    collectGarbage();
                    long t = System.nanoTime();
                    client.command(command);
                    samples.add(millisSince(t));
                }
            }
        }
        record(name, "first " + label + " on a freshly seeded server" + size + " (ms)", new Stats(samples));
    }

    private static final String STANDALONE_START = "standalone jar in a fresh JVM, process start to LOGIN OK (ms)";
    private static final String STANDALONE_CDS = "standalone jar in a fresh JVM with an application CDS archive, "
            + "process start to LOGIN OK (ms)";
    private static final String EMPTY_JVM = "empty Java main in a fresh JVM, process start to exit (ms)";
    private static final String MINIMAL_START = "minimal Java server (greeting, one OK) in a fresh JVM, process start "
            + "to LOGIN OK (ms)";
    private static final String MINIMAL_CDS = "minimal Java server in a fresh JVM with an application CDS archive, "
            + "process start to LOGIN OK (ms)";

    /**
     * ImapMock's standalone jar as a user starts it (see {@link StandaloneJar}): without and with an
     * application class-data-sharing archive made in this run, and an empty Java main beside them.
     */
    private void standaloneStart() throws Exception {
        units.put(EMPTY_JVM, "none");
        units.put(MINIMAL_START, "none");
        units.put(MINIMAL_CDS, "none");
        StandaloneJar jar = StandaloneJar.find();
        if (jar == null) {
            recordMissing("ImapMock", STANDALONE_START, StandaloneJar.missing());
            recordMissing("ImapMock", STANDALONE_CDS, StandaloneJar.missing());
        } else {
            System.err.println("== ImapMock standalone jar " + jar.jar());
            startToLogin(jar, STANDALONE_START, STANDALONE_CDS);
        }
        startToLogin(StandaloneJar.minimalServer(), MINIMAL_START, MINIMAL_CDS);
        record("ImapMock", EMPTY_JVM, freshJvms(StandaloneJar::emptyJvm));
    }

    /** Process start to LOGIN OK in fresh JVMs, without and then with an archive of what the child loads. */
    private void startToLogin(StandaloneJar child, String plainRow, String cdsRow) throws Exception {
        record("ImapMock", plainRow, freshJvms(() -> child.startToLogin(List.of())));
        Path dir = Files.createTempDirectory("imapmock-bench-cds");
        try {
            Path archive = dir.resolve("imapmock.jsa");
            String why = child.createArchive(archive);
            if (why != null) {
                recordMissing("ImapMock", cdsRow, why);
            } else {
                record("ImapMock", cdsRow,
                        freshJvms(() -> child.startToLogin(List.of("-XX:SharedArchiveFile=" + archive))));
            }
        } finally {
            StandaloneJar.delete(dir);
        }
    }

    private Stats freshJvms(Sample sample) throws Exception {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < (quick ? 3 : 7); i++) {
            samples.add(sample.take());
        }
        return new Stats(samples);
    }

    /** The first header search at half the mailbox; GreenMail's in-process figure joins it at the end. */
    private String standaloneSearchRow(int count) {
        return String.format(Locale.ROOT, "first UID SEARCH SUBJECT word at %,d on a fresh server: ImapMock's "
                + "standalone jar in a fresh JVM with --fixtures, GreenMail in process (ms)", count);
    }

    private void standaloneSearch(List<byte[]> mail) throws Exception {
        String row = standaloneSearchRow(mail.size());
        StandaloneJar jar = StandaloneJar.find();
        if (jar == null) {
            recordMissing("ImapMock", row, StandaloneJar.missing());
            return;
        }
        Path fixtures = StandaloneJar.writeFixtures(mail);
        try {
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < (quick ? 3 : 5); i++) {
                samples.add(jar.firstCommand(fixtures, mail.size(), "UID SEARCH SUBJECT " + MailGenerator.NEEDLE));
            }
            record("ImapMock", row, new Stats(samples));
        } finally {
            StandaloneJar.delete(fixtures);
        }
    }

    /** GreenMail's first in-process search at the same size, so the row has its ratio. */
    private void standaloneAgainstGreenMail(int count) {
        Map<String, Stats> row = results.get(standaloneSearchRow(count));
        Map<String, Stats> inProcess = results.get(String.format(Locale.ROOT,
                "first UID SEARCH SUBJECT word on a freshly seeded server at %,d (ms)", count));
        if (row != null && inProcess != null && inProcess.containsKey("GreenMail")) {
            row.put("GreenMail", inProcess.get("GreenMail"));
        }
    }

    private void selectBig(Target.Factory factory, String name) throws Exception {
        MailGenerator generator = new MailGenerator(99);
        try (Target target = factory.create().start()) {
            List<byte[]> batch = new ArrayList<>(1_000);
            for (int i = 0; i < bigMailbox; i++) {
                batch.add(generator.message(i % 10 == 7 ? i + 1 : i));
                if (batch.size() == 1_000) {
                    target.seed(batch);
                    batch.clear();
                }
            }
            target.seed(batch);
            try (RawImap client = RawImap.login(target.port(), Target.USER, Target.PASSWORD)) {
                record(name, String.format(Locale.ROOT, "SELECT of a %,d-message mailbox (ms)", bigMailbox), measure(() -> {
                    long t = System.nanoTime();
                    client.command("SELECT INBOX");
                    return millisSince(t);
                }));
            }
        }
    }

    private Stats storm(Target.Factory factory) throws Exception {
        try (Target target = factory.create().start()) {
            target.seed(new MailGenerator(3).messages(50));
            target.allowClients(200);
            ExecutorService pool = Executors.newFixedThreadPool(200);
            try {
                return measure(() -> {
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<?>> clients = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        clients.add(pool.submit(() -> {
                            go.await();
                            try (RawImap c = RawImap.login(target.port(), Target.USER, Target.PASSWORD, 10_000)) {
                                c.command("SELECT INBOX");
                                c.command("FETCH 1:10 (FLAGS ENVELOPE)");
                                c.command("LOGOUT");
                            }
                            return null;
                        }));
                    }
                    long t = System.nanoTime();
                    go.countDown();
                    int failed = 0;
                    for (Future<?> f : clients) {
                        try {
                            f.get(20, TimeUnit.SECONDS);
                        } catch (ExecutionException | TimeoutException e) {
                            failed++;
                            f.cancel(true);
                        }
                    }
                    double millis = millisSince(t);
                    stormFailures += failed;
                    return millis;
                });
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** k in time ~ n^k between the half-size and the full-size mailbox, from the medians. */
    private void scaling() {
        String full = String.format(Locale.ROOT, " at %,d", messages);
        String half = String.format(Locale.ROOT, " at %,d", messages / 2);
        for (String op : List.of("UID FETCH 1:* (FLAGS)", "FETCH n (FLAGS), 10 single-message fetches pipelined, per fetch")) {
            Map<String, Stats> big = results.get(op + full + " (ms)");
            Map<String, Stats> small = results.get(op + half + " (ms)");
            String workload = "scaling exponent k of " + op + ", " + (messages / 2) + " to " + messages;
            for (String target : big.keySet()) {
                double k = Math.log(big.get(target).median() / small.get(target).median()) / Math.log(2);
                results.computeIfAbsent(workload, x -> new LinkedHashMap<>()).put(target, Stats.of(k));
            }
            units.put(workload, "none");
        }
    }

    private void print() {
        System.out.println();
        if (columns.isEmpty()) {
            columns.add("ImapMock");
        }
        StringBuilder header = new StringBuilder("| workload |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String column : columns) {
            header.append(' ').append(column).append(missing.containsKey(column) ? " (" + missing.get(column) + ")" : " median (min–max)")
                    .append(" |");
            rule.append("---|");
        }
        List<String> others = columns.subList(1, columns.size());
        for (String other : others) {
            header.append(' ').append(columns.get(0)).append('/').append(other).append(" |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (Map.Entry<String, Map<String, Stats>> e : results.entrySet()) {
            StringBuilder row = new StringBuilder("| " + e.getKey() + " |");
            for (String column : columns) {
                Stats stats = e.getValue().get(column);
                row.append(' ').append(cell(e.getKey(), column, stats)).append(" |");
            }
            Stats mine = e.getValue().get(columns.get(0));
            boolean ratios = !"none".equals(units.get(e.getKey()));
            for (String other : others) {
                Stats theirs = e.getValue().get(other);
                row.append(' ').append(mine == null || theirs == null || !ratios ? "–" : Stats.num(mine.median() / theirs.median()))
                        .append(" |");
            }
            System.out.println(row);
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
