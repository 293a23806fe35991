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
        public Literal(byte[] bytes) {
            this(bytes, false);
        }

        /** True when an octet is NUL, which RFC 3501 §9 ({@code CHAR8}) allows in a literal8 only. */
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
        public ListArg {
            items = List.copyOf(items);
        }
    }

    /** True for a quoted string or a literal. */
    default boolean isString() {
        return this instanceof Quoted || this instanceof Literal;
    }

    /** The octets of a string argument, or the ASCII of an atom; null for a list. */
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

    /** The argument as an astring decoded as UTF-8 (atoms as sent); null for a list. */
    default String text() {
        byte[] b = bytes();
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
