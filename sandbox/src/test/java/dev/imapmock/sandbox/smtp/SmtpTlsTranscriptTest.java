package dev.imapmock.sandbox.smtp;

import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** STARTTLS (RFC 3207) over a raw socket when the IMAP server has TLS, and the idle timeout; exact lines. */
@Timeout(20)
class SmtpTlsTranscriptTest {
    private static final String EHLO_BEFORE_TLS = """
            C: EHLO client.example
            S: 250-localhost greets client.example
            S: 250-PIPELINING
            S: 250-SIZE 33554432
            S: 250-8BITMIME
            S: 250-ENHANCEDSTATUSCODES
            S: 250-AUTH PLAIN LOGIN
            S: 250 STARTTLS
            """;

    @Test
    void starttlsUpgradesTheConnectionForgetsTheSessionAndIsNoLongerOffered() {
        try (ImapMockServer imap = ImapMockServer.builder().user("alice", "secret").tls().build().start();
             SmtpServer smtp = SmtpServer.start(imap, SmtpSettings.of(imap.host(), 0).withClock(SmtpTranscriptTest.CLOCK));
             SmtpClient c = SmtpClient.connect(smtp)) {
            assertThat(smtp.offersTls()).isTrue();
            c.play(EHLO_BEFORE_TLS + """
                    C: STARTTLS now
                    S: 501 5.5.4 Syntax: STARTTLS takes no arguments
                    C: MAIL FROM:<sender@example.org>
                    S: 250 2.1.0 Sender OK
                    C: STARTTLS
                    C: RCPT TO:<alice>
                    S: 220 2.0.0 Ready to start TLS
                    """);
            c.startTls(imap.tls().clientSslContext());
            c.play("""
                    C: RCPT TO:<alice>
                    S: 503 5.5.1 Need MAIL command
                    C: MAIL FROM:<sender@example.org>
                    S: 503 5.5.1 Send EHLO or HELO first
                    C: EHLO client.example
                    S: 250-localhost greets client.example
                    S: 250-PIPELINING
                    S: 250-SIZE 33554432
                    S: 250-8BITMIME
                    S: 250-ENHANCEDSTATUSCODES
                    S: 250 AUTH PLAIN LOGIN
                    C: STARTTLS
                    S: 503 5.5.1 TLS already active
                    C: MAIL FROM:<sender@example.org>
                    C: RCPT TO:<alice>
                    C: DATA
                    S: 250 2.1.0 Sender OK
                    S: 250 2.1.5 Recipient OK
                    S: 354 End data with <CR><LF>.<CR><LF>
                    C: Subject: secret
                    C: .
                    S~ 250 2\\.0\\.0 Delivered \\d+ octets to alice
                    """);
            assertThat(new String(imap.store().account("alice").orElseThrow().mailbox("INBOX").messages().get(0).bytes(),
                    StandardCharsets.US_ASCII)).contains("with ESMTPS id c1m1");
            assertThat(imap.journal().commands("RCPT")).hasSize(2);
        }
    }

    @Test
    void aSilentClientIsToldWhyBeforeTheConnectionCloses() {
        try (ImapMockServer imap = ImapMockServer.builder().user("alice", "secret").build().start();
             SmtpServer smtp = SmtpServer.start(imap, SmtpSettings.of(imap.host(), 0).withIdleTimeout(Duration.ofMillis(200)));
             SmtpClient c = SmtpClient.connect(smtp)) {
            c.play("S: 421 4.4.2 localhost Idle for too long, closing the connection");
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
