package dev.imapmock.protocol;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a STORE command does to each message (RFC 3501 §6.4.6): replace, add or remove
 * {@code flags}, and whether the untagged FETCH of the new flags is suppressed ({@code .SILENT}).
 * The flags are validated and in canonical case (see {@link FlagNames}); an empty set with
 * {@link Mode#REPLACE} clears every flag.
 */
public record StoreOperation(Mode mode, boolean silent, Set<String> flags, long unchangedSince) {

    /** {@code unchangedSince} of a STORE without the UNCHANGEDSINCE modifier. */
    public static final long UNCONDITIONAL = -1;

    /**
     * An unconditional STORE.
     *
     * @param mode replace, add or remove
     * @param silent true for {@code .SILENT}: no untagged FETCH of the new flags
     * @param flags the flags, validated and in canonical case
     */
    public StoreOperation(Mode mode, boolean silent, Set<String> flags) {
        this(mode, silent, flags, UNCONDITIONAL);
    }

    /** {@code FLAGS}, {@code +FLAGS} and {@code -FLAGS}. */
    public enum Mode {
        /** {@code FLAGS}: the message's flags become exactly {@code flags}. */
        REPLACE("FLAGS"),
        /** {@code +FLAGS}: {@code flags} are added. */
        ADD("+FLAGS"),
        /** {@code -FLAGS}: {@code flags} are removed. */
        REMOVE("-FLAGS");

        private final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        /**
         * The data item's name without {@code .SILENT}.
         *
         * @return {@code FLAGS}, {@code +FLAGS} or {@code -FLAGS}
         */
        public String wire() {
            return wire;
        }
    }

    /**
     * Copies the flags, keeping their order.
     *
     * @param mode replace, add or remove
     * @param silent true for {@code .SILENT}: no untagged FETCH of the new flags
     * @param flags the flags, validated and in canonical case; empty with REPLACE clears every flag
     * @param unchangedSince the UNCHANGEDSINCE mod-sequence, or {@link #UNCONDITIONAL}
     */
    public StoreOperation {
        flags = Collections.unmodifiableSet(new LinkedHashSet<>(flags));
    }

    /**
     * True for {@code STORE ... (UNCHANGEDSINCE n) ...} (RFC 7162 §3.1.3).
     *
     * @return true when an UNCHANGEDSINCE mod-sequence was given
     */
    public boolean conditional() {
        return unchangedSince != UNCONDITIONAL;
    }

    /**
     * The data item as a client writes it, e.g. {@code +FLAGS.SILENT}.
     *
     * @return the item name, e.g. {@code FLAGS} or {@code -FLAGS.SILENT}
     */
    public String itemName() {
        return mode.wire() + (silent ? ".SILENT" : "");
    }
}
