package dev.imapmock.protocol;

/** Small helpers the argument parsers share: numbers of RFC 3501 §9 and argument descriptions. */
final class ArgParsing {
    /** The largest {@code number} and {@code nz-number} of RFC 3501 §9 (an unsigned 32-bit value). */
    static final long MAX_NUMBER = 4294967295L;

    private ArgParsing() {
    }

    /**
     * Parses {@code number} ({@code 1*DIGIT}, leading zeros allowed) up to {@link #MAX_NUMBER};
     * returns -1 when {@code text} is not one.
     */
    static long number(String text) {
        if (text.isEmpty() || text.length() > 20) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
            if (value > MAX_NUMBER) {
                return -1;
            }
        }
        return value;
    }

    /**
     * Parses {@code nz-number} ({@code digit-nz *DIGIT}) up to {@link #MAX_NUMBER}; returns -1
     * when {@code text} is not one (zero, a leading zero, junk or too large).
     */
    static long nzNumber(String text) {
        if (text.isEmpty() || text.charAt(0) == '0') {
            return -1;
        }
        return number(text);
    }

    /** An atom of digits from 0 to 2^63-1 as its value; -1 for anything else (too big, not digits, not an atom). */
    private static long unsigned63(Arg arg) {
        String text = arg instanceof Arg.Atom a ? a.text() : "";
        if (!isDigits(text) || text.length() > 19) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            value = value * 10 + (text.charAt(i) - '0');
            if (value < 0) {
                return -1;
            }
        }
        return value;
    }

    /**
     * Parses a mod-sequence (RFC 7162 §7): {@code mod-sequence-valzer}, 0 to 2^63-1, or with
     * {@code zeroAllowed} false {@code mod-sequence-value}, 1 to 2^63-1.
     *
     * @throws ProtocolException naming {@code what} when {@code arg} is not one
     */
    static long modSeq(Arg arg, String what, boolean zeroAllowed) {
        long value = unsigned63(arg);
        if (value < 0 || (value == 0 && !zeroAllowed)) {
            throw new ProtocolException(what + " needs a mod-sequence, a number from " + (zeroAllowed ? 0 : 1)
                    + " to 9223372036854775807, not " + (arg instanceof Arg.Atom a ? shorten(a.text()) : describe(arg)));
        }
        return value;
    }

    /**
     * Parses {@code number64} (RFC 9208 §9, RFC 9051 §9): 0 to 2^63-1.
     *
     * @throws ProtocolException naming {@code what} when {@code arg} is not one
     */
    static long number64(Arg arg, String what) {
        long value = unsigned63(arg);
        if (value < 0) {
            throw new ProtocolException(what + " needs a number from 0 to 9223372036854775807, not "
                    + (arg instanceof Arg.Atom a ? shorten(a.text()) : describe(arg)));
        }
        return value;
    }

    /** True when {@code text} is a run of digits, however long. */
    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Upper-cases ASCII letters only. IMAP keywords are ASCII; {@link String#toUpperCase} would
     * also turn "ſ" (long s) into "S" and so accept {@code ſEEN} as SEEN.
     */
    static String upper(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'a' && chars[i] <= 'z') {
                chars[i] -= 'a' - 'A';
            }
        }
        return new String(chars);
    }

    /** Compares ignoring the case of ASCII letters only; see {@link #upper}. */
    static boolean equalsIgnoreCase(String a, String b) {
        return a.length() == b.length() && upper(a).equals(upper(b));
    }

    /** How an argument reads in an error message: atoms as sent, strings and lists by kind. */
    static String describe(Arg arg) {
        if (arg instanceof Arg.Atom atom) {
            return shorten(atom.text());
        }
        if (arg instanceof Arg.Quoted) {
            return "a quoted string";
        }
        if (arg instanceof Arg.Literal) {
            return "a literal";
        }
        return "a parenthesized list";
    }

    /** {@code text} cut to a length that keeps an error message on one readable line. */
    static String shorten(String text) {
        StringBuilder sb = new StringBuilder();
        int limit = Math.min(text.length(), 60);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (text.length() > limit) {
            sb.append("...");
        }
        return sb.toString();
    }
}
