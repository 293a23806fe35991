package dev.imapmock.store;

/**
 * What the annotations of one mailbox, or of the server, may hold (RFC 5464 §4.3): a SETMETADATA
 * beyond a limit is refused as a whole and changes nothing.
 *
 * @param maxValueSize   the largest value in octets; a larger one is refused with
 *                       {@code [METADATA MAXSIZE n]}
 * @param maxEntries     the entries one mailbox, or the server, may hold; a change that would add
 *                       more is refused with {@code [METADATA TOOMANY]}
 * @param privateEntries false when {@code /private} entries cannot be set, which is refused with
 *                       {@code [METADATA NOPRIVATE]}
 */
public record MetadataLimits(long maxValueSize, int maxEntries, boolean privateEntries) {
    /**
     * The limits a server has unless told otherwise: values of up to 64 KiB, 1000 entries per
     * mailbox and for the server, and private entries allowed. RFC 5464 §4.1 asks a server to take
     * at least 1024 octets and 10 entries.
     */
    public static final MetadataLimits DEFAULT = new MetadataLimits(64 * 1024, 1000, true);

    /**
     * Checks the limits.
     *
     * @param maxValueSize   the largest value in octets, at least 0
     * @param maxEntries     the entries a mailbox or the server may hold, at least 0
     * @param privateEntries whether {@code /private} entries can be set
     * @throws IllegalArgumentException when a limit is negative
     */
    public MetadataLimits {
        if (maxValueSize < 0 || maxEntries < 0) {
            throw new IllegalArgumentException("Metadata limits must not be negative: " + maxValueSize
                    + " octets per value, " + maxEntries + " entries");
        }
    }
}
