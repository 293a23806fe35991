package dev.imapmock.tls;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The certificate chain a server presents, the key behind it, and what a client needs to trust
 * it. The contexts, trust store and trust manager are made when first asked for, once; every
 * method is thread-safe.
 */
public final class TlsIdentity {
    /** The host names the generated certificate is for, and nothing else: part of the API. */
    public static final List<String> GENERATED_DNS_NAMES = List.of("localhost");
    /** The addresses the generated certificate is for, and nothing else: part of the API. */
    public static final List<String> GENERATED_ADDRESSES = List.of("127.0.0.1", "::1");

    /** The name the certificate of {@link #forOtherHost()} is for (RFC 2606: it can never be real). */
    public static final String OTHER_HOST = "imapmock.invalid";

    private final List<X509Certificate> chain;
    private final KeyManager[] keyManagers;
    /** The generated key and certificate, which can issue others; null for the user's own. */
    private final CertificateGenerator.Generated issuer;
    private SSLContext serverContext;
    private KeyStore trustStore;
    private X509TrustManager trustManager;
    private SSLContext clientContext;
    private TlsIdentity expired;
    private TlsIdentity otherHost;
    private TlsIdentity untrusted;

    private TlsIdentity(List<X509Certificate> chain, KeyManager[] keyManagers, SSLContext serverContext,
                        CertificateGenerator.Generated issuer) {
        this.chain = List.copyOf(chain);
        this.keyManagers = keyManagers;
        this.serverContext = serverContext;
        this.issuer = issuer;
    }

    /**
     * The generated certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1} that
     * every server of this JVM shares, made when the first server asks for it: generating a key
     * and building contexts costs tens of milliseconds the first time, which a test suite then
     * pays once.
     *
     * @return the identity
     */
    public static TlsIdentity shared() {
        return shared(KeyAlgorithm.EC);
    }

