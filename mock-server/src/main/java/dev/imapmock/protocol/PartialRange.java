package dev.imapmock.protocol;

import java.util.List;

/**
 * A PARTIAL range (RFC 9394 §3): positions in a result ordered by UID, counted from the start
 * ({@code 1:100}) or, negative, from the end ({@code -1:-100} are the last hundred). The two ends
 * may come in either order; both have the same sign.
 *
 * @param first the position nearer the end the range counts from: 1 in {@code 1:100}, -1 in {@code -1:-100}
 * @param last  the position farther from it, of the same sign
 */
public record PartialRange(long first, long last) {

    /**
     * Parses a PARTIAL range argument.
     *
     * @param arg the argument after PARTIAL, an atom such as {@code 1:100} or {@code -1:-100}
     * @return the range with {@code first} the end nearer the start it counts from
     * @throws ProtocolException for anything but {@code a:b} or {@code -a:-b} with non-zero 32-bit numbers
     */
    public static PartialRange parse(Arg arg) {
        String text = arg instanceof Arg.Atom atom ? atom.text() : "";
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw bad(arg);
        }
        String a = text.substring(0, colon);
        String b = text.substring(colon + 1);
        boolean fromEnd = a.startsWith("-");
        if (fromEnd != b.startsWith("-")) {
            throw bad(arg);
        }
        long x = ArgParsing.nzNumber(fromEnd ? a.substring(1) : a);
        long y = ArgParsing.nzNumber(fromEnd ? b.substring(1) : b);
        if (x < 0 || y < 0) {
            throw bad(arg);
        }
        long low = Math.min(x, y);
        long high = Math.max(x, y);
        return fromEnd ? new PartialRange(-low, -high) : new PartialRange(low, high);
    }

    /**
     * The part of {@code ordered} (ascending by UID) that the range names; empty past its end.
     *
     * @param <T> the element type
     * @param ordered the whole result, ascending by UID
     * @return the positions the range names, a view of {@code ordered}; empty when it starts past the end
     */
    public <T> List<T> of(List<T> ordered) {
        int n = ordered.size();
        long from = first > 0 ? first - 1 : n + last;
        long to = first > 0 ? last : n + first + 1;
        from = Math.max(0, from);
        to = Math.min(n, to);
        return from >= to ? List.of() : ordered.subList((int) from, (int) to);
    }

    private static ProtocolException bad(Arg arg) {
        return new ProtocolException("PARTIAL needs a range such as 1:100 or -1:-100, not "
                + (arg instanceof Arg.Atom a ? ArgParsing.shorten(a.text()) : ArgParsing.describe(arg)));
    }

    @Override
    public String toString() {
        return first + ":" + last;
    }
}
