package dev.imapmock.fault;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The last stage before a connection's socket: what leaves goes through here, so fault rules can
 * hold it back, slow it, cut it into hostile pieces, cut it off after so many octets or inside a
 * literal, or replace it. With no rule in play octets pass straight through.
 *
 * <p>All methods synchronize on this stream: a push from a test thread or an IDLE helper never
 * lands inside a write of the connection's thread. Waits happen while holding the lock; they end
 * at the latest when the server closes.
 */
final class ShapedOutput extends OutputStream {
    private static final byte[] CRLF = {'\r', '\n'};

    private final Faults faults;
    private final Socket socket;
    /**
     * Where octets go: the socket's stream, or the TLS socket's once TLS began, with a deflater
     * in front once COMPRESS began. The rules shape the IMAP octets before compression.
     */
    private OutputStream out;
    /** Closes the transport politely: the socket, or the TLS socket with its close_notify. */
    private Closeable transport;
    /** True while the transport is being replaced: pushed lines wait for the new one. */
    private boolean held;
    /** True when the last response's tagged answer was replaced by a rule. */
    private boolean replaced;
    private final Queue<String> queued = new ConcurrentLinkedQueue<>();
    /**
     * True from a command's read to the end of its response, except while it idles. Pushes
     * while busy only queue, so a test's push never waits for a stalled response.
     */
    private volatile boolean busy;

    private String tag;
    private List<Fired> gate = List.of();
    private final List<Trigger> triggers = new ArrayList<>();
    private FaultEffect.Respond replacement;
    private long throttle;
    private long throttleStart;
    private long throttleSent;
    private FaultEffect.Slice slice;
    private long sent;
    private int brace;
    private long braceValue;
    private long literalLeft;
    private long literalPos;

    ShapedOutput(Faults faults, Socket socket, OutputStream out) {
        this.faults = faults;
        this.socket = socket;
        this.out = out;
        this.transport = socket;
    }

    /** Effects that wait for a position in the response. */
    record Trigger(Phase phase, List<Fired> effects) {
    }

    /** Starts a response: {@code gate} runs before its first octet, {@code triggers} at their positions. */
    synchronized void begin(String tag, List<Fired> gate, List<Trigger> triggers) {
        this.busy = true;
        this.tag = tag;
        this.gate = gate;
        this.triggers.clear();
        this.triggers.addAll(triggers);
        this.replacement = null;
        this.replaced = false;
        this.throttle = 0;
        this.throttleStart = 0;
        this.throttleSent = 0;
        this.slice = null;
        this.sent = 0;
        this.brace = 0;
        this.literalLeft = 0;
        this.literalPos = 0;
    }

    /**
     * Ends the response: a gate nothing passed yet still runs (an answer with no octets), a
     * replacement answer goes out, and the stream stops shaping.
     */
    synchronized void end() throws IOException {
        runGate();
        if (replacement != null) {
            FaultEffect.Respond r = replacement;
            replacement = null;
            replaced = true;
            String line = (tag == null ? "*" : tag) + " " + r.status() + (r.code() == null ? "" : " [" + r.code() + "]")
                    + " " + r.text();
            emit(line.getBytes(StandardCharsets.US_ASCII));
            emit(CRLF);
            out.flush();
        }
        triggers.clear();
        throttle = 0;
        slice = null;
    }

    /** No command is running (or the session idles): pushed lines go out at once. */
    synchronized void ready() {
        if (held) {
            return;
        }
        busy = false;
        drain();
    }

    /** True when a rule replaced the tagged answer of the response that just ended. */
    synchronized boolean replaced() {
        return replaced;
    }

    /**
     * Keeps pushed lines queued until {@link #transport} or {@link #release}: nothing may go out
     * in clear between STARTTLS's OK and the handshake.
     */
    synchronized void hold() {
        held = true;
        busy = true;
    }

    /** From now on octets go to {@code out}, and a polite close closes {@code closer}. */
    synchronized void transport(OutputStream out, Closeable closer) {
        this.out = out;
        this.transport = closer;
    }

