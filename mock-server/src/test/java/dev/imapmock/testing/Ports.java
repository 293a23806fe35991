package dev.imapmock.testing;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checks on ports a closed server used to listen on. */
public final class Ports {
    private Ports() {
    }

    /**
     * Asserts that nothing listens on {@code port} of the loopback address any more: a connection
     * is refused. (Binding the port again would prove less and fail at random: another test's
     * client socket may hold the same ephemeral port number.)
     */
    public static void assertNothingListens(int port) {
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            }
        }).as("a connection to closed port " + port).isInstanceOf(ConnectException.class);
    }
}
