package dev.imapmock.command;

import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ResetKeyRequest;
import dev.imapmock.server.Session;
import dev.imapmock.store.Mailbox;

import java.io.IOException;

/**
 * RESETKEY (RFC 4467 §6.1): drops the URLAUTH access key of one mailbox, or of every mailbox of
 * the user, so that every URL they authorized stops working; the next GENURLAUTH makes a new
 * key. With a mailbox it answers {@code OK [URLMECH INTERNAL]}, as Dovecot does; a mechanism
 * other than INTERNAL is NO.
 */
final class ResetKeyCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        ResetKeyRequest request = ResetKeyRequest.parse(command.args());
        if (request.mailbox() == null) {
            session.account().mailboxes().forEach(Mailbox::resetUrlAuthKey);
            return Completion.ok("All keys removed.");
        }
        String name = MailboxNames.decode(session, request.mailbox());
        for (String mechanism : request.mechanisms()) {
            if (!UrlAuthority.isInternal(mechanism)) {
                throw CommandException.no("Unsupported URLAUTH mechanism: " + mechanism);
            }
        }
        session.account().require(name).resetUrlAuthKey();
        return Completion.ok("URLMECH INTERNAL", "Key removed.");
    }
}
