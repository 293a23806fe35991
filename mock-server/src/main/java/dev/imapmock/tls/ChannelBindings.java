package dev.imapmock.tls;

import javax.net.ssl.SSLSession;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The channel bindings (RFC 5056) of a TLS connection in the server role, for SCRAM's
 * {@code -PLUS} mechanisms. Stateless and thread-safe.
 *
 * <p>Only {@code tls-server-end-point} (RFC 5929 §4): the hash of the certificate the server
 * presented. {@code tls-unique} is unsafe under TLS 1.3 and not defined there, and
 * {@code tls-exporter} (RFC 9266) needs the TLS keying-material exporter (RFC 5705), which the
 * JDK 17 API this server is written against does not offer on {@code SSLSession}.
 */
public final class ChannelBindings {
    /**
     * The channel-binding type of RFC 5929 §4, as SCRAM's GS2 header names it.
     */
    public static final String TLS_SERVER_END_POINT = "tls-server-end-point";

    /** The hash named at the start of a JCA signature algorithm such as {@code SHA384withECDSA}. */
    private static final Pattern SINGLE_HASH = Pattern.compile("(MD5|SHA-?(1|224|256|384|512))with.*",
            Pattern.CASE_INSENSITIVE);

    private ChannelBindings() {
    }

    /**
     * The bindings of this handshaken session by type; empty when it presented no certificate it can bind.
     *
     * @param session the session, handshaken
     * @return the bindings, maybe none
     */
    public static Map<String, byte[]> of(SSLSession session) {
        Certificate[] presented = session.getLocalCertificates();
        if (presented == null || presented.length == 0 || !(presented[0] instanceof X509Certificate leaf)) {
            return Map.of();
        }
        return serverEndPoint(leaf).<Map<String, byte[]>>map(data -> Map.of(TLS_SERVER_END_POINT, data))
                .orElse(Map.of());
    }

    /**
     * RFC 5929 §4.1: the certificate's DER hashed with the hash of its signature algorithm, except
     * that MD5 and SHA-1 become SHA-256; empty when the algorithm uses no single hash (Ed25519,
     * RSASSA-PSS, whose hashes sit in parameters), where the binding is undefined.
     *
     * @param certificate the server's certificate
     * @return the binding data, or empty
     */
    public static Optional<byte[]> serverEndPoint(X509Certificate certificate) {
        Matcher m = SINGLE_HASH.matcher(certificate.getSigAlgName());
        if (!m.matches()) {
            return Optional.empty();
        }
        String hash = m.group(1).toUpperCase(Locale.ROOT).replace("-", "");
        String digest = hash.equals("MD5") || hash.equals("SHA1") ? "SHA-256" : "SHA-" + hash.substring(3);
        try {
            return Optional.of(MessageDigest.getInstance(digest).digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
