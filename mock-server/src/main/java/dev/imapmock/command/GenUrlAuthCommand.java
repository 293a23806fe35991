package dev.imapmock.command;

import dev.imapmock.protocol.GenUrlAuthRequest;
import dev.imapmock.protocol.ImapStrings;
import dev.imapmock.protocol.ImapUrl;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Mailbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * GENURLAUTH (RFC 4467 §6.2): for each rump URL of one of the user's own messages, the URL with
 * {@code :internal:token} appended, all in one {@code * GENURLAUTH} response. As Dovecot answers,
 * a URL that is not such a rump (another user's, expired, naming no message) is BAD with the
 * reason, and nothing is generated; a mechanism other than INTERNAL is NO. The URL's host and
 * port are not checked: the server answers to any name.
 */
final class GenUrlAuthCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        GenUrlAuthRequest request = GenUrlAuthRequest.parse(command.args());
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        response.writeBytes("GENURLAUTH".getBytes(StandardCharsets.US_ASCII));
        for (GenUrlAuthRequest.Rump rump : request.rumps()) {
            if (!UrlAuthority.isInternal(rump.mechanism())) {
                throw CommandException.no("Unsupported URLAUTH mechanism: " + rump.mechanism());
            }
            response.write(' ');
            ImapStrings.writeAString(response, authorize(rump.url(), session));
        }
        session.out().untagged(response.toString(StandardCharsets.UTF_8));
        return Completion.ok("GENURLAUTH completed.");
    }

    private static String authorize(String text, Session session) {
        ImapUrl url;
        try {
            url = ImapUrl.parse(text, true);
        } catch (ImapUrl.Invalid e) {
            throw CommandException.bad(e.getMessage());
        }
        if (url.auth() == null || !url.auth().isRump()) {
            throw CommandException.bad("Invalid URL: Must be an URLAUTH rump URL");
        }
        if (url.auth().expire() != null && session.clock().instant().isAfter(url.auth().expire())) {
            throw CommandException.bad("URLAUTH has already expired");
        }
        if (!url.user().equals(session.account().user())) {
            throw CommandException.bad("Not permitted to generate URLAUTH for user " + url.user());
        }
        Mailbox mailbox = session.account().mailbox(url.mailbox());
        if (mailbox == null || mailbox.isNoselect()) {
            throw CommandException.bad("Invalid URL: Mailbox doesn't exist: " + url.mailbox());
        }
        if (url.uidValidity() != 0 && url.uidValidity() != mailbox.uidValidity()) {
            throw CommandException.bad("Invalid URL: Invalid UIDVALIDITY");
        }
        if (mailbox.byUid(url.uid()) == null) {
            throw CommandException.bad("Invalid URL: Message not found");
        }
        String rump = url.auth().rump();
        return rump + ":internal:" + UrlAuthority.token(UrlAuthority.key(mailbox, session), rump);
    }
}
