package dev.imapmock.mime;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

/**
 * The MIME tree of one message as byte offsets, computed once by {@link #parse} and then shared by
 * every fetch. Immutable and thread-safe. The index keeps a reference to the message bytes, which
 * must not change afterwards.
 *
 * <p>Parsing never fails: whatever the input, the result is a tree whose parts cover it. Sizes and
 * sections are counted in the stored octets, so a message stored with bare LF line ends is served
 * and measured with bare LF.
 */
public final class MimeIndex {
    private final byte[] message;
    private final MimePart root;

    private MimeIndex(byte[] message, MimePart root) {
        this.message = message;
        this.root = root;
    }

    /**
     * Indexes {@code message}; never throws.
     *
     * @param message the message's octets as stored; kept, not copied, and must not change afterwards
     * @return the index; a message that cannot be parsed is one text/plain part covering it all
     */
    public static MimeIndex parse(byte[] message) {
        MimePart root;
        try {
            root = new MimeParser(message).parseMessage();
        } catch (RuntimeException | StackOverflowError e) {
            root = new MimePart(message, 0, 0, new int[] {0}, message.length, "text", "plain", List.of(), List.of(), null);
        }
        return new MimeIndex(message, root);
    }

    /**
     * The addresses of an address field's value (From, To, ...) as ENVELOPE reads them: a group is
     * a start marker (mailbox = group name, host null), its members and an end marker.
     *
     * @param headerValue the field's value, unfolded
     * @return the addresses in order, groups as start and end markers; empty when none can be read
     */
    public static List<Address> addresses(String headerValue) {
        return AddressParser.parse(headerValue);
    }

    /**
     * The charset of that name, or null when the JDK has none.
     *
     * @param name the charset's name as a message or a SEARCH names it
     * @return the charset, or null
     */
    public static java.nio.charset.Charset charset(String name) {
        return Decoding.charset(name);
    }

    /**
     * RFC 2047 encoded words in a header value decoded, as SEARCH and the decoded headers see them.
     *
     * @param value a header value
     * @return the value with every well-formed encoded word decoded; the rest unchanged
     */
    public static String decodeWords(String value) {
        return Decoding.decodeEncodedWords(value);
    }

    /**
     * The body of a leaf part with its Content-Transfer-Encoding (base64, quoted-printable)
     * undone; other encodings as stored. A fresh array.
     *
     * @param part a part of this message
     * @return the decoded octets, a fresh array
     */
    public byte[] decodedBody(MimePart part) {
        String cte = part.contentTransferEncoding();
        if (cte != null && cte.equalsIgnoreCase("base64")) {
            return Decoding.base64(message, part.bodyStart(), part.bodyEnd());
        }
        if (cte != null && cte.equalsIgnoreCase("quoted-printable")) {
            return Decoding.quotedPrintable(message, part.bodyStart(), part.bodyEnd(), false);
        }
        return java.util.Arrays.copyOfRange(message, part.bodyStart(), part.bodyEnd());
    }

    /**
     * A text part's body decoded to characters: transfer encoding undone, then its charset (an
     * unknown or absent one read as UTF-8 or ISO-8859-1).
     *
     * @param part a text part of this message
     * @return the decoded text
     */
    public String decodedText(MimePart part) {
        return Decoding.text(decodedBody(part), part.parameter("charset"));
    }

    /** The message's octets, shared: never modified. */
    byte[] message() {
        return message;
    }

    /**
     * The message itself as a part: its header is the message header.
     *
     * @return the root of the MIME tree
     */
    public MimePart root() {
        return root;
    }

    /**
     * The ENVELOPE of the message (RFC 3501 section 7.4.2), built from the root's header.
     *
     * @return the envelope, built once
     */
    public Envelope envelope() {
        return root.envelope();
    }

    /**
     * The message's size in octets, as RFC822.SIZE reports it.
     *
     * @return the length of the stored octets
     */
    public int size() {
        return message.length;
    }

