package dev.imapmock.command;

import dev.imapmock.protocol.ImapStrings;
import dev.imapmock.protocol.ResponseWriter;
import dev.imapmock.server.Session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * What GETMETADATA and SETMETADATA share (RFC 5464): the annotations a mailbox name stands for,
 * and the {@code * METADATA} response.
 */
final class MetadataResponse {
    /** One entry of a METADATA response; a null value is sent as NIL. */
    record Item(String entry, byte[] value) {
    }

    private MetadataResponse() {
    }

    /**
     * Writes {@code * METADATA mailbox (entry value ...)} (RFC 5464 §4.4): values quoted when
     * they can be, as literals when they hold CR, LF or 8-bit octets, and as literal8 {@code ~{n}}
     * when they hold NUL.
     */
    static void write(Session session, String wire, List<Item> items) throws IOException {
        ResponseWriter out = session.out();
        out.raw("* METADATA " + (wire.isEmpty() ? "\"\"" : MailboxNames.wire(session, MailboxNames.decode(session, wire))) + " (");
        boolean first = true;
        for (Item item : items) {
            ByteArrayOutputStream name = new ByteArrayOutputStream();
            ImapStrings.writeAString(name, item.entry());
            out.raw((first ? "" : " ") + name.toString(java.nio.charset.StandardCharsets.US_ASCII) + " ");
            first = false;
            value(out, item.value());
        }
        out.raw(")\r\n");
    }

    private static void value(ResponseWriter out, byte[] value) throws IOException {
        if (value == null) {
            out.raw("NIL");
            return;
        }
        boolean literal = false;
        for (byte b : value) {
            if (b == 0) {
                out.literal(value, 0, value.length, true);
                return;
            }
            literal |= b == '\r' || b == '\n' || (b & 0x80) != 0;
        }
        if (literal) {
            out.literal(value, 0, value.length);
            return;
        }
        ByteArrayOutputStream quoted = new ByteArrayOutputStream();
        ImapStrings.writeString(quoted, value);
        byte[] bytes = quoted.toByteArray();
        out.raw(bytes, 0, bytes.length);
    }
}
