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
    /**
     * Runs the command and tells how it completed; called on the connection's thread, one command at a
     * time. Any other runtime exception is logged and answered {@code NO [SERVERBUG]}.
     *
     * @param command the decoded command, its tag and arguments
     * @param session the session it runs in, for its state, its store view and its untagged output
     * @return the tagged OK's response code and text
     * @throws IOException when writing to the client fails; the connection then ends
     */
    Completion handle(Command command, Session session) throws IOException;
}
