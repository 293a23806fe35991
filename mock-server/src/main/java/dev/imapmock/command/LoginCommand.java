package dev.imapmock.command;

import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;

import java.io.IOException;

/**
 * LOGIN (RFC 3501 §6.2.3). A failure never says whether the user or the password was wrong.
 * Where the server requires TLS, LOGIN on a clear connection is refused with
 * {@code NO [PRIVACYREQUIRED]} (RFC 5530 §3) whatever the credentials, after the untagged
 * {@code BAD [ALERT]} Dovecot sends to tell the user the password went out in clear.
 */
final class LoginCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String user = args.astring("a user name");
        String password = args.astring("a password");
        args.end();
        session.attempt(new ReceivedCommand.Authentication("LOGIN", user, null));
        if (session.loginDisabled()) {
            session.out().untagged("BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client"
                    + " did it anyway. If anyone was listening, the password was exposed.");
            throw CommandException.no("PRIVACYREQUIRED",
                    "Plaintext authentication disallowed on non-secure (SSL/TLS) connections.");
        }
        if (session.quirks().loginRefusal() != null) {
            // A provider that takes OAuth2 only refuses every password, right or wrong.
            throw CommandException.no(session.quirks().loginRefusal().replace("{command}", "LOGIN"));
        }
        Account account = session.store().authenticate(user, password).orElse(null);
        if (account == null) {
            throw CommandException.no("AUTHENTICATIONFAILED", "Authentication failed.");
        }
        session.login(account);
        return Completion.ok("CAPABILITY " + session.capabilities(), "Logged in");
    }
}
