package dev.imapmock.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the MIME tree in one forward pass. Boundaries work like Dovecot's: a line is a boundary
 * line when it starts with {@code "--"} and the boundary of the current multipart or of any
 * enclosing one (the longest that matches); an enclosing boundary closes every multipart inside
 * it, so a missing close delimiter costs nothing. Not thread-safe; one instance per parse.
 */
final class MimeParser {
    /** Parts nested deeper than this are leaves: their multipart or message body is not split. */
    static final int MAX_DEPTH = 50;

    private final byte[] m;
    private final int limit;
    private final byte[][] boundaries = new byte[MAX_DEPTH + 1][];
    private int boundaryCount;
    /** Where the last parsed entity stopped: the start of a boundary line, or the end of the message. */
    private int stop;
    /** The field starts of the header being read, reused from entity to entity. */
    private int[] starts = new int[32];

    MimeParser(byte[] message) {
        this.m = message;
        this.limit = message.length;
    }

    MimePart parseMessage() {
        return parseEntity(0, 0, false);
    }

    private MimePart parseEntity(int start, int depth, boolean inDigest) {
        int p = start;
        int ctColon = -1;
        int ctEnd = -1;
        int bodyStart;
        boolean headerCut = false;
        int fieldCount = 0;
        while (true) {
            if (p >= limit) {
                bodyStart = limit;
                headerCut = true;
                stop = limit;
                break;
            }
            if (Headers.isBlankLine(m, p, limit)) {
                bodyStart = Headers.lineEnd(m, p, limit);
                break;
            }
            if (m[p] == '-' && boundaryCount > 0 && matchBoundary(p) >= 0) {
                bodyStart = withoutLineBreakBefore(p, start);
                headerCut = true;
                stop = p;
                break;
            }
            int fe = Headers.fieldEnd(m, p, limit);
            if (fieldCount == starts.length) {
                starts = Arrays.copyOf(starts, fieldCount * 2);
            }
            starts[fieldCount++] = p;
            if (ctColon < 0 && (m[p] == 'c' || m[p] == 'C')) {
                int colon = Headers.colonAfterName(m, p, fe, "content-type");
                if (colon >= 0) {
                    ctColon = colon;
                    ctEnd = fe;
                }
            }
            p = fe;
        }
        int[] fields = Arrays.copyOf(starts, fieldCount + 1);
        fields[fieldCount] = Math.min(p, bodyStart);

        String type;
        String subtype;
        List<Parameter> params;
        if (ctColon >= 0) {
            MimeValues.ContentType ct = MimeValues.contentType(Headers.valueWithoutLineBreaks(m, ctColon, ctEnd));
            type = ct.type();
            subtype = ct.subtype();
            params = List.copyOf(ct.parameters());
        } else {
            type = inDigest ? "message" : "text";
            subtype = inDigest ? "rfc822" : "plain";
            params = List.of();
        }

        if (headerCut) {
            int end = bodyStart;
            MimePart embedded = isRfc822(type, subtype) ? emptyPart(end) : null;
            return new MimePart(m, start, bodyStart, fields, end, type, subtype, params, List.of(), embedded);
        }
        boolean descend = depth < MAX_DEPTH;
        if (type.equalsIgnoreCase("multipart")) {
            String boundary = parameter(params, "boundary");
            if (descend && boundary != null && !boundary.isEmpty()) {
                return parseMultipart(start, bodyStart, fields, depth, type, subtype, params, boundary);
            }
        } else if (descend && isRfc822(type, subtype)) {
            MimePart embedded = parseEntity(bodyStart, depth + 1, false);
            return new MimePart(m, start, bodyStart, fields, embedded.bodyEnd(), type, subtype, params, List.of(), embedded);
        }
        int end = leafEnd(bodyStart);
        return new MimePart(m, start, bodyStart, fields, end, type, subtype, params, List.of(), null);
    }

