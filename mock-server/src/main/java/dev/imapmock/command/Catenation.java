package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.mime.Slice;
import dev.imapmock.protocol.AppendRequest;
import dev.imapmock.protocol.FetchItem;
import dev.imapmock.protocol.ImapUrl;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.MailboxException;
import dev.imapmock.store.Message;

import java.io.ByteArrayOutputStream;

/**
 * The octets of one message to append: its parts in order, TEXT as sent and each URL (RFC 4469
 * §3) read from the session's own account. A URL that names no message, or a mailbox or user
 * other than the session's, fails the whole APPEND with {@code NO [BADURL url]}. With URLAUTH, a
 * URLAUTH-authorized URL reads whatever message it grants the user, in any account, and one
 * that grants nothing is {@code NO [BADURL url]} with the reason. Reading a message through a
 * URL does not set {@code \Seen}.
 */
final class Catenation {
    private Catenation() {
    }

    static byte[] of(AppendRequest.Message message, Session session) {
        if (message.parts().size() == 1 && message.parts().get(0) instanceof AppendRequest.Part.Text text) {
            return text.bytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AppendRequest.Part part : message.parts()) {
            if (part instanceof AppendRequest.Part.Text text) {
                out.writeBytes(text.bytes());
            } else if (part instanceof AppendRequest.Part.Url url) {
                Slice slice = resolve(url.url(), session);
                out.write(slice.array(), slice.offset(), slice.length());
            }
            if (out.size() > session.appendLimit()) {
                // RFC 4469 §5: TOOBIG, the message the parts make is larger than the server takes.
                throw CommandException.no("TOOBIG", "The catenated message is larger than "
                        + session.appendLimit() + " octets");
            }
        }
        return out.toByteArray();
    }

    private static Slice resolve(String text, Session session) {
        ImapUrl url;
        try {
            url = ImapUrl.parse(text, session.offers(Extension.URLAUTH));
        } catch (ImapUrl.Invalid e) {
            throw badUrl(text, e.getMessage());
        }
        if (url.partial() != null && !session.offers(Extension.URL_PARTIAL)) {
            throw badUrl(text, "Invalid IMAP URL: ;PARTIAL= needs URL-PARTIAL, which this server does not offer");
        }
        if (url.auth() != null) {
            // RFC 4469 §3: a URLAUTH-authorized URL may name any user's message it grants access to.
            try {
                Message message = UrlAuthority.resolve(url, session).message();
                Slice slice = url.section() == null ? Slice.of(message.bytes()) : message.mime().section(url.section());
                return clip(slice, url.partial());
            } catch (UrlAuthority.Refused e) {
                throw badUrl(text, e.getMessage());
            }
        }
        if (url.user() != null && !url.user().equals(session.account().user())) {
            throw badUrl(text, "The URL names another user's mail");
        }
        Mailbox mailbox;
        if (url.mailbox() == null) {
            if (session.selected() == null) {
                throw badUrl(text, "Mailbox-relative IMAP URL, but no mailbox selected");
            }
            mailbox = session.selected().mailbox();
        } else {
            // RFC 5092 §3.3: a URL's mailbox name is UTF-8, not modified UTF-7.
            String name = session.account().canonicalName(url.mailbox());
            try {
                mailbox = session.account().require(name);
            } catch (MailboxException e) {
                throw badUrl(text, "Mailbox doesn't exist: " + name);
            }
        }
        if (url.uidValidity() != 0 && url.uidValidity() != mailbox.uidValidity()) {
            throw badUrl(text, "Invalid UIDVALIDITY");
        }
        Message message = mailbox.byUid(url.uid());
        if (message == null) {
            throw badUrl(text, "Message not found");
        }
        Slice slice = url.section() == null ? Slice.of(message.bytes()) : message.mime().section(url.section());
        return clip(slice, url.partial());
    }

    private static Slice clip(Slice slice, FetchItem.Partial partial) {
        return partial == null ? slice : slice.window(partial.origin(), partial.count());
    }

    /** RFC 4469 §5: {@code BADURL} takes the URL as sent, as text without {@code ]}. */
    private static CommandException badUrl(String url, String reason) {
        return CommandException.no("BADURL " + printable(url), reason);
    }

    /** {@code url} as printable ASCII: controls, spaces, non-ASCII and {@code ]} percent-escaped. */
    static String printable(String url) {
        StringBuilder sb = new StringBuilder();
        for (char c : url.toCharArray()) {
            if (c <= ' ' || c >= 0x7f || c == ']') {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xff));
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
