package dev.imapmock.mime;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields of a message's top-level header, as SEARCH, SORT and FETCH ENVELOPE read them: a
 * table of where each field starts, made by one pass over the header block only, so that these
 * do not need the message's whole MIME tree. The table is the one {@link MimeIndex} keeps for its
 * root part: the fields up to the first empty line (or the message's end). Thread-safe.
 *
 * <p>A header keeps a copy of the header block's octets, not the message's. A search over many
 * messages then reads each one's table and fields from one small block, made at the same time as
 * the table, rather than from the first octets of each message, wherever in the heap those lie:
 * reading those octets was most of a warm SUBJECT search. The copy costs the header block's size,
 * a few percent of a typical message.
 */
public final class TopHeader {
    /** The message's first octets, up to the end of its last field: offsets are the message's. */
    private final byte[] message;
    /** Each field's start, then the end of the last field. */
    private final int[] fields;
    /** Built on first use; an immutable value, so a race builds it twice at worst. */
    private Envelope envelope;
    /** The Date header's moment, read on first use as the envelope is; {@link #NO_DATE} when there is none. */
    private Sent sent;

    /** A moment as seconds and zone: what SORT DATE and THREAD read of every message, in 24 bytes. */
    private record Sent(long epochSecond, int offsetSeconds) {
    }

    private static final Sent NO_DATE = new Sent(0, 0);

    private TopHeader(byte[] message, int[] fields) {
        this.message = message;
        this.fields = fields;
    }

    /**
     * The header of a message whose field table is known, as {@link MimeIndex} has it.
     *
     * @param message the message's octets; the header copies what it needs
     * @param fields  each field's start, then the end of the last field; copied
     */
    static TopHeader of(byte[] message, int[] fields) {
        return new TopHeader(Arrays.copyOf(message, fields[fields.length - 1]), fields.clone());
    }

    /**
     * Reads the field table of a message's top-level header, without parsing its body.
     *
     * @param message the message's octets; the header copies what it needs
     * @return the header's fields
     */
    public static TopHeader scan(byte[] message) {
        int[] starts = new int[32];
        int count = 0;
        int p = 0;
        int limit = message.length;
        while (p < limit && !Headers.isBlankLine(message, p, limit)) {
            if (count + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count++] = p;
            p = Headers.fieldEnd(message, p, limit);
        }
        starts[count] = Math.min(p, limit);
        return new TopHeader(Arrays.copyOf(message, starts[count]), Arrays.copyOf(starts, count + 1));
    }

    /**
     * The envelope of the message (RFC 3501 §7.4.2), the one {@link MimeIndex#envelope()} gives,
     * read from the header block alone.
     *
     * @return the envelope, built on first use and then kept
     */
    public Envelope envelope() {
        Envelope e = envelope;
        if (e == null) {
            e = EnvelopeBuilder.build(message, 0, fields[fields.length - 1]);
            envelope = e;
        }
        return e;
    }

    /**
     * The first value of a field, line breaks removed, as {@link MimePart#headerValue} reads the
     * root's; null when absent.
     *
     * @param fieldName the field name, any case, without the colon
     * @return the value, or null when the header has no such field
     */
    public String value(String fieldName) {
        return Headers.firstValue(message, fields, fieldName.toLowerCase(Locale.ROOT));
    }

    /**
     * The Date header with its time and zone, when it can be read.
     *
     * @return the date and time, or empty when the header is absent or cannot be read
     */
    public Optional<OffsetDateTime> sentDateTime() {
        Sent s = sent();
        return s == NO_DATE ? Optional.empty() : Optional.of(OffsetDateTime.ofInstant(
                Instant.ofEpochSecond(s.epochSecond()), ZoneOffset.ofTotalSeconds(s.offsetSeconds())));
    }

    /**
     * The Date header's moment, as {@link #sentDateTime()} reads it, in seconds since the epoch.
     *
     * @param otherwise what to answer when the header is absent or cannot be read
     * @return the seconds, or {@code otherwise}
     */
    public long sentEpochSecond(long otherwise) {
        Sent s = sent();
        return s == NO_DATE ? otherwise : s.epochSecond();
    }

    /** The Date header read once: sorting by date reads every message's on every SORT. */
    private Sent sent() {
        Sent s = sent;
        if (s == null) {
            String date = Headers.firstValue(message, fields, "date");
            OffsetDateTime parsed = date == null ? null : DateParser.parse(date).orElse(null);
            s = parsed == null ? NO_DATE : new Sent(parsed.toEpochSecond(), parsed.getOffset().getTotalSeconds());
            sent = s;
        }
        return s;
    }

    /**
     * The Message-ID that names this message's thread: the first one in References, else the one in
     * In-Reply-To, else the message's own; null when it has none of them.
     *
     * @return the Message-ID with its angle brackets, or null
     */
    public String threadRoot() {
        for (String field : new String[] {"references", "in-reply-to", "message-id"}) {
            String value = Headers.firstValue(message, fields, field);
            if (value != null) {
                int open = value.indexOf('<');
                int close = open < 0 ? -1 : value.indexOf('>', open);
                if (close > open + 1) {
                    return value.substring(open, close + 1);
                }
            }
        }
        return null;
    }

    /** {@return the field table: each field's start, then the end of the last field} */
    int[] fields() {
        return fields;
    }

    /**
     * Every value of a field, unfolded, with RFC 2047 encoded words decoded, joined by LF; null
     * when the field is absent. Decoded on each call.
     *
     * @param fieldName the field's name, in any case
     * @return the values, or null
     */
    public String decodedHeader(String fieldName) {
        List<String> values = Headers.allValues(message, fields, fieldName.toLowerCase(Locale.ROOT));
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(Decoding.decodeEncodedWords(v));
        }
        return sb.toString();
    }

    /**
     * Every value of an address field (From, To, Cc, Bcc) as SEARCH matches it, joined by LF; null
     * when the field is absent. Each value is parsed as an address list and written back in one
     * normal form ({@code "Joe Q. Public" <john@example.com>, <jane@example.com>}), so that
     * comments, CFWS and obsolete syntax no longer stand between an address and its text; then
     * encoded words are decoded. Decoded on each call.
     *
     * @param fieldName the field's name, in any case
     * @return the values, or null
     */
    public String decodedAddresses(String fieldName) {
        List<String> values = Headers.allValues(message, fields, fieldName.toLowerCase(Locale.ROOT));
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(SearchText.addresses(values.get(i)));
        }
        return sb.toString();
    }

    /**
     * Whether {@link #decodedAddresses decodedAddresses(fieldName)} is not null and holds
     * {@code needle}, compared as SEARCH compares (a substring, case-insensitively), with the same
     * result as comparing that string. A needle of ASCII letters and digits skips the values that
     * cannot hold it without writing their addresses out: in a value of ASCII octets without
     * encoded words or comments, the normal form only drops white space, quotes and the
     * backslashes of quoted-pairs, and adds separators, so a run of letters and digits in it is a
     * run of the value's own octets once those are left out (the placeholders the parser writes
     * for missing parts, such as {@code MISSING_DOMAIN}, are looked for the long way).
     *
     * @param fieldName the field's name, in any case
     * @param needle    what to look for; empty matches any message with the field
     * @return true when a value of the field holds it
     */
    public boolean addressesContain(String fieldName, String needle) {
        String lowerNeedle = needle.toLowerCase(Locale.ROOT);
        if (!AsciiMatch.isLetterOrDigitRun(lowerNeedle) || inPlaceholder(lowerNeedle)) {
            String value = decodedAddresses(fieldName);
            return value != null && value.toLowerCase(Locale.ROOT).contains(lowerNeedle);
        }
        String lowerName = fieldName.toLowerCase(Locale.ROOT);
        for (int i = 0, n = fields.length - 1; i < n; i++) {
            int colon = Headers.colonAfterName(message, fields[i], fields[i + 1], lowerName);
            if (colon < 0) {
                continue;
            }
            int end = fields[i + 1];
            if (plainAddressText(colon, end) && !AsciiMatch.containsSkippingLineBreaks(message, colon, end, lowerNeedle, true)) {
                continue;
            }
            String value = SearchText.addresses(Headers.valueWithoutLineBreaks(message, colon, end));
            if (value.toLowerCase(Locale.ROOT).contains(lowerNeedle)) {
                return true;
            }
        }
        return false;
    }

    /** What the address parser writes for missing parts, lowered. */
    private static final String[] PLACEHOLDERS = {AddressParser.MISSING_MAILBOX.toLowerCase(Locale.ROOT),
        AddressParser.MISSING_DOMAIN.toLowerCase(Locale.ROOT), AddressParser.SYNTAX_ERROR.toLowerCase(Locale.ROOT),
        AddressParser.INVALID_ROUTE.toLowerCase(Locale.ROOT)};

    private static boolean inPlaceholder(String lowerNeedle) {
        for (String p : PLACEHOLDERS) {
            if (p.contains(lowerNeedle)) {
                return true;
            }
        }
        return false;
    }


    /** ASCII without encoded words or comments. */
    private boolean plainAddressText(int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = message[i];
            if (b < 0 || b == '(' || (b == '=' && i + 1 < to && message[i + 1] == '?')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@link #decodedHeader decodedHeader(fieldName)} is not null and holds {@code needle},
     * compared as SEARCH compares (RFC 3501 §6.4.4: a substring, case-insensitively, after
     * {@code toLowerCase(Locale.ROOT)} of both), with the same result as comparing that string.
     * A value of ASCII octets without encoded words is matched in its bytes, skipping line
     * breaks as unfolding does, without decoding it into a string first.
     *
     * @param fieldName the field's name, in any case
     * @param needle    what to look for; empty matches any message with the field
     * @return true when a value of the field holds it
     */
    public boolean decodedHeaderContains(String fieldName, String needle) {
        String lowerName = fieldName.toLowerCase(Locale.ROOT);
        String lowerNeedle = needle.toLowerCase(Locale.ROOT);
        if (!AsciiMatch.isAscii(lowerNeedle) || lowerNeedle.indexOf('\n') >= 0 || lowerNeedle.indexOf('\r') >= 0) {
            String value = decodedHeader(fieldName);
            return value != null && value.toLowerCase(Locale.ROOT).contains(lowerNeedle);
        }
        for (int i = 0, n = fields.length - 1; i < n; i++) {
            int colon = Headers.colonAfterName(message, fields[i], fields[i + 1], lowerName);
            if (colon < 0) {
                continue;
            }
            int end = fields[i + 1];
            int start = colon;
            while (start < end && (message[start] == ' ' || message[start] == '\t')) {
                start++;
            }
            if (asciiWithoutEncodedWords(start, end)) {
                if (AsciiMatch.containsSkippingLineBreaks(message, start, end, lowerNeedle, false)) {
                    return true;
                }
            } else {
                String value = Decoding.decodeEncodedWords(Headers.valueWithoutLineBreaks(message, colon, end));
                if (value.toLowerCase(Locale.ROOT).contains(lowerNeedle)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean asciiWithoutEncodedWords(int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = message[i];
            if (b < 0 || (b == '=' && i + 1 < to && message[i + 1] == '?')) {
                return false;
            }
        }
        return true;
    }
}
