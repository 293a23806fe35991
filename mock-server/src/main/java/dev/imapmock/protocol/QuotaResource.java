package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.util.Set;

/**
 * The quota resources this server knows (RFC 9208 §5), each offered with its
 * {@code QUOTA=RES-} extension, in the order QUOTA responses list them (Dovecot's).
 */
public enum QuotaResource {
    /** The octets of all messages, counted in units of 1024 (RFC 9208 §5.1). */
    STORAGE(Extension.QUOTA_RES_STORAGE),
    /** The number of messages in all mailboxes (RFC 9208 §5.2). */
    MESSAGE(Extension.QUOTA_RES_MESSAGE);

    private final Extension extension;

    QuotaResource(Extension extension) {
        this.extension = extension;
    }

    /**
     * The extension that offers this resource.
     *
     * @return the {@code QUOTA=RES-} extension that offers it
     */
    public Extension extension() {
        return extension;
    }

    /**
     * The resource with this name (any case) that a server offering {@code extensions} knows, or null.
     *
     * @param name the resource name as sent
     * @param extensions the server's extensions; a resource whose extension is missing is unknown
     * @return the resource, or null
     */
    public static QuotaResource named(String name, Set<Extension> extensions) {
        String upper = ArgParsing.upper(name);
        for (QuotaResource r : values()) {
            if (r.name().equals(upper) && extensions.contains(r.extension)) {
                return r;
            }
        }
        return null;
    }
}
