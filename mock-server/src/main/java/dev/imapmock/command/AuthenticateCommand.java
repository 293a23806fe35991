package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * AUTHENTICATE PLAIN (RFC 3501 §6.2.2, RFC 4616), with the initial response on the command line
 * (SASL-IR, RFC 4959, where {@code =} is an empty one) or after a {@code +} continuation. A
 * client answers {@code *} to cancel.
 */
final class AuthenticateCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String mechanism = args.atom("an authentication mechanism");
        if (args.hasMore() && !session.offers(Extension.SASL_IR)) {
            throw new ProtocolException("AUTHENTICATE takes the mechanism only: an initial response needs SASL-IR,"
                    + " which this server does not offer");
        }
        String initial = args.hasMore() ? args.atom("an initial response") : null;
        args.end();
        if (!mechanism.equalsIgnoreCase("PLAIN")) {
            throw CommandException.no("Unsupported authentication mechanism: " + mechanism);
        }
        String response = initial;
        if (response == null) {
            session.out().continuation("");
            response = session.in().readRawLine();
            if (response == null) {
                throw new EOFException();
            }
        }
        if (response.equals("*")) {
            throw CommandException.bad("Authentication canceled by the client");
        }
        Account account = verify(session, response.equals("=") ? new byte[0] : decode(response));
        session.login(account);
        return Completion.ok("CAPABILITY " + session.capabilities(), "Logged in");
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("Invalid base64 in the authentication response");
        }
    }

    /** RFC 4616: {@code [authzid] NUL authcid NUL passwd}; an authzid other than the user is refused. */
    private static Account verify(Session session, byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        String[] parts = text.split("\0", -1);
        if (parts.length != 3) {
            throw CommandException.bad("Invalid PLAIN response: expected authzid NUL authcid NUL password");
        }
        String authzid = parts[0];
        String user = parts[1];
        Account account = session.store().authenticate(user, parts[2])
                .orElseThrow(() -> CommandException.no("AUTHENTICATIONFAILED", "Authentication failed."));
        if (!authzid.isEmpty() && !authzid.equals(user)) {
            throw CommandException.no("AUTHORIZATIONFAILED", "Can't act as another user");
        }
        return account;
    }
}
