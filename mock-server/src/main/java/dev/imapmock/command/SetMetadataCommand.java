package dev.imapmock.command;

import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.SetMetadataRequest;
import dev.imapmock.server.Session;
import dev.imapmock.store.MetadataException;

import java.io.IOException;

/**
 * SETMETADATA mailbox (entry value ...) (RFC 5464 §4.3): sets the values, removes the entries
 * given NIL, all or nothing. The store's limits refuse a value too large with
 * {@code NO [METADATA MAXSIZE n]}, more entries than allowed with {@code NO [METADATA TOOMANY]}
 * and private entries, when there are none, with {@code NO [METADATA NOPRIVATE]}. No METADATA
 * response is sent; unsolicited ones belong to NOTIFY, which does not offer the METADATA events.
 */
final class SetMetadataCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        SetMetadataRequest request = SetMetadataRequest.parse(command.args());
        try {
            MetadataTarget.of(session, request.mailbox()).set(request.values(), session.store().metadataLimits());
        } catch (MetadataException e) {
            throw CommandException.no(code(e), e.getMessage());
        }
        return Completion.ok("Setmetadata completed.");
    }

    private static String code(MetadataException e) {
        return switch (e.reason()) {
            case MAXSIZE -> "METADATA MAXSIZE " + e.limit();
            case TOOMANY -> "METADATA TOOMANY";
            case NOPRIVATE -> "METADATA NOPRIVATE";
        };
    }
}
