package dev.imapmock.command;

import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;

import java.io.IOException;

/**
 * Runs one command. A handler writes its untagged data through the session, returns how the
 * command completed, and throws {@link CommandException}, {@link dev.imapmock.protocol.ProtocolException}
 * or {@link dev.imapmock.store.MailboxException} to refuse it; it never writes a tagged response.
 */
@FunctionalInterface
public interface CommandHandler {
    Completion handle(Command command, Session session) throws IOException;
}
