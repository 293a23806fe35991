package dev.imapmock.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * How a message that came as a literal8 (RFC 3516 §4.4) is stored: every leaf part whose
 * Content-Transfer-Encoding is {@code binary}, or that holds a NUL octet under 7bit or 8bit, is
 * base64-encoded and its Content-Transfer-Encoding field rewritten to {@code base64}, as Dovecot
 * 2.3 stores such parts. RFC 3516 §4.4 allows the change since nothing is lost, and it lets
 * BODY[] and BODYSTRUCTURE describe the message in a form IMAP4rev1 can carry (§6), while
 * FETCH BINARY gives the original octets back. Other parts are kept byte for byte.
 */
public final class BinaryStorage {
    private static final byte[] BASE64_FIELD = "Content-Transfer-Encoding: base64\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    private BinaryStorage() {
    }

    /**
     * The octets to store for {@code message}: {@code message} itself when no part needs encoding.
     *
     * @param message the message as the client sent it in a literal8
     * @return the octets to store; the same array when nothing needs encoding
     */
    public static byte[] of(byte[] message) {
        MimeIndex mime = MimeIndex.parse(message);
        if (!needsEncoding(mime.root())) {
            return message;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length * 4 / 3 + 64);
        int end = entity(mime.root(), message, out);
        out.write(message, end, message.length - end);
        return out.toByteArray();
    }

    private static boolean needsEncoding(MimePart part) {
        if (part.isMultipart()) {
            return part.children().stream().anyMatch(BinaryStorage::needsEncoding);
        }
        if (part.embeddedMessage().isPresent()) {
            return needsEncoding(part.embeddedMessage().get());
        }
        String cte = part.contentTransferEncoding().toLowerCase(Locale.ROOT);
        return cte.equals("binary") || ((cte.equals("7bit") || cte.equals("8bit")) && hasNul(part.body()));
    }

    private static boolean hasNul(Slice s) {
        for (int i = s.offset(); i < s.offset() + s.length(); i++) {
            if (s.array()[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Writes {@code part} from its header to its body's end, which it returns. */
    private static int entity(MimePart part, byte[] m, ByteArrayOutputStream out) {
        if (part.isMultipart() || part.embeddedMessage().isPresent() || !needsEncoding(part)) {
            out.write(m, part.headerStart(), part.bodyStart() - part.headerStart());
            int at = part.bodyStart();
            if (part.isMultipart()) {
                for (MimePart child : part.children()) {
                    out.write(m, at, child.headerStart() - at);
                    at = entity(child, m, out);
                }
            } else if (part.embeddedMessage().isPresent()) {
                MimePart inner = part.embeddedMessage().get();
                out.write(m, at, inner.headerStart() - at);
                at = entity(inner, m, out);
            }
            out.write(m, at, part.bodyEnd() - at);
            return part.bodyEnd();
        }
        HeaderFields.replaceTransferEncoding(m, part.headerStart(), part.bodyStart(), BASE64_FIELD, out);
        byte[] encoded = Base64.getMimeEncoder(76, CRLF).encode(part.body().toByteArray());
        out.writeBytes(encoded);
        return part.bodyEnd();
    }
}
