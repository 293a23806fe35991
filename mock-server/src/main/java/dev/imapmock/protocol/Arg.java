package dev.imapmock.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One decoded argument of a command line (RFC 3501 §4): an atom, a quoted string, a literal or
 * a parenthesized list. The command reader produces these before any handler runs; the
 * argument parsers turn them into the typed values each command needs.
 */
public sealed interface Arg permits Arg.Atom, Arg.Quoted, Arg.Literal, Arg.ListArg {

    /**
     * An atom as sent, case preserved. Also carries {@code NIL}, sequence sets, flags such as
     * {@code \Seen}, list wildcards, and fetch attributes with a bracketed section such as
     * {@code BODY.PEEK[HEADER.FIELDS (FROM)]<0.100>}, whose brackets may hold spaces.
     */
    record Atom(String text) implements Arg {
        /**
         * Tells whether the atom is {@code NIL}, in any case (RFC 3501 section 4.5).
         *
         * @return true for {@code NIL}, {@code nil} and other spellings of it
         */
        public boolean isNil() {
            return text.equalsIgnoreCase("NIL");
        }
    }

    /** A quoted string, unescaped. */
    record Quoted(byte[] bytes) implements Arg {
    }

    /**
     * A literal ({@code {n}} or {@code {n+}}), its octets exactly as received; {@code binary} for
     * a literal8 ({@code ~{n}}, RFC 3516 §4.4), the one form whose octets may include NUL.
     */
    record Literal(byte[] bytes, boolean binary) implements Arg {
        /**
         * A plain literal ({@code {n}} or {@code {n+}}), not a literal8.
         *
         * @param bytes the literal's octets as received
         */
        public Literal(byte[] bytes) {
            this(bytes, false);
        }

        /**
         * True when an octet is NUL, which RFC 3501 §9 ({@code CHAR8}) allows in a literal8 only.
         *
         * @return true when the literal holds at least one NUL octet
         */
        public boolean hasNul() {
            for (byte b : bytes) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A parenthesized list. */
    record ListArg(List<Arg> items) implements Arg {
        /**
         * Copies the items, so the list cannot change after decoding.
         *
         * @param items the list's elements in order; may be empty for {@code ()}, not null
         */
        public ListArg {
            items = List.copyOf(items);
        }
    }

    /**
     * True for a quoted string or a literal.
     *
     * @return true for {@link Quoted} and {@link Literal}; false for atoms (even {@code NIL}) and lists
     */
    default boolean isString() {
        return this instanceof Quoted || this instanceof Literal;
    }

    /**
     * The octets of a string argument, or the ASCII of an atom; null for a list.
     *
     * @return the octets, not copied; null for a {@link ListArg}
     */
    default byte[] bytes() {
        if (this instanceof Atom a) {
            return a.text().getBytes(StandardCharsets.UTF_8);
        }
        if (this instanceof Quoted q) {
            return q.bytes();
        }
        if (this instanceof Literal l) {
            return l.bytes();
        }
        return null;
    }

    /**
     * The argument as an astring decoded as UTF-8 (atoms as sent); null for a list.
     *
     * @return the text, or null for a {@link ListArg}
     */
    default String text() {
        byte[] b = bytes();
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
