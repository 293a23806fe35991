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
 * (SASL-IR, RFC 4959, where {@code =} is an empty one) or after a {@code +} continuation, where an
 * empty line is an empty response. A client answers {@code *} to cancel.
 *
 * <p>Where the server requires TLS, PLAIN on a clear connection is refused at once with
 * {@code NO [PRIVACYREQUIRED]}, even with a valid initial response.
 *
 * <p>Base64 that does not decode is a BAD; a response that decodes but is no valid PLAIN message,
 * the empty one included, is a failed authentication: {@code NO [AUTHENTICATIONFAILED]}, as
 * Dovecot answers.
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
        if (session.loginDisabled()) {
            // RFC 3501 §6.2.3, RFC 5530 §3; refused before any continuation, as Dovecot does.
            throw CommandException.no("PRIVACYREQUIRED", "Plaintext authentication disabled.");
        }
        byte[] message;
        if (initial != null) {
            message = initial.equals("=") ? new byte[0] : decode(initial);
        } else {
            session.out().continuation("");
            String response = session.in().readRawLine();
            if (response == null) {
                throw new EOFException();
            }
            if (response.equals("*")) {
                throw CommandException.bad("Authentication canceled by the client");
            }
            // "=" stands for an empty response only on the command line (RFC 4959 §3); here it is base64.
            message = decode(response);
        }
        Account account = verify(session, message);
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
        if (message.length == 0) {
            throw CommandException.no("AUTHENTICATIONFAILED",
                    "Authentication failed: the PLAIN response is empty; it must be authzid NUL authcid NUL password");
        }
        String text = new String(message, StandardCharsets.UTF_8);
        String[] parts = text.split("\0", -1);
        if (parts.length != 3) {
            throw CommandException.no("AUTHENTICATIONFAILED",
                    "Authentication failed: the PLAIN response must be authzid NUL authcid NUL password");
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
