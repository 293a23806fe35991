package dev.imapmock.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Same-size stand-ins for attachments: the magic octets of the type, then a recognizable pattern. */
final class Filler {
    private static final Map<String, byte[]> MAGIC = Map.of(
            "application/pdf", ascii("%PDF-1.4\n%"),
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
            "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0},
            "image/gif", ascii("GIF89a"),
            "application/zip", new byte[] {'P', 'K', 3, 4},
            "application/gzip", new byte[] {0x1f, (byte) 0x8b, 8, 0});
    private static final byte[] PATTERN = ascii("imapmock anonymized attachment filler\n");

    private Filler() {
    }

    static byte[] of(String type, int size) {
        byte[] out = new byte[size];
        byte[] magic = MAGIC.get(type);
        if (magic == null && type.startsWith("application/vnd.openxmlformats")) {
            magic = MAGIC.get("application/zip");
        }
        int n = 0;
        if (magic != null) {
            n = Math.min(size, magic.length);
            System.arraycopy(magic, 0, out, 0, n);
        }
        for (int i = n; i < size; i++) {
            out[i] = PATTERN[(i - n) % PATTERN.length];
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
