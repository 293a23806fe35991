package dev.imapmock.mime;

/**
 * One entry of an ENVELOPE address list (RFC 3501 §7.4.2): personal name, source route (adl),
 * mailbox and host, each null for NIL. A group is a start marker (mailbox = group name, host
 * null) followed by its members and an end marker (all four null).
 */
public record Address(String name, String adl, String mailbox, String host) {

    static Address groupStart(String groupName) {
        return new Address(null, null, groupName, null);
    }

    static Address groupEnd() {
        return new Address(null, null, null, null);
    }
}
