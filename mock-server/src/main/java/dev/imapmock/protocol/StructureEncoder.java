package dev.imapmock.protocol;

import dev.imapmock.mime.Address;
import dev.imapmock.mime.Disposition;
import dev.imapmock.mime.Envelope;
import dev.imapmock.mime.MimePart;
import dev.imapmock.mime.Parameter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes ENVELOPE, BODY and BODYSTRUCTURE (RFC 3501 §7.4.2) the way Dovecot does where the RFC
 * leaves a choice: type, subtype, parameters and encoding as the message sent them; text parts
 * without a charset get {@code ("charset" "us-ascii")} appended; NIL for an empty parameter list;
 * the language always as a list; all four extension fields of a single part always present; a
 * multipart whose parts cannot be found holds one empty text/plain part.
 */
public final class StructureEncoder {
    private static final byte[] NIL = {'N', 'I', 'L'};
    private static final String EMPTY_BODY = "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0";

    private StructureEncoder() {
    }

    /**
     * The ENVELOPE of RFC 3501 section 7.4.2, as its parenthesized list.
     *
     * @param e the parsed envelope of a message or of an attached message
     * @return the encoded list, NIL for every field the message lacks
     */
    public static byte[] envelope(Envelope e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        writeEnvelope(out, e);
        return out.toByteArray();
    }

    /**
     * BODYSTRUCTURE when {@code extensible}, else BODY.
     *
     * @param part the part, usually a message's root
     * @param extensible true for BODYSTRUCTURE (with the extension data), false for BODY
     * @return the encoded list
     */
    public static byte[] bodyStructure(MimePart part, boolean extensible) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        writeBody(out, part, extensible);
        return out.toByteArray();
    }

    private static void writeEnvelope(ByteArrayOutputStream out, Envelope e) {
        out.write('(');
        ImapStrings.writeNString(out, e.date());
        out.write(' ');
        ImapStrings.writeNString(out, e.subject());
        for (List<Address> list : List.of(e.from(), e.sender(), e.replyTo(), e.to(), e.cc(), e.bcc())) {
            out.write(' ');
            writeAddresses(out, list);
        }
        out.write(' ');
        ImapStrings.writeNString(out, e.inReplyTo());
        out.write(' ');
        ImapStrings.writeNString(out, e.messageId());
        out.write(')');
    }

    private static void writeAddresses(ByteArrayOutputStream out, List<Address> list) {
        if (list.isEmpty()) {
            out.writeBytes(NIL);
            return;
        }
        out.write('(');
        for (Address a : list) {
            out.write('(');
            ImapStrings.writeNString(out, a.name());
            out.write(' ');
            ImapStrings.writeNString(out, a.adl());
            out.write(' ');
            ImapStrings.writeNString(out, a.mailbox());
            out.write(' ');
            ImapStrings.writeNString(out, a.host());
            out.write(')');
        }
        out.write(')');
    }

    private static void writeBody(ByteArrayOutputStream out, MimePart part, boolean ext) {
        if (part.isMultipart()) {
            writeMultipart(out, part, ext);
        } else {
            writeSinglePart(out, part, ext);
        }
    }

    private static void writeMultipart(ByteArrayOutputStream out, MimePart part, boolean ext) {
        out.write('(');
        if (part.children().isEmpty()) {
            ascii(out, EMPTY_BODY);
            ascii(out, ext ? " NIL NIL NIL NIL)" : ")");
        }
        for (MimePart child : part.children()) {
            writeBody(out, child, ext);
        }
        out.write(' ');
        ImapStrings.writeString(out, part.subtype());
        if (ext) {
            out.write(' ');
            writeParameters(out, part.parameters(), false);
            writeDispositionLanguageLocation(out, part);
        }
        out.write(')');
    }

    private static void writeSinglePart(ByteArrayOutputStream out, MimePart part, boolean ext) {
        boolean message = part.isMessageRfc822();
        boolean text = !message && part.isText();
        out.write('(');
        if (message) {
            ascii(out, "\"message\" \"rfc822\"");
        } else {
            ImapStrings.writeString(out, part.type());
            out.write(' ');
            ImapStrings.writeString(out, part.subtype());
        }
        out.write(' ');
        writeParameters(out, part.parameters(), text);
        out.write(' ');
        ImapStrings.writeNString(out, part.contentId());
        out.write(' ');
        ImapStrings.writeNString(out, part.contentDescription());
        out.write(' ');
        ImapStrings.writeString(out, part.contentTransferEncoding());
        ascii(out, " " + part.bodySize());
        if (message) {
            out.write(' ');
            if (part.embeddedMessage().isPresent()) {
                MimePart inner = part.embeddedMessage().get();
                writeEnvelope(out, inner.envelope());
                out.write(' ');
                writeBody(out, inner, ext);
            } else {
                writeEnvelope(out, Envelope.EMPTY);
                out.write(' ');
                ascii(out, EMPTY_BODY);
                ascii(out, ext ? " NIL NIL NIL NIL)" : ")");
            }
            ascii(out, " " + part.lines());
        } else if (text) {
            ascii(out, " " + part.lines());
        }
        if (ext) {
            out.write(' ');
            ImapStrings.writeNString(out, part.contentMd5());
            writeDispositionLanguageLocation(out, part);
        }
        out.write(')');
    }

    private static void writeDispositionLanguageLocation(ByteArrayOutputStream out, MimePart part) {
        out.write(' ');
        Disposition d = part.disposition();
        if (d == null) {
            out.writeBytes(NIL);
        } else {
            out.write('(');
            ImapStrings.writeString(out, d.type());
            out.write(' ');
            writeParameters(out, d.parameters(), false);
            out.write(')');
        }
        out.write(' ');
        List<String> languages = part.languages();
        if (languages.isEmpty()) {
            out.writeBytes(NIL);
        } else {
            out.write('(');
            for (int i = 0; i < languages.size(); i++) {
                if (i > 0) {
                    out.write(' ');
                }
                ImapStrings.writeString(out, languages.get(i));
            }
            out.write(')');
        }
        out.write(' ');
        ImapStrings.writeNString(out, part.contentLocation());
    }

    /** The parameter list, NIL when empty; text parts get a default charset at the end. */
    private static void writeParameters(ByteArrayOutputStream out, List<Parameter> params, boolean defaultCharset) {
        boolean hasCharset = false;
        for (Parameter p : params) {
            hasCharset |= p.name().equalsIgnoreCase("charset");
        }
        boolean addCharset = defaultCharset && !hasCharset;
        if (params.isEmpty() && !addCharset) {
            out.writeBytes(NIL);
            return;
        }
        out.write('(');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                out.write(' ');
            }
            ImapStrings.writeString(out, params.get(i).name());
            out.write(' ');
            ImapStrings.writeString(out, params.get(i).value());
        }
        if (addCharset) {
            ascii(out, params.isEmpty() ? "\"charset\" \"us-ascii\"" : " \"charset\" \"us-ascii\"");
        }
        out.write(')');
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
