package dev.imapmock.store;

import java.util.Optional;

/**
 * What a mailbox is for, as RFC 6154 §2 names it: clients find the folder for sent mail, drafts,
 * deleted mail, spam and archived mail by these uses instead of by guessing names. The virtual
 * uses {@code \All} and {@code \Flagged} (RFC 6154) and {@code \Important} (RFC 8457) are
 * those of Gmail's labels ({@link Labels}): a profile's folders may carry them, but CREATE,
 * fixtures and the command line cannot give them ({@link #assignable()}), since only a mailbox
 * that shows the messages of other mailboxes may claim them.
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
    TRASH("\\Trash"),
    /** {@code \All}: every message (Gmail's All Mail); with labels only. */
    ALL("\\All", false),
    /** {@code \Flagged}: the messages flagged {@code \Flagged} (Gmail's Starred); with labels only. */
    FLAGGED("\\Flagged", false),
    /** {@code \Important} (RFC 8457): the messages deemed important (Gmail's Important); with labels only. */
    IMPORTANT("\\Important", false);

    private final String attribute;
    private final boolean assignable;

    SpecialUse(String attribute) {
        this(attribute, true);
    }

    SpecialUse(String attribute, boolean assignable) {
        this.attribute = attribute;
        this.assignable = assignable;
    }

    /**
     * {@return whether CREATE, a fixture's sidecar and the command line may give this use: false
     * for the virtual uses of labels}
     */
    public boolean assignable() {
        return assignable;
    }

    /** {@return the LIST attribute, such as {@code \Sent}, as RFC 6154 spells it} */
    public String attribute() {
        return attribute;
    }

    /**
     * The assignable use with this attribute ({@code \Sent}) in any case; only ASCII letters fold.
     * The virtual uses ({@link #assignable()} false) are not found.
     *
     * @param attribute the attribute, backslash included
     * @return the use, or empty when no assignable use has that attribute
     */
    public static Optional<SpecialUse> ofAttribute(String attribute) {
        return ofAnyAttribute(attribute).filter(SpecialUse::assignable);
    }

    /**
     * The use with this attribute in any case, the virtual ones included, for a profile's folders.
     *
     * @param attribute the attribute, such as {@code \All}
     * @return the use, or empty
     */
    public static Optional<SpecialUse> ofAnyAttribute(String attribute) {
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

    /**
     * {@return every assignable use's attribute, separated by single spaces, in declaration order,
     * for messages that list the choices}
     */
    public static String attributes() {
        StringBuilder sb = new StringBuilder();
        for (SpecialUse use : values()) {
            if (!use.assignable) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(use.attribute);
        }
        return sb.toString();
    }
}
