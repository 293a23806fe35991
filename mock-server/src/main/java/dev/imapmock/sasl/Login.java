package dev.imapmock.sasl;

import java.nio.charset.StandardCharsets;

/**
 * LOGIN (draft-murchison-sasl-login): the server asks {@code Username:}, then {@code Password:}.
 * An initial response is the user name, as Dovecot takes it; an empty one asks for it anyway.
 */
final class Login implements Mechanism {
    @Override
    public String name() {
        return "LOGIN";
    }

    @Override
    public Exchange start(Credentials credentials, java.util.Random random, Link link) {
        return new Exchange() {
            private String user;

            @Override
            public Step start(byte[] initial) {
                return initial == null || initial.length == 0 ? Step.challenge("Username:") : next(initial);
            }

            @Override
            public Step next(byte[] response) {
                String text = new String(response, StandardCharsets.UTF_8);
                if (user == null) {
                    user = text;
                    return Step.challenge("Password:");
                }
                return credentials.passwordMatches(user, text) ? new Step.Success(user, null) : Step.failed();
            }
        };
    }
}
