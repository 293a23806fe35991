package dev.imapmock.mime;

import java.util.Locale;
import java.util.Map;

/**
 * The visible text of an HTML part, for a preview: tags and comments removed, the content of
 * {@code script}, {@code style} and {@code head} elements dropped, the common named entities
 * and numeric character references decoded. Not a full HTML parser: enough for a preview.
 */
final class Html {
    private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ");

    private Html() {
    }

    static String text(String html) {
        StringBuilder out = new StringBuilder(Math.min(html.length(), 4096));
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                i = skipMarkup(html, i);
                out.append(' ');
            } else if (c == '&') {
                i = entity(html, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Skips a tag or comment starting at {@code from}, and the whole element for script, style and head. */
    private static int skipMarkup(String html, int from) {
        if (html.startsWith("<!--", from)) {
            int end = html.indexOf("-->", from + 4);
            return end < 0 ? html.length() : end + 3;
        }
        int end = html.indexOf('>', from);
        if (end < 0) {
            return html.length();
        }
        String name = tagName(html, from + 1, end);
        if (name.equals("script") || name.equals("style") || name.equals("head")) {
            int close = html.toLowerCase(Locale.ROOT).indexOf("</" + name, end);
            if (close < 0) {
                return html.length();
            }
            int closeEnd = html.indexOf('>', close);
            return closeEnd < 0 ? html.length() : closeEnd + 1;
        }
        return end + 1;
    }

    private static String tagName(String html, int from, int end) {
        int i = from;
        while (i < end && (Character.isLetterOrDigit(html.charAt(i)))) {
            i++;
        }
        return html.substring(from, i).toLowerCase(Locale.ROOT);
    }

    private static int entity(String html, int from, StringBuilder out) {
        int semi = html.indexOf(';', from);
        if (semi < 0 || semi - from > 10) {
            out.append('&');
            return from + 1;
        }
        String name = html.substring(from + 1, semi);
        String named = ENTITIES.get(name.toLowerCase(Locale.ROOT));
        if (named != null) {
            out.append(named);
            return semi + 1;
        }
        if (name.startsWith("#")) {
            try {
                int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                if (Character.isValidCodePoint(code)) {
                    out.appendCodePoint(code);
                    return semi + 1;
                }
            } catch (NumberFormatException ignored) {
                // Not a reference: kept as text below.
            }
        }
        out.append('&');
        return from + 1;
    }
}
