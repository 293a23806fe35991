package dev.imapmock.sasl;

import java.nio.charset.StandardCharsets;

/**
 * XOAUTH2 (Google's "OAuth 2.0 Mechanism" for IMAP): one message
 * {@code user=USER ^A auth=Bearer TOKEN ^A ^A}. A token that is not valid for the user gets the
 * error challenge {@code {"status":"401","schemes":"Bearer","scope":"https://mail.google.com/"}};
 * the client answers it with an empty response, then the command fails with
 * {@code NO [AUTHENTICATIONFAILED]}, or {@code NO [EXPIRED]} for an expired token (RFC 5530 §3).
 */
final class XOAuth2 implements Mechanism {
    static final String ERROR = "{\"status\":\"401\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}";

    @Override
    public String name() {
        return "XOAUTH2";
    }

    @Override
    public Exchange start(Credentials credentials, java.util.Random random, Link link) {
        return new BearerExchange(credentials) {
            @Override
            Step parse(byte[] message) {
                String user = null;
                String auth = null;
                String text = new String(message, StandardCharsets.UTF_8);
                if (!text.endsWith("\u0001\u0001")) {
                    return invalid();
                }
                for (String field : text.substring(0, text.length() - 2).split("\u0001", -1)) {
                    if (field.startsWith("user=")) {
                        user = field.substring(5);
                    } else if (field.startsWith("auth=")) {
                        auth = field.substring(5);
                    }
                }
                return user == null || auth == null ? invalid() : verify(user, auth);
            }

            @Override
            byte[] error() {
                return ERROR.getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /** Gmail's answer to a message that is no XOAUTH2 message. */
    private static Step invalid() {
        return new Step.Failure("AUTHENTICATIONFAILED", "Invalid SASL argument.");
    }
}
