package dev.imapmock.sandbox.admin;

import dev.imapmock.mime.Address;
import dev.imapmock.mime.Disposition;
import dev.imapmock.mime.Envelope;
import dev.imapmock.mime.MimeIndex;
import dev.imapmock.mime.MimePart;
import dev.imapmock.mime.Parameter;
import dev.imapmock.store.Message;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored message as the API shows it: the summary of a message list, and the parsed view with
 * headers, the part tree (numbered as IMAP sections: {@code 1}, {@code 1.2}), the first plain-text
 * part decoded, and whether there is an HTML part. Read from the message's MIME index, which never
 * fails on broken mail.
 */
final class MessageViews {
    private MessageViews() {
    }

    static Map<String, Object> summary(Message m) {
        MimeIndex mime = m.mime();
        Envelope e = mime.envelope();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("uid", m.uid());
        s.put("flags", m.flags().names());
        s.put("internalDate", m.internalDate().withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString());
        s.put("size", m.size());
        s.put("date", mime.topHeader().sentDateTime().map(d -> d.toInstant().toString()).orElse(null));
        String subject = mime.decodedHeader("subject");
        s.put("subject", subject == null ? null : subject.lines().findFirst().orElse("").strip());
        s.put("from", addresses(e.from()));
        s.put("to", addresses(e.to()));
        s.put("cc", addresses(e.cc()));
        s.put("messageId", e.messageId());
        s.put("hasAttachments", hasAttachment(mime.root(), true));
        return s;
    }

    static Map<String, Object> parsed(Message m) {
        MimeIndex mime = m.mime();
        Map<String, Object> p = summary(m);
        List<Map<String, String>> headers = new ArrayList<>();
        for (String line : mime.decodedHeaderText().split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                Map<String, String> h = new LinkedHashMap<>();
                h.put("name", line.substring(0, colon));
                h.put("value", line.substring(colon + 2));
                headers.add(h);
            }
        }
        p.put("headers", headers);
        p.put("parts", partsOfMessage(mime.root(), ""));
        MimePart text = first(mime.root(), "plain");
        p.put("text", text == null ? null : mime.decodedText(text));
        p.put("hasHtml", first(mime.root(), "html") != null);
        return p;
    }

    /** The first text/{@code subtype} part that is not an attachment, depth first; null when none. */
    static MimePart first(MimePart part, String subtype) {
        if (part.isMultipart()) {
            for (MimePart child : part.children()) {
                MimePart found = first(child, subtype);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        boolean attachment = part.disposition() != null && part.disposition().type().equalsIgnoreCase("attachment");
        return part.isText() && part.subtype().equalsIgnoreCase(subtype) && !attachment ? part : null;
    }

    /** The file name a part carries in its disposition or content type, decoded; null when none. */
    static String filename(MimePart part) {
        Disposition d = part.disposition();
        String name = null;
        if (d != null) {
            for (Parameter p : d.parameters()) {
                if (p.name().equalsIgnoreCase("filename")) {
                    name = p.value();
                }
            }
        }
        if (name == null) {
            name = part.parameter("name");
        }
        return name == null ? null : MimeIndex.decodeWords(name);
    }

    private static List<Map<String, Object>> partsOfMessage(MimePart message, String prefix) {
        List<Map<String, Object>> parts = new ArrayList<>();
        if (message.isMultipart()) {
            List<MimePart> children = message.children();
            for (int i = 0; i < children.size(); i++) {
                parts.add(node(children.get(i), prefix + (i + 1)));
            }
        } else {
            parts.add(node(message, prefix + "1"));
        }
        return parts;
    }

    private static Map<String, Object> node(MimePart part, String number) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("part", number);
        n.put("contentType", (part.type() + "/" + part.subtype()).toLowerCase(java.util.Locale.ROOT));
        n.put("size", part.bodySize());
        n.put("filename", filename(part));
        n.put("disposition", part.disposition() == null ? null : part.disposition().type().toLowerCase(java.util.Locale.ROOT));
        List<Map<String, Object>> children = new ArrayList<>();
        if (part.isMultipart()) {
            for (int i = 0; i < part.children().size(); i++) {
                children.add(node(part.children().get(i), number + "." + (i + 1)));
            }
        } else if (part.embeddedMessage().isPresent()) {
            children = partsOfMessage(part.embeddedMessage().get(), number + ".");
        }
        n.put("parts", children);
        return n;
    }

    private static boolean hasAttachment(MimePart part, boolean root) {
        if (part.isMultipart()) {
            for (MimePart child : part.children()) {
                if (hasAttachment(child, false)) {
                    return true;
                }
            }
            return false;
        }
        if (root) {
            return false;
        }
        Disposition d = part.disposition();
        return (d != null && d.type().equalsIgnoreCase("attachment")) || filename(part) != null;
    }

    private static List<Map<String, String>> addresses(List<Address> list) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Address a : list) {
            if (a.host() == null) {
                continue; // a group's start or end marker (RFC 3501 §7.4.2)
            }
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", a.name() == null ? null : MimeIndex.decodeWords(a.name()));
            m.put("address", a.mailbox() + "@" + a.host());
            out.add(m);
        }
        return out;
    }
}
