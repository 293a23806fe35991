package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;

/**
 * NOOP (RFC 3501 §6.1.2) and CHECK (§6.4.1): nothing to do in memory; the mailbox updates every
 * command carries are what a client polls for.
 */
final class NoopCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        new Args(command.args()).end();
        return Completion.ok(command.name().equals("CHECK") ? "Check completed." : "NOOP completed.");
    }
}