    private MimePart parseMultipart(int start, int bodyStart, int[] fields, int depth, String type, String subtype,
                                    List<Parameter> params, String boundary) {
        boolean digest = subtype.equalsIgnoreCase("digest");
        int level = boundaryCount;
        boundaries[boundaryCount++] = boundary.getBytes(StandardCharsets.UTF_8);
        List<MimePart> children = new ArrayList<>();
        int end;
        int q = findBoundaryLine(bodyStart);
        while (true) {
            if (q >= limit) {
                end = limit;
                stop = limit;
                boundaryCount = level;
                break;
            }
            int match = matchBoundary(q);
            if (match >> 1 != level) {
                end = withoutLineBreakBefore(q, bodyStart);
                stop = q;
                boundaryCount = level;
                break;
            }
            if ((match & 1) == 1) {
                // The epilogue: the close delimiter's own line break stays in this body (Dovecot counts it).
                boundaryCount = level;
                int epilogue = Headers.lineEnd(m, q, limit);
                stop = boundaryCount > 0 ? findBoundaryLine(epilogue) : limit;
                end = stop == limit ? limit : withoutLineBreakBefore(stop, epilogue);
                break;
            }
            children.add(parseEntity(Headers.lineEnd(m, q, limit), depth + 1, digest));
            q = stop;
        }
        return new MimePart(m, start, bodyStart, fields, end, type, subtype, params, List.copyOf(children), null);
    }

    /**
     * Leaf body end: before the line break that precedes the next boundary line of any enclosing
     * multipart, or the message end (a body cut short keeps its last line break).
     */
    private int leafEnd(int bodyStart) {
        if (boundaryCount == 0) {
            stop = limit;
            return limit;
        }
        stop = findBoundaryLine(bodyStart);
        return stop == limit ? limit : withoutLineBreakBefore(stop, bodyStart);
    }

    /** The first boundary line at or after line start {@code p}, or {@code limit}. */
    private int findBoundaryLine(int p) {
        while (p < limit) {
            if (m[p] == '-' && matchBoundary(p) >= 0) {
                return p;
            }
            int nl = p;
            while (nl < limit && m[nl] != '\n') {
                nl++;
            }
            p = nl + 1;
        }
        return limit;
    }

    /**
     * If the line at {@code p} is a boundary line, {@code level * 2 + (close ? 1 : 0)} for the
     * longest matching boundary (innermost on a tie); otherwise -1.
     */
    private int matchBoundary(int p) {
        if (p + 1 >= limit || m[p] != '-' || m[p + 1] != '-') {
            return -1;
        }
        int best = -1;
        int bestLength = -1;
        for (int level = boundaryCount - 1; level >= 0; level--) {
            byte[] b = boundaries[level];
            if (b.length > bestLength && startsWith(p + 2, b)) {
                best = level;
                bestLength = b.length;
            }
        }
        if (best < 0) {
            return -1;
        }
        int after = p + 2 + bestLength;
        boolean close = after + 1 < limit && m[after] == '-' && m[after + 1] == '-';
        return best * 2 + (close ? 1 : 0);
    }

    private boolean startsWith(int p, byte[] b) {
        if (p + b.length > limit) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (m[p + i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code lineStart} minus the CRLF or LF before it, never below {@code floor}. */
    private int withoutLineBreakBefore(int lineStart, int floor) {
        int e = lineStart;
        if (e > floor && m[e - 1] == '\n') {
            e--;
            if (e > floor && m[e - 1] == '\r') {
                e--;
            }
        }
        return e;
    }

    private MimePart emptyPart(int at) {
        return new MimePart(m, at, at, new int[] {at}, at, "text", "plain", List.of(), List.of(), null);
    }

    private static boolean isRfc822(String type, String subtype) {
        return type.equalsIgnoreCase("message") && subtype.equalsIgnoreCase("rfc822");
    }

    private static String parameter(List<Parameter> params, String name) {
        for (Parameter p : params) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }
}
