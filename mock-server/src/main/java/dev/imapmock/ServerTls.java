package dev.imapmock;

import dev.imapmock.tls.TlsIdentity;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a client needs to trust a server's TLS, taken from the server itself, so that a test
 * never needs to trust everything: a ready client context, a trust manager, a trust store and the
 * certificate as PEM for clients outside the JVM (curl, Python, Node). They trust this server's
 * certificate and nothing else. Thread-safe; each is made once, when first asked for.
 *
 * <p>None of them checks host names: that is the client's job (Angus Mail's
 * {@code mail.imap.ssl.checkserveridentity}, curl, Python's {@code check_hostname}). The generated
 * certificate names exactly {@code localhost}, {@code 127.0.0.1} and {@code ::1}.
 */
public final class ServerTls {
    private final TlsIdentity identity;

    ServerTls(TlsIdentity identity) {
        this.identity = identity;
    }

    /**
     * An {@link SSLContext} for clients of this server: {@code clientSslContext().getSocketFactory()}
     * is what Angus Mail takes as {@code mail.imap.ssl.socketFactory}. Shared by every caller, so
     * later connections can resume TLS sessions.
     *
     * @throws IllegalStateException when the server was given an {@code SSLContext}, whose
     *                               certificate ImapMock cannot see
     * @return the client context
     */
    public SSLContext clientSslContext() {
        return identity.clientContext();
    }

    /**
     * The {@link SSLContext} the server presents its certificate with, for another listener beside it
     * (the sandbox's SMTP STARTTLS) to present the same one. It carries the JDK's default protocols and
     * cipher suites: the server's {@code tlsProtocols} and {@code tlsCipherSuites} are set on each of its
     * own sockets, not here.
     *
     * @return the server context
     */
    public SSLContext serverSslContext() {
        return identity.serverContext();
    }

    /**
     * A trust manager that trusts this server's certificate (PKIX), for clients that take one.
     *
     * @return the trust manager
     */
    public X509TrustManager trustManager() {
        return identity.trustManager();
    }

    /**
     * A key store holding this server's certificate chain as trusted entries.
     *
     * @return the key store, without a password
     */
    public KeyStore trustStore() {
        return identity.trustStore();
    }

    /**
     * The certificate chain as PEM, leaf first: {@code curl --cacert}, Python's {@code cafile}.
     *
     * @return the PEM text
     */
    public String certificatePem() {
        return identity.pem();
    }

    /**
     * The certificate the server presents (the chain's first).
     *
     * @return the certificate
     */
    public X509Certificate certificate() {
        return chain().get(0);
    }

    /**
     * The chain the server presents, leaf first.
     *
     * @return the chain, unmodifiable
     */
    public List<X509Certificate> chain() {
        return identity.knownChain();
    }
}
