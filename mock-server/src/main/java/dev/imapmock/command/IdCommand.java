package dev.imapmock.command;

import dev.imapmock.protocol.Arg;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.server.Session;

import java.io.IOException;

/** ID (RFC 2971): the client's parameter list or NIL; answers with the server's identity. */
final class IdCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        Arg params = args.any("a parameter list or NIL");
        args.end();
        boolean nil = params instanceof Arg.Atom a && a.isNil();
        if (!nil && !(params instanceof Arg.ListArg list && list.items().size() % 2 == 0
                && list.items().size() <= 60)) {
            throw new ProtocolException("ID takes NIL or a list of up to 30 field-value pairs");
        }
        session.out().untagged("ID (\"name\" \"ImapMock\" \"vendor\" \"ImapMock\")");
        return Completion.ok("ID completed.");
    }
}
