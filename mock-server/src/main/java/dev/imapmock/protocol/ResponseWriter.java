package dev.imapmock.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes responses (RFC 3501 §7) into a buffer that reaches the socket on {@link #flush()}: once
 * per command, so a multi-line answer leaves in as few packets as possible. One writer per
 * connection; not thread-safe.
 */
public final class ResponseWriter {
    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;

    /** {@code out} should be buffered; this class flushes it once per response. */
    public ResponseWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes {@code * text}; {@code text} must be ASCII without CR or LF. */
    public void untagged(String text) throws IOException {
        out.write('*');
        out.write(' ');
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
    }

    /** Writes {@code * } and then {@code line}, which holds its own framing (literals) but no final CRLF. */
    public void untagged(ByteArrayOutputStream line) throws IOException {
        out.write('*');
        out.write(' ');
        line.writeTo(out);
        out.write(CRLF);
    }

    /** Writes bytes as they are: for data that streams a message part straight from the store. */
    public void raw(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    public void raw(String ascii) throws IOException {
        out.write(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes a status response: {@code tag status [code] text}, or {@code *} for a null tag. */
    public void status(String tag, Status status, String code, String text) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(tag == null ? "*" : tag).append(' ').append(status.name()).append(' ');
        if (code != null) {
            sb.append('[').append(code).append("] ");
        }
        sb.append(text);
        out.write(sanitize(sb.toString()));
        out.write(CRLF);
    }

    /** Sends a continuation request and flushes: the client waits for it. */
    public void continuation(String text) throws IOException {
        out.write('+');
        out.write(' ');
        out.write(sanitize(text));
        out.write(CRLF);
        out.flush();
    }

    public void flush() throws IOException {
        out.flush();
    }

    /**
     * Human text must not break the framing: CR, LF and other controls become spaces, and
     * anything outside printable ASCII becomes {@code ?}.
     */
    static byte[] sanitize(String text) {
        byte[] b = new byte[text.length()];
        for (int i = 0; i < b.length; i++) {
            char c = text.charAt(i);
            b[i] = (byte) (c < 0x20 || c == 0x7f ? ' ' : c > 0x7e ? '?' : c);
        }
        return b;
    }

    /** The status conditions of RFC 3501 §7.1. */
    public enum Status { OK, NO, BAD, PREAUTH, BYE }
}