    /**
     * As {@link #shared()}, for a key of {@code algorithm}: one certificate per JVM and algorithm.
     *
     * @param algorithm the key's algorithm
     * @return the identity
     */
    public static TlsIdentity shared(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case EC -> Shared.INSTANCE;
            case RSA -> SharedRsa.INSTANCE;
        };
    }

    /** The per-JVM cache of generated certificates: lazily initialised holders, nothing else is static state. */
    private static final class Shared {
        static final TlsIdentity INSTANCE = generated(KeyAlgorithm.EC);
    }

    private static final class SharedRsa {
        static final TlsIdentity INSTANCE = generated(KeyAlgorithm.RSA);
    }

    /**
     * A new certificate like {@link #shared()}'s, with a key of its own.
     *
     * @return the identity
     */
    public static TlsIdentity generated() {
        return generated(KeyAlgorithm.EC);
    }

    /**
     * A new certificate like {@link #shared(KeyAlgorithm)}'s, with a key of its own.
     *
     * @param algorithm the key's algorithm
     * @return the identity
     */
    public static TlsIdentity generated(KeyAlgorithm algorithm) {
        return generate(localhostSpec(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3650))),
                algorithm);
    }

    /**
     * The validity of a generated certificate is real time, never the server's clock: a test that
     * fixes its clock in 2001 still talks to clients that check against the real date.
     *
     * @param notBefore the start of the validity
     * @param notAfter the end of the validity
     * @return the spec for the generated names
     */
    public static CertificateGenerator.Spec localhostSpec(Instant notBefore, Instant notAfter) {
        return localhostSpec(null, notBefore, notAfter);
    }

    /**
     * As {@link #localhostSpec(Instant, Instant)}, with an organizational unit in the subject (or null).
     *
     * @param unit the organizational unit, or null
     * @param notBefore the start of the validity
     * @param notAfter the end of the validity
     * @return the spec for the generated names
     */
    public static CertificateGenerator.Spec localhostSpec(String unit, Instant notBefore, Instant notAfter) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String a : GENERATED_ADDRESSES) {
            try {
                addresses.add(InetAddress.getByName(a));   // literals: no lookup happens
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return new CertificateGenerator.Spec("localhost", unit, GENERATED_DNS_NAMES, addresses, notBefore, notAfter);
    }

    /**
     * A fresh P-256 key and a self-signed certificate as {@code spec} says.
     *
     * @param spec what to certify
     * @return the identity
     */
    public static TlsIdentity generate(CertificateGenerator.Spec spec) {
        return generate(spec, KeyAlgorithm.EC);
    }

    /**
     * A fresh key of {@code algorithm} and a self-signed certificate as {@code spec} says.
     *
     * @param spec what to certify
     * @param algorithm the key's algorithm
     * @return the identity
     */
    public static TlsIdentity generate(CertificateGenerator.Spec spec, KeyAlgorithm algorithm) {
        CertificateGenerator.Generated g = CertificateGenerator.generate(spec, algorithm);
        List<X509Certificate> chain = List.of(g.certificate());
        return new TlsIdentity(chain, new KeyManager[] {new OneKey(g.keyPair().getPrivate(), chain)}, null, g);
    }

    /**
     * A certificate for the same names that expired a day ago. Issued by this identity's
     * generated certificate, so a client that trusts this one fails on the date; for a user's own
     * certificate, self-signed instead (and untrusted too). Made when first asked for.
     *
     * @return the variant with the expired certificate
     */
    public synchronized TlsIdentity expired() {
        if (expired == null) {
            Instant now = Instant.now();
            expired = variant(localhostSpec("expired", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))));
        }
        return expired;
    }

    /**
     * A valid certificate for {@link #OTHER_HOST} only, issued as {@link #expired()} is.
     *
     * @return the variant for the other host
     */
    public synchronized TlsIdentity forOtherHost() {
        if (otherHost == null) {
            Instant now = Instant.now();
            otherHost = variant(new CertificateGenerator.Spec(OTHER_HOST, "other host", List.of(OTHER_HOST), List.of(),
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650))));
        }
        return otherHost;
    }

    /**
     * A valid certificate for the same names that nothing trusts: self-signed with a key of its own.
     *
     * @return the untrusted variant
     */
    public synchronized TlsIdentity untrusted() {
        if (untrusted == null) {
            // A subject of its own too: a client looking for its issuer then finds none, rather
            // than the trusted certificate of the same name whose key did not sign it.
            Instant now = Instant.now();
            untrusted = generate(localhostSpec("untrusted", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650))),
                    issuer == null ? KeyAlgorithm.EC : KeyAlgorithm.of(issuer.keyPair().getPrivate()));
        }
        return untrusted;
    }

    private TlsIdentity variant(CertificateGenerator.Spec spec) {
        if (issuer == null) {
            return generate(spec);
        }
        CertificateGenerator.Generated g = CertificateGenerator.issue(spec, issuer);
        List<X509Certificate> chain = List.of(g.certificate(), issuer.certificate());
        return new TlsIdentity(chain, new KeyManager[] {new OneKey(g.keyPair().getPrivate(), chain)}, null, null);
    }

    /**
     * The first private key entry of a PKCS#12 file.
     *
     * @throws IllegalArgumentException when the file cannot be read as PKCS#12 with this password,
     *                                  or holds no private key (the message never holds the password)
     * @param file the PKCS#12 file
     * @param password its password
     * @return the identity
     */
    public static TlsIdentity keyStore(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            return keyStore(in, file.toString(), password);
        } catch (IOException e) {
            throw new IllegalArgumentException("Can't read the keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #keyStore(Path, char[])}, from a stream (a classpath resource, say) that
     * {@code file} names in messages. The stream is read to its end and not closed.
     *
     * @param in the PKCS#12 data
     * @param file the name of its source, for messages
     * @param password its password
     * @return the identity
     * @throws IllegalArgumentException as {@link #keyStore(Path, char[])} does
     */
    public static TlsIdentity keyStore(InputStream in, String file, char[] password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Can't read the keystore " + file + " as PKCS#12: " + e.getMessage(), e);
        }
        try {
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                if (store.isKeyEntry(alias)) {
                    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                    factory.init(store, password);
                    return new TlsIdentity(x509(store.getCertificateChain(alias)), factory.getKeyManagers(), null, null);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Can't use the key in " + file + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("The keystore " + file + " holds no private key");
    }

    /**
     * The key managers of {@code factory}; the chain of the first server key it offers is the one trusted.
     *
     * @param factory the initialised factory
     * @return the identity
     */
    public static TlsIdentity keyManagers(KeyManagerFactory factory) {
        KeyManager[] managers = factory.getKeyManagers();
        List<X509Certificate> chain = List.of();
        for (KeyManager m : managers) {
            if (m instanceof X509KeyManager x && chain.isEmpty()) {
                for (String type : new String[] {"EC", "RSA", "RSASSA-PSS", "EdDSA"}) {
                    String[] aliases = x.getServerAliases(type, null);
                    if (aliases != null && aliases.length > 0 && x.getCertificateChain(aliases[0]) != null) {
                        chain = x509(x.getCertificateChain(aliases[0]));
                        break;
                    }
                }
            }
        }
        return new TlsIdentity(chain, managers, null, null);
    }

    /**
     * A context made by the user: ImapMock cannot see its certificate, so it offers no trust of its own.
     *
     * @param context the context the server presents with
     * @return the identity
     */
    public static TlsIdentity context(SSLContext context) {
        return new TlsIdentity(List.of(), null, context, null);
    }

    /**
     * The chain presented, leaf first; empty when the server was given an SSLContext.
     *
     * @return the chain, unmodifiable
     */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * The chain presented, leaf first.
     *
     * @throws IllegalStateException when it is unknown: the server was given an SSLContext
     * @return the chain, unmodifiable
     */
    public List<X509Certificate> knownChain() {
        requireChain();
        return chain;
    }

    /**
     * The server side: key managers and the JDK's default protocols and cipher suites.
     *
     * @return the context
     */
    public synchronized SSLContext serverContext() {
        if (serverContext == null) {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                // No trust managers: the server asks for no client certificate, and null would
                // make the JDK read its whole cacerts store, a good part of a cold start.
                context.init(keyManagers, new TrustManager[0], null);
                serverContext = context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Can't make a TLS context: " + e.getMessage(), e);
            }
        }
        return serverContext;
    }

    /**
     * A store holding the chain's certificates as trusted entries.
     *
     * @return the key store, without a password
     */
    public synchronized KeyStore trustStore() {
        requireChain();
        if (trustStore == null) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                for (int i = 0; i < chain.size(); i++) {
                    store.setCertificateEntry("imapmock-" + i, chain.get(i));
                }
                trustStore = store;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Can't make a trust store: " + e.getMessage(), e);
            }
        }
        return trustStore;
    }

    /**
     * A PKIX trust manager that trusts this chain and nothing else.
     *
     * @return the trust manager
     */
    public synchronized X509TrustManager trustManager() {
        if (trustManager == null) {
            try {
                TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
                factory.init(trustStore());
                for (TrustManager m : factory.getTrustManagers()) {
                    if (m instanceof X509TrustManager x) {
                        trustManager = x;
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Can't make a trust manager: " + e.getMessage(), e);
            }
        }
        return trustManager;
    }

    /**
     * A client context that trusts this server and nothing else. It keeps the sessions it
     * negotiated, so reusing it lets later connections resume rather than shake hands in full,
     * and its sockets have TCP_NODELAY set (see {@link NoDelayContext}).
     *
     * @return the context
     */
    public synchronized SSLContext clientContext() {
        if (clientContext == null) {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {trustManager()}, null);
                clientContext = new NoDelayContext(context);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Can't make a TLS context: " + e.getMessage(), e);
            }
        }
        return clientContext;
    }

    /**
     * The chain as PEM (RFC 7468 §5), leaf first, each certificate ending in a line feed.
     *
     * @return the PEM text
     */
    public String pem() {
        requireChain();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : chain) {
            try {
                sb.append("-----BEGIN CERTIFICATE-----\n")
                        .append(new String(base64.encode(c.getEncoded()), StandardCharsets.US_ASCII))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return sb.toString();
    }

    /**
     * Writes {@link #pem()} to {@code file}.
     *
     * @param file the file, replaced if it exists
     */
    public void writePem(Path file) {
        try {
            Files.writeString(file, pem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Can't write the certificate to " + file, e);
        }
    }

    private void requireChain() {
        if (chain.isEmpty()) {
            throw new IllegalStateException("This server uses an SSLContext it was given, whose certificate ImapMock"
                    + " cannot see: trust it the way that context was built");
        }
    }

    private static List<X509Certificate> x509(Certificate[] certificates) {
        if (certificates == null) {
            return List.of();
        }
        List<X509Certificate> list = new ArrayList<>();
        for (Certificate c : certificates) {
            if (c instanceof X509Certificate x) {
                list.add(x);
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** Offers one key and its chain for a server handshake; the client side asks for nothing. */
    private static final class OneKey extends X509ExtendedKeyManager {
        private static final String ALIAS = "imapmock";
        private final PrivateKey key;
        private final X509Certificate[] chain;

        OneKey(PrivateKey key, List<X509Certificate> chain) {
            this.key = key;
            this.chain = chain.toArray(new X509Certificate[0]);
        }

        /** JSSE asks by key type: {@code EC}, or {@code EC_EC} for an EC key in an EC-signed certificate. */
        private String alias(String keyType) {
            return keyType != null && (keyType.equals(key.getAlgorithm()) || keyType.equals(key.getAlgorithm() + "_EC"))
                    ? ALIAS : null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            String alias = alias(keyType);
            return alias == null ? null : new String[] {alias};
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return alias(keyType);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return alias(keyType);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? chain.clone() : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? key : null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
