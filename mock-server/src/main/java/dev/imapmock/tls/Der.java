package dev.imapmock.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Just enough DER (ITU-T X.690 §10) to write an X.509 certificate: each method returns one
 * complete type-length-value. Stateless.
 */
final class Der {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private Der() {
    }

    static byte[] sequence(byte[]... items) {
        return tlv(0x30, concat(items));
    }

    static byte[] set(byte[]... items) {
        return tlv(0x31, concat(items));
    }

    static byte[] nul() {
        return new byte[] {0x05, 0x00};
    }

    static byte[] bool(boolean value) {
        return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0x00)});
    }

    static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    /** A BIT STRING of whole octets. */
    static byte[] bitString(byte[] octets) {
        return bitString(octets, 0);
    }

    /** A BIT STRING whose last {@code unusedBits} bits are padding (named bit lists, §11.2.2). */
    static byte[] bitString(byte[] octets, int unusedBits) {
        byte[] content = new byte[octets.length + 1];
        content[0] = (byte) unusedBits;
        System.arraycopy(octets, 0, content, 1, octets.length);
        return tlv(0x03, content);
    }

    static byte[] octetString(byte[] octets) {
        return tlv(0x04, octets);
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, Long.parseLong(arcs[i]));
        }
        return tlv(0x06, out.toByteArray());
    }

    static byte[] utf8String(String text) {
        return tlv(0x0C, text.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050, always in UTC with seconds. */
    static byte[] time(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        if (t.getYear() >= 1950 && t.getYear() < 2050) {
            return tlv(0x17, t.format(UTC_TIME).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(0x18, t.format(GENERALIZED_TIME).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code [n] EXPLICIT}: a constructed context-specific wrapper around complete values. */
    static byte[] explicit(int tag, byte[]... content) {
        return tlv(0xA0 | tag, concat(content));
    }

    /** {@code [n] IMPLICIT} of a primitive type: the value's octets under a context-specific tag. */
    static byte[] implicit(int tag, byte[] octets) {
        return tlv(0x80 | tag, octets);
    }

    /**
     * The contents of the subjectPublicKey BIT STRING of a SubjectPublicKeyInfo, without its
     * unused-bits octet: the bits RFC 5280 §4.2.1.2 hashes for a key identifier.
     */
    static byte[] subjectPublicKeyBits(byte[] spki) {
        int[] outer = header(spki, 0);
        int algorithm = outer[0];
        int[] alg = header(spki, algorithm);
        int bits = alg[0] + alg[1];
        int[] key = header(spki, bits);
        if (spki[bits] != 0x03 || key[1] < 1) {
            throw new IllegalArgumentException("Not a SubjectPublicKeyInfo");
        }
        byte[] out = new byte[key[1] - 1];
        System.arraycopy(spki, key[0] + 1, out, 0, out.length);
        return out;
    }

    /** The offset of the contents and their length, for the TLV at {@code at}. */
    private static int[] header(byte[] der, int at) {
        int first = der[at + 1] & 0xFF;
        if (first < 0x80) {
            return new int[] {at + 2, first};
        }
        int n = first & 0x7F;
        int length = 0;
        for (int i = 0; i < n; i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xFF);
        }
        return new int[] {at + 2 + n, length};
    }

    static byte[] tlv(int tag, byte[] content) {
        int length = content.length;
        int lengthOctets = length < 0x80 ? 0 : length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
        byte[] out = new byte[2 + lengthOctets + length];
        out[0] = (byte) tag;
        if (lengthOctets == 0) {
            out[1] = (byte) length;
        } else {
            out[1] = (byte) (0x80 | lengthOctets);
            for (int i = 0; i < lengthOctets; i++) {
                out[2 + i] = (byte) (length >>> (8 * (lengthOctets - 1 - i)));
            }
        }
        System.arraycopy(content, 0, out, 2 + lengthOctets, length);
        return out;
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = 1;
        while (groups < 10 && (value >>> (7 * groups)) != 0) {
            groups++;
        }
        for (int i = groups - 1; i >= 0; i--) {
            int b = (int) ((value >>> (7 * i)) & 0x7F);
            out.write(i == 0 ? b : b | 0x80);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
