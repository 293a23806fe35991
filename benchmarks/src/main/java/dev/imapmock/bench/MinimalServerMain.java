package dev.imapmock.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Run in a fresh JVM: the least a Java IMAP server does before its first LOGIN OK. It binds a
 * loopback port, prints the ready line the standalone jar prints, greets one client, answers each
 * of its commands OK (LOGOUT with BYE) and exits when the client is gone. Its process start to
 * LOGIN OK is the floor under the standalone jar's: the JVM, the JDK's socket classes and one
 * round trip, with no server behind them.
 */
public final class MinimalServerMain {
    private MinimalServerMain() {
    }

    public static void main(String[] args) throws IOException {
        try (ServerSocket listener = new ServerSocket()) {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            System.out.println("IMAP server listening on 127.0.0.1:" + listener.getLocalPort());
            System.out.flush();
            try (Socket client = listener.accept()) {
                client.setTcpNoDelay(true);
                OutputStream out = client.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.US_ASCII));
                out.write("* OK ready\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String line;
                while ((line = in.readLine()) != null) {
                    int space = line.indexOf(' ');
                    String tag = space < 0 ? line : line.substring(0, space);
                    boolean logout = line.regionMatches(true, space + 1, "LOGOUT", 0, 6);
                    out.write(((logout ? "* BYE bye\r\n" : "") + tag + " OK done\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (logout) {
                        return;
                    }
                }
            }
        }
    }
}
