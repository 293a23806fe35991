package dev.imapmock.mime;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A body section of RFC 3501 §6.4.5: a part path (empty for the whole message) and what to take
 * of that part. {@code fields} holds the header field names of HEADER.FIELDS and
 * HEADER.FIELDS.NOT as the client wrote them, and is empty for the other kinds.
 */
public record SectionSpec(List<Integer> path, Kind kind, List<String> fields) {

    /** What of the addressed part a section takes. */
    public enum Kind {
        /** The whole part (or the whole message for an empty path). */
        ALL(""),
        /** {@code HEADER}: the message's header with its closing empty line. */
        HEADER("HEADER"),
        /** {@code HEADER.FIELDS (...)}: only the named header fields, then the empty line. */
        HEADER_FIELDS("HEADER.FIELDS"),
        /** {@code HEADER.FIELDS.NOT (...)}: every header field but the named ones, then the empty line. */
        HEADER_FIELDS_NOT("HEADER.FIELDS.NOT"),
        /** {@code TEXT}: the message's body, without its header. */
        TEXT("TEXT"),
        /** {@code MIME}: the part's own MIME header (RFC 3501 section 6.4.5); needs a part number. */
        MIME("MIME");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /**
         * The kind's text in a section, after the part number.
         *
         * @return the keyword, e.g. {@code HEADER.FIELDS}; empty for {@link #ALL}
         */
        public String wire() {
            return wire;
        }
    }

    /**
     * Copies the path and the fields.
     *
     * @param path the part numbers from the top, each from 1; empty for the message itself
     * @param kind what of the addressed part is taken
     * @param fields the field names of HEADER.FIELDS and HEADER.FIELDS.NOT as sent; empty for the other kinds
     */
    public SectionSpec {
        path = List.copyOf(path);
        fields = List.copyOf(fields);
    }

    /**
     * The whole message, {@code BODY[]}.
     *
     * @return the section of the whole message
     */
    public static SectionSpec whole() {
        return new SectionSpec(List.of(), Kind.ALL, List.of());
    }

    /** A field name upper-cased, quoted when it is not an atom (a quoted name such as "X Y"). */
    private static String wireField(String field) {
        String upper = field.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c <= ' ' || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                return '"' + upper.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
        }
        return upper;
    }

    /**
     * The section text as it appears between the brackets of a FETCH response, e.g.
     * {@code 1.2.HEADER.FIELDS (FROM TO)}; field names are sent upper-cased, as Dovecot does.
     *
     * @return the section text without brackets; empty for {@code BODY[]}
     */
    public String wire() {
        StringBuilder sb = new StringBuilder();
        sb.append(path.stream().map(String::valueOf).collect(Collectors.joining(".")));
        if (kind != Kind.ALL) {
            if (!path.isEmpty()) {
                sb.append('.');
            }
            sb.append(kind.wire());
        }
        if (kind == Kind.HEADER_FIELDS || kind == Kind.HEADER_FIELDS_NOT) {
            sb.append(" (")
                    .append(fields.stream().map(SectionSpec::wireField).collect(Collectors.joining(" ")))
                    .append(')');
        }
        return sb.toString();
    }
}
