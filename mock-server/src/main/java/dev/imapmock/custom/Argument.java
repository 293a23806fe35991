package dev.imapmock.custom;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One argument of a custom command as the client sent it (RFC 3501 §4), or one value of a
 * response a handler writes with {@link CustomCommand#untagged}: an atom, a string (quoted or a
 * literal) or a parenthesized list. Immutable.
 */
public sealed interface Argument permits Argument.Atom, Argument.Text, Argument.ListOf {

    /**
     * An atom, case preserved: also {@code NIL}, numbers, sequence sets and flags such as
     * {@code \Seen}.
     *
     * @param text the atom's characters
     */
    record Atom(String text) implements Argument {
        /**
         * Refuses an empty atom or one with a character RFC 3501 §9 does not allow in an atom,
         * wildcards and {@code \} aside, as a response may carry them.
         *
         * @param text the atom's characters
         */
        public Atom {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("An atom is not empty");
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c <= ' ' || c >= 0x7f || c == '(' || c == ')' || c == '{' || c == '"') {
                    throw new IllegalArgumentException("Not an atom: " + text);
                }
            }
        }

        /** {@return whether this is {@code NIL}, in any case} */
        public boolean isNil() {
            return text.equalsIgnoreCase("NIL");
        }

        /**
         * {@return the atom as a number (RFC 3501 §9 {@code number})}
         *
         * @throws NumberFormatException when it is none
         */
        public long number() {
            if (!text.chars().allMatch(Character::isDigit)) {
                throw new NumberFormatException("Not a number: " + text);
            }
            return Long.parseLong(text);
        }
    }

    /**
     * A string: a quoted string or a literal, its octets as sent.
     *
     * @param bytes   the octets, unescaped
     * @param literal whether the client sent a literal ({@code {n}}); a handler's value is sent
     *                quoted when it can be, as a literal otherwise
     */
    record Text(byte[] bytes, boolean literal) implements Argument {
        /**
         * Copies the octets.
         *
         * @param bytes   the octets
         * @param literal whether it is a literal
         */
        public Text {
            bytes = bytes.clone();
        }

        /** {@return a copy of the octets} */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** {@return the octets decoded as UTF-8} */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * A parenthesized list.
     *
     * @param items the items, in order
     */
    record ListOf(List<Argument> items) implements Argument {
        /**
         * Copies the items.
         *
         * @param items the items
         */
        public ListOf {
            items = List.copyOf(items);
        }
    }

    /**
     * An atom.
     *
     * @param text the atom's characters
     * @return the atom
     * @throws IllegalArgumentException when {@code text} is no atom
     */
    static Argument atom(String text) {
        return new Atom(text);
    }

    /**
     * A string, sent quoted when it can be and as a literal otherwise.
     *
     * @param text the text, encoded as UTF-8
     * @return the string
     */
    static Argument string(String text) {
        return new Text(text.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * A list.
     *
     * @param items the items
     * @return the list
     */
    static Argument list(Argument... items) {
        return new ListOf(List.of(items));
    }

    /**
     * The argument as text: an atom's characters or a string decoded as UTF-8.
     *
     * @return the text
     * @throws IllegalArgumentException for a list
     */
    default String asText() {
        if (this instanceof Atom a) {
            return a.text();
        }
        if (this instanceof Text t) {
            return t.text();
        }
        throw new IllegalArgumentException("Expected an atom or a string, not a list");
    }

    /**
     * {@return the argument as text in upper case, for keywords}
     *
     * @throws IllegalArgumentException for a list
     */
    default String keyword() {
        return asText().toUpperCase(Locale.ROOT);
    }
}
