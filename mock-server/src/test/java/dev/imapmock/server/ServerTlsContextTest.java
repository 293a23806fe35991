package dev.imapmock.server;

import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ServerTls.serverSslContext()}: another listener presents the IMAP server's certificate with it. */
@Timeout(20)
class ServerTlsContextTest {

    @Test
    void aListenerBesideTheServerPresentsTheSameCertificateThatClientsOfTheServerTrust() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").tls().build().start();
             SSLServerSocket beside = (SSLServerSocket) server.tls().serverSslContext().getServerSocketFactory()
                     .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket socket = (SSLSocket) beside.accept()) {
                    socket.startHandshake();
                    socket.getOutputStream().write('x');
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket client = (SSLSocket) server.tls().clientSslContext().getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), beside.getLocalPort())) {
                client.startHandshake();
                assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(server.tls().certificate());
                assertThat(client.getInputStream().read()).isEqualTo('x');
            }
            accepted.join();
        }
    }
}
