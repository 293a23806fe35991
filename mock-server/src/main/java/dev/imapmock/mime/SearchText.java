package dev.imapmock.mime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Builds the decoded text that SEARCH matches against, and matches a needle against it without
 * building it where the octets give the same answer; nothing is cached.
 */
final class SearchText {
    private SearchText() {
    }

    /** The header's fields as SEARCH TEXT reads them, one {@link #fieldLine} a line, each ending in LF. */
    static String header(byte[] m, MimePart part) {
        StringBuilder sb = new StringBuilder();
        int[] fields = part.fields();
        for (int i = 0, n = fields.length - 1; i < n; i++) {
            sb.append(fieldLine(m, fields[i], fields[i + 1])).append('\n');
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
        Content c = Content.of(m, part);
        return Decoding.text(c.octets(), c.from(), c.to(), part.parameter("charset"));
    }

    /** A leaf's content with its transfer encoding undone: the message's own octets unless encoded. */
    private record Content(byte[] octets, int from, int to) {
        static Content of(byte[] m, MimePart part) {
            String cte = part.contentTransferEncoding();
            if (cte.equalsIgnoreCase("base64")) {
                byte[] decoded = Decoding.base64(m, part.bodyStart(), part.bodyEnd());
                return new Content(decoded, 0, decoded.length);
            }
            if (cte.equalsIgnoreCase("quoted-printable")) {
                byte[] decoded = Decoding.quotedPrintable(m, part.bodyStart(), part.bodyEnd(), false);
                return new Content(decoded, 0, decoded.length);
            }
            return new Content(m, part.bodyStart(), part.bodyEnd());
        }
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

    /**
     * Whether {@link #header header(m, part)}, lowered, holds {@code lowerNeedle} (lowered, without
     * LF), with the same answer as building that text. The text joins one line per field, so the
     * needle is looked for field by field. A needle of ASCII letters and digits is matched in the
     * octets of each field that is ASCII without encoded words and whose only CRs end lines: such
     * a needle cannot reach across the {@code ": "} the text puts after a name, and the text
     * differs from the octets only there and in the line breaks that unfolding drops.
     */
    static boolean headerContains(byte[] m, MimePart part, String lowerNeedle) {
        boolean octets = AsciiMatch.isLetterOrDigitRun(lowerNeedle);
        int[] fields = part.fields();
        for (int i = 0, n = fields.length - 1; i < n; i++) {
            int from = fields[i];
            int to = fields[i + 1];
            boolean hit = octets && plainField(m, from, to)
                    ? AsciiMatch.containsSkippingLineBreaks(m, from, to, lowerNeedle, false)
                    : fieldLine(m, from, to).toLowerCase(Locale.ROOT).contains(lowerNeedle);
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /** One field as {@link #header} writes it, without the LF that ends its line. */
    private static String fieldLine(byte[] m, int p, int fe) {
        String name = Headers.name(m, p, fe);
        int colon = name == null ? -1 : Headers.colonAfterName(m, p, fe, name.toLowerCase(Locale.ROOT));
        if (colon < 0) {
            return Headers.valueWithoutLineBreaks(m, p, fe);
        }
        return name + ": " + Decoding.decodeEncodedWords(Headers.valueWithoutLineBreaks(m, colon, fe));
    }

    /** ASCII, no {@code =?}, and every CR followed by LF. */
    private static boolean plainField(byte[] m, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = m[i];
            if (b < 0 || (b == '=' && i + 1 < to && m[i + 1] == '?')
                    || (b == '\r' && (i + 1 == to || m[i + 1] != '\n'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the body text that {@link #body} collects, lowered, holds {@code lowerNeedle}
     * (lowered, ASCII, without LF), with the same answer as building that text: the text joins
     * its pieces with LF, so each text part and embedded header is looked at on its own.
     */
    static boolean bodyContains(byte[] m, MimePart part, String lowerNeedle) {
        if (part.isMultipart()) {
            for (MimePart child : part.children()) {
                if (bodyContains(m, child, lowerNeedle)) {
                    return true;
                }
            }
            return false;
        }
        if (part.embeddedMessage().isPresent()) {
            MimePart inner = part.embeddedMessage().get();
            return headerContains(m, inner, lowerNeedle) || bodyContains(m, inner, lowerNeedle);
        }
        return part.isText() && leafContains(m, part, lowerNeedle);
    }

    /**
     * Whether {@link #leafText leafText(m, part)}, lowered, holds {@code lowerNeedle} (lowered,
     * ASCII). The content, its transfer encoding undone, is matched in its octets when its charset
     * decodes every ASCII octet as itself and nothing else as ASCII: then an octet match is a match
     * in the text, and the text can hold no other. Lowering adds ASCII letters in two places only,
     * U+0130 (to "i" and a combining dot) and U+212A KELVIN SIGN (to "k"), so for a needle with an
     * i or a k, content holding their UTF-8 octets is decoded and compared the long way.
     */
    private static boolean leafContains(byte[] m, MimePart part, String lowerNeedle) {
        Content c = Content.of(m, part);
        byte[] octets = c.octets();
        int from = c.from();
        int to = c.to();
        String charset = part.parameter("charset");
        if (asciiTransparent(charset)) {
            if (AsciiMatch.contains(octets, from, to, lowerNeedle)) {
                return true;
            }
            if ((lowerNeedle.indexOf('i') < 0 && lowerNeedle.indexOf('k') < 0) || !lowersIntoAscii(octets, from, to)) {
                return false;
            }
        }
        return Decoding.text(octets, from, to, charset).toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    /**
     * Whether {@link Decoding#text} decodes with this charset every ASCII octet as that character
     * and no other octet as an ASCII one: no charset or an unknown one (ASCII, else UTF-8, else
     * ISO-8859-1), US-ASCII, UTF-8, ISO-8859-1 and windows-1252.
     */
    static boolean asciiTransparent(String charsetName) {
        Charset cs = charsetName == null ? null : Decoding.charset(charsetName);
        return cs == null || cs.equals(StandardCharsets.US_ASCII) || cs.equals(StandardCharsets.UTF_8)
                || cs.equals(StandardCharsets.ISO_8859_1) || cs.name().equals("windows-1252");
    }

    /** Whether the octets hold the UTF-8 of U+0130 (C4 B0) or U+212A (E2 84 AA). */
    private static boolean lowersIntoAscii(byte[] octets, int from, int to) {
        if (AsciiMatch.isAscii(octets, from, to)) {
            return false;
        }
        for (int i = from; i + 1 < to; i++) {
            if ((octets[i] == (byte) 0xC4 && octets[i + 1] == (byte) 0xB0)
                    || (octets[i] == (byte) 0xE2 && octets[i + 1] == (byte) 0x84 && i + 2 < to
                    && octets[i + 2] == (byte) 0xAA)) {
                return true;
            }
        }
        return false;
    }
}
