package dev.imapmock.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;

/**
 * A {@code sequence-set} of RFC 3501 §9, immutable: message numbers or UIDs, ranges written in
 * either order ({@code 4:2} is {@code 2:4}) and {@code *}, which stands for the largest number in
 * use and is only resolved when the set is applied to a mailbox.
 *
 * <p>The set keeps a canonical form: ranges of plain numbers sorted and merged, then the ranges
 * that reach {@code *}. {@link #toString()} writes that form; parsing it gives an equal set.
 * Nothing is expanded into single numbers, so {@code 1:4294967295} costs two longs.
 */
public final class SequenceSet {
    private static final SequenceSet EMPTY = new SequenceSet(new long[0], new long[0], false);

    /** Ranges of plain numbers, as first/last pairs: ascending, merged, never touching. */
    private final long[] numbers;
    /** The {@code n} of each {@code n:*}, ascending and distinct. */
    private final long[] toStar;
    /** A bare {@code *}; dropped when some {@code n:*} already covers it. */
    private final boolean star;

    /** An inclusive range of numbers, {@code first <= last}, both at least 1. */
    public record Range(long first, long last) {
        /**
         * Checks the bounds.
         *
         * @param first the lowest number, at least 1
         * @param last the highest number, at least {@code first}
         * @throws IllegalArgumentException when {@code first < 1} or {@code last < first}
         */
        public Range {
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("not a range: " + first + ":" + last);
            }
        }

        /**
         * How many numbers the range holds.
         *
         * @return {@code last - first + 1}, at least 1
         */
        public long size() {
            return last - first + 1;
        }

