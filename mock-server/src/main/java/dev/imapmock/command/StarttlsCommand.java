package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;

/**
 * STARTTLS (RFC 3501 §6.2.1, RFC 9051 §6.2.1): answers OK and asks the connection to negotiate
 * TLS once that OK has left; the connection, not this handler, swaps the streams and drops
 * whatever the client sent after the command in clear. On a connection that already speaks TLS
 * it is a BAD, with Dovecot's text.
 */
final class StarttlsCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        new Args(command.args()).end();
        if (session.secure()) {
            throw CommandException.bad("TLS is already active.");
        }
        session.requestTls();
        return Completion.ok("Begin TLS negotiation now.");
    }
}
