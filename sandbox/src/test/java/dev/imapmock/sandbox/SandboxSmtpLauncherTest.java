package dev.imapmock.sandbox;

import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --smtp-port} and {@code --smtp-catch-all} on the sandbox's command line. */
@Timeout(30)
class SandboxSmtpLauncherTest {
    private static final Pattern SMTP_LINE = Pattern.compile("(?m)^SMTP server listening on 127\\.0\\.0\\.1:(\\d+)$");

    /** Collects what the launcher prints and opens a latch once the SMTP ready line is complete. */
    private static final class Output extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CountDownLatch ready = new CountDownLatch(1);

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            if (b == '\n' && SMTP_LINE.matcher(text()).find()) {
                ready.countDown();
            }
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }

    @Test
    void smtpPortZeroPrintsTheReadyLineWithTheBoundPortWhichGreets() throws Exception {
        Output output = new Output();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread runner = new Thread(() -> status.complete(SandboxMain.run(
                new String[]{"--smtp-port", "0", "--port", "0", "--user", "alice:secret"}, out, System.err, name -> null)));
        runner.start();
        output.ready.await();

        Matcher smtp = SMTP_LINE.matcher(output.text());
        assertThat(smtp.find()).isTrue();
        assertThat(output.text()).containsPattern("(?m)^IMAP server listening on 127\\.0\\.0\\.1:\\d+\n(.*\n)*SMTP server");
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(smtp.group(1)));
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            assertThat(in.readLine()).isEqualTo("220 localhost ESMTP ImapMock ready");
        }
        runner.interrupt();
        assertThat(status.get()).isZero();
    }

    @Test
    void aCatchAllUserThatIsNotConfiguredStopsTheSandboxWithAReason() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SandboxMain.run(new String[]{"--smtp-port", "0", "--smtp-catch-all", "carol", "--port", "0",
                        "--user", "alice:secret"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                name -> null);
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("imapmock-sandbox: The SMTP catch-all user is not a configured user: carol" + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("SMTP server listening");
    }

    @Test
    void aTakenSmtpPortStopsTheSandboxWithAReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = SandboxMain.run(new String[]{"--smtp-port", Integer.toString(taken.getLocalPort()), "--port", "0"},
                    new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                    name -> null);
            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("imapmock-sandbox: Can't listen for SMTP on 127.0.0.1:" + taken.getLocalPort() + ": ");
        }
    }

    @Test
    void withoutSmtpPortThereIsNoSmtpListener() {
        try (Sandbox sandbox = Sandbox.start(ImapMockServer.builder().build().start(),
                SandboxOptions.parse(new String[0]), new PrintStream(OutputStream.nullOutputStream()))) {
            assertThat(sandbox.smtp()).isNull();
        }
    }
}
