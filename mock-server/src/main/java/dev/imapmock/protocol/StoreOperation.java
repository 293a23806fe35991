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

    /** An unconditional STORE. */
    public StoreOperation(Mode mode, boolean silent, Set<String> flags) {
        this(mode, silent, flags, UNCONDITIONAL);
    }

    /** {@code FLAGS}, {@code +FLAGS} and {@code -FLAGS}. */
    public enum Mode {
        REPLACE("FLAGS"),
        ADD("+FLAGS"),
        REMOVE("-FLAGS");

        private final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public StoreOperation {
        flags = Collections.unmodifiableSet(new LinkedHashSet<>(flags));
    }

    /** True for {@code STORE ... (UNCHANGEDSINCE n) ...} (RFC 7162 §3.1.3). */
    public boolean conditional() {
        return unchangedSince != UNCONDITIONAL;
    }

    /** The data item as a client writes it, e.g. {@code +FLAGS.SILENT}. */
    public String itemName() {
        return mode.wire() + (silent ? ".SILENT" : "");
    }
}
