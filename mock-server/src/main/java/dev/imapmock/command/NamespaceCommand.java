package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Namespaces;

import java.io.IOException;

/**
 * NAMESPACE (RFC 2342): the personal namespace with an empty prefix and {@code /} as delimiter,
 * and with ACL the other users' and the shared namespace (by default {@code "Other Users/"} and
 * {@code "Shared/"}), as Dovecot announces them.
 */
final class NamespaceCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        new Args(command.args()).end();
        if (!session.offers(Extension.ACL)) {
            session.out().untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
        } else {
            Namespaces namespaces = session.store().namespaces();
            session.out().untagged("NAMESPACE ((\"\" \"/\")) ((" + MailboxNames.string(session, namespaces.otherUsers())
                    + " \"/\")) ((" + MailboxNames.string(session, namespaces.shared()) + " \"/\"))");
        }
        return Completion.ok("Namespace completed.");
    }
}
