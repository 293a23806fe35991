package dev.imapmock.sasl;

import java.nio.charset.StandardCharsets;

/**
 * PLAIN (RFC 4616): one message {@code [authzid] NUL authcid NUL passwd}. A response that is no
 * such message, the empty one included, is a failed authentication, as Dovecot answers; an
 * authzid other than the user is {@code [AUTHORIZATIONFAILED]} (RFC 5530 §3).
 */
final class Plain implements Mechanism {
    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    public Exchange start(Credentials credentials, java.util.Random random, Link link) {
        return new Exchange() {
            @Override
            public Step start(byte[] initial) {
                // RFC 4422 §5: without an initial response the server sends an empty challenge.
                return initial == null ? new Step.Challenge(new byte[0]) : next(initial);
            }

            @Override
            public Step next(byte[] message) {
                return verify(credentials, message);
            }
        };
    }

    private static Step verify(Credentials credentials, byte[] message) {
        if (message.length == 0) {
            return new Step.Failure("AUTHENTICATIONFAILED",
                    "Authentication failed: the PLAIN response is empty; it must be authzid NUL authcid NUL password");
        }
        String[] parts = new String(message, StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3) {
            return new Step.Failure("AUTHENTICATIONFAILED",
                    "Authentication failed: the PLAIN response must be authzid NUL authcid NUL password");
        }
        String authzid = parts[0];
        String user = parts[1];
        if (!credentials.passwordMatches(user, parts[2])) {
            return Step.failed();
        }
        if (!authzid.isEmpty() && !authzid.equals(user)) {
            return new Step.Failure("AUTHORIZATIONFAILED", "Can't act as another user");
        }
        return new Step.Success(user, null);
    }
}
