package dev.imapmock.sasl;

/** What the server does next in a SASL exchange (RFC 4422 §3). */
public sealed interface Step {

    /** Sends {@code data} as a {@code +} continuation (base64) and waits for the client's response. */
    record Challenge(byte[] data) implements Step {
    }

    /**
     * The client is authenticated as {@code user}; {@code tokenLabel} names the OAuth2 token used,
     * or is null for a password.
     */
    record Success(String user, String tokenLabel) implements Step {
    }

    /**
     * Authentication failed: a tagged NO with this RFC 5530 response code (or none) and text;
     * {@code tokenLabel} names the OAuth2 token presented when the server knows it, else null.
     */
    record Failure(String code, String text, String tokenLabel) implements Step {
        /**
         * A failure without a token.
         *
         * @param code the response code, or null
         * @param text the text
         */
        public Failure(String code, String text) {
            this(code, text, null);
        }
    }

    /**
     * A challenge of this text, in UTF-8.
     *
     * @param text the text
     * @return the step
     */
    static Step challenge(String text) {
        return new Challenge(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * {@return {@code NO [AUTHENTICATIONFAILED] Authentication failed.}, the answer that tells nothing}
     */
    static Failure failed() {
        return new Failure("AUTHENTICATIONFAILED", "Authentication failed.");
    }
}
