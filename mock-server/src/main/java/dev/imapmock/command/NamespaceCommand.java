package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Namespaces;

import java.io.IOException;

/**
 * NAMESPACE (RFC 2342): the personal namespace with an empty prefix and the store's delimiter
 * ({@code /} by default), and with ACL the other users' and the shared namespace (by default
 * {@code "Other Users/"} and {@code "Shared/"}, {@code "Other Users."} under {@code .}), as
 * Dovecot announces them.
 */
final class NamespaceCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        new Args(command.args()).end();
        String delimiter = MailboxNames.delimiter(session);
        if (!session.offers(Extension.ACL)) {
            session.out().untagged("NAMESPACE ((\"\" " + delimiter + ")) NIL NIL");
        } else {
            Namespaces namespaces = session.store().namespaces();
            session.out().untagged("NAMESPACE ((\"\" " + delimiter + ")) ((" + MailboxNames.string(session,
                    namespaces.otherUsers()) + " " + delimiter + ")) ((" + MailboxNames.string(session, namespaces.shared())
                    + " " + delimiter + "))");
        }
        return Completion.ok("Namespace completed.");
    }
}