    /**
     * Deflates what leaves from now on (RFC 4978 §3), into whichever transport is in place. Every
     * flush is a SYNC_FLUSH, so a response, and each piece a rule cuts, reaches the client whole
     * at once and as its own compressed write.
     */
    synchronized void compress() {
        this.out = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true), 16 * 1024, true);
    }

    /** Ends {@link #hold()}: queued lines go out now, on whichever transport is in place. */
    synchronized void release() {
        held = false;
        ready();
    }

    synchronized void busy() {
        busy = true;
    }

    /** Queues lines; they leave at once unless a response is under way, else right after it. */
    void push(List<String> lines) {
        queued.addAll(lines);
        if (!busy) {
            synchronized (this) {
                if (!busy) {
                    drain();
                }
            }
        }
    }

    private void drain() {
        try {
            String line;
            boolean any = false;
            while ((line = queued.poll()) != null) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write(CRLF);
                any = true;
            }
            if (any) {
                out.flush();
            }
        } catch (IOException ignored) {
            // The client is gone; its connection ends on its own.
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        runGate();
        if (replacement != null) {
            return;
        }
        if (triggers.isEmpty() && throttle == 0 && slice == null) {
            out.write(b, off, len);
            sent += len;
            return;
        }
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (!triggers.isEmpty() && due()) {
                emit(b, start, i - start);
                start = i;
                fireDue();
                if (replacement != null) {
                    return;
                }
            }
            track(b[i]);
        }
        emit(b, start, end - start);
        if (!triggers.isEmpty() && due()) {
            fireDue();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        Closeable c;
        synchronized (this) {
            c = transport;
        }
        c.close();
    }

    /** Runs effects now, in order; a closing one throws {@link InjectedDisconnect}. */
    synchronized void run(List<Fired> effects, BooleanSupplier cancelled) throws IOException {
        for (Fired f : effects) {
            apply(f, cancelled);
        }
        out.flush();
    }

    private void runGate() throws IOException {
        if (!gate.isEmpty()) {
            List<Fired> g = gate;
            gate = List.of();
            for (Fired f : g) {
                apply(f, () -> false);
            }
        }
    }

    private void apply(Fired f, BooleanSupplier cancelled) throws IOException {
        FaultEffect e = f.effect();
        if (e instanceof FaultEffect.Delay d) {
            long nanos = faults.draw(f.rule(), f.connection(), d.latency()).toNanos();
            long deadline = System.nanoTime() + nanos;
            if (!faults.await(deadline, cancelled)) {
                throw closing();
            }
        } else if (e instanceof FaultEffect.Stall s) {
            int releases;
            synchronized (faults.lock()) {
                releases = f.rule().releases();
            }
            FaultRule rule = f.rule();
            boolean open = faults.await(Long.MAX_VALUE, () -> rule.removedLocked() || rule.releases() != releases
                    || (s.latch() != null && s.latch().getCount() == 0) || cancelled.getAsBoolean());
            if (!open) {
                throw closing();
            }
        } else if (e instanceof FaultEffect.Inject inject) {
            for (String line : inject.lines()) {
                emit(line.getBytes(StandardCharsets.UTF_8));
                emit(CRLF);
            }
            out.flush();
        } else if (e instanceof FaultEffect.Bye bye) {
            out.write(("* BYE " + bye.text() + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            hangUp(false);
            throw new InjectedDisconnect("Fault: BYE " + bye.text());
        } else if (e instanceof FaultEffect.Disconnect d) {
            hangUp(d.reset());
            throw new InjectedDisconnect("Fault: " + (d.reset() ? "reset" : "disconnect"));
        } else if (e instanceof FaultEffect.Garbage g) {
            out.write(g.bytes());
            out.flush();
            hangUp(false);
            throw new InjectedDisconnect("Fault: garbage");
        } else if (e instanceof FaultEffect.Throttle t) {
            throttle = t.bytesPerSecond();
            throttleStart = 0;
            throttleSent = 0;
        } else if (e instanceof FaultEffect.Slice s) {
            slice = s;
        } else if (e instanceof FaultEffect.Respond r) {
            if (replacement == null) {
                replacement = r;
            }
        }
        // Mailbox effects and autologout are carried out by the connection's own faults.
    }

    private void hangUp(boolean reset) {
        try {
            if (reset) {
                // Under TLS too: the TCP socket goes at once, without a close_notify.
                socket.setSoLinger(true, 0);
                socket.close();
            } else {
                transport.close();
            }
        } catch (IOException ignored) {
            // Closed either way.
        }
    }

    private InjectedDisconnect closing() {
        hangUp(false);
        return new InjectedDisconnect("The server is closing");
    }

    private boolean due() {
        for (Trigger t : triggers) {
            if (isDue(t.phase())) {
                return true;
            }
        }
        return false;
    }

    private boolean isDue(Phase phase) {
        if (phase instanceof Phase.AfterBytes a) {
            return sent >= a.octets();
        }
        Phase.InLiteral l = (Phase.InLiteral) phase;
        return literalLeft > 0 && literalPos == l.octets();
    }

    private void fireDue() throws IOException {
        List<Trigger> due = new ArrayList<>();
        triggers.removeIf(t -> isDue(t.phase()) && due.add(t));
        for (Trigger t : due) {
            for (Fired f : t.effects()) {
                apply(f, () -> false);
            }
        }
        out.flush();
    }

    /** Follows the response as a client would, to know when a literal's octets pass. */
    private void track(byte c) {
        sent++;
        if (literalLeft > 0) {
            literalLeft--;
            literalPos++;
            return;
        }
        // brace: 0 none, 1 in {digits, 2 after }, 3 after }\r
        if (c == '{') {
            brace = 1;
            braceValue = 0;
        } else if (brace == 1 && c >= '0' && c <= '9') {
            braceValue = Math.min(Long.MAX_VALUE / 20, braceValue * 10 + (c - '0'));
        } else if (brace == 1 && c == '}') {
            brace = 2;
        } else if (brace == 2 && c == '\r') {
            brace = 3;
        } else if (brace == 3 && c == '\n') {
            brace = 0;
            literalLeft = braceValue;
            literalPos = 0;
        } else {
            brace = 0;
        }
    }

    private void emit(byte[] b) throws IOException {
        emit(b, 0, b.length);
    }

    /** Writes octets through the throttle and the slicing, if any. */
    private void emit(byte[] b, int off, int len) throws IOException {
        if (len <= 0) {
            return;
        }
        if (throttle == 0 && slice == null) {
            out.write(b, off, len);
            return;
        }
        int i = off;
        int end = off + len;
        while (i < end) {
            int n = piece(b, i, end);
            if (throttle > 0) {
                if (throttleStart == 0) {
                    throttleStart = System.nanoTime();
                }
                throttleSent += n;
                long due = throttleStart + (long) (throttleSent * 1e9 / throttle);
                if (!faults.await(due, () -> false)) {
                    throw closing();
                }
            }
            out.write(b, i, n);
            out.flush();
            i += n;
            if (slice != null && !slice.pause().isZero() && i < end
                    && !faults.await(System.nanoTime() + slice.pause().toNanos(), () -> false)) {
                throw closing();
            }
        }
    }

    /** The length of the next write: hostile cuts for slicing, about 20 writes a second for a throttle. */
    private int piece(byte[] b, int from, int end) {
        long max = end - from;
        if (throttle > 0) {
            max = Math.min(max, Math.max(1, throttle / 20));
        }
        if (slice == null) {
            return (int) max;
        }
        max = Math.min(max, slice.maxChunk());
        for (int k = from; k < from + max; k++) {
            if (k > from && (b[k] == '\n' || b[k] == '}')) {
                return k - from;
            }
            if (b[k] == '{') {
                return k - from + 1;
            }
        }
        return (int) max;
    }
}
