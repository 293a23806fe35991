package dev.imapmock.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits what a server sent into response lines, taking literals ({@code {n}} CRLF octets) as part of their line. */
final class Wire {
    private static final Pattern LITERAL_AT_END = Pattern.compile("\\{(\\d+)\\}$");

    private Wire() {
    }

    /**
     * The response lines in {@code bytes}, each without CRLF and with every literal's octets
     * replaced by {@code <n octets>}; a line cut short by the end of the stream is kept as it is.
     */
    static List<String> lines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int i = 0;
        while (i < bytes.length) {
            int lf = indexOf(bytes, (byte) '\n', i);
            if (lf < 0) {
                line.append(new String(bytes, i, bytes.length - i, StandardCharsets.ISO_8859_1));
                break;
            }
            int end = lf > i && bytes[lf - 1] == '\r' ? lf - 1 : lf;
            String part = new String(bytes, i, end - i, StandardCharsets.ISO_8859_1);
            line.append(part);
            i = lf + 1;
            Matcher m = LITERAL_AT_END.matcher(part);
            if (m.find()) {
                long n = Long.parseLong(m.group(1));
                int skip = (int) Math.min(n, bytes.length - i);
                line.append("<").append(n).append(" octets>");
                i += skip;
                continue;
            }
            lines.add(line.toString());
            line.setLength(0);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
