package dev.imapmock.testing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks on ports a closed server used to listen on. */
public final class Ports {
    private Ports() {
    }

    /**
     * Asserts that nothing listens on {@code port} of the loopback address any more. A refused
     * connection proves it. Linux may also answer a connection to a free port in the ephemeral
     * range by connecting the socket to itself (TCP simultaneous open, local port equal to the
     * remote one): that too means no listener. Binding the port again would prove less and fail
     * at random, since any client socket may hold the same port number.
     */
    public static void assertNothingListens(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            assertThat(s.getLocalPort()).as("a listener still accepts connections on port " + port).isEqualTo(port);
        } catch (ConnectException refused) {
            // Nothing listens.
        }
    }
}
