package dev.imapmock.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes responses (RFC 3501 §7) into its own buffer, which reaches {@code out} when full and on
 * {@link #flush()}: once per command, so a multi-line answer leaves in as few packets as
 * possible. Large octet runs (message bodies) go to {@code out} without a copy. One writer per
 * connection; not thread-safe.
 */
public final class ResponseWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int BUFFER = 64 * 1024;

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int count;
    private ResponseCapture capture;

    /**
     * A writer whose output goes to {@code out}; nothing is sent before a flush or a full buffer.
     *
     * @param out the connection's stream (after any TLS, compression and fault layers); never closed here
     */
    public ResponseWriter(OutputStream out) {
        this.out = out;
    }

    /** Starts keeping the first lines written, for the journal. */
    public void startCapture() {
        capture = new ResponseCapture();
    }

    /**
     * The lines kept since {@link #startCapture()}, and stops keeping; empty when not capturing.
     *
     * @return the captured lines, each without CRLF, a literal's octets replaced by a short note; empty when
     * {@link #startCapture()} was not called
     */
    public java.util.List<String> takeCapture() {
        ResponseCapture taken = capture;
        capture = null;
        return taken == null ? java.util.List.of() : taken.lines();
    }

    /**
     * Writes {@code * text}; {@code text} must be ASCII without CR or LF, but for the UTF-8 of
     * mailbox names a session that speaks UTF-8 receives (RFC 6855 §3), which is sent as UTF-8.
     *
     * @param text the response after {@code "* "}, without CRLF
     * @throws IOException when the stream fails while the buffer drains
     */
    public void untagged(String text) throws IOException {
        ascii("* ");
        ascii(text);
        write(CRLF, 0, 2);
    }

    /**
     * Writes bytes as they are, such as an encoded ENVELOPE.
     *
     * @param bytes the source octets, sent without checks
     * @param offset where in {@code bytes} to start
     * @param length how many octets to send
     * @throws IOException when the stream fails
     */
    public void raw(byte[] bytes, int offset, int length) throws IOException {
        write(bytes, offset, length);
    }

    /**
     * Writes a literal, {@code {n}} CRLF and the octets, streamed from the stored bytes.
     *
     * @param bytes the stored octets
     * @param offset where in {@code bytes} the literal's content starts
     * @param length the number of octets, also written as {@code n}
     * @throws IOException when the stream fails
     */
    public void literal(byte[] bytes, int offset, int length) throws IOException {
        literal(bytes, offset, length, false);
    }

    /**
     * Writes a literal, or with {@code literal8} a literal8 {@code ~{n}} (RFC 3516 §4.3), whose
     * octets may include NUL.
     *
     * @param bytes the stored octets
     * @param offset where in {@code bytes} the literal's content starts
     * @param length the number of octets, also written as {@code n}
     * @param literal8 true for {@code ~{n}}, false for a plain {@code {n}}
     * @throws IOException when the stream fails
     */
    public void literal(byte[] bytes, int offset, int length, boolean literal8) throws IOException {
        if (literal8) {
            ascii("~");
        }
        ResponseCapture kept = capture;
        capture = null;
        ascii("{" + length + "}\r\n");
        write(bytes, offset, length);
        capture = kept;
        if (kept != null && !kept.full()) {
            kept.literal(length);
        }
    }

    /**
     * Writes text that is known to be ASCII (numbers, atoms, flag names).
     *
     * @param ascii the text; a char above 0x7f would be written as UTF-8, not checked
     * @throws IOException when the stream fails
     */
    public void raw(String ascii) throws IOException {
        ascii(ascii);
    }

    /**
     * Writes a status response: {@code tag status [code] text}, or {@code *} for a null tag.
     *
     * @param tag the command's tag, or null for an untagged response
     * @param status the condition
     * @param code the response code without brackets (e.g. {@code UIDNEXT 5}), or null for none
     * @param text the human-readable text; CR, LF and controls become spaces, non-ASCII becomes {@code ?}
     * @throws IOException when the stream fails
     */
    public void status(String tag, Status status, String code, String text) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(tag == null ? "*" : tag).append(' ').append(status.name()).append(' ');
        if (code != null) {
            sb.append('[').append(code).append("] ");
        }
        sb.append(text);
        byte[] line = sanitize(sb.toString());
        write(line, 0, line.length);
        write(CRLF, 0, 2);
    }

    /**
     * Sends a continuation request and flushes: the client waits for it.
     *
     * @param text the text after {@code "+ "}, sanitized like a status text; may be empty
     * @throws IOException when the stream fails
     */
    public void continuation(String text) throws IOException {
        ascii("+ ");
        byte[] line = sanitize(text);
        write(line, 0, line.length);
        write(CRLF, 0, 2);
        flush();
    }

    /**
     * Sends everything written so far.
     *
     * @throws IOException when the stream fails
     */
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    private void ascii(String text) throws IOException {
        if (capture != null && !capture.full()) {
            capture.text(text);
        }
        int length = text.length();
        if (length > BUFFER - count) {
            drain();
            if (length > BUFFER) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                return;
            }
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                byte[] rest = text.substring(i).getBytes(StandardCharsets.UTF_8);
                ResponseCapture kept = capture;
                capture = null;
                write(rest, 0, rest.length);
                capture = kept;
                return;
            }
            buf[count++] = (byte) c;
        }
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (capture != null && !capture.full()) {
            capture.bytes(bytes, offset, length);
        }
        if (length > BUFFER - count) {
            drain();
            if (length >= BUFFER / 2) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buf, count, length);
        count += length;
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
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
    public enum Status {
        /** The command succeeded; untagged, an information or a greeting. */
        OK,
        /** The command failed for a reason of the mailbox or the server; the client may retry. */
        NO,
        /** The command was not understood or is not allowed in the session's state. */
        BAD,
        /** A greeting for a connection that is already authenticated (RFC 3501 section 7.1.4). */
        PREAUTH,
        /** The server is about to close the connection. */
        BYE
    }
}
