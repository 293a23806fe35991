package dev.imapmock.sandbox.smtp;

import dev.imapmock.journal.ReceivedCommand.Authentication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * AUTH (RFC 4954) with PLAIN (RFC 4616) and LOGIN, checked against the IMAP users' passwords. An
 * initial response may come with the command ({@code =} for an empty one); {@code *} cancels.
 * The responses are never recorded: the journal shows {@code AUTH PLAIN ***}.
 */
final class SmtpAuth {
    private SmtpAuth() {
    }

    static Reply run(SmtpSession session, String arguments) throws IOException {
        if (!session.extended()) {
            throw new SmtpException(503, "5.5.1", "Send EHLO first");
        }
        if (session.user() != null) {
            throw new SmtpException(503, "5.5.1", "Already authenticated");
        }
        if (session.inTransaction()) {
            throw new SmtpException(503, "5.5.1", "AUTH is not permitted during a mail transaction");
        }
        String[] words = arguments.split(" ", -1);
        if (arguments.isEmpty() || words.length > 2 || words[0].isEmpty()) {
            throw new SmtpException(501, "5.5.4", "Syntax: AUTH mechanism [initial-response]");
        }
        String mechanism = words[0].toUpperCase(Locale.ROOT);
        String initial = words.length == 2 ? words[1] : null;
        return switch (mechanism) {
            case "PLAIN" -> plain(session, initial);
            case "LOGIN" -> login(session, initial);
            default -> throw new SmtpException(504, "5.5.4", "Unrecognized authentication type");
        };
    }

    private static Reply plain(SmtpSession session, String initial) throws IOException {
        session.attempt(new Authentication("PLAIN", null, null));
        String response = initial != null ? initial : answer(session, "");
        String[] parts = new String(decode(response), StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3) {
            throw new SmtpException(501, "5.5.2", "A PLAIN response is authzid NUL authcid NUL password");
        }
        session.attempt(new Authentication("PLAIN", parts[1], null));
        if (!parts[0].isEmpty() && !parts[0].equals(parts[1])) {
            throw invalid();
        }
        return check(session, parts[1], parts[2]);
    }

    private static Reply login(SmtpSession session, String initial) throws IOException {
        session.attempt(new Authentication("LOGIN", null, null));
        String name = text(initial != null ? initial : answer(session, base64("Username:")));
        session.attempt(new Authentication("LOGIN", name, null));
        String password = text(answer(session, base64("Password:")));
        return check(session, name, password);
    }

    private static Reply check(SmtpSession session, String name, String password) {
        if (session.server().imap().store().authenticate(name, password).isEmpty()) {
            throw invalid();
        }
        session.authenticated(name);
        return Reply.of(235, "2.7.0", "Authentication successful");
    }

    private static SmtpException invalid() {
        return new SmtpException(535, "5.7.8", "Authentication credentials invalid");
    }

    /** Sends a challenge and returns the answer as sent, base64; {@code *} cancels (RFC 4954 §4). */
    private static String answer(SmtpSession session, String challenge) throws IOException {
        LineReader.Line line = session.challenge(challenge);
        if (!(line instanceof LineReader.Line.Text text)) {
            throw new SmtpException(500, "5.5.2", "Line too long (at most " + SmtpSession.MAX_AUTH_LINE + " octets)");
        }
        String answer = new String(text.bytes(), StandardCharsets.US_ASCII);
        if (answer.equals("*")) {
            throw new SmtpException(501, "5.7.0", "Authentication cancelled");
        }
        return answer;
    }

    private static byte[] decode(String base64) {
        if (base64.equals("=")) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SmtpException(501, "5.5.2", "Cannot decode the response as base64");
        }
    }

    private static String text(String base64) {
        return new String(decode(base64), StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
