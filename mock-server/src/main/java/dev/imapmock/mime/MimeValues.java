package dev.imapmock.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Lenient readers for the structured MIME header values of RFC 2045/2183/3282: Content-Type,
 * Content-Disposition and Content-Language. Comments and white space are skipped wherever the
 * grammar allows them. Parameters stop at the first one that does not parse, as in Dovecot;
 * RFC 2231 sections ({@code name*0=}, {@code name*=}) are reported as sent.
 */
final class MimeValues extends HeaderScanner {

    private MimeValues(String s) {
        super(s);
    }

    /** Type and subtype exactly as sent; empty strings where the value lacks them. */
    record ContentType(String type, String subtype, List<Parameter> parameters) {
    }

    static ContentType contentType(String value) {
        MimeValues r = new MimeValues(value);
        r.skipCfws();
        String type = r.token();
        r.skipCfws();
        if (!r.eat('/')) {
            return new ContentType(type, "", List.of());
        }
        r.skipCfws();
        String subtype = r.token();
        return new ContentType(type, subtype, r.parameters());
    }

    /** The disposition, or null when the value holds no disposition type. */
    static Disposition disposition(String value) {
        MimeValues r = new MimeValues(value);
        r.skipCfws();
        String type = r.token();
        if (type.isEmpty()) {
            return null;
        }
        return new Disposition(type, r.parameters());
    }

    /** The language tags of a Content-Language value, in order. */
    static List<String> languages(String value) {
        MimeValues r = new MimeValues(value);
        List<String> tags = new ArrayList<>(2);
        while (true) {
            r.skipCfws();
            String tag = r.token();
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
            r.skipCfws();
            if (!r.eat(',')) {
                return tags;
            }
        }
    }

    private List<Parameter> parameters() {
        List<Parameter> params = new ArrayList<>(2);
        while (true) {
            skipCfws();
            if (!eat(';')) {
                return params;
            }
            skipCfws();
            if (pos >= s.length()) {
                return params;
            }
            String name = token();
            if (name.isEmpty()) {
                return params;
            }
            skipCfws();
            if (!eat('=')) {
                return params;
            }
            skipCfws();
            String value = pos < s.length() && s.charAt(pos) == '"' ? quoted() : token();
            params.add(new Parameter(name, value));
        }
    }

    private boolean eat(char c) {
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private String token() {
        int start = pos;
        while (pos < s.length() && isTokenChar(s.charAt(pos))) {
            pos++;
        }
        return s.substring(start, pos);
    }

    /** RFC 2045 token characters; octets above 127 are let through, as mail in the wild needs. */
    private static boolean isTokenChar(char c) {
        if (c <= ' ' || c == 0x7f) {
            return false;
        }
        return "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
    }
}
