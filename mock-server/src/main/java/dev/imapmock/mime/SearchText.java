package dev.imapmock.mime;

/** Builds the decoded text that SEARCH matches against; nothing is cached. */
final class SearchText {
    private SearchText() {
    }

    static String header(byte[] m, MimePart part) {
        StringBuilder sb = new StringBuilder();
        int p = part.headerStart();
        int end = part.bodyStart();
        while (p < end && !Headers.isBlankLine(m, p, end)) {
            int fe = Headers.fieldEnd(m, p, end);
            String name = Headers.name(m, p, fe);
            int colon = name == null ? -1 : Headers.colonAfterName(m, p, fe, name.toLowerCase(java.util.Locale.ROOT));
            if (colon < 0) {
                sb.append(Headers.valueWithoutLineBreaks(m, p, fe));
            } else {
                sb.append(name).append(": ")
                        .append(Decoding.decodeEncodedWords(Headers.valueWithoutLineBreaks(m, colon, fe)));
            }
            sb.append('\n');
            p = fe;
        }
        return sb.toString();
    }

    /**
     * One value of an address field as SEARCH FROM/TO/CC/BCC see it: the list parsed and written
     * in {@link AddressText}'s normal form, then its RFC 2047 words decoded, as Dovecot does.
     */
    static String addresses(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        AddressText.write(AddressParser.parse(value), sb);
        return Decoding.decodeEncodedWords(sb.toString());
    }

    /** The decoded text of a text part, or null for a part that holds no text of its own. */
    static String leafText(byte[] m, MimePart part) {
        if (part.isMultipart() || part.embeddedMessage().isPresent() || !part.isText()) {
            return null;
        }
        String cte = part.contentTransferEncoding();
        if (cte.equalsIgnoreCase("base64")) {
            return Decoding.text(Decoding.base64(m, part.bodyStart(), part.bodyEnd()), part.parameter("charset"));
        }
        if (cte.equalsIgnoreCase("quoted-printable")) {
            return Decoding.text(Decoding.quotedPrintable(m, part.bodyStart(), part.bodyEnd(), false),
                    part.parameter("charset"));
        }
        return Decoding.text(m, part.bodyStart(), part.bodyEnd(), part.parameter("charset"));
    }

    static void body(byte[] m, MimePart part, StringBuilder sb) {
        if (part.isMultipart()) {
            for (MimePart child : part.children()) {
                body(m, child, sb);
            }
        } else if (part.embeddedMessage().isPresent()) {
            MimePart inner = part.embeddedMessage().get();
            sb.append(header(m, inner));
            body(m, inner, sb);
        } else if (part.isText()) {
            sb.append(leafText(m, part)).append('\n');
        }
    }
}
