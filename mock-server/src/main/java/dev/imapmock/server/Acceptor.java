package dev.imapmock.server;

import dev.imapmock.protocol.ResponseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocket;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The accept loops of one server, on its port and on its implicit-TLS port if it has one, and the
 * threads of its connections. {@link #close()} stops accepting, closes every client socket and
 * waits, bounded, for every thread to end.
 */
public final class Acceptor {
    private static final int BACKLOG = 256;
    private static final long CLOSE_WAIT_MILLIS = 5_000;
    private static final int REFUSE_HANDSHAKE_MILLIS = 2_000;

    private final ServerContext server;
    private final ServerSocket socket;
    private final ServerSocket tlsSocket;
    private final Thread thread;
    private final Thread tlsThread;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionNumbers = new AtomicInteger();
    private volatile boolean closing;

    private Acceptor(ServerContext server, ServerSocket socket, ServerSocket tlsSocket) {
        this.server = server;
        this.socket = socket;
        this.tlsSocket = tlsSocket;
        this.thread = new AcceptThread("imapmock-accept-" + socket.getLocalPort(), socket, false);
        thread.setDaemon(true);
        this.tlsThread = tlsSocket == null ? null
                : new AcceptThread("imapmock-accept-tls-" + tlsSocket.getLocalPort(), tlsSocket, true);
        if (tlsThread != null) {
            tlsThread.setDaemon(true);
        }
    }

    /**
     * Binds the configured address, on the implicit-TLS port too if there is one, and starts accepting.
     *
     * @param server what the connections share; its configuration names the address and ports
     * @return the acceptor, its threads running
     * @throws IOException when a port cannot be bound; nothing stays bound then
     */
    public static Acceptor start(ServerContext server) throws IOException {
        ServerConfig config = server.config();
        ServerSocket socket = bind(config.host(), config.port());
        ServerSocket tlsSocket = null;
        if (config.tlsPort() >= 0) {
            try {
                tlsSocket = bind(config.host(), config.tlsPort());
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }
        Acceptor acceptor = new Acceptor(server, socket, tlsSocket);
        acceptor.thread.start();
        if (acceptor.tlsThread != null) {
            acceptor.tlsThread.start();
        }
        return acceptor;
    }

    private static ServerSocket bind(String host, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), BACKLOG);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * The port bound, the real one when 0 was asked for.
     *
     * @return the local port of the plain listener
     */
    public int port() {
        return socket.getLocalPort();
    }

    /**
     * The implicit-TLS port, or -1 when there is none.
     *
     * @return the local port, or -1
     */
    public int tlsPort() {
        return tlsSocket == null ? -1 : tlsSocket.getLocalPort();
    }

    private void acceptLoop(ServerSocket listener, boolean implicitTls) {
        while (!closing) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closing) {
                    log().warn("Accepting a connection failed", e);
                }
                continue;
            }
            serve(client, implicitTls);
        }
    }

    private void serve(Socket client, boolean implicitTls) {
        int number = connectionNumbers.incrementAndGet();
        try {
            client.setTcpNoDelay(true);
            int max = server.config().maxConnections();
            if (max > 0 && connections.size() >= max) {
                refuse(client, implicitTls);
                return;
            }
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        Connection connection = new Connection(number, client, server, implicitTls);
        connections.add(connection);
        forgetEndedThreads();
        Thread thread = new ConnectionThread(connection, "imapmock-" + port() + "-conn-" + number);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        if (closing) {
            connection.close();
        }
    }

    // The threads are classes rather than lambdas: the first lambda a JVM meets costs it several
    // milliseconds of bootstrap, and a server's first start is on every test suite's path.

    private final class AcceptThread extends Thread {
        private final ServerSocket listener;
        private final boolean implicitTls;

        AcceptThread(String name, ServerSocket listener, boolean implicitTls) {
            super(name);
            this.listener = listener;
            this.implicitTls = implicitTls;
        }

        @Override
        public void run() {
            acceptLoop(listener, implicitTls);
        }
    }

    private final class ConnectionThread extends Thread {
        private final Connection connection;

        ConnectionThread(Connection connection, String name) {
            super(name);
            this.connection = connection;
        }

        @Override
        public void run() {
            try {
                connection.run();
            } finally {
                // The thread stays in `threads` until it has ended (see forgetEndedThreads): a
                // thread that took itself out here would still be alive for a moment, and
                // close() would not wait for it.
                connections.remove(connection);
            }
        }
    }

    /** Drops the threads of connections that have ended, so that the set stays as small as the live ones. */
    private void forgetEndedThreads() {
        for (java.util.Iterator<Thread> it = threads.iterator(); it.hasNext(); ) {
            if (!it.next().isAlive()) {
                it.remove();
            }
        }
    }

    /**
     * Greets a client over the limit with BYE and closes. On the implicit-TLS port that waits
     * for the handshake on the accept thread, bounded: the refused client is one of the test's.
     */
    private void refuse(Socket client, boolean implicitTls) {
        try (client) {
            Socket channel = client;
            if (implicitTls) {
                client.setSoTimeout(REFUSE_HANDSHAKE_MILLIS);
                SSLSocket tls = server.config().tls().layer(client);
                tls.startHandshake();
                channel = tls;
            }
            ResponseWriter out = new ResponseWriter(new BufferedOutputStream(channel.getOutputStream()));
            out.status(null, ResponseWriter.Status.BYE, null, "Too many connections");
            out.flush();
            channel.close();
        } catch (IOException ignored) {
            // The client is gone already.
        }
    }

    /** Stops accepting, closes every connection and waits for their threads; idempotent. */
    public void close() {
        closing = true;
        closeQuietly(socket);
        if (tlsSocket != null) {
            closeQuietly(tlsSocket);
        }
        for (Connection c : connections) {
            c.close();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        join(thread, deadline);
        if (tlsThread != null) {
            join(tlsThread, deadline);
        }
        for (Thread t : threads) {
            join(t, deadline);
        }
    }

    /**
     * Waits for {@code t} until the deadline, also when the caller is interrupted: close() must not
     * return while a thread still works (a listening socket, for one, is only released once the
     * accept thread has woken up). The caller's interrupt status is kept.
     */
    private static void join(Thread t, long deadline) {
        if (t == Thread.currentThread()) {
            return;
        }
        boolean interrupted = false;
        try {
            while (t.isAlive()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                try {
                    t.join(left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    /** Looked up when first needed, so that starting a server does not wait for logging to initialize. */
    private static Logger log() {
        return LoggerFactory.getLogger(Acceptor.class);
    }
}
