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

    /**
     * Where the part's header starts in the message's bytes.
     *
     * @return the offset of the header's first octet
     */
    public int headerStart() {
        return headerStart;
    }

    /**
     * Where the part's body starts: right after the empty line that ends the header, or the message's end.
     *
     * @return the offset of the body's first octet
     */
    public int bodyStart() {
        return bodyStart;
    }

    /**
     * Where the part's body ends.
     *
     * @return the offset one past the body's last octet
     */
    public int bodyEnd() {
        return bodyEnd;
    }

    /**
     * Octets of the body only, never of the header: the size of BODYSTRUCTURE.
     *
     * @return the body's length in octets
     */
    public int bodySize() {
        return bodyEnd - bodyStart;
    }

    /**
     * The header, with its closing empty line when there is one.
     *
     * @return a view of the header's octets, not a copy
     */
    public Slice header() {
        return new Slice(message, headerStart, bodyStart - headerStart);
    }

    /**
     * The body, from {@link #bodyStart()} to {@link #bodyEnd()}, still in its transfer encoding.
     *
     * @return a view of the body's octets, not a copy
     */
    public Slice body() {
        return new Slice(message, bodyStart, bodyEnd - bodyStart);
    }

    /**
     * Media type as sent (case kept); {@code text}, or {@code message} in a multipart/digest, when absent.
     *
     * @return the type, never null
     */
    public String type() {
        return type;
    }

    /**
     * Media subtype as sent; {@code plain} (or {@code rfc822} in a digest) when absent, empty when malformed.
     *
     * @return the subtype, never null
     */
    public String subtype() {
        return subtype;
    }

    /**
     * Content-Type parameters in the order sent, values unquoted; RFC 2231 sections kept as sent.
     *
     * @return the parameters, unmodifiable; empty when there are none
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The value of the first parameter named {@code name} (case-insensitive), or null.
     *
     * @param name the parameter's name, any case
     * @return the value, unquoted, or null when the part has no such parameter
     */
    public String parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    /**
     * Tells whether the part is text/*, any case.
     *
     * @return true for a text part
     */
    public boolean isText() {
        return type.equalsIgnoreCase("text");
    }

    /**
     * True for any multipart/*, even one whose boundary never shows up (it then has no children).
     *
     * @return true for a multipart part
     */
    public boolean isMultipart() {
        return type.equalsIgnoreCase("multipart");
    }

    /**
     * Tells whether the part is message/rfc822, any case.
     *
     * @return true for an attached message
     */
    public boolean isMessageRfc822() {
        return type.equalsIgnoreCase("message") && subtype.equalsIgnoreCase("rfc822");
    }

    /**
     * The parts of a multipart, in order; empty for anything else.
     *
     * @return the child parts, unmodifiable
     */
    public List<MimePart> children() {
        return children;
    }

    /**
     * For a message/rfc822 part, the message it holds (a part whose header is that message's
     * header). Empty for other parts, and for message/rfc822 parts nested too deep to be parsed.
     *
     * @return the embedded message, or empty
     */
    public Optional<MimePart> embeddedMessage() {
        return Optional.ofNullable(embedded);
    }

    /**
     * Content-Transfer-Encoding token as sent, {@code 7bit} when absent.
     *
     * @return the encoding token, case kept; {@code 7bit} when absent or empty
     */
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

    /**
     * The Content-ID field (RFC 2045 section 7), as BODYSTRUCTURE's body-fld-id reports it.
     *
     * @return the value with line breaks removed, or null when absent
     */
    public String contentId() {
        return headerValue("content-id");
    }

    /**
     * The Content-Description field (RFC 2045 section 8), as BODYSTRUCTURE's body-fld-desc reports it.
     *
     * @return the value with line breaks removed, still encoded, or null when absent
     */
    public String contentDescription() {
        return headerValue("content-description");
    }

    /**
     * The Content-MD5 field (RFC 1864), as BODYSTRUCTURE's body-fld-md5 reports it.
     *
     * @return the value with line breaks removed, or null when absent
     */
    public String contentMd5() {
        return headerValue("content-md5");
    }

    /**
     * The Content-Location field (RFC 2557), as BODYSTRUCTURE's body-fld-loc reports it.
     *
     * @return the value with line breaks removed, or null when absent
     */
    public String contentLocation() {
        return headerValue("content-location");
    }

    /**
     * The Content-Disposition, or null when absent or without a type.
     *
     * @return the disposition type and its parameters, or null
     */
    public Disposition disposition() {
        String value = headerValue("content-disposition");
        return value == null ? null : MimeValues.disposition(value);
    }

    /**
     * The Content-Language tags; empty when absent.
     *
     * @return the language tags in the order sent, unmodifiable
     */
    public List<String> languages() {
        String value = headerValue("content-language");
        return value == null ? List.of() : MimeValues.languages(value);
    }

    /**
     * Number of lines of the body: its LF count, as Dovecot counts (a last line without a line
     * break is not counted). Reported for text/* and message/rfc822 parts.
     *
     * @return the number of LF octets in the body; computed once
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

    /**
     * The envelope built from this part's own header (meaningful for a message).
     *
     * @return the envelope, built on first use and then kept
     */
    public Envelope envelope() {
        Envelope e = envelope;
        if (e == null) {
            e = EnvelopeBuilder.build(message, headerStart, bodyStart);
            envelope = e;
        }
        return e;
    }

    /**
     * The first value of a field of this part's header, line breaks removed; null when absent.
     *
     * @param fieldName the field name, any case, without the colon
     * @return the value, or null when the header has no such field
     */
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
