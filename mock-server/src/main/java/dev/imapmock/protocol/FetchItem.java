package dev.imapmock.protocol;

import dev.imapmock.mime.SectionSpec;

import java.util.List;

/**
 * One data item a FETCH command asks for (RFC 3501 §6.4.5), after macros are expanded.
 *
 * <p>Items that take no argument are one {@link Simple} record over the {@link Attribute} enum, so
 * a writer can {@code switch} over them exhaustively; items with arguments get their own record.
 * Extensions add an enum constant (MODSEQ) or a record (BINARY[...], BINARY.SIZE[...]).
 */
public sealed interface FetchItem permits FetchItem.Simple, FetchItem.BodySection, FetchItem.BinarySection,
        FetchItem.BinarySize {

    /**
     * True when fetching this item sets {@code \Seen} on the message (§6.4.5).
     *
     * @return true for {@code RFC822}, {@code RFC822.TEXT}, and {@code BODY[...]} and {@code BINARY[...]} without
     *     PEEK
     */
    boolean setsSeen();

    /**
     * The item name as it appears in the FETCH response, e.g. {@code RFC822.SIZE} or {@code BODY[TEXT]<0>}.
     *
     * @return the name the response carries the item's value under
     */
    String responseName();

    /** The argument-free data items. */
    enum Attribute {
        /** {@code FLAGS}: the message's flags. */
        FLAGS("FLAGS"),
        /** {@code INTERNALDATE}: the date the server received the message. */
        INTERNALDATE("INTERNALDATE"),
        /** {@code RFC822.SIZE}: the message's size in octets. */
        RFC822_SIZE("RFC822.SIZE"),
        /** {@code UID}: the message's unique identifier. */
        UID("UID"),
        /** {@code ENVELOPE}: the parsed header fields (RFC 3501 section 7.4.2). */
        ENVELOPE("ENVELOPE"),
        /** The non-extensible BODYSTRUCTURE form, {@code BODY} without a section. */
        BODY("BODY"),
        /** {@code BODYSTRUCTURE}: the MIME structure with its extension data. */
        BODYSTRUCTURE("BODYSTRUCTURE"),
        /** Like {@code BODY[]}, including setting {@code \Seen}. */
        RFC822("RFC822"),
        /** Like {@code BODY.PEEK[HEADER]}. */
        RFC822_HEADER("RFC822.HEADER"),
        /** Like {@code BODY[TEXT]}, including setting {@code \Seen}. */
        RFC822_TEXT("RFC822.TEXT"),
        /** The message's mod-sequence, {@code MODSEQ (n)} (RFC 7162 §3.1.4); only with CONDSTORE. */
        MODSEQ("MODSEQ"),
        /** {@code EMAILID (id)} (RFC 8474 §5.1); only with OBJECTID. */
        EMAILID("EMAILID"),
        /** {@code THREADID (id)} (RFC 8474 §5.2); only with OBJECTID. */
        THREADID("THREADID"),
        /** {@code SAVEDATE "date-time"} (RFC 8514 §4); only with SAVEDATE. */
        SAVEDATE("SAVEDATE"),
        /** {@code PREVIEW "text"} (RFC 8970 §3); only with PREVIEW. */
        PREVIEW("PREVIEW"),
        /** Gmail's {@code X-GM-MSGID n}, the message's id as unsigned decimal; only with X-GM-EXT-1. */
        X_GM_MSGID("X-GM-MSGID"),
        /** Gmail's {@code X-GM-THRID n}, the message's thread id as unsigned decimal; only with X-GM-EXT-1. */
        X_GM_THRID("X-GM-THRID"),
        /** Gmail's {@code X-GM-LABELS (...)}, the message's labels; only with X-GM-EXT-1. */
        X_GM_LABELS("X-GM-LABELS");

        private final String wire;

        Attribute(String wire) {
            this.wire = wire;
        }

        /**
         * The item as written in FETCH and in its response.
         *
         * @return the wire name, e.g. {@code RFC822.SIZE}
         */
        public String wire() {
            return wire;
        }
    }

    /** An item without arguments. */
    record Simple(Attribute attribute) implements FetchItem {
        @Override
        public boolean setsSeen() {
            return attribute == Attribute.RFC822 || attribute == Attribute.RFC822_TEXT;
        }

        @Override
        public String responseName() {
            return attribute.wire();
        }
    }

    /**
     * {@code BODY[section]<origin.count>} or {@code BODY.PEEK[...]}; {@code partial} is null when
     * the whole section is wanted.
     */
    record BodySection(boolean peek, SectionSpec section, Partial partial) implements FetchItem {
        @Override
        public boolean setsSeen() {
            return !peek;
        }

        /** RFC 3501 §7.4.2: the response names {@code BODY} (never PEEK) and only the origin. */
        @Override
        public String responseName() {
            return "BODY[" + section.wire() + "]" + (partial == null ? "" : "<" + partial.origin() + ">");
        }
    }

    /**
     * {@code BINARY[part]<origin.count>} or {@code BINARY.PEEK[...]} (RFC 3516 §4.2): the part at
     * {@code path} (the whole message when empty) with its Content-Transfer-Encoding undone;
     * {@code partial} counts decoded octets and is null when the whole part is wanted.
     */
    record BinarySection(boolean peek, List<Integer> path, Partial partial) implements FetchItem {
        /**
         * Copies the path.
         *
         * @param peek true for {@code BINARY.PEEK}, which leaves {@code \Seen} alone
         * @param path the part numbers from the top, empty for the whole message
         * @param partial the decoded octet range, or null for the whole part
         */
        public BinarySection {
            path = List.copyOf(path);
        }

        @Override
        public boolean setsSeen() {
            return !peek;
        }

        /** RFC 3516 §4.3: {@code BINARY[part]<origin>}, never PEEK, as BODY answers. */
        @Override
        public String responseName() {
            return "BINARY[" + partNumber(path) + "]" + (partial == null ? "" : "<" + partial.origin() + ">");
        }
    }

    /** {@code BINARY.SIZE[part]} (RFC 3516 §4.2): the size {@link BinarySection} would send. */
    record BinarySize(List<Integer> path) implements FetchItem {
        /**
         * Copies the path.
         *
         * @param path the part numbers from the top, empty for the whole message
         */
        public BinarySize {
            path = List.copyOf(path);
        }

        @Override
        public boolean setsSeen() {
            return false;
        }

        @Override
        public String responseName() {
            return "BINARY.SIZE[" + partNumber(path) + "]";
        }
    }

    private static String partNumber(List<Integer> path) {
        StringBuilder sb = new StringBuilder();
        for (int n : path) {
            sb.append(sb.length() == 0 ? "" : ".").append(n);
        }
        return sb.toString();
    }

    /** The octet range of a partial fetch: {@code count} octets from {@code origin}. */
    record Partial(long origin, long count) {
        /**
         * Checks the range.
         *
         * @param origin the first octet, counted from 0
         * @param count how many octets at most, at least 1
         * @throws IllegalArgumentException when {@code origin} is negative or {@code count} below 1
         */
        public Partial {
            if (origin < 0 || count < 1) {
                throw new IllegalArgumentException("not a partial range: <" + origin + "." + count + ">");
            }
        }
    }
}
