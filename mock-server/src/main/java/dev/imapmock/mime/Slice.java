package dev.imapmock.mime;

import java.util.Arrays;

/**
 * A run of bytes, usually a view into a stored message so that a section can be streamed without
 * a copy. The array is shared: callers must never modify it.
 */
public record Slice(byte[] array, int offset, int length) {
    /** The empty section, also the answer for a part that does not exist. */
    public static final Slice EMPTY = new Slice(new byte[0], 0, 0);

    /**
     * Checks that the run lies within the array.
     *
     * @param array the octets, shared, never modified
     * @param offset where the run starts in {@code array}
     * @param length how many octets the run holds
     * @throws IndexOutOfBoundsException when the run does not lie within {@code array}
     */
    public Slice {
        if (offset < 0 || length < 0 || offset + length > array.length) {
            throw new IndexOutOfBoundsException("slice " + offset + "+" + length + " of " + array.length);
        }
    }

    /**
     * A slice covering all of {@code bytes}.
     *
     * @param bytes the octets, shared, not copied
     * @return the slice
     */
    public static Slice of(byte[] bytes) {
        return new Slice(bytes, 0, bytes.length);
    }

    /**
     * The {@code count} bytes from {@code origin} on, as a partial fetch takes them (RFC 3501
     * §6.4.5): empty when {@code origin} is past the end, the rest when the range runs across it.
     *
     * @param origin the first octet wanted, counted from 0 within the slice
     * @param count how many octets at most
     * @return a view of the octets; {@link #EMPTY} when {@code origin} is past the end
     */
    public Slice window(long origin, long count) {
        if (origin >= length) {
            return EMPTY;
        }
        int from = (int) origin;
        return new Slice(array, offset + from, (int) Math.min(count, length - from));
    }

    /**
     * A fresh copy of the bytes.
     *
     * @return a new array of {@code length} octets
     */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Slice other
                && Arrays.equals(array, offset, offset + length, other.array, other.offset, other.offset + other.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + array[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return new String(array, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
