package example;

import dev.imapmock.ImapMockServer;
import dev.imapmock.junit.ImapAssertions;
import dev.imapmock.junit.ImapServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static dev.imapmock.junit.ImapAssertions.command;

/** An Apache Camel route that polls {@code imap://} reads the mail delivered to ImapMock. */
@Timeout(60)
@ImapServer(users = "alice:secret")
class ImapRouteTest {

    @Test
    void routeConsumesDeliveredMail(ImapMockServer server) throws Exception {
        server.deliver("alice", "INBOX", ("From: bob@example.org\r\nTo: alice@example.org\r\n"
                + "Subject: Invoice 42\r\n\r\nPlease pay.\r\n").getBytes(StandardCharsets.US_ASCII));

        String uri = "imap://127.0.0.1:" + server.port()
                + "?username=alice&password=secret&initialDelay=0&delay=200&unseen=true&delete=false";
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("inbox").setBody(header("Subject")).to("mock:subjects");
                }
            });
            MockEndpoint subjects = camel.getEndpoint("mock:subjects", MockEndpoint.class);
            subjects.expectedBodiesReceived("Invoice 42");
            camel.start();
            subjects.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));
        }

        // Camel marks what it consumed as \Seen, so the next poll skips it.
        ImapAssertions.assertThat(server.journal())
                .received(command("FETCH").byUser("alice"))
                .hasNoRejectedCommands();
    }
}
