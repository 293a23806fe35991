package dev.imapmock.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the machine can move over loopback at all, the yardstick of the bulk FETCH rows: a plain
 * socket pair on 127.0.0.1, a thread writing the octets the mailbox's {@code FETCH 1:* BODY.PEEK[]}
 * literals hold in 64 KiB writes, and the reader reading them into a 64 KiB buffer and dropping
 * them. No IMAP, no parsing: any server and client on the same machine can approach this rate,
 * none can pass it.
 */
final class LoopbackCopy implements AutoCloseable {
    static final int WRITE = 64 * 1024;
    private static final int TIMEOUT_MILLIS = 60_000;

    private final byte[] octets;
    private final ServerSocket listener;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loopback-copy-writer");
        t.setDaemon(true);
        return t;
    });
    private final byte[] buffer = new byte[WRITE];

    /** A copy of every message's octets, back to back, in the mailbox's order. */
    LoopbackCopy(List<byte[]> messages) throws IOException {
        long total = 0;
        for (byte[] m : messages) {
            total += m.length;
        }
        octets = new byte[Math.toIntExact(total)];
        int at = 0;
        for (byte[] m : messages) {
            System.arraycopy(m, 0, octets, at, m.length);
            at += m.length;
        }
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** One sample: a new connection, every octet across it; megabytes (10^6 octets) per second. */
    double sample() throws Exception {
        Future<?> sent;
        long t;
        try (Socket sending = new Socket(listener.getInetAddress(), listener.getLocalPort());
             Socket receiving = listener.accept()) {
            receiving.setSoTimeout(TIMEOUT_MILLIS);
            InputStream in = receiving.getInputStream();
            OutputStream out = sending.getOutputStream();
            t = System.nanoTime();
            sent = writer.submit(() -> {
                for (int at = 0; at < octets.length; at += WRITE) {
                    out.write(octets, at, Math.min(WRITE, octets.length - at));
                }
                out.flush();
                return null;
            });
            long left = octets.length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("The loopback copy lost its connection with " + left + " octets to go");
                }
                left -= n;
            }
            double rate = octets.length / 1e6 / ((System.nanoTime() - t) / 1e9);
            try {
                sent.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("The loopback copy's writer failed", e);
            }
            return rate;
        }
    }

    @Override
    public void close() throws IOException {
        writer.shutdownNow();
        listener.close();
    }
}
