package dev.imapmock.sandbox.smtp;

import dev.imapmock.ImapMockServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP listener beside an {@link ImapMockServer} (RFC 5321, with PIPELINING, SIZE, 8BITMIME,
 * ENHANCEDSTATUSCODES, AUTH PLAIN and LOGIN, and STARTTLS when the IMAP server speaks TLS): each message
 * it accepts is delivered to the INBOX of every local recipient with {@link ImapMockServer#deliver}, and
 * every command is recorded in the server's journal as {@code Protocol.SMTP}. It relays nothing.
 * One thread per client, like the IMAP server; {@link #close()} ends them all.
 */
public final class SmtpServer implements AutoCloseable {
    private static final int BACKLOG = 256;
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final ImapMockServer imap;
    private final SmtpSettings settings;
    private final SSLContext tls;
    private final ServerSocket socket;
    private final Thread acceptor;
    private final Set<SmtpSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionNumbers = new AtomicInteger();
    private volatile boolean closing;

    private SmtpServer(ImapMockServer imap, SmtpSettings settings, SSLContext tls, ServerSocket socket) {
        this.imap = imap;
        this.settings = settings;
        this.tls = tls;
        this.socket = socket;
        this.acceptor = new Thread(this::accept, "imapmock-smtp-accept-" + socket.getLocalPort());
        acceptor.setDaemon(true);
    }

    /**
     * Binds {@code settings.host():settings.port()} and starts accepting.
     *
     * @throws IllegalArgumentException when the catch-all user is not a user of {@code imap}
     * @throws UncheckedIOException     when the address can't be bound
     * @param imap the server whose users receive the mail
     * @param settings where to listen and the limits
     * @return the started server
     */
    public static SmtpServer start(ImapMockServer imap, SmtpSettings settings) {
        if (settings.catchAll() != null && imap.store().account(settings.catchAll()).isEmpty()) {
            throw new IllegalArgumentException("The SMTP catch-all user is not a configured user: " + settings.catchAll());
        }
        ServerSocket socket;
        try {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("Can't listen for SMTP on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        SmtpServer server = new SmtpServer(imap, settings, tlsOf(imap), socket);
        server.acceptor.start();
        return server;
    }

    /** The IMAP server's TLS, which STARTTLS presents; null when it has none (STARTTLS is then not offered). */
    private static SSLContext tlsOf(ImapMockServer imap) {
        try {
            return imap.tls().serverSslContext();
        } catch (IllegalStateException noTls) {
            return null;
        }
    }

    /**
     * {@return the address as given in the settings}
     */
    public String host() {
        return settings.host();
    }

    /**
     * The bound port; the free one picked when the settings said 0.
     *
     * @return the port
     */
    public int port() {
        return socket.getLocalPort();
    }

    /**
     * True when STARTTLS is offered.
     *
     * @return whether STARTTLS is offered
     */
    public boolean offersTls() {
        return tls != null;
    }

    ImapMockServer imap() {
        return imap;
    }

    SmtpSettings settings() {
        return settings;
    }

    SSLContext tls() {
        return tls;
    }

    private void accept() {
        while (!closing) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (!closing) {
                    log().warn("Accepting an SMTP connection failed", e);
                }
                continue;
            }
            int number = connectionNumbers.incrementAndGet();
            SmtpSession session = new SmtpSession(this, number, client);
            sessions.add(session);
            Thread thread = new Thread(() -> {
                try {
                    session.run();
                } finally {
                    sessions.remove(session);
                    threads.remove(Thread.currentThread());
                }
            }, "imapmock-smtp-" + port() + "-conn-" + number);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
            if (closing) {
                session.close();
            }
        }
    }

    /** Stops accepting, disconnects every client and waits (a few seconds at most) for their threads. Idempotent. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            log().debug("Closing the SMTP listener failed", e);
        }
        sessions.forEach(SmtpSession::close);
        long deadline = System.currentTimeMillis() + CLOSE_WAIT_MILLIS;
        for (Thread thread : Set.copyOf(threads)) {
            try {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            acceptor.join(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "SmtpServer[" + settings.host() + ":" + port() + (closing ? ", closed" : "") + "]";
    }

    private static Logger log() {
        return LoggerFactory.getLogger(SmtpServer.class);
    }
}
