package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;

import java.io.IOException;

/** CAPABILITY (RFC 3501 §6.1.1). */
final class CapabilityCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        new Args(command.args()).end();
        session.out().untagged("CAPABILITY " + session.capabilities());
        return Completion.ok("Capability completed.");
    }
}
