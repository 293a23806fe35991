package dev.imapmock.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Chooses the wire form of a string (RFC 3501 §4.3): quoted when every octet is a 7-bit
 * TEXT-CHAR, with {@code "} and {@code \} escaped; a literal when the value holds CR, LF, NUL or
 * 8-bit octets, so that no value can break the framing. Dovecot makes the same choice.
 */
public final class ImapStrings {
    private static final byte[] NIL = {'N', 'I', 'L'};

    private ImapStrings() {
    }

    /**
     * Writes {@code value} as {@code NIL} when null, otherwise as {@link #writeString}.
     *
     * @param out where the bytes go
     * @param value the string's octets, or null for NIL
     */
    public static void writeNString(ByteArrayOutputStream out, byte[] value) {
        if (value == null) {
            out.writeBytes(NIL);
        } else {
            writeString(out, value);
        }
    }

    /**
     * Writes {@code value} as NIL when null, otherwise its UTF-8 bytes as {@link #writeString}.
     *
     * @param out where the bytes go
     * @param value the text, or null for NIL
     */
    public static void writeNString(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(NIL);
        } else if (!writeQuotedAscii(out, value)) {
            writeString(out, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The common case in one pass: printable ASCII, quoted straight from the chars. Returns false,
     * having written nothing, when {@code value} holds anything else.
     */
    private static boolean writeQuotedAscii(ByteArrayOutputStream out, String value) {
        int length = value.length();
        byte[] quoted = new byte[length * 2 + 2];
        int n = 0;
        quoted[n++] = '"';
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
            if (c == '"' || c == '\\') {
                quoted[n++] = '\\';
            }
            quoted[n++] = (byte) c;
        }
        quoted[n++] = '"';
        out.write(quoted, 0, n);
        return true;
    }

    /**
     * Writes {@code value} as a quoted string, or as a literal when quoting cannot carry it.
     *
     * @param out where the bytes go; nothing is written there but the string's own form
     * @param value the octets to send; empty gives {@code ""}
     */
    public static void writeString(ByteArrayOutputStream out, byte[] value) {
        if (needsLiteral(value)) {
            out.writeBytes(("{" + value.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(value);
            return;
        }
        int escapes = 0;
        for (byte b : value) {
            if (b == '"' || b == '\\') {
                escapes++;
            }
        }
        byte[] quoted = new byte[value.length + escapes + 2];
        int n = 0;
        quoted[n++] = '"';
        for (byte b : value) {
            if (b == '"' || b == '\\') {
                quoted[n++] = '\\';
            }
            quoted[n++] = b;
        }
        quoted[n] = '"';
        out.writeBytes(quoted);
    }

    /**
     * Writes the UTF-8 bytes of {@code value} as {@link #writeString}.
     *
     * @param out where the bytes go
     * @param value the text to send, not null
     */
    public static void writeString(ByteArrayOutputStream out, String value) {
        if (!writeQuotedAscii(out, value)) {
            writeString(out, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Writes {@code value} as an atom when it is a non-empty run of ATOM-CHARs, else as a string.
     * Used where the RFC allows astring (mailbox names, for instance).
     *
     * @param out where the bytes go
     * @param value the text to send, not null; empty is written as {@code ""}
     */
    public static void writeAString(ByteArrayOutputStream out, String value) {
        if (isAtom(value)) {
            out.writeBytes(value.getBytes(StandardCharsets.US_ASCII));
        } else {
            writeString(out, value);
        }
    }

    /**
     * True when {@code value} can be sent as an atom: non-empty, only ATOM-CHAR octets.
     *
     * @param value the candidate text, not null
     * @return true when every char is an ATOM-CHAR and there is at least one
     */
    public static boolean isAtom(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isAtomChar(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * ATOM-CHAR of RFC 3501 §9: any 7-bit CHAR except CTL, SP and atom-specials.
     *
     * @param c a char or octet value
     * @return true when {@code c} may appear in an atom
     */
    public static boolean isAtomChar(int c) {
        if (c <= 0x20 || c >= 0x7f) {
            return false;
        }
        return switch (c) {
            case '(', ')', '{', '%', '*', '"', '\\', ']' -> false;
            default -> true;
        };
    }

    private static boolean needsLiteral(byte[] value) {
        for (byte b : value) {
            if (b == '\r' || b == '\n' || b == 0 || (b & 0x80) != 0) {
                return true;
            }
        }
        return false;
    }
}
