package dev.imapmock.mime;

import java.util.List;
import java.util.Optional;

/**
 * One node of a message's MIME tree, as byte offsets into the message plus its parsed
 * Content-Type. The header runs from {@link #headerStart()} to {@link #bodyStart()} and includes
 * the empty line that ends it; the body runs from {@link #bodyStart()} to {@link #bodyEnd()}. For
 * a part of a multipart the body stops before the line break that precedes the next boundary
 * line (RFC 2046 §5.1.1: that line break belongs to the boundary).
 *
 * <p>A message (the top-level one, or the one a message/rfc822 part holds) is also a part: its
 * header is the message header. Immutable and safe to share between threads; the rarely used
 * header fields (Content-ID, disposition, ...) are read from the bytes when asked for.
 */
public final class MimePart {
    private final byte[] message;
    private final int headerStart;
    private final int bodyStart;
    /**
     * Where each field of the header starts, in order, then where the last one ends: lookups
     * jump from field to field instead of scanning the header's lines again.
     */
    private final int[] fields;
    private final int bodyEnd;
    private final String type;
    private final String subtype;
    private final List<Parameter> parameters;
    private final List<MimePart> children;
    private final MimePart embedded;
    private volatile Envelope envelope;
    private int lines = -1;

    MimePart(byte[] message, int headerStart, int bodyStart, int[] fields, int bodyEnd, String type, String subtype,
             List<Parameter> parameters, List<MimePart> children, MimePart embedded) {
        this.message = message;
        this.headerStart = headerStart;
        this.bodyStart = bodyStart;
        this.fields = fields;
        this.bodyEnd = bodyEnd;
        this.type = type;
        this.subtype = subtype;
        this.parameters = parameters;
        this.children = children;
        this.embedded = embedded;
    }

    public int headerStart() {
        return headerStart;
    }

    public int bodyStart() {
        return bodyStart;
    }

    public int bodyEnd() {
        return bodyEnd;
    }

    /** Octets of the body only, never of the header: the size of BODYSTRUCTURE. */
    public int bodySize() {
        return bodyEnd - bodyStart;
    }

    /** The header, with its closing empty line when there is one. */
    public Slice header() {
        return new Slice(message, headerStart, bodyStart - headerStart);
    }

    public Slice body() {
        return new Slice(message, bodyStart, bodyEnd - bodyStart);
    }

    /** Media type as sent (case kept); {@code text}, or {@code message} in a multipart/digest, when absent. */
    public String type() {
        return type;
    }

    /** Media subtype as sent; {@code plain} (or {@code rfc822} in a digest) when absent, empty when malformed. */
    public String subtype() {
        return subtype;
    }

    /** Content-Type parameters in the order sent, values unquoted; RFC 2231 sections kept as sent. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The value of the first parameter named {@code name} (case-insensitive), or null. */
    public String parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    public boolean isText() {
        return type.equalsIgnoreCase("text");
    }

    /** True for any multipart/*, even one whose boundary never shows up (it then has no children). */
    public boolean isMultipart() {
        return type.equalsIgnoreCase("multipart");
    }

    public boolean isMessageRfc822() {
        return type.equalsIgnoreCase("message") && subtype.equalsIgnoreCase("rfc822");
    }

    /** The parts of a multipart, in order; empty for anything else. */
    public List<MimePart> children() {
        return children;
    }

    /**
     * For a message/rfc822 part, the message it holds (a part whose header is that message's
     * header). Empty for other parts, and for message/rfc822 parts nested too deep to be parsed.
     */
    public Optional<MimePart> embeddedMessage() {
        return Optional.ofNullable(embedded);
    }

    /** Content-Transfer-Encoding token as sent, {@code 7bit} when absent. */
    public String contentTransferEncoding() {
        String value = headerValue("content-transfer-encoding");
        if (value == null) {
            return "7bit";
        }
        int start = 0;
        while (start < value.length() && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        int end = start;
        while (end < value.length() && value.charAt(end) > ' ' && value.charAt(end) != '(' && value.charAt(end) != ';') {
            end++;
        }
        return end == start ? "7bit" : value.substring(start, end);
    }

    public String contentId() {
        return headerValue("content-id");
    }

    public String contentDescription() {
        return headerValue("content-description");
    }

    public String contentMd5() {
        return headerValue("content-md5");
    }

    public String contentLocation() {
        return headerValue("content-location");
    }

    /** The Content-Disposition, or null when absent or without a type. */
    public Disposition disposition() {
        String value = headerValue("content-disposition");
        return value == null ? null : MimeValues.disposition(value);
    }

    /** The Content-Language tags; empty when absent. */
    public List<String> languages() {
        String value = headerValue("content-language");
        return value == null ? List.of() : MimeValues.languages(value);
    }

    /**
     * Number of lines of the body: its LF count, as Dovecot counts (a last line without a line
     * break is not counted). Reported for text/* and message/rfc822 parts.
     */
    public int lines() {
        int n = lines;
        if (n < 0) {
            n = 0;
            for (int i = bodyStart; i < bodyEnd; i++) {
                if (message[i] == '\n') {
                    n++;
                }
            }
            lines = n;
        }
        return n;
    }

    /** The envelope built from this part's own header (meaningful for a message). */
    public Envelope envelope() {
        Envelope e = envelope;
        if (e == null) {
            e = EnvelopeBuilder.build(message, headerStart, bodyStart);
            envelope = e;
        }
        return e;
    }

    /** The first value of a field of this part's header, line breaks removed; null when absent. */
    public String headerValue(String fieldName) {
        return Headers.firstValue(message, fields, fieldName.toLowerCase(java.util.Locale.ROOT));
    }

    /** The header's field table: each field's start, then the end of the last field. */
    int[] fields() {
        return fields;
    }

    byte[] bytes() {
        return message;
    }

    @Override
    public String toString() {
        return type + "/" + subtype + " [" + headerStart + "," + bodyStart + "," + bodyEnd + ")";
    }
}
