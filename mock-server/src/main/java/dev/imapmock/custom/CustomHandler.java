package dev.imapmock.custom;

import java.io.IOException;

/**
 * Runs a custom command on the connection's thread: reads its arguments, writes its untagged
 * responses through {@code command} and returns how it ended. The server writes the tagged
 * response. Runs for one command at a time per connection, but for several connections at once:
 * a handler that keeps state must make it thread-safe.
 *
 * <p>An {@link IllegalArgumentException} thrown here is answered {@code BAD} with its message (a
 * handler's way to refuse its arguments); any other exception {@code NO [SERVERBUG]}, its details
 * going to the server's log only. The connection stays usable either way.
 */
@FunctionalInterface
public interface CustomHandler {

    /**
     * Runs the command.
     *
     * @param command the command, the session it runs in and where its responses go
     * @return the tagged response
     * @throws IOException when writing to the client fails
     */
    Reply handle(CustomCommand command) throws IOException;
}
