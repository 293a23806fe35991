package dev.imapmock.server;

import dev.imapmock.tls.TlsConfig;
import dev.imapmock.tls.TlsIdentity;

import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The byte streams under one connection's reader and writer: TCP, then TLS over it once STARTTLS
 * was answered OK (RFC 3501 §6.2.1), or TLS from the first octet on an implicit-TLS port (RFC 8314
 * §3.3); inflated once COMPRESS was answered OK (RFC 4978 §3), over TLS when TLS is on (RFC 4978
 * §4). Commands and fault rules never see which. Used by the connection's thread.
 */
final class Transport {
    private static final int BUFFER = 16 * 1024;
    private static final byte HANDSHAKE_RECORD = 22;
    private static final byte ALERT_RECORD = 21;
    private static final byte FATAL = 2;

    private final Socket plain;
    private SSLSocket tls;
    private Input input;
    private boolean compressed;

    Transport(Socket plain) throws IOException {
        this.plain = plain;
        this.input = new Input(plain.getInputStream());
    }

    /** The stream to read commands from; a new one once TLS began. */
    InputStream input() {
        return input;
    }

    /**
     * True when octets the client sent have arrived and not been read. Under compression only
     * what is inflated already counts: an inflating stream cannot tell without reading.
     */
    boolean inputWaiting() throws IOException {
        return compressed ? input.buffered() > 0 : input.available() > 0;
    }

    /** The TLS socket, or null while the connection is clear. */
    SSLSocket tls() {
        return tls;
    }

    /**
     * Negotiates TLS over the TCP socket, blocking until the handshake is done or fails (then the
     * connection cannot go on). Octets that had arrived in clear and were not read yet are
     * dropped, never read: a client may send nothing after STARTTLS before TLS is up (RFC 3501
     * §6.2.1), and whatever came anyway was put there by someone else (the STARTTLS command
     * injection of CVE-2011-0411). Returns how many were dropped.
     */
    int startTls(TlsConfig config, TlsIdentity presented) throws IOException {
        int dropped = input.buffered();
        SSLSocket socket = config.layer(plain, presented);
        socket.startHandshake();
        tls = socket;
        input = new Input(socket.getInputStream());
        return dropped;
    }

    /**
     * Inflates what the client sends from now on (raw deflate, RFC 1951, as RFC 4978 §3 says).
     * Octets that arrived after COMPRESS and were not read yet are already compressed and stay:
     * the inflater reads them first.
     */
    void compress() {
        compressed = true;
        input = new Input(new InflaterInputStream(input, new Inflater(true), BUFFER));
    }

    /**
     * Fails the handshake on purpose: reads the client's first TLS record (its ClientHello),
     * answers with a fatal alert of {@code description} (RFC 8446 §6, RFC 5246 §7.2) in a
     * plaintext record, as a server that cannot go on does, and closes the connection.
     */
    void refuseHandshake(int description) throws IOException {
        InputStream in = plain.getInputStream();
        byte[] header = in.readNBytes(5);
        if (header.length == 5 && header[0] == HANDSHAKE_RECORD) {
            in.readNBytes(((header[3] & 0xFF) << 8) | (header[4] & 0xFF));
        }
        OutputStream out = plain.getOutputStream();
        out.write(new byte[] {ALERT_RECORD, 3, 3, 0, 2, FATAL, (byte) description});
        out.flush();
        plain.shutdownOutput();
        plain.close();
    }

    /** A buffered input that can tell how much it holds that nobody read. */
    private static final class Input extends BufferedInputStream {
        Input(InputStream in) {
            super(in, BUFFER);
        }

        synchronized int buffered() {
            return count - pos;
        }
    }
}
