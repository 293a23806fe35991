package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.mime.BinaryContent;
import dev.imapmock.mime.MimeIndex;
import dev.imapmock.mime.MimePart;
import dev.imapmock.mime.SectionSpec;
import dev.imapmock.mime.Slice;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ImapStrings;
import dev.imapmock.protocol.ImapUrl;
import dev.imapmock.protocol.ResponseWriter;
import dev.imapmock.protocol.StructureEncoder;
import dev.imapmock.protocol.UrlFetchRequest;
import dev.imapmock.server.Session;
import dev.imapmock.store.Message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * URLFETCH (RFC 4467 §6.3): one {@code * URLFETCH url data} response per URL, in the order sent.
 * A URL that grants the user nothing is answered {@code NIL}, never a tagged NO, followed as in
 * Dovecot by {@code * NO Failed to fetch URLAUTH "url": reason.}. With URLAUTH=BINARY (RFC 5524)
 * a URL in parentheses is answered with metadata items, each in its own parentheses
 * (RFC 5524 §5 {@code url-metadata}): BODYPARTSTRUCTURE first, then BINARY (NIL when the part
 * cannot be decoded) or BODY; BODY when nothing is asked for. Reading does not set {@code \Seen}.
 */
final class UrlFetchCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        UrlFetchRequest request = UrlFetchRequest.parse(command.args(), session.offers(Extension.URLAUTH_BINARY));
        for (UrlFetchRequest.Item item : request.items()) {
            fetch(item, session);
        }
        return Completion.ok("URLFETCH completed.");
    }

    private static void fetch(UrlFetchRequest.Item item, Session session) throws IOException {
        ResponseWriter out = session.out();
        ImapUrl url;
        UrlAuthority.Target target;
        try {
            try {
                url = ImapUrl.parse(item.url(), true);
            } catch (ImapUrl.Invalid e) {
                throw new UrlAuthority.Refused(e.getMessage());
            }
            target = UrlAuthority.resolve(url, session);
        } catch (UrlAuthority.Refused e) {
            out.raw("* URLFETCH ");
            astring(out, item.url());
            out.raw(" NIL\r\n");
            out.untagged("NO Failed to fetch URLAUTH \"" + Catenation.printable(item.url()).replace("\"", "%22") + "\": "
                    + e.getMessage() + ".");
            return;
        }
        Message message = target.message();
        MimeIndex mime = message.mime();
        out.raw("* URLFETCH ");
        astring(out, item.url());
        if (!item.extended()) {
            out.raw(" ");
            literal(out, body(url, message), false);
            out.raw("\r\n");
            return;
        }
        if (item.params().contains(UrlFetchRequest.Param.BODYPARTSTRUCTURE)) {
            MimePart part = url.section() == null ? mime.root() : mime.resolve(url.section().path());
            out.raw(" (BODYPARTSTRUCTURE ");
            if (part == null) {
                out.raw("NIL");
            } else {
                byte[] structure = StructureEncoder.bodyStructure(part, true);
                out.raw(structure, 0, structure.length);
            }
            out.raw(")");
        }
        if (item.params().contains(UrlFetchRequest.Param.BINARY)) {
            out.raw(" (BINARY ");
            binary(out, url, message);
            out.raw(")");
        } else if (item.params().contains(UrlFetchRequest.Param.BODY) || item.params().isEmpty()) {
            out.raw(" (BODY ");
            literal(out, body(url, message), false);
            out.raw(")");
        }
        out.raw("\r\n");
    }

    private static Slice body(ImapUrl url, Message message) {
        Slice slice = url.section() == null ? Slice.of(message.bytes()) : message.mime().section(url.section());
        return url.partial() == null ? slice : slice.window(url.partial().origin(), url.partial().count());
    }

    /**
     * RFC 5524 §3.1: the part with its transfer encoding undone; a section of headers or text is
     * sent as stored. NIL when the encoding is unknown or the data does not decode (§3.2).
     */
    private static void binary(ResponseWriter out, ImapUrl url, Message message) throws IOException {
        MimeIndex mime = message.mime();
        SectionSpec section = url.section();
        if (section != null && section.kind() != SectionSpec.Kind.ALL) {
            literal(out, body(url, message), false);
            return;
        }
        BinaryContent.Decoded decoded;
        try {
            decoded = BinaryContent.of(mime, section == null ? List.of() : section.path());
        } catch (BinaryContent.UnknownEncodingException | BinaryContent.MalformedException e) {
            out.raw("NIL");
            return;
        }
        Slice slice = decoded.bytes();
        if (url.partial() != null) {
            slice = slice.window(url.partial().origin(), url.partial().count());
        }
        literal(out, slice, decoded.literal8());
    }

    private static void literal(ResponseWriter out, Slice slice, boolean literal8) throws IOException {
        out.literal(slice.array(), slice.offset(), slice.length(), literal8);
    }

    /** The URL as sent, as an atom when it can be one (Dovecot's choice), else as a string. */
    private static void astring(ResponseWriter out, String url) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImapStrings.writeAString(bytes, url);
        out.raw(bytes.toByteArray(), 0, bytes.size());
    }
}
