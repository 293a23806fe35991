package dev.imapmock.snapshot;

import dev.imapmock.mime.Address;
import dev.imapmock.mime.MimeIndex;
import dev.imapmock.mime.MimePart;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites messages so that they carry no one's data but keep their shape (docs/snapshot.md): the
 * MIME tree (read with the {@code mime} index), boundaries, charsets, transfer encodings and part
 * sizes stay; addresses, display names, subjects, Message-IDs (consistently, so threads stay
 * linked), text and attachment contents change. Deterministic for a seed; not thread-safe.
 */
final class Anonymizer {
    private static final Set<String> ADDRESS_FIELDS = Set.of("from", "to", "cc", "bcc", "reply-to", "sender",
            "resent-from", "resent-to", "resent-cc", "resent-bcc", "resent-sender", "return-path", "delivered-to",
            "x-original-to", "disposition-notification-to", "errors-to", "mail-followup-to", "mail-reply-to");
    private static final Set<String> ID_FIELDS = Set.of("message-id", "in-reply-to", "references", "resent-message-id");
    /** Fields about the structure, kept byte for byte (Content-Type and -Disposition lose their file names only). */
    private static final Set<String> KEPT_FIELDS = Set.of("mime-version", "content-transfer-encoding", "content-id",
            "content-language", "date", "resent-date");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?[^?\\s]*\\?=");
    /** Reply and forward markers a subject keeps, so threading by subject (RFC 5256) still works. */
    private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)(?:(?:re|fwd?|aw|wg|sv)(?:\\[\\d+])?:\\s*)+");
    private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern FILE_PARAMETER = Pattern.compile(
            "(?i)((?:^|;)\\s*(?:file)?name(\\*\\d+)?\\*?\\s*=\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^;\\s]*)");
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

    private final Scrambler scrambler;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, Integer> fields = new TreeMap<>();
    private final Map<String, Integer> textParts = new TreeMap<>();
    private final Map<String, Integer> attachments = new TreeMap<>();
    private final java.util.List<String> notes = new java.util.ArrayList<>();
    private String where;

    Anonymizer(String seed) {
        this.scrambler = new Scrambler(seed);
    }

    /** The anonymized form of {@code message}; {@code where} names it in the report. */
    byte[] rewrite(byte[] message, String where) {
        this.where = where;
        MimeIndex index = MimeIndex.parse(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 256);
        MimePart root = index.root();
        out.write(message, 0, root.headerStart());
        part(index, message, root, out);
        out.write(message, root.bodyEnd(), message.length - root.bodyEnd());
        count("messages");
        return out.toByteArray();
    }

    private void part(MimeIndex index, byte[] m, MimePart part, ByteArrayOutputStream out) {
        out.writeBytes(header(m, part.headerStart(), part.bodyStart()));
        String cte = part.contentTransferEncoding().toLowerCase(Locale.ROOT);
        boolean identity = cte.equals("7bit") || cte.equals("8bit") || cte.equals("binary");
        if (part.isMultipart() && !part.children().isEmpty()) {
            int p = part.bodyStart();
            for (MimePart child : part.children()) {
                out.writeBytes(between(m, p, child.headerStart()));
                part(index, m, child, out);
                p = child.bodyEnd();
            }
            out.writeBytes(between(m, p, part.bodyEnd()));
        } else if (part.embeddedMessage().isPresent() && identity) {
            MimePart inner = part.embeddedMessage().get();
            out.write(m, part.bodyStart(), inner.headerStart() - part.bodyStart());
            part(index, m, inner, out);
            out.write(m, inner.bodyEnd(), part.bodyEnd() - inner.bodyEnd());
        } else if (part.isText() || part.isMultipart()) {
            out.writeBytes(text(index, m, part, cte));
        } else {
            out.writeBytes(attachment(index, m, part, cte));
        }
    }

    /** Preamble, boundaries and epilogue: boundary lines kept, other lines' words scrambled. */
    private byte[] between(byte[] m, int from, int to) {
        byte[] out = java.util.Arrays.copyOfRange(m, from, to);
        int line = 0;
        while (line < out.length) {
            int end = line;
            while (end < out.length && out[end] != '\n') {
                end++;
            }
            if (!(end - line >= 2 && out[line] == '-' && out[line + 1] == '-')) {
                byte[] scrambled = scrambler.bytes(java.util.Arrays.copyOfRange(out, line, end));
                System.arraycopy(scrambled, 0, out, line, scrambled.length);
            }
            line = end + 1;
        }
        return out;
    }

    // ---- bodies

    private byte[] text(MimeIndex index, byte[] m, MimePart part, String cte) {
        byte[] decoded = index.decodedBody(part);
        String label = part.parameter("charset");
        Charset charset = label == null ? StandardCharsets.US_ASCII : MimeIndex.charset(label);
        byte[] rewritten = null;
        if (charset != null) {
            try {
                String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded)).toString();
                CharsetEncoder encoder = Scrambler.encoder(charset);
                String fake = part.subtype().equalsIgnoreCase("html") ? html(text, encoder) : scrambler.text(text, encoder);
                if (encoder != null) {
                    ByteBuffer b = encoder.reset().encode(CharBuffer.wrap(fake));
                    rewritten = new byte[b.remaining()];
                    b.get(rewritten);
                }
            } catch (CharacterCodingException e) {
                rewritten = null;
            }
        }
        if (rewritten == null) {
            rewritten = scrambler.bytes(decoded);
            notes.add(where + ": a " + part.type() + "/" + part.subtype() + " part in charset " + label
                    + " that does not decode: ASCII letters and digits rewritten, other octets kept");
        }
        textParts.merge(part.type().toLowerCase(Locale.ROOT) + "/" + part.subtype().toLowerCase(Locale.ROOT) + " "
                + (label == null ? "us-ascii" : label.toLowerCase(Locale.ROOT)) + " " + cte, 1, Integer::sum);
        return encode(rewritten, m, part, cte);
    }

    /** HTML: text between tags and the values of alt, title and href rewritten; markup, entities, style and script kept. */
    private String html(String html, CharsetEncoder encoder) {
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i);
                if (close < 0) {
                    close = html.length() - 1;
                }
                String tag = html.substring(i, close + 1);
                out.append(tagAttributes(tag, encoder));
                i = close + 1;
                String lower = tag.toLowerCase(Locale.ROOT);
                if (lower.startsWith("<style") || lower.startsWith("<script")) {
                    String end = lower.startsWith("<style") ? "</style" : "</script";
                    int stop = html.toLowerCase(Locale.ROOT).indexOf(end, i);
                    stop = stop < 0 ? html.length() : stop;
                    out.append(html, i, stop);
                    i = stop;
                }
            } else if (c == '&') {
                int semi = html.indexOf(';', i);
                if (semi > i && semi - i <= 10) {
                    out.append(html, i, semi + 1);
                    i = semi + 1;
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                int next = i;
                while (next < html.length() && html.charAt(next) != '<' && html.charAt(next) != '&') {
                    next++;
                }
                out.append(scrambler.text(html.substring(i, next), encoder));
                i = next;
            }
        }
        return out.toString();
    }

    private static final Pattern ATTRIBUTE = Pattern.compile("(?i)\\b(alt|title|href)\\s*=\\s*(\"[^\"]*\"|'[^']*')");

    private String tagAttributes(String tag, CharsetEncoder encoder) {
        Matcher a = ATTRIBUTE.matcher(tag);
        StringBuilder sb = new StringBuilder();
        while (a.find()) {
            String value = a.group(2);
            a.appendReplacement(sb, Matcher.quoteReplacement(a.group(1) + "=" + value.charAt(0)
                    + scrambler.text(value.substring(1, value.length() - 1), encoder) + value.charAt(0)));
        }
        a.appendTail(sb);
        return sb.toString();
    }

    /** An attachment: same-size filler that starts like a file of its type. */
    private byte[] attachment(MimeIndex index, byte[] m, MimePart part, String cte) {
        String type = part.type().toLowerCase(Locale.ROOT) + "/" + part.subtype().toLowerCase(Locale.ROOT);
        attachments.merge(type + " " + cte, 1, Integer::sum);
        if (!cte.equals("base64") && !cte.equals("quoted-printable")) {
            return scrambler.bytes(java.util.Arrays.copyOfRange(m, part.bodyStart(), part.bodyEnd()));
        }
        byte[] decoded = index.decodedBody(part);
        return encode(Filler.of(type, decoded.length), m, part, cte);
    }

    /** Encodes {@code data} in the part's transfer encoding, with its line length and line ends. */
    private static byte[] encode(byte[] data, byte[] m, MimePart part, String cte) {
        int start = part.bodyStart();
        int end = part.bodyEnd();
        String eol = "\r\n";
        int firstLine = -1;
        for (int i = start; i < end; i++) {
            if (m[i] == '\n') {
                eol = i > start && m[i - 1] == '\r' ? "\r\n" : "\n";
                firstLine = i - start - (eol.length() - 1);
                break;
            }
        }
        boolean trailingBreak = end > start && m[end - 1] == '\n';
        return switch (cte) {
            case "base64" -> TransferEncoding.base64(data, firstLine > 0 ? firstLine : 76, eol, trailingBreak);
            case "quoted-printable" -> TransferEncoding.quotedPrintable(data, eol);
            default -> data;
        };
    }

    // ---- headers

    private byte[] header(byte[] m, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from + 64);
        int p = from;
        while (p < to) {
            int lineEnd = lineEnd(m, p, to);
            if (lineEnd - p <= 2 && (m[p] == '\n' || m[p] == '\r')) {
                out.write(m, p, to - p);
                break;
            }
            int fieldEnd = lineEnd;
            while (fieldEnd < to && (m[fieldEnd] == ' ' || m[fieldEnd] == '\t')) {
                fieldEnd = lineEnd(m, fieldEnd, to);
            }
            out.writeBytes(field(m, p, fieldEnd));
            p = fieldEnd;
        }
        return out.toByteArray();
    }

    private static int lineEnd(byte[] m, int p, int end) {
        while (p < end && m[p] != '\n') {
            p++;
        }
        return Math.min(p + 1, end);
    }

    private byte[] field(byte[] m, int from, int to) {
        int colon = from;
        while (colon < to && m[colon] != ':' && m[colon] != '\n') {
            colon++;
        }
        if (colon >= to || m[colon] != ':') {
            return scrambler.bytes(java.util.Arrays.copyOfRange(m, from, to));
        }
        String name = new String(m, from, colon - from, StandardCharsets.ISO_8859_1);
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (KEPT_FIELDS.contains(lower)) {
            return java.util.Arrays.copyOfRange(m, from, to);
        }
        String eol = to - 2 >= from && m[to - 2] == '\r' ? "\r\n" : to > from && m[to - 1] == '\n' ? "\n" : "";
        byte[] raw = java.util.Arrays.copyOfRange(m, colon + 1, to);
        boolean utf8 = isUtf8(raw);
        String value = new String(raw, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1)
                .replace("\r", "").replace("\n", "").trim();
        String fake;
        if (ADDRESS_FIELDS.contains(lower)) {
            fake = addresses(value);
            fields.merge(name.trim() + " (addresses)", 1, Integer::sum);
        } else if (ID_FIELDS.contains(lower)) {
            fake = ids(value);
            fields.merge(name.trim() + " (ids, linked)", 1, Integer::sum);
        } else if (lower.equals("subject") || lower.equals("thread-topic") || lower.equals("content-description")) {
            Matcher prefix = REPLY_PREFIX.matcher(value);
            int keep = prefix.lookingAt() ? prefix.end() : 0;
            fake = value.substring(0, keep) + words(value.substring(keep));
            fields.merge(name.trim() + " (words)", 1, Integer::sum);
        } else if (lower.equals("content-type") || lower.equals("content-disposition")) {
            fake = fileNames(value);
            if (fake.equals(value)) {
                return java.util.Arrays.copyOfRange(m, from, to);
            }
            fields.merge(name.trim() + " (file name)", 1, Integer::sum);
        } else {
            fake = words(ids(emails(value)));
            fields.merge(name.trim() + " (scrambled)", 1, Integer::sum);
        }
        return (name + ": " + fake + eol).getBytes(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private static boolean isUtf8(byte[] raw) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** An address list, each person as their fake; groups keep their shape under a fake group name. */
    private String addresses(String value) {
        List<Address> list = MimeIndex.addresses(value);
        StringBuilder sb = new StringBuilder();
        boolean inGroup = false;
        boolean firstInGroup = false;
        for (Address a : list) {
            if (a.mailbox() != null && a.host() == null && a.name() == null && a.adl() == null) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(scrambler.text(a.mailbox(), null)).append(":");
                inGroup = true;
                firstInGroup = true;
                continue;
            }
            if (a.mailbox() == null && a.host() == null) {
                sb.append(";");
                inGroup = false;
                continue;
            }
            if (sb.length() > 0 && !(inGroup && firstInGroup)) {
                sb.append(", ");
            } else if (inGroup) {
                sb.append(' ');
            }
            firstInGroup = false;
            String[] fake = scrambler.person(a.mailbox(), a.host());
            count("addresses");
            if (a.name() != null && !a.name().isBlank()) {
                String[] words = MimeIndex.decodeWords(a.name()).replace("\"", "").trim().split("[\\s,]+");
                for (int i = 0; i < words.length; i++) {
                    scrambler.name(words[i], i == 0 ? fake[0] : fake[1]);
                }
                sb.append('"').append(fake[0]).append(' ').append(fake[1]).append("\" ");
                count("display names");
            }
            sb.append('<').append(fake[2]).append('>');
        }
        return sb.toString();
    }

    private String ids(String value) {
        Matcher id = ID.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (id.find()) {
            id.appendReplacement(sb, Matcher.quoteReplacement("<" + scrambler.id(id.group(1)) + ">"));
            count("message ids");
        }
        id.appendTail(sb);
        return sb.toString();
    }

    private String emails(String value) {
        Matcher e = EMAIL.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (e.find()) {
            e.appendReplacement(sb, Matcher.quoteReplacement(scrambler.person(e.group(1), e.group(2))[2]));
        }
        e.appendTail(sb);
        return sb.toString();
    }

    /**
     * Words of a header (Subject...): fakes, re-encoded as the encoded word of the original's charset
     * and encoding when it had one (RFC 2047), so decoders still get exercised.
     */
    private String words(String value) {
        if (value.contains("@anonymized.example")) {
            // Ids were replaced already: scramble only what is outside them.
            StringBuilder sb = new StringBuilder();
            Matcher id = ID.matcher(value);
            int p = 0;
            while (id.find()) {
                sb.append(scrambler.text(value.substring(p, id.start()), null)).append(id.group());
                p = id.end();
            }
            return sb.append(scrambler.text(value.substring(p), null)).toString();
        }
        Matcher encoded = ENCODED_WORD.matcher(value);
        if (!encoded.find()) {
            return scrambler.text(value, null);
        }
        String charsetName = encoded.group(1);
        boolean base64 = encoded.group(2).equalsIgnoreCase("b");
        Charset charset = MimeIndex.charset(charsetName.replaceAll("\\*.*$", ""));
        String fake = scrambler.text(MimeIndex.decodeWords(value), charset == null ? null : Scrambler.encoder(charset));
        if (charset == null || !charset.newEncoder().canEncode(fake)) {
            charset = StandardCharsets.UTF_8;
            charsetName = "UTF-8";
        }
        byte[] bytes = fake.getBytes(charset);
        String payload = base64 ? Base64.getEncoder().encodeToString(bytes) : TransferEncoding.qEncode(bytes);
        return "=?" + charsetName + "?" + encoded.group(2) + "?" + payload + "?=";
    }

    /** The name and filename parameters with a fake stem and the original extension. */
    private String fileNames(String value) {
        Matcher p = FILE_PARAMETER.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (p.find()) {
            String v = p.group(3);
            boolean quoted = v.startsWith("\"");
            String inner = quoted ? v.substring(1, v.length() - 1) : v;
            int charsetEnd = inner.indexOf("''");
            String prefix = charsetEnd >= 0 ? inner.substring(0, charsetEnd + 2) : "";
            String name = charsetEnd >= 0 ? inner.substring(charsetEnd + 2) : MimeIndex.decodeWords(inner);
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String extension = dot > 0 ? name.substring(dot) : "";
            String fake = scrambler.text(stem.replaceAll("%[0-9A-Fa-f]{2}", "x"), null) + extension;
            fake = fake.replaceAll("[^A-Za-z0-9._-]", "_");
            count("file names");
            p.appendReplacement(sb, Matcher.quoteReplacement(p.group(1) + (quoted ? "\"" : "") + prefix + fake
                    + (quoted ? "\"" : "")));
        }
        p.appendTail(sb);
        return sb.toString();
    }

    private void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    /** What was rewritten, in totals: names only of kinds and files, never an original value. */
    String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Anonymized by imapmock snapshot --anonymize (docs/snapshot.md)\n");
        sb.append("# The seed and the original values are not recorded here.\n\n");
        sb.append("Totals:\n");
        counts.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        sb.append("  distinct people: ").append(scrambler.people()).append('\n');
        sb.append("  distinct message ids: ").append(scrambler.distinctIds()).append('\n');
        sb.append("  distinct words replaced: ").append(scrambler.distinctWords()).append('\n');
        sb.append("\nHeader fields rewritten (Date, MIME-Version, Content-Transfer-Encoding, Content-ID and"
                + " Content-Language are kept):\n");
        fields.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        sb.append("\nText parts rewritten word by word, in their charset and transfer encoding:\n");
        textParts.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        sb.append("\nAttachments replaced by same-size filler of their type:\n");
        attachments.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        if (!notes.isEmpty()) {
            sb.append("\nNotes:\n");
            notes.forEach(n -> sb.append("  ").append(n).append('\n'));
        }
        return sb.toString();
    }
}
