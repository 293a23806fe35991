package dev.imapmock.sasl;

import java.util.Map;

/** What a mechanism may know of the connection it runs on. Used by that connection's thread. */
public interface Link {

    /**
     * The channel-binding data (RFC 5056 §2.1) this connection offers, by type such as
     * {@code tls-server-end-point}; empty on a clear connection, or when the certificate gives no
     * binding. The arrays are not to be changed.
     *
     * @return the bindings by type
     */
    Map<String, byte[]> channelBindings();

    /**
     * True when this connection offers the mechanism of this name: SCRAM's downgrade check asks for -PLUS.
     *
     * @param mechanism the mechanism's name, upper case
     * @return whether it is offered here
     */
    boolean offers(String mechanism);
}
