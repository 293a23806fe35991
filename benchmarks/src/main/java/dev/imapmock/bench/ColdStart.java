package dev.imapmock.bench;

import dev.imapmock.ImapMockServer;

import java.lang.management.ManagementFactory;

/**
 * Run in a fresh JVM: starts one server, logs in over IMAP and prints the milliseconds from the
 * JVM's start to the LOGIN OK. {@code empty} prints the JVM's own start-up cost.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        String which = args[0];
        if (which.equals("imapmock-tls")) {
            // The first TLS server of the JVM: the certificate is made, the TLS contexts built.
            ImapMockServer server = ImapMockServer.builder().user(Target.USER, Target.PASSWORD).tlsPort(0).build().start();
            try (RawImap client = new RawImap(server.tlsPort(), 120_000,
                    server.tls().clientSslContext().getSocketFactory())) {
                client.command("LOGIN " + Target.USER + " " + Target.PASSWORD);
                long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println(millis);
            }
            server.close();
        } else if (!which.equals("empty")) {
            Target target = which.equals("imapmock") ? new ImapMockTarget() : new GreenMailTarget();
            target.start();
            try (RawImap client = RawImap.login(target.port(), Target.USER, Target.PASSWORD)) {
                long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println(millis);
            }
            target.close();
        } else {
            System.out.println(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        }
        System.exit(0);
    }
}