        /**
         * Tells whether {@code n} lies in the range.
         *
         * @param n any number
         * @return true when {@code first <= n <= last}
         */
        public boolean contains(long n) {
            return n >= first && n <= last;
        }
    }

    private SequenceSet(long[] numbers, long[] toStar, boolean star) {
        this.numbers = numbers;
        this.toStar = toStar;
        this.star = star && toStar.length == 0;
    }

    /**
     * Parses a {@code sequence-set} such as {@code 1:3,5,7:*}.
     *
     * @throws ProtocolException for an empty set or part, 0, a leading zero, a number above
     *     4294967295, or anything that is not a number, {@code *} or a range of them
     * @param text the atom's text
     * @return the set, in canonical form
     */
    public static SequenceSet parse(String text) {
        if (text.isEmpty()) {
            throw new ProtocolException("expected a sequence set such as 1:5,7 but got nothing");
        }
        String[] parts = text.split(",", -1);
        List<long[]> plain = new ArrayList<>(parts.length);
        List<Long> toStar = new ArrayList<>();
        boolean star = false;
        for (String part : parts) {
            if (part.isEmpty()) {
                throw invalid(text, "it has an empty part between commas");
            }
            int colon = part.indexOf(':');
            if (colon < 0) {
                long n = bound(text, part);
                if (n == 0) {
                    star = true;
                } else {
                    plain.add(new long[] {n, n});
                }
                continue;
            }
            if (part.indexOf(':', colon + 1) >= 0) {
                throw invalid(text, "\"" + ArgParsing.shorten(part) + "\" has more than one \":\"");
            }
            long a = bound(text, part.substring(0, colon));
            long b = bound(text, part.substring(colon + 1));
            if (a == 0 && b == 0) {
                star = true;
            } else if (a == 0 || b == 0) {
                toStar.add(Math.max(a, b));
            } else {
                plain.add(new long[] {Math.min(a, b), Math.max(a, b)});
            }
        }
        return new SequenceSet(merge(plain), sortedDistinct(toStar), star);
    }

    /** The numbers ascending, each once; a loop rather than a stream, which every first FETCH of a JVM would load. */
    private static long[] sortedDistinct(List<Long> numbers) {
        long[] sorted = new long[numbers.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = numbers.get(i);
        }
        Arrays.sort(sorted);
        int size = 0;
        for (long n : sorted) {
            if (size == 0 || sorted[size - 1] != n) {
                sorted[size++] = n;
            }
        }
        return Arrays.copyOf(sorted, size);
    }

    /**
     * Parses an argument that must be an atom holding a sequence set.
     *
     * @param arg the argument as decoded
     * @return the set, in canonical form
     * @throws ProtocolException when the argument is no atom or no valid sequence set
     */
    public static SequenceSet parse(Arg arg) {
        if (!(arg instanceof Arg.Atom atom)) {
            throw new ProtocolException("expected a sequence set such as 1:5,7 but got " + ArgParsing.describe(arg));
        }
        return parse(atom.text());
    }

    /**
     * The set of exactly these numbers (each at least 1), written as compactly as possible.
     *
     * @param members the numbers, in any order, repeats allowed; empty gives the empty set
     * @return the set, with no {@code *}
     * @throws IllegalArgumentException for a member below 1
     */
    public static SequenceSet of(Collection<Long> members) {
        List<long[]> plain = new ArrayList<>(members.size());
        for (long n : members) {
            if (n < 1) {
                throw new IllegalArgumentException("sequence numbers start at 1: " + n);
            }
            plain.add(new long[] {n, n});
        }
        return plain.isEmpty() ? EMPTY : new SequenceSet(merge(plain), new long[0], false);
    }

    /**
     * Numbers in the order given, written as a sequence set that keeps that order (ESORT's ALL,
     * RFC 5267 §3.1, and the updates of a live SORT): a run of consecutive ascending numbers
     * becomes {@code a:b}, as Dovecot writes them, everything else stays where it is.
     *
     * @param numbers the numbers in the order to keep, each at least 1
     * @return the text, such as {@code 4,1:3,9}; empty text for an empty list
     */
    public static String inOrder(List<Long> numbers) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(numbers.get(i));
            if (j > i) {
                sb.append(':').append(numbers.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    /**
     * The set of exactly these numbers (each at least 1).
     *
     * @param members the numbers, in any order, repeats allowed; none gives the empty set
     * @return the set, with no {@code *}
     * @throws IllegalArgumentException for a member below 1
     */
    public static SequenceSet of(long... members) {
        List<Long> list = new ArrayList<>(members.length);
        for (long n : members) {
            list.add(n);
        }
        return of(list);
    }

    /**
     * The set {@code first:last}; {@code first} may be larger than {@code last}.
     *
     * @param first one end, at least 1
     * @param last the other end, at least 1
     * @return the set of that one range
     * @throws IllegalArgumentException when either end is below 1
     */
    public static SequenceSet range(long first, long last) {
        if (first < 1 || last < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1: " + first + ":" + last);
        }
        return new SequenceSet(new long[] {Math.min(first, last), Math.max(first, last)}, new long[0], false);
    }

    /**
     * True for a set without members; only {@link #of} builds one, the wire grammar cannot.
     *
     * @return true when the set has no member
     */
    public boolean isEmpty() {
        return numbers.length == 0 && toStar.length == 0 && !star;
    }

    /**
     * The largest number written in the set, ignoring {@code *}; 0 when there is none.
     *
     * @return the largest number, or 0 when the set holds only {@code *} or nothing
     */
    public long highestNumber() {
        long highest = numbers.length == 0 ? 0 : numbers[numbers.length - 1];
        return toStar.length == 0 ? highest : Math.max(highest, toStar[toStar.length - 1]);
    }

    /**
     * Tells whether the set mentions {@code *}, alone or as a range end; such a set's members depend on the
     * mailbox it is applied to.
     *
     * @return true when {@code *} occurs in the set
     */
    public boolean usesStar() {
        return star || toStar.length > 0;
    }

    /**
     * True when {@code n} is in the set, {@code *} standing for {@code largest}. Numbers above
     * {@code largest} are members when a range names them; {@link #ranges} clips, this does not.
     *
     * @param n the number asked about; below 1 is never a member
     * @param largest the largest number in use, what {@code *} stands for
     * @return true when {@code n} is a member
     */
    public boolean contains(long n, long largest) {
        if (n < 1) {
            return false;
        }
        int lo = 0;
        int hi = numbers.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (n < numbers[2 * mid]) {
                hi = mid - 1;
            } else if (n > numbers[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        if (star && n == largest) {
            return true;
        }
        for (long bound : toStar) {
            if (n >= Math.min(bound, largest) && n <= Math.max(bound, largest)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The members within {@code 1..largest}, {@code *} standing for {@code largest}, as ascending,
     * merged, non-touching ranges. RFC 3501 §6.4.8: {@code 5:*} with a largest of 3 means
     * {@code 3:5}, so it yields 3. Empty when {@code largest} is below 1.
     *
     * @param largest the largest number in use (the message count or the highest UID)
     * @return the ranges, unmodifiable, possibly empty
     */
    public List<Range> ranges(long largest) {
        if (largest < 1) {
            return List.of();
        }
        List<long[]> all = new ArrayList<>(numbers.length / 2 + toStar.length + 1);
        for (int i = 0; i < numbers.length; i += 2) {
            if (numbers[i] <= largest) {
                all.add(new long[] {numbers[i], Math.min(numbers[i + 1], largest)});
            }
        }
        for (long bound : toStar) {
            all.add(new long[] {Math.min(bound, largest), largest});
        }
        if (star) {
            all.add(new long[] {largest, largest});
        }
        long[] merged = merge(all);
        List<Range> result = new ArrayList<>(merged.length / 2);
        for (int i = 0; i < merged.length; i += 2) {
            result.add(new Range(merged[i], merged[i + 1]));
        }
        return List.copyOf(result);
    }

    /**
     * The members within {@code 1..largest} in ascending order, produced lazily.
     *
     * @param largest the largest number in use, what {@code *} stands for and where ranges are clipped
     * @return the members, ascending, each once
     */
    public LongStream members(long largest) {
        return ranges(largest).stream().flatMapToLong(r -> LongStream.rangeClosed(r.first(), r.last()));
    }

    /**
     * How many members fall within {@code 1..largest}.
     *
     * @param largest the largest number in use, what {@code *} stands for and where ranges are clipped
     * @return the number of members, 0 when {@code largest} is below 1
     */
    public long count(long largest) {
        return ranges(largest).stream().mapToLong(Range::size).sum();
    }

    /** The canonical wire form, e.g. {@code 1:3,5,7:*}; empty text for the empty set. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < numbers.length; i += 2) {
            separate(sb).append(numbers[i]);
            if (numbers[i + 1] != numbers[i]) {
                sb.append(':').append(numbers[i + 1]);
            }
        }
        for (long bound : toStar) {
            separate(sb).append(bound).append(":*");
        }
        if (star) {
            separate(sb).append('*');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceSet other && star == other.star && Arrays.equals(numbers, other.numbers)
                && Arrays.equals(toStar, other.toStar);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(numbers) + Arrays.hashCode(toStar)) + Boolean.hashCode(star);
    }

    private static StringBuilder separate(StringBuilder sb) {
        if (sb.length() > 0) {
            sb.append(',');
        }
        return sb;
    }

    /** Sorts first/last pairs and joins the ones that overlap or touch; returns a flat array. */
    private static long[] merge(List<long[]> ranges) {
        ranges.sort((x, y) -> Long.compare(x[0], y[0]));
        long[] out = new long[ranges.size() * 2];
        int size = 0;
        for (long[] r : ranges) {
            if (size > 0 && r[0] <= out[size - 1] + 1) {
                out[size - 1] = Math.max(out[size - 1], r[1]);
            } else {
                out[size++] = r[0];
                out[size++] = r[1];
            }
        }
        return Arrays.copyOf(out, size);
    }

    /** One side of a range: a nz-number, or 0 for {@code *}. */
    private static long bound(String text, String token) {
        if (token.equals("*")) {
            return 0;
        }
        if (token.isEmpty()) {
            throw invalid(text, "a range is missing a number before or after \":\"");
        }
        if (!ArgParsing.isDigits(token)) {
            throw invalid(text, "\"" + ArgParsing.shorten(token) + "\" is neither a number nor \"*\"");
        }
        long n = ArgParsing.nzNumber(token);
        if (n > 0) {
            return n;
        }
        if (token.chars().allMatch(c -> c == '0')) {
            throw invalid(text, "numbers start at 1, 0 is not allowed");
        }
        if (token.charAt(0) == '0') {
            throw invalid(text, "\"" + ArgParsing.shorten(token) + "\" starts with a zero");
        }
        throw invalid(text, ArgParsing.shorten(token) + " is larger than 4294967295");
    }

    private static ProtocolException invalid(String text, String reason) {
        return new ProtocolException("invalid sequence set \"" + ArgParsing.shorten(text) + "\": " + reason);
    }
}
