package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;

import java.io.IOException;

/** LOGOUT (RFC 3501 §6.1.3): {@code * BYE}, then the tagged OK, then the connection closes. */
final class LogoutCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        new Args(command.args()).end();
        session.logout();
        session.out().untagged("BYE Logging out");
        return Completion.ok("Logout completed.");
    }
}
