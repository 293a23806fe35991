package dev.imapmock.sasl;

import java.util.Optional;

/** What mechanisms check a client's proof against. Safe for any thread. */
public interface Credentials {

    /**
     * True when {@code user} exists and {@code password} is theirs; in constant time for a known user.
     *
     * @param user the user name
     * @param password the password presented
     * @return whether it matches
     */
    boolean passwordMatches(String user, String password);

    /**
     * The password itself, for the challenge-response mechanisms that key a MAC with it
     * (CRAM-MD5, SCRAM); empty for an unknown user.
     *
     * @param user the user name
     * @return the password, or empty
     */
    Optional<String> password(String user);

    /**
     * What the server knows of {@code token} presented for {@code user}, or for whoever owns it
     * when {@code user} is null (OAUTHBEARER without an authzid, RFC 7628 §3.1).
     *
     * @param user the user named, or null
     * @param token the token presented
     * @return the verdict
     */
    TokenCheck token(String user, String token);

    /** A token's verdict, with its owner and label when the server knows the token. */
    record TokenCheck(Verdict verdict, String user, String label) {
    }

    /**
     * What the server knows of a token.
     */
    enum Verdict {
        /** Known, belongs to the user, neither expired nor revoked. */
        VALID,
        /** Known, but past its lifetime: the client should refresh it. */
        EXPIRED,
        /** Known, but withdrawn. */
        REVOKED,
        /** Not known, or another user's. */
        UNKNOWN
    }
}
