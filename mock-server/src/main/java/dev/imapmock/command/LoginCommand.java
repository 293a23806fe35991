package dev.imapmock.command;

import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;

/**
 * LOGIN (RFC 3501 §6.2.3). A failure never says whether the user or the password was wrong.
 */
final class LoginCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) {
        Args args = new Args(command.args());
        String user = args.astring("a user name");
        String password = args.astring("a password");
        args.end();
        Account account = session.store().authenticate(user, password).orElse(null);
        if (account == null) {
            throw CommandException.no("AUTHENTICATIONFAILED", "Authentication failed.");
        }
        session.login(account);
        return Completion.ok("CAPABILITY " + session.capabilities(), "Logged in");
    }
}
