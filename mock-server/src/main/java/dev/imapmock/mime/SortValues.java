package dev.imapmock.mime;

import java.util.List;

/**
 * The strings a message is sorted by (RFC 5256 §3, RFC 5957 §3), before {@link Collation} maps
 * them; {@code ""} where the header or address is missing, so that such messages sort first. Pure
 * functions of the message's bytes, for SORT and THREAD alike.
 */
public final class SortValues {
    private SortValues() {
    }

    /**
     * SUBJECT: the base subject of the first Subject header (RFC 5256 §2.1).
     *
     * @param header the message's top-level header
     * @return the base subject, {@code ""} when the message has no subject
     */
    public static String subject(TopHeader header) {
        return BaseSubject.of(header.value("subject"));
    }

    /**
     * FROM, TO and CC: the addr-mailbox of the first address of the list, as ENVELOPE has it; for
     * a group, the group's name, as Dovecot takes it.
     *
     * @param addresses the addresses of the field, as {@link MimeIndex#addresses} reads them
     * @return the mailbox part, {@code ""} when there is none
     */
    public static String firstMailbox(List<Address> addresses) {
        if (addresses.isEmpty() || addresses.get(0).mailbox() == null) {
            return "";
        }
        return addresses.get(0).mailbox();
    }

    /**
     * DISPLAYFROM and DISPLAYTO (RFC 5957 §3): the display name of the first address of the list,
     * its encoded words decoded; when it has none (or an empty one), its addr-spec
     * {@code mailbox@host}; for a group, the group's name.
     *
     * @param addresses the addresses of the field, as {@link MimeIndex#addresses} reads them
     * @return the display name or the address, {@code ""} when the list is empty
     */
    public static String displayName(List<Address> addresses) {
        if (addresses.isEmpty()) {
            return "";
        }
        Address first = addresses.get(0);
        if (first.name() != null && !first.name().isEmpty()) {
            return Decoding.decodeEncodedWords(first.name());
        }
        if (first.mailbox() == null) {
            return "";
        }
        return first.host() == null ? first.mailbox() : first.mailbox() + "@" + first.host();
    }
}
