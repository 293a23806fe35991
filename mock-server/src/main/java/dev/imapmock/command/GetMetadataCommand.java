package dev.imapmock.command;

import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.GetMetadataRequest;
import dev.imapmock.server.Session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GETMETADATA [(options)] mailbox entries (RFC 5464 §4.2): one {@code * METADATA} response with
 * the entries in the order asked. As Dovecot answers: without DEPTH an entry with no value is
 * listed as NIL; with DEPTH 1 or infinity only the entries that have a value are, the named one
 * first, then those below it in name order; nothing to list sends no response. Values over MAXSIZE
 * are left out, and the tagged OK says how large the largest of them is
 * ({@code [METADATA LONGENTRIES n]}, §4.2.1).
 */
final class GetMetadataCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        GetMetadataRequest request = GetMetadataRequest.parse(command.args());
        MetadataTarget annotations = MetadataTarget.of(session, request.mailbox());
        List<MetadataResponse.Item> items = new ArrayList<>();
        long longest = -1;
        for (String entry : request.entries()) {
            if (request.depth() == 0) {
                byte[] value = annotations.get(entry);
                if (value != null && tooLarge(request, value)) {
                    longest = Math.max(longest, value.length);
                } else {
                    items.add(new MetadataResponse.Item(entry, value));
                }
                continue;
            }
            for (Map.Entry<String, byte[]> found : annotations.find(entry, request.depth()).entrySet()) {
                if (tooLarge(request, found.getValue())) {
                    longest = Math.max(longest, found.getValue().length);
                } else {
                    items.add(new MetadataResponse.Item(found.getKey(), found.getValue()));
                }
            }
        }
        if (!items.isEmpty()) {
            MetadataResponse.write(session, request.mailbox(), items);
        }
        return longest < 0 ? Completion.ok("Getmetadata completed.")
                : Completion.ok("METADATA LONGENTRIES " + longest, "Getmetadata completed.");
    }

    private static boolean tooLarge(GetMetadataRequest request, byte[] value) {
        return request.maxSize() >= 0 && value.length > request.maxSize();
    }
}