    /**
     * The octets of a body section (RFC 3501 §6.4.5). Part numbers address the parts of a
     * multipart; inside a message/rfc822 part they continue with the parts of the message it
     * holds; part 1 of a message that is not multipart is its body. HEADER, TEXT and the
     * HEADER.FIELDS forms apply to the message itself (empty path) or to a message/rfc822 part;
     * MIME gives a part's own header.
     *
     * <p>A part that does not exist, or HEADER/TEXT asked of a part that holds no message, gives
     * the empty slice: Dovecot answers an empty string there, not NIL, and so do we. MIME with an
     * empty path (which the grammar forbids) also gives the empty slice.
     *
     * @param spec the section, as FETCH parsed it
     * @return a view of the octets (or a fresh slice for HEADER.FIELDS); the empty slice for a missing part
     */
    public Slice section(SectionSpec spec) {
        List<Integer> path = spec.path();
        if (path.isEmpty()) {
            return switch (spec.kind()) {
                case ALL -> Slice.of(message);
                case MIME -> Slice.EMPTY;
                default -> ofMessage(root, spec);
            };
        }
        MimePart part = resolve(path);
        if (part == null) {
            return Slice.EMPTY;
        }
        return switch (spec.kind()) {
            case ALL -> part.body();
            case MIME -> part.header();
            default -> part.embeddedMessage().map(inner -> ofMessage(inner, spec)).orElse(Slice.EMPTY);
        };
    }

    /**
     * The part a non-empty section path addresses, or null when there is none. Part 1 of a part
     * that is neither multipart nor a message is that part itself, as Dovecot answers
     * {@code BODY[1.1]}; RFC 3501 §6.4.5 says so for the message and leaves the rest open.
     *
     * @param path the part numbers from the top, each from 1; not empty
     * @return the part, or null
     */
    public MimePart resolve(List<Integer> path) {
        MimePart part = null;
        for (int i = 0; i < path.size(); i++) {
            int n = path.get(i);
            if (i == 0) {
                part = partOfMessage(root, n);
            } else if (part.isMultipart()) {
                part = child(part, n);
            } else if (part.embeddedMessage().isPresent()) {
                part = partOfMessage(part.embeddedMessage().get(), n);
            } else if (n != 1) {
                part = null;
            }
            if (part == null) {
                return null;
            }
        }
        return part;
    }

    private static MimePart partOfMessage(MimePart message, int n) {
        if (message.isMultipart()) {
            return child(message, n);
        }
        return n == 1 ? message : null;
    }

    private static MimePart child(MimePart multipart, int n) {
        List<MimePart> children = multipart.children();
        return n >= 1 && n <= children.size() ? children.get(n - 1) : null;
    }

    private Slice ofMessage(MimePart msg, SectionSpec spec) {
        return switch (spec.kind()) {
            case HEADER -> msg.header();
            case TEXT -> msg.body();
            case HEADER_FIELDS -> headerFields(msg, spec.fields(), true);
            case HEADER_FIELDS_NOT -> headerFields(msg, spec.fields(), false);
            case ALL, MIME -> Slice.EMPTY;
        };
    }

