package dev.imapmock.tls;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How one server speaks TLS: the identity it presents and the protocol versions and cipher
 * suites it allows (empty: the JDK's defaults). Immutable.
 */
public record TlsConfig(TlsIdentity identity, List<String> protocols, List<String> cipherSuites) {

    /**
     * Copies the lists and checks their names against the JDK's.
     *
     * @param identity     the certificate and key presented
     * @param protocols    the protocol versions allowed; empty for the JDK's
     * @param cipherSuites the cipher suites allowed; empty for the JDK's
     * @throws IllegalArgumentException when a protocol or a cipher suite is unknown to the JDK
     */
    public TlsConfig {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        SSLParameters supported = identity.serverContext().getSupportedSSLParameters();
        check("protocol", protocols, supported.getProtocols());
        check("cipher suite", cipherSuites, supported.getCipherSuites());
    }

    private static void check(String what, List<String> asked, String[] supported) {
        List<String> known = Arrays.asList(supported);
        List<String> unknown = new ArrayList<>();
        for (String name : asked) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown TLS " + what + (unknown.size() > 1 ? "s " : " ") + unknown
                    + "; this JDK knows " + known);
        }
    }

    /**
     * TLS in the server role over a connected socket; closing the result closes {@code plain}.
     * The handshake has not started: it runs at the first read or write, or at
     * {@link SSLSocket#startHandshake()}.
     *
     * @param plain the connected socket
     * @return the TLS socket
     * @throws IOException when the socket cannot be layered
     */
    public SSLSocket layer(Socket plain) throws IOException {
        return layer(plain, identity);
    }

    /**
     * As {@link #layer(Socket)}, presenting {@code presented} (one of the identity's variants) instead.
     *
     * @param plain the connected socket
     * @param presented the identity to present
     * @return the TLS socket
     * @throws IOException when the socket cannot be layered
     */
    public SSLSocket layer(Socket plain, TlsIdentity presented) throws IOException {
        SSLSocket socket = (SSLSocket) presented.serverContext().getSocketFactory().createSocket(plain, null, true);
        if (!protocols.isEmpty()) {
            socket.setEnabledProtocols(protocols.toArray(new String[0]));
        }
        if (!cipherSuites.isEmpty()) {
            socket.setEnabledCipherSuites(cipherSuites.toArray(new String[0]));
        }
        return socket;
    }
}
