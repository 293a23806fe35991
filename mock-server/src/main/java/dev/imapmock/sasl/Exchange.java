package dev.imapmock.sasl;

/** One SASL exchange on the server side; used by one connection's thread only, for one AUTHENTICATE. */
public interface Exchange {

    /**
     * The first step: {@code initial} is the client's initial response (SASL-IR, RFC 4959; empty
     * for {@code =}), or null when the client sent none.
     *
     * @param initial the initial response, or null
     * @return what the server does next
     */
    Step start(byte[] initial);

    /**
     * The next step, given the client's response to the last challenge.
     *
     * @param response the client's response, decoded from base64
     * @return what the server does next
     */
    Step next(byte[] response);
}
