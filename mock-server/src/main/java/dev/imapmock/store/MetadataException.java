package dev.imapmock.store;

/**
 * A change to annotations that {@link MetadataLimits} refuse (RFC 5464 §4.3). Nothing was changed.
 */
public final class MetadataException extends RuntimeException {
    /** Why the change was refused; each has its response code. */
    public enum Reason {
        /** A value is larger than the limit: {@code [METADATA MAXSIZE n]}. */
        MAXSIZE,
        /** The change would add entries beyond the limit: {@code [METADATA TOOMANY]}. */
        TOOMANY,
        /** Private entries cannot be set: {@code [METADATA NOPRIVATE]}. */
        NOPRIVATE
    }

    /** Why the change was refused; part of the serialized form. */
    private final Reason reason;
    /** The limit that refused it, as {@link #limit()} returns it; part of the serialized form. */
    private final long limit;

    /**
     * A refusal.
     *
     * @param reason      why
     * @param limit       the limit that refused it: octets for {@link Reason#MAXSIZE}, entries for
     *                    {@link Reason#TOOMANY}, 0 for {@link Reason#NOPRIVATE}
     * @param humanReason the text for a person
     */
    public MetadataException(Reason reason, long limit, String humanReason) {
        super(humanReason, null, false, false);
        this.reason = reason;
        this.limit = limit;
    }

    /**
     * Why the change was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The limit that refused it.
     *
     * @return octets for {@link Reason#MAXSIZE}, entries for {@link Reason#TOOMANY}, else 0
     */
    public long limit() {
        return limit;
    }
}
