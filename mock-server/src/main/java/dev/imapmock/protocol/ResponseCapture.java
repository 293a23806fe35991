package dev.imapmock.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The first lines of one command's responses, as readable text for the journal: at most
 * {@link #MAX_LINES} lines of at most {@link #MAX_LINE} characters; literal data is shown as
 * {@code {n}…} instead of its octets. Capturing stops once full, so a large answer costs nothing
 * more.
 */
final class ResponseCapture {
    static final int MAX_LINES = 20;
    static final int MAX_LINE = 200;

    private final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private boolean full;

    boolean full() {
        return full;
    }

    void text(CharSequence text) {
        for (int i = 0; i < text.length() && !full; i++) {
            character(text.charAt(i));
        }
    }

    void bytes(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length && !full; i++) {
            character((char) (bytes[i] & 0xff));
        }
    }

    /** Literal data: only its size is shown, as {@code {n}…}. */
    void literal(int length) {
        if (!full && line.length() < MAX_LINE) {
            line.append('{').append(length).append("}\u2026");
        }
    }

    private void character(char c) {
        if (c == '\r') {
            return;
        }
        if (c == '\n') {
            lines.add(line.toString());
            line.setLength(0);
            if (lines.size() == MAX_LINES) {
                full = true;
            }
        } else if (line.length() < MAX_LINE) {
            line.append(c < 0x20 || c > 0x7e ? '?' : c);
        } else if (line.length() == MAX_LINE) {
            line.append('\u2026');
        }
    }

    /** The lines captured; a last line without its end, then a note when capturing stopped early. */
    List<String> lines() {
        List<String> result = new ArrayList<>(lines);
        if (line.length() > 0) {
            result.add(line.toString());
        }
        if (full) {
            result.add("\u2026");
        }
        return result;
    }
}
