package dev.imapmock.cli;

import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --token USER:TOKEN}: an OAuth2 bearer token that XOAUTH2 and OAUTHBEARER accept. */
@Timeout(30)
class TokenOptionTest {
    private static final Pattern READY = Pattern.compile("IMAP server listening on 127\\.0\\.0\\.1:(\\d+)");

    private static String xoauth2(String user, String token) {
        return Base64.getEncoder().encodeToString(("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tokenFlagOffersOAuthMechanismsAndAcceptsTheToken() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        OutputStream out = new OutputStream() {
            private final ByteArrayOutputStream current = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    lines.add(current.toString(StandardCharsets.UTF_8));
                    current.reset();
                } else {
                    current.write(b);
                }
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger status = new AtomicInteger(-1);
        Thread launcher = new Thread(() -> status.set(Main.run(new String[] {"--port", "0", "--user", "alice:secret",
                "--token", "alice:ya29.test", "--token", "alice:ya29.second"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))));
        launcher.start();
        try {
            String line = lines.poll(20, TimeUnit.SECONDS);
            assertThat(line).as("ready line; err: %s", err).isNotNull().matches(READY);
            Matcher m = READY.matcher(line);
            assertThat(m.matches()).isTrue();
            int port = Integer.parseInt(m.group(1));
            try (RawClient c = new RawClient("127.0.0.1", port)) {
                assertThat(c.readLine()).endsWith(" AUTH=PLAIN AUTH=LOGIN AUTH=XOAUTH2 AUTH=OAUTHBEARER] ImapMock ready.");
                c.send("a1 AUTHENTICATE XOAUTH2 " + xoauth2("alice", "ya29.wrong"));
                assertThat(c.readLine()).startsWith("+ ey");
                c.send("");
                assertThat(c.readLine()).isEqualTo("a1 NO [AUTHENTICATIONFAILED] Authentication failed.");
            }
            try (RawClient c = new RawClient("127.0.0.1", port)) {
                c.readLine();
                assertThat(c.command("b1", "AUTHENTICATE XOAUTH2 " + xoauth2("alice", "ya29.second")))
                        .last().asString().startsWith("b1 OK ");
            }
        } finally {
            launcher.interrupt();
            launcher.join(20_000);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("ya29");
    }

    @Test
    void tokenFlagRefusesAValueWithoutUserAndNeverEchoesIt() {
        assertThat(Options.parse(new String[] {"--token", "alice:ya29.x"}).tokens())
                .singleElement().satisfies(t -> assertThat(t).containsExactly("alice", "ya29.x"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"--token", "ya29.secret"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--token needs USER:TOKEN").doesNotContain("ya29");
    }
}
