package dev.imapmock.protocol;

/**
 * A SORT key (RFC 5256 §3, and RFC 5957 §3 for DISPLAYFROM and DISPLAYTO). REVERSE is no key: it
 * marks the key after it, see {@link SortCriterion}.
 */
public enum SortKey {
    /** The internal date and time. */
    ARRIVAL,
    /** The addr-mailbox of the first Cc address. */
    CC,
    /** The sent date (RFC 5256 §2.2): the Date header, else the internal date. */
    DATE,
    /** The addr-mailbox of the first From address. */
    FROM,
    /** RFC822.SIZE. */
    SIZE,
    /** The base subject (RFC 5256 §2.1). */
    SUBJECT,
    /** The addr-mailbox of the first To address. */
    TO,
    /** The display name of the first From address, else its address (RFC 5957). */
    DISPLAYFROM,
    /** The display name of the first To address, else its address (RFC 5957). */
    DISPLAYTO
}
