package dev.imapmock.server;

import dev.imapmock.protocol.ResponseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * The accept loop of one server and the threads of its connections. {@link #close()} stops
 * accepting, closes every client socket and waits, bounded, for every thread to end.
 */
public final class Acceptor {
    private static final int BACKLOG = 256;
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final ServerContext server;
    private final ServerSocket socket;
    private final Thread thread;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionNumbers = new AtomicInteger();
    private volatile boolean closing;

    private Acceptor(ServerContext server, ServerSocket socket) {
        this.server = server;
        this.socket = socket;
        this.thread = new AcceptThread("imapmock-accept-" + socket.getLocalPort());
        thread.setDaemon(true);
    }

    /** Binds the configured address and starts accepting. */
    public static Acceptor start(ServerContext server) throws IOException {
        ServerConfig config = server.config();
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), BACKLOG);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        Acceptor acceptor = new Acceptor(server, socket);
        acceptor.thread.start();
        return acceptor;
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (!closing) {
                    log().warn("Accepting a connection failed", e);
                }
                continue;
            }
            serve(client);
        }
    }

    private void serve(Socket client) {
        int number = connectionNumbers.incrementAndGet();
        try {
            client.setTcpNoDelay(true);
            int max = server.config().maxConnections();
            if (max > 0 && connections.size() >= max) {
                refuse(client);
                return;
            }
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        Connection connection = new Connection(number, client, server);
        connections.add(connection);
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
        AcceptThread(String name) {
            super(name);
        }

        @Override
        public void run() {
            acceptLoop();
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
                connections.remove(connection);
                threads.remove(this);
            }
        }
    }

    private void refuse(Socket client) {
        try (client) {
            ResponseWriter out = new ResponseWriter(new BufferedOutputStream(client.getOutputStream()));
            out.status(null, ResponseWriter.Status.BYE, null, "Too many connections");
            out.flush();
        } catch (IOException ignored) {
            // The client is gone already.
        }
    }

    /** Stops accepting, closes every connection and waits for their threads; idempotent. */
    public void close() {
        closing = true;
        closeQuietly(socket);
        for (Connection c : connections) {
            c.close();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        join(thread, deadline);
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
