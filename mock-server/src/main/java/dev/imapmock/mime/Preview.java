package dev.imapmock.mime;

/**
 * The preview of a message (RFC 8970): a short plain text taken from its first text part, as
 * Dovecot 2.3 makes it. The part is the first text/plain leaf, else the first text/html one,
 * that is not an attachment; multipart/alternative offers its text/plain version first.
 * Quoted lines ({@code >}) are left out, HTML loses its tags, comments, scripts and styles and
 * has its entities decoded, runs of white space become one space, and the result is cut to
 * {@link #MAX} characters. A message without such a part has the empty preview.
 */
final class Preview {
    /** Dovecot's length; RFC 8970 §3 allows up to 256 characters. */
    static final int MAX = 200;

    private Preview() {
    }

    static String of(byte[] m, MimePart root) {
        MimePart part = find(root, "plain");
        boolean html = false;
        if (part == null) {
            part = find(root, "html");
            html = part != null;
        }
        if (part == null) {
            return "";
        }
        String text = SearchText.leafText(m, part);
        return collapse(html ? Html.text(text) : withoutQuotes(text));
    }

    /** The first text/{@code subtype} leaf that is not an attachment, depth first. */
    private static MimePart find(MimePart part, String subtype) {
        if (part.isMultipart()) {
            for (MimePart child : part.children()) {
                MimePart found = find(child, subtype);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (part.embeddedMessage().isPresent() || !part.isText() || !part.subtype().equalsIgnoreCase(subtype)) {
            return null;
        }
        Disposition disposition = part.disposition();
        return disposition != null && disposition.type().equalsIgnoreCase("attachment") ? null : part;
    }

    private static String withoutQuotes(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 4 * MAX));
        int lineStart = 0;
        while (lineStart < text.length() && sb.length() < 4 * MAX) {
            int end = text.indexOf('\n', lineStart);
            if (end < 0) {
                end = text.length();
            }
            if (lineStart == end || text.charAt(lineStart) != '>') {
                sb.append(text, lineStart, end).append(' ');
            }
            lineStart = end + 1;
        }
        return sb.toString();
    }

    /** White space runs become one space, the ends are trimmed, and at most {@link #MAX} characters stay. */
    private static String collapse(String text) {
        StringBuilder sb = new StringBuilder(MAX);
        int count = 0;
        boolean space = false;
        for (int i = 0; i < text.length() && count < MAX; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                count++;
                space = false;
                if (count == MAX) {
                    break;
                }
            }
            sb.appendCodePoint(c);
            count++;
        }
        return sb.toString();
    }
}
