package dev.imapmock.command;

import dev.imapmock.Extension;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.protocol.Args;
import dev.imapmock.protocol.Command;
import dev.imapmock.protocol.ProtocolException;
import dev.imapmock.sasl.Exchange;
import dev.imapmock.sasl.Mechanism;
import dev.imapmock.sasl.Mechanisms;
import dev.imapmock.sasl.Step;
import dev.imapmock.server.Session;
import dev.imapmock.store.Account;

import java.io.EOFException;
import java.io.IOException;
import java.util.Base64;

/**
 * AUTHENTICATE (RFC 3501 §6.2.2): runs the exchange of the mechanism named, chosen from the
 * server's table, over {@code +} continuations. The initial response may come on the command line
 * (SASL-IR, RFC 4959, where {@code =} is an empty one) for mechanisms where the client speaks
 * first; with one where the server speaks first it is a BAD (RFC 4959 §3). A client answers
 * {@code *} to cancel: a BAD (RFC 3501 §6.2.2). Base64 that does not decode is a BAD.
 *
 * <p>Where the server requires TLS, a mechanism that sends a secret in clear is refused on a clear
 * connection at once with {@code NO [PRIVACYREQUIRED]}, even with a valid initial response.
 */
final class AuthenticateCommand implements CommandHandler {
    @Override
    public Completion handle(Command command, Session session) throws IOException {
        Args args = new Args(command.args());
        String name = args.atom("an authentication mechanism");
        if (args.hasMore() && !session.offers(Extension.SASL_IR)) {
            throw new ProtocolException("AUTHENTICATE takes the mechanism only: an initial response needs SASL-IR,"
                    + " which this server does not offer");
        }
        String initial = args.hasMore() ? args.atom("an initial response") : null;
        args.end();
        Mechanism mechanism = session.mechanism(name)
                .orElseThrow(() -> CommandException.no("Unsupported authentication mechanism."));
        if (!session.offers(mechanism)) {
            // RFC 3501 §6.2.3, RFC 5530 §3; refused before any continuation, as Dovecot does.
            throw CommandException.no("PRIVACYREQUIRED", "Plaintext authentication disabled.");
        }
        if (initial != null && !mechanism.clientFirst()) {
            throw new ProtocolException(mechanism.name() + " does not take an initial response: the server speaks"
                    + " first (RFC 4959 section 3)");
        }
        session.attempt(new ReceivedCommand.Authentication(mechanism.name(), null, null));
        if (session.quirks().loginRefusal() != null && !Mechanisms.OAUTH.contains(mechanism.name())) {
            // A provider that takes OAuth2 only refuses every password mechanism, right or wrong.
            throw CommandException.no(session.quirks().loginRefusal().replace("{command}", "AUTHENTICATE"));
        }
        Exchange exchange = mechanism.start(session.credentials(), session.random(), session.saslLink());
        Step step = exchange.start(initial == null ? null : initial.equals("=") ? new byte[0] : decode(initial));
        while (step instanceof Step.Challenge challenge) {
            session.out().continuation(Base64.getEncoder().encodeToString(challenge.data()));
            String response = session.in().readRawLine();
            if (response == null) {
                throw new EOFException();
            }
            if (response.equals("*")) {
                throw CommandException.bad("Authentication aborted by client.");
            }
            // "=" stands for an empty response only on the command line (RFC 4959 §3); here it is base64.
            step = exchange.next(decode(response));
        }
        if (step instanceof Step.Failure failure) {
            session.attempt(new ReceivedCommand.Authentication(mechanism.name(), null, failure.tokenLabel()));
            throw CommandException.no(failure.code(), failure.text());
        }
        Step.Success success = (Step.Success) step;
        session.attempt(new ReceivedCommand.Authentication(mechanism.name(), success.user(), success.tokenLabel()));
        Account account = session.store().account(success.user())
                .orElseThrow(() -> CommandException.no("AUTHENTICATIONFAILED", "Authentication failed."));
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
}
