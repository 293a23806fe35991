package dev.imapmock.store;

import java.util.Optional;

/**
 * What a mailbox is for, as RFC 6154 §2 names it: clients find the folder for sent mail, drafts,
 * deleted mail, spam and archived mail by these uses instead of by guessing names. The two virtual
 * uses of the RFC, {@code \All} and {@code \Flagged}, are not offered: they need mailboxes that
 * show the messages of other mailboxes, which ImapMock does not have.
 */
public enum SpecialUse {
    /** {@code \Archive}: the archive. */
    ARCHIVE("\\Archive"),
    /** {@code \Drafts}: messages being written. */
    DRAFTS("\\Drafts"),
    /** {@code \Junk}: spam. */
    JUNK("\\Junk"),
    /** {@code \Sent}: copies of sent messages. */
    SENT("\\Sent"),
    /** {@code \Trash}: deleted messages. */
    TRASH("\\Trash");

    private final String attribute;

    SpecialUse(String attribute) {
        this.attribute = attribute;
    }

    /** The LIST attribute, such as {@code \Sent}. */
    public String attribute() {
        return attribute;
    }

    /** The use with this attribute ({@code \Sent}) in any case, if there is one. */
    public static Optional<SpecialUse> ofAttribute(String attribute) {
        for (SpecialUse use : values()) {
            if (asciiEqualsIgnoreCase(use.attribute, attribute)) {
                return Optional.of(use);
            }
        }
        return Optional.empty();
    }

    /** Only ASCII letters fold: {@link String#equalsIgnoreCase} would take "\ſent" (long s) for {@code \Sent}. */
    private static boolean asciiEqualsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            char lower = (char) (x | 0x20);
            if (x != y && (lower < 'a' || lower > 'z' || lower != (y | 0x20))) {
                return false;
            }
        }
        return true;
    }

    /** Every attribute, space-separated, for messages that list the choices. */
    public static String attributes() {
        StringBuilder sb = new StringBuilder();
        for (SpecialUse use : values()) {
            sb.append(sb.length() == 0 ? "" : " ").append(use.attribute);
        }
        return sb.toString();
    }
}
