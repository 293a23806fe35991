package dev.imapmock.sandbox.smtp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads command lines and the message after DATA from one connection's input. Not thread-safe: one
 * session reads with it.
 */
final class LineReader {
    /**
     * The longest text line of a message, CRLF included (RFC 5321 §4.5.3.1.6), so 998 characters
     * before the CRLF.
     */
    static final int MAX_TEXT_LINE = 1000;

    private final BufferedInputStream in;

    LineReader(InputStream in) {
        this.in = new BufferedInputStream(in, 8192);
    }

    /** What one read of a command line found. */
    sealed interface Line {
        /** A line without its line end; a CRLF or, leniently, a bare LF ended it. */
        record Text(byte[] bytes) implements Line {
        }

        /** A line longer than the limit; it was read to its end and dropped. */
        record TooLong() implements Line {
        }

        /** The client closed the connection (a last line without line end is dropped). */
        record End() implements Line {
        }
    }

    /** Reads one command line of at most {@code max} octets, its CRLF included. */
    Line readLine(int max) throws IOException {
        byte[] buffer = new byte[Math.min(max, 1024)];
        int length = 0;
        boolean tooLong = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return new Line.End();
            }
            if (b == '\n') {
                if (tooLong) {
                    return new Line.TooLong();
                }
                int end = length > 0 && buffer[length - 1] == '\r' ? length - 1 : length;
                return new Line.Text(Arrays.copyOf(buffer, end));
            }
            if (tooLong) {
                continue;
            }
            if (length + 2 > max) {
                tooLong = true;
                continue;
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(max, buffer.length * 2));
            }
            buffer[length++] = (byte) b;
        }
    }

    /**
     * Reads the message that follows DATA up to the line {@code .} (RFC 5321 §4.1.1.4), removing the
     * dot that the client added before each line starting with a dot (§4.5.2). Only a CRLF ends a line
     * here: a bare LF stays part of the message, and neither {@code LF.LF} nor {@code LF.CRLF} ends it
     * (the "SMTP smuggling" ambiguity). Reads to the end of the data even when the message is too big
     * to keep or has a line that is too long, so that the connection stays in step.
     *
     * @throws EOFException when the connection ends before the data does
     */
    Message readMessage(long maxSize) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(4096);
        byte[] line = new byte[MAX_TEXT_LINE];
        long size = 0;
        long lineNumber = 0;
        long firstLongLine = 0;
        boolean atLineStart = true;
        while (true) {
            int length = 0;
            int previous = -1;
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new EOFException("The connection ended inside DATA");
                }
                if (length < line.length) {
                    line[length] = (byte) b;
                }
                length++;
                previous = b;
            }
            if (length < line.length) {
                line[length] = '\n';
            }
            length++;
            lineNumber++;
            boolean crlf = previous == '\r';
            if (atLineStart && crlf && length == 3 && line[0] == '.') {
                return new Message(kept == null ? null : kept.toByteArray(), size, size > maxSize, firstLongLine);
            }
            int from = atLineStart && line[0] == '.' ? 1 : 0;
            size += length - from;
            if (length > line.length && firstLongLine == 0) {
                firstLongLine = lineNumber;
            }
            if (kept != null && (size > maxSize || firstLongLine > 0)) {
                kept = null;
            }
            if (kept != null) {
                kept.write(line, from, length - from);
            }
            atLineStart = crlf;
        }
    }

    /** True when octets the client sent are waiting to be read, so replies may be held back (RFC 2920 §3.2). */
    boolean hasBufferedInput() throws IOException {
        return in.available() > 0;
    }

    /**
     * What DATA carried: {@code bytes} the message as sent, null when it was too big or had a line that
     * is too long; {@code size} its octets; {@code firstLongLine} the number of the first line longer
     * than {@link #MAX_TEXT_LINE}, 0 for none.
     */
    record Message(byte[] bytes, long size, boolean tooBig, long firstLongLine) {
    }
}
