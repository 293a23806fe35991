package dev.imapmock.sasl;

/** A SASL mechanism (RFC 4422): a name and how one exchange runs. Stateless; safe for any thread. */
public interface Mechanism {

    /**
     * The name as in {@code AUTH=} and AUTHENTICATE, upper case.
     *
     * @return the name
     */
    String name();

    /**
     * True when the client speaks first, so an initial response (SASL-IR) is allowed; false when
     * the server must send the first challenge (RFC 4959 §3: then an initial response is a BAD).
     * Most mechanisms are client-first.
     *
     * @return whether the client speaks first
     */
    default boolean clientFirst() {
        return true;
    }

    /**
     * True when the mechanism sends a reusable secret (password, bearer token) in clear, so a
     * server that requires TLS neither offers nor accepts it before TLS (RFC 3501 §6.2.3). Only
     * the challenge-response mechanisms (CRAM-MD5, SCRAM) do not.
     *
     * @return whether a secret travels in clear
     */
    default boolean sendsSecretInClear() {
        return true;
    }

    /**
     * True for the {@code -PLUS} variants, which bind the exchange to the TLS channel (RFC 5056):
     * offered only on a connection that speaks TLS and has channel-binding data.
     *
     * @return whether the exchange binds the channel
     */
    default boolean bindsChannel() {
        return false;
    }

    /**
     * Starts one exchange that checks proofs against {@code credentials}; nonces and salts come
     * from {@code random}, so a seeded generator makes challenges repeatable; {@code link} tells
     * what the connection offers (channel bindings, the other mechanisms).
     *
     * @param credentials what proofs are checked against
     * @param random the source of nonces and salts
     * @param link what the connection offers
     * @return the exchange
     */
    Exchange start(Credentials credentials, java.util.Random random, Link link);
}
