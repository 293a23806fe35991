package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;

import java.io.IOException;

/** NAMESPACE (RFC 2342): one personal namespace with an empty prefix and {@code /} as delimiter. */
final class NamespaceCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        new Args(command.args()).end();
        session.out().untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
        return Completion.ok("Namespace completed.");
    }
}
