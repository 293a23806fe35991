package dev.imapmock.sasl;

import java.nio.charset.StandardCharsets;

/**
 * OAUTHBEARER (RFC 7628 §3.1): a GS2 header {@code n,a=USER,} then {@code %x01}-separated
 * key=value pairs ({@code host=}, {@code port=}, {@code auth=Bearer TOKEN}) and a closing
 * {@code %x01 %x01}. Without {@code a=} the token names the user. A bad token gets the JSON
 * error challenge of §3.2.2, which the client answers with a single {@code %x01} (§3.2.3); the
 * command then fails. Channel binding ({@code p=}) is not supported.
 */
final class OAuthBearer implements Mechanism {
    static final String ERROR = "{\"status\":\"invalid_token\",\"scope\":\"https://mail.google.com/\"}";

    @Override
    public String name() {
        return "OAUTHBEARER";
    }

    @Override
    public Exchange start(Credentials credentials, java.util.Random random, Link link) {
        return new BearerExchange(credentials) {
            @Override
            Step parse(byte[] message) {
                String text = new String(message, StandardCharsets.UTF_8);
                int first = text.indexOf(',');
                int second = first < 0 ? -1 : text.indexOf(',', first + 1);
                if (second < 0 || !(text.startsWith("n,") || text.startsWith("y,"))
                        || !text.startsWith("\u0001", second + 1) || !text.endsWith("\u0001\u0001")) {
                    return invalid();
                }
                String authzid = text.substring(first + 1, second);
                if (!authzid.isEmpty() && !authzid.startsWith("a=")) {
                    return invalid();
                }
                String user = authzid.isEmpty() ? null : authzid.substring(2).replace("=2C", ",").replace("=3D", "=");
                String auth = null;
                String pairs = text.substring(second + 2, text.length() - 2);
                for (String pair : pairs.isEmpty() ? new String[0] : pairs.split("\u0001", -1)) {
                    if (pair.startsWith("auth=")) {
                        auth = pair.substring(5);
                    } else if (pair.indexOf('=') <= 0) {
                        return invalid();
                    }
                }
                return auth == null ? invalid() : verify(user, auth);
            }

            @Override
            byte[] error() {
                return ERROR.getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private static Step invalid() {
        return new Step.Failure("AUTHENTICATIONFAILED",
                "Invalid SASL argument: OAUTHBEARER needs n,a=USER, ^A auth=Bearer TOKEN ^A ^A (RFC 7628 section 3.1)");
    }
}
