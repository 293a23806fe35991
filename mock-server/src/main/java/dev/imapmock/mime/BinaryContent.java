package dev.imapmock.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The decoded content of a section for FETCH BINARY (RFC 3516 §4.2): the section's
 * Content-Transfer-Encoding undone. A pure function of the message's bytes, read through its
 * {@link MimeIndex}.
 *
 * <p>A leaf part gives its body decoded: base64 and quoted-printable are undone, 7bit, 8bit and
 * binary pass through, anything else is an {@link UnknownEncodingException}. RFC 3516 leaves open
 * what a multipart, a message/rfc822 part or the whole message ({@code BINARY[]}) gives; as in
 * Dovecot 2.3 it is the section's bytes with every leaf inside decoded in place and its
 * Content-Transfer-Encoding field rewritten to {@code binary}, so that the result is still a
 * readable MIME entity. A part that does not exist gives no octets.
 */
public final class BinaryContent {
    private static final byte[] BINARY_FIELD = "Content-Transfer-Encoding: binary\r\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * The decoded octets, and whether any decoding took place (then they go out as a literal8, as
     * Dovecot sends them; RFC 3516 §4.3 requires it only when they hold NUL).
     */
    public record Decoded(Slice bytes, boolean decoded) {
        /**
         * True when the octets need a literal8 {@code ~{n}}: decoded, or holding NUL.
         *
         * @return true when the octets must go out as a literal8
         */
        public boolean literal8() {
            if (decoded) {
                return true;
            }
            for (int i = bytes.offset(); i < bytes.offset() + bytes.length(); i++) {
                if (bytes.array()[i] == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A Content-Transfer-Encoding that BINARY cannot undo (RFC 3516 §4.3: {@code NO [UNKNOWN-CTE]}). */
    public static final class UnknownEncodingException extends RuntimeException {
        /**
         * @param encoding the encoding token as the message names it
         */
        public UnknownEncodingException(String encoding) {
            super("Unknown Content-Transfer-Encoding " + encoding, null, false, false);
        }
    }

    /** Encoded data that breaks its encoding's rules (answered {@code NO [PARSE]}, as Dovecot does). */
    public static final class MalformedException extends RuntimeException {
        MalformedException(String reason) {
            super(reason, null, false, false);
        }
    }

    private BinaryContent() {
    }

    /**
     * The decoded content of the part at {@code path}, or of the whole message for an empty path.
     *
     * @throws UnknownEncodingException when the part, or a leaf inside it, has an encoding other
     *     than 7bit, 8bit, binary, base64 and quoted-printable
     * @throws MalformedException when its base64 or quoted-printable data is not valid
     * @param mime the index of the message
     * @param path the part numbers from the top; empty for the whole message
     * @return the decoded octets; a part that does not exist gives the empty slice, undecoded
     */
    public static Decoded of(MimeIndex mime, List<Integer> path) {
        try {
            return decode(mime, path);
        } catch (TransferDecoding.MalformedException e) {
            throw new MalformedException("Invalid data in MIME part: " + e.getMessage());
        }
    }

    private static Decoded decode(MimeIndex mime, List<Integer> path) {
        if (path.isEmpty()) {
            Writer w = new Writer(mime.message());
            w.entity(mime.root());
            return w.result();
        }
        MimePart part = mime.resolve(path);
        if (part == null) {
            return new Decoded(Slice.EMPTY, false);
        }
        if (!part.isMultipart() && part.embeddedMessage().isEmpty()) {
            Encoding encoding = Encoding.of(part.contentTransferEncoding());
            return new Decoded(encoding.decode(part.body()), encoding != Encoding.IDENTITY);
        }
        Writer w = new Writer(mime.message());
        w.body(part);
        return w.result();
    }

    /**
     * Checks that {@link #of} will succeed: first that every encoding is known, then that the data
     * decodes.
     *
     * @throws UnknownEncodingException as {@link #of}
     * @throws MalformedException as {@link #of}
     * @param mime the index of the message
     * @param path the part numbers from the top; empty for the whole message
     */
    public static void check(MimeIndex mime, List<Integer> path) {
        MimePart part = path.isEmpty() ? mime.root() : mime.resolve(path);
        if (part != null) {
            checkTree(part);
            of(mime, path);
        }
    }

    private static void checkTree(MimePart part) {
        if (part.isMultipart()) {
            part.children().forEach(BinaryContent::checkTree);
        } else if (part.embeddedMessage().isPresent()) {
            checkTree(part.embeddedMessage().get());
        } else {
            Encoding.of(part.contentTransferEncoding());
        }
    }

    private enum Encoding {
        IDENTITY, BASE64, QUOTED_PRINTABLE;

        static Encoding of(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "7bit", "8bit", "binary" -> IDENTITY;
                case "base64" -> BASE64;
                case "quoted-printable" -> QUOTED_PRINTABLE;
                default -> throw new UnknownEncodingException(name);
            };
        }

        Slice decode(Slice body) {
            int from = body.offset();
            int to = from + body.length();
            return switch (this) {
                case IDENTITY -> body;
                case BASE64 -> Slice.of(TransferDecoding.base64(body.array(), from, to));
                case QUOTED_PRINTABLE -> Slice.of(TransferDecoding.quotedPrintable(body.array(), from, to));
            };
        }
    }

    /** Copies a part's octets, decoding its leaves in place. */
    private static final class Writer {
        private final byte[] message;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private boolean decoded;

        Writer(byte[] message) {
            this.message = message;
        }

        Decoded result() {
            return new Decoded(Slice.of(out.toByteArray()), decoded);
        }

        /** A whole entity: its header, then its body. */
        void entity(MimePart part) {
            Encoding encoding = part.isMultipart() || part.embeddedMessage().isPresent()
                    ? Encoding.IDENTITY : Encoding.of(part.contentTransferEncoding());
            if (encoding == Encoding.IDENTITY) {
                out.write(message, part.headerStart(), part.bodyStart() - part.headerStart());
            } else {
                headerWithBinaryField(part);
            }
            body(part);
        }

        /** A body: a leaf's decoded, a multipart's or message's with their parts decoded in place. */
        void body(MimePart part) {
            int at = part.bodyStart();
            if (part.isMultipart()) {
                for (MimePart child : part.children()) {
                    out.write(message, at, child.headerStart() - at);
                    entity(child);
                    at = child.bodyEnd();
                }
            } else if (part.embeddedMessage().isPresent()) {
                MimePart inner = part.embeddedMessage().get();
                out.write(message, at, inner.headerStart() - at);
                entity(inner);
                at = inner.bodyEnd();
            } else {
                Encoding encoding = Encoding.of(part.contentTransferEncoding());
                out.writeBytes(encoding.decode(part.body()).toByteArray());
                decoded |= encoding != Encoding.IDENTITY;
                at = part.bodyEnd();
            }
            out.write(message, at, part.bodyEnd() - at);
        }

        /** The header with its Content-Transfer-Encoding field, folded lines and all, made {@code binary}. */
        private void headerWithBinaryField(MimePart part) {
            HeaderFields.replaceTransferEncoding(message, part.headerStart(), part.bodyStart(), BINARY_FIELD, out);
        }
    }
}
