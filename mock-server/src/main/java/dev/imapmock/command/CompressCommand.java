package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;

/**
 * COMPRESS (RFC 4978 §3): with DEFLATE, answers OK and asks the connection to deflate both
 * directions once that OK has left; the connection, not this handler, swaps the streams. A second
 * COMPRESS is a NO with COMPRESSIONACTIVE (RFC 4978 §3), an unknown algorithm a BAD. STARTTLS
 * cannot follow, since it is allowed before login only and COMPRESS after login only, which
 * gives the order RFC 4978 §4 asks for: TLS under compression.
 */
final class CompressCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String algorithm = args.atom("a compression algorithm");
        args.end();
        if (!algorithm.equalsIgnoreCase("DEFLATE")) {
            throw CommandException.bad("Unknown compression algorithm " + algorithm + "; this server offers DEFLATE");
        }
        if (session.compressed()) {
            throw CommandException.no("COMPRESSIONACTIVE", "DEFLATE is already active");
        }
        session.requestCompression();
        return Completion.ok("DEFLATE active");
    }
}
