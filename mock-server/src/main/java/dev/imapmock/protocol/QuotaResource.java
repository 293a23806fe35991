package dev.imapmock.protocol;

import dev.imapmock.Extension;

import java.util.Set;

/**
 * The quota resources this server knows (RFC 9208 §5), each offered with its
 * {@code QUOTA=RES-} extension, in the order QUOTA responses list them (Dovecot's). A server with
 * QUOTA and none of the {@code QUOTA=RES-} extensions is one of RFC 2087 (RFC 9208 §1), which
 * named no capability per resource; ImapMock's offers STORAGE then, as Gmail's does.
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
     * Whether a server offering {@code extensions} has this resource: its {@code QUOTA=RES-}
     * extension is on, or, for STORAGE, QUOTA is on without any {@code QUOTA=RES-} extension.
     *
     * @param extensions the server's extensions
     * @return true when QUOTA responses and SETQUOTA know this resource
     */
    public boolean offeredBy(Set<Extension> extensions) {
        if (extensions.contains(extension)) {
            return true;
        }
        if (this != STORAGE || !extensions.contains(Extension.QUOTA)) {
            return false;
        }
        for (QuotaResource r : values()) {
            if (extensions.contains(r.extension)) {
                return false;
            }
        }
        return true;
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
            if (r.name().equals(upper) && r.offeredBy(extensions)) {
                return r;
            }
        }
        return null;
    }
}
