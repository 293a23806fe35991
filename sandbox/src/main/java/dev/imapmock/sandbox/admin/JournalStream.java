package dev.imapmock.sandbox.admin;

import dev.imapmock.journal.Journal;
import dev.imapmock.journal.ReceivedCommand;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/journal/stream}: every command recorded from the moment a client connects, as
 * Server-Sent Events ({@code event: command}, {@code id: CONNECTION.INDEX}, {@code data:} the
 * entry's JSON), with a comment line every {@link #HEARTBEAT} so proxies and dead clients are seen.
 *
 * <p>The IMAP session that records a command only offers it to each client's bounded queue and
 * goes on; it never waits for a viewer. A client whose queue is full (it reads slower than
 * commands arrive) is cut off: it stops receiving at once, gets {@code event: overflow} when its
 * thread next writes, and the response ends. An EventSource then reconnects by itself with the
 * {@code Last-Event-ID} it last saw, and is first sent what the journal recorded after it.
 */
final class JournalStream implements AutoCloseable {
    static final int MAX_CLIENTS = 16;
    static final int QUEUE = 4096;
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private static final ReceivedCommand END = new ReceivedCommand(0, 0, null, null, "", null, null, null, null);

    private final Journal journal;
    private final int queueSize;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    JournalStream(Journal journal) {
        this(journal, QUEUE);
    }

    JournalStream(Journal journal, int queueSize) {
        this.journal = journal;
        this.queueSize = queueSize;
    }

    void serve(Call call) throws IOException {
        if (clients.size() >= MAX_CLIENTS || closed) {
            call.header("Retry-After", "5");
            throw new ApiException(503, "Too many journal streams are open (at most " + MAX_CLIENTS + ")");
        }
        call.header("Content-Type", "text/event-stream; charset=utf-8");
        call.header("Cache-Control", "no-store");
        call.header("X-Content-Type-Options", "nosniff");
        call.header("X-Accel-Buffering", "no");
        call.exchange().sendResponseHeaders(200, 0);
        call.markAnswered();
        try (OutputStream out = call.exchange().getResponseBody()) {
            run(out, call.exchange().getRequestHeaders().getFirst("Last-Event-ID"));
        }
    }

    /** Streams to {@code out} until the client goes, is cut off, or the stream closes. */
    void run(OutputStream out) throws IOException {
        run(out, null);
    }

    /**
     * As {@link #run(OutputStream)}; with {@code lastEventId} (the {@code Last-Event-ID} an EventSource
     * sends when it reconnects, {@code CONNECTION.INDEX}), first the entries the journal still holds
     * that were recorded after that one, so that a viewer cut off and reconnected misses nothing the
     * journal kept. An id the journal no longer holds replays nothing.
     */
    void run(OutputStream out, String lastEventId) throws IOException {
        Client client = new Client(new ArrayBlockingQueue<>(queueSize));
        client.subscription = journal.listen(client::offer);
        clients.add(client);
        try {
            write(out, ": connected\nretry: 2000\n\n");
            Set<String> replayed = new HashSet<>();
            if (lastEventId != null) {
                // Subscribed first, then read: an entry recorded in between is in both, and sent once.
                for (ReceivedCommand c : after(journal.commands(), lastEventId.strip())) {
                    replayed.add(id(c));
                    write(out, event(c));
                }
            }
            while (!closed) {
                ReceivedCommand c = client.queue.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                if (client.overflowed) {
                    write(out, "event: overflow\ndata: {\"reason\":\"The viewer read too slowly and was cut off;"
                            + " reconnect with Last-Event-ID, or GET /api/journal, for what it missed\"}\n\n");
                    return;
                }
                if (c == END) {
                    return;
                }
                if (c == null) {
                    write(out, ": keep-alive\n\n");
                    continue;
                }
                if (replayed.isEmpty() || !replayed.remove(id(c))) {
                    write(out, event(c));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.subscription.close();
            clients.remove(client);
        }
    }

    private static String id(ReceivedCommand c) {
        return JournalResource.id(c);
    }

    /** The entries after the one with {@code id}, in journal order; none when it is not there. */
    private static List<ReceivedCommand> after(List<ReceivedCommand> commands, String id) {
        for (int i = commands.size() - 1; i >= 0; i--) {
            if (id(commands.get(i)).equals(id)) {
                return commands.subList(i + 1, commands.size());
            }
        }
        return List.of();
    }

    /** One entry as an event. The JSON holds no raw line break (Jackson escapes them): one data line. */
    private static String event(ReceivedCommand c) {
        return "event: command\nid: " + id(c) + "\ndata: "
                + new String(Json.bytes(JournalResource.entry(c)), StandardCharsets.UTF_8) + "\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The number of clients streaming now. */
    int clients() {
        return clients.size();
    }

    /** Ends every stream at its next event. */
    @Override
    public void close() {
        closed = true;
        for (Client c : clients) {
            c.queue.clear();
            c.queue.offer(END);
        }
    }

    private static final class Client {
        final BlockingQueue<ReceivedCommand> queue;
        volatile Journal.Subscription subscription;
        volatile boolean overflowed;

        Client(BlockingQueue<ReceivedCommand> queue) {
            this.queue = queue;
        }

        /** On the recording session's thread, under the journal's lock: never blocks. */
        void offer(ReceivedCommand c) {
            if (overflowed) {
                return;
            }
            if (!queue.offer(c)) {
                overflowed = true;
                queue.clear();
                queue.offer(END);
                Journal.Subscription s = subscription;
                if (s != null) {
                    s.close();
                }
            }
        }
    }
}
