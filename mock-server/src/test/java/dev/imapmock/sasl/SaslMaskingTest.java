package dev.imapmock.sasl;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.imapmock.sasl.SaslTranscriptTest.b64;
import static dev.imapmock.sasl.SaslTranscriptTest.oauthbearer;
import static dev.imapmock.sasl.SaslTranscriptTest.xoauth2;
import static org.assertj.core.api.Assertions.assertThat;

/** No password, token or SASL response of any mechanism reaches the journal, in any command's record. */
@Timeout(20)
class SaslMaskingTest {

    @Test
    void everyMechanismsResponsesAreMasked() throws Exception {
        List<String> secrets;
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").token("alice", "ya29.test")
                .saslMechanisms("PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-256", "XOAUTH2", "OAUTHBEARER")
                .build().start()) {
            ScramClient scram = new ScramClient("alice", "secret", "clientnonce");
            secrets = List.of("secret", "ya29", b64("\0alice\0secret"), b64("secret"), b64(scram.clientFirst()),
                    xoauth2("alice", "ya29.test"), oauthbearer("alice", "ya29.test"));
            exchange(server, "a1 AUTHENTICATE PLAIN " + b64("\0alice\0secret"));
            exchange(server, "a1 AUTHENTICATE PLAIN", b64("\0alice\0secret"));
            exchange(server, "a1 AUTHENTICATE LOGIN " + b64("alice"), b64("secret"));
            exchange(server, "a1 AUTHENTICATE XOAUTH2 " + xoauth2("alice", "ya29.test"));
            exchange(server, "a1 AUTHENTICATE XOAUTH2 " + xoauth2("alice", "ya29.wrong"), "");
            exchange(server, "a1 AUTHENTICATE OAUTHBEARER " + oauthbearer("alice", "ya29.test"));
            try (RawClient c = RawClient.connect(server)) {
                c.send("a1 AUTHENTICATE SCRAM-SHA-256 " + b64(scram.clientFirst()));
                String serverFirst = new String(java.util.Base64.getDecoder().decode(c.readLine().substring(2)));
                c.send(b64(scram.clientFinal(serverFirst)));
                c.readLine();
                c.send("");
                assertThat(c.readLine()).startsWith("a1 OK ");
            }
            try (RawClient c = RawClient.connect(server)) {
                c.send("a1 AUTHENTICATE CRAM-MD5");
                c.readLine();
                c.send(b64("alice 0123456789abcdef0123456789abcdef"));
                assertThat(c.readLine()).startsWith("a1 NO ");
            }
            exchange(server, "a1 LOGIN alice secret");
            exchange(server, "a1 AUTHENTICATE PLAIN " + b64("\0alice\0secret") + " extra");
            List<ReceivedCommand> commands = server.journal().commands();
            assertThat(commands).hasSize(10);
            for (ReceivedCommand command : commands) {
                String everything = command + " " + command.arguments() + " " + command.responses() + " "
                        + command.authentication();
                for (String secret : secrets) {
                    assertThat(everything).as("journal record %s", command).doesNotContain(secret);
                }
            }
            assertThat(commands).extracting(ReceivedCommand::line).contains("a1 AUTHENTICATE PLAIN ***",
                    "a1 AUTHENTICATE PLAIN", "a1 AUTHENTICATE XOAUTH2 ***", "a1 AUTHENTICATE SCRAM-SHA-256 ***",
                    "a1 LOGIN alice ***");
        }
    }

    /** Sends {@code command}, answers each continuation with the next of {@code responses}, reads the tagged answer. */
    private static void exchange(ImapMockServer server, String command, String... responses) {
        try (RawClient c = RawClient.connect(server)) {
            c.send(command);
            for (String response : responses) {
                assertThat(c.readLine()).startsWith("+");
                c.send(response);
            }
            assertThat(c.readLine()).startsWith("a1 ");
        }
    }
}
