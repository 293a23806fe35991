package dev.imapmock.fault;

import java.util.Locale;

/** The bad certificates a {@link FaultEffect.Certificate} rule can present in a TLS handshake. */
public enum CertificateFault {
    /** Valid names and trust, but it expired a day ago. */
    EXPIRED,
    /** Valid dates and trust, but for {@code imapmock.invalid} only (RFC 2606), not the host connected to. */
    OTHER_HOST,
    /** Valid names and dates, but self-signed with a key of its own: nothing trusts it. */
    UNTRUSTED;

    /**
     * The name in fault files: {@code expired}, {@code other-host}, {@code untrusted}.
     *
     * @return the name
     */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static CertificateFault named(String name) {
        for (CertificateFault f : values()) {
            if (f.fileName().equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("certificate takes expired, other-host or untrusted, not " + name);
    }
}