    /**
     * The fields of a header whose names are (or, with {@code keep} false, are not) in
     * {@code names}, compared case-insensitively, as their original lines in their original order,
     * followed by the empty line (RFC 3501 §6.4.5). Lines without a colon have no name: they only
     * appear in the NOT form.
     */
    private Slice headerFields(MimePart msg, List<String> names, boolean keep) {
        String[] lower = new String[names.size()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = names.get(i).toLowerCase(Locale.ROOT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int p = msg.headerStart();
        int end = msg.bodyStart();
        while (p < end && !Headers.isBlankLine(message, p, end)) {
            int fe = Headers.fieldEnd(message, p, end);
            String name = Headers.name(message, p, fe);
            boolean listed = false;
            if (name != null) {
                for (String n : lower) {
                    if (n.equalsIgnoreCase(name)) {
                        listed = true;
                        break;
                    }
                }
            }
            if (listed == keep) {
                out.write(message, p, fe - p);
                if (message[fe - 1] != '\n') {
                    out.write('\r');
                    out.write('\n');
                }
            }
            p = fe;
        }
        out.write('\r');
        out.write('\n');
        return Slice.of(out.toByteArray());
    }

    /**
     * Every value of a top-level header field, unfolded, with RFC 2047 encoded words decoded, joined
     * by LF; null when the field is absent (so SEARCH HEADER with an empty string can tell). Decoded
     * on each call.
     *
     * @param fieldName the field name, any case
     * @return the decoded values joined by LF, or null when the field is absent
     */
    public String decodedHeader(String fieldName) {
        return topHeader().decodedHeader(fieldName);
    }

    /**
     * {@return the top-level header's fields, read through the field table the parse made; a new
     * header, with its own copy of the header block, on each call}
     */
    public TopHeader topHeader() {
        return TopHeader.of(message, root.fields());
    }

    /**
     * Every value of a top-level address field (From, To, Cc, Bcc) as SEARCH matches it, joined by
     * LF; null when the field is absent. Each value is parsed as an address list and written back
     * in one normal form ({@code "Joe Q. Public" <john@example.com>, <jane@example.com>}), so that
     * comments, CFWS and obsolete syntax no longer stand between an address and its text; then
     * encoded words are decoded. Decoded on each call.
     *
     * @param fieldName the field name, any case: From, To, Cc or Bcc
     * @return the normalized values joined by LF, or null when the field is absent
     */
    public String decodedAddresses(String fieldName) {
        return topHeader().decodedAddresses(fieldName);
    }

    /**
     * The preview of RFC 8970 as Dovecot makes it: at most 200 characters of the first text part,
     * plain text first, quoted lines, markup and runs of white space removed; empty when the
     * message has no text part. Computed on each call.
     *
     * @return the preview text, at most 200 characters; empty without a text part
     */
    public String preview() {
        return Preview.of(message, root);
    }

    /**
     * The whole top-level header as text, one {@code Name: value} line per field, encoded words decoded.
     *
     * @return the header text, fields joined by line breaks
     */
    public String decodedHeaderText() {
        return SearchText.header(message, root);
    }

    /**
     * The text of the body for SEARCH BODY/TEXT: every text/* part with its transfer encoding
     * (base64, quoted-printable) undone and its charset decoded, and the header and text of every
     * embedded message; other parts are skipped. Parts are separated by LF. Decoded on each call.
     *
     * @return the searchable text of the body; empty when the message has no text part
     */
    public String decodedBodyText() {
        String single = SearchText.leafText(message, root);
        if (single != null) {
            return single;
        }
        StringBuilder sb = new StringBuilder();
        SearchText.body(message, root, sb);
        return sb.toString();
    }

    /**
     * Whether {@link #decodedHeaderText()} holds {@code needle}, compared as SEARCH compares
     * (RFC 3501 §6.4.4: a substring, case-insensitively, after {@code toLowerCase(Locale.ROOT)} of
     * both), with the same answer as comparing that string. For most needles the fields are
     * matched in their octets, without the text being built.
     *
     * @param needle what to look for; empty matches every message
     * @return true when the header text holds it
     */
    public boolean headerTextContains(String needle) {
        String lowerNeedle = needle.toLowerCase(Locale.ROOT);
        if (lowerNeedle.indexOf('\n') >= 0) {
            return decodedHeaderText().toLowerCase(Locale.ROOT).contains(lowerNeedle);
        }
        return lowerNeedle.isEmpty() || SearchText.headerContains(message, root, lowerNeedle);
    }

    /**
     * Whether {@link #decodedBodyText()} holds {@code needle}, compared as SEARCH compares (see
     * {@link #headerTextContains}), with the same answer as comparing that string. For an ASCII
     * needle, text parts in an ASCII-compatible charset are matched in their octets (after undoing
     * base64 or quoted-printable), without the text being built.
     *
     * @param needle what to look for; empty matches every message
     * @return true when the body text holds it
     */
    public boolean bodyTextContains(String needle) {
        String lowerNeedle = needle.toLowerCase(Locale.ROOT);
        if (lowerNeedle.indexOf('\n') >= 0 || !AsciiMatch.isAscii(lowerNeedle)) {
            return decodedBodyText().toLowerCase(Locale.ROOT).contains(lowerNeedle);
        }
        return lowerNeedle.isEmpty() || SearchText.bodyContains(message, root, lowerNeedle);
    }
}
