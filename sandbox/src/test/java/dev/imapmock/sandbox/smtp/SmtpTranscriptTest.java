package dev.imapmock.sandbox.smtp;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.store.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP listener over a raw socket, exact lines: RFC 5321 with PIPELINING, SIZE, 8BITMIME and AUTH. */
@Timeout(20)
class SmtpTranscriptTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T21:16:15Z"), ZoneOffset.UTC);
    static final String EHLO = """
            C: EHLO client.example
            S: 250-localhost greets client.example
            S: 250-PIPELINING
            S: 250-SIZE 1000
            S: 250-8BITMIME
            S: 250-ENHANCEDSTATUSCODES
            S: 250 AUTH PLAIN LOGIN
            """;

    private ImapMockServer imap;
    private SmtpServer smtp;

    @BeforeEach
    void start() {
        imap = ImapMockServer.builder().user("alice", "secret").user("bob@example.com", "hunter2").build().start();
        smtp = SmtpServer.start(imap, SmtpSettings.of("127.0.0.1", 0).withMaxMessageSize(1000).withClock(CLOCK));
    }

    @AfterEach
    void stop() {
        smtp.close();
        imap.close();
    }

    private List<Message> inbox(String user) {
        return imap.store().account(user).orElseThrow().mailbox("INBOX").messages();
    }

    private static String text(Message message) {
        return new String(message.bytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void ehloListsTheExtensionsAndHeloAnswersWithTheServerName() {
        try (SmtpClient c = SmtpClient.connect(smtp)) {
            c.play(EHLO);
            c.play("""
                    C: HELO client.example
                    S: 250 localhost
                    C: QUIT
                    S: 221 2.0.0 localhost closing connection
                    """);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aMessageIsDeliveredWithItsDotsUnstuffedAndTraceFieldsOnTop() {
        try (SmtpClient c = SmtpClient.connect(smtp)) {
            c.play(EHLO);
            c.play("""
                    C: MAIL FROM:<sender@example.org>
                    S: 250 2.1.0 Sender OK
                    C: RCPT TO:<alice@example.com>
                    S: 250 2.1.5 Recipient OK
                    C: DATA
                    S: 354 End data with <CR><LF>.<CR><LF>
                    C: Subject: dots
                    C:
                    C: ..one dot
                    C: ...two dots
                    C: .
                    S: 250 2.0.0 Delivered 222 octets to alice
                    """);
        }
        assertThat(inbox("alice")).singleElement().extracting(SmtpTranscriptTest::text).isEqualTo("""
                Return-Path: <sender@example.org>\r
                Received: from client.example ([127.0.0.1])\r
                \tby localhost (ImapMock) with ESMTP id c1m1\r
                \tfor <alice@example.com>; Fri, 4 Dec 2026 21:16:15 +0000\r
                Subject: dots\r
                \r
                .one dot\r
                ..two dots\r
                """);
    }

    @Test
    void onlyCrLfDotCrLfEndsTheDataSoBareLineFeedsCannotSmuggleASecondMessage() {
        try (SmtpClient c = SmtpClient.connect(smtp)) {
            c.play(EHLO + """
                    C: MAIL FROM:<>
                    S: 250 2.1.0 Sender OK
                    C: RCPT TO:<alice>
                    S: 250 2.1.5 Recipient OK
                    C: DATA
                    S: 354 End data with <CR><LF>.<CR><LF>
                    """);
            c.send("Subject: one\r\n\r\nbody\n.\nMAIL FROM:<evil@example.org>\r\n.\r\n");
            c.play("S: 250 2.0.0 Delivered 206 octets to alice");
        }
        assertThat(inbox("alice")).singleElement().extracting(SmtpTranscriptTest::text).asString()
                .startsWith("Return-Path: <>\r\n").endsWith("Subject: one\r\n\r\nbody\n.\nMAIL FROM:<evil@example.org>\r\n");
    }

    @Test
    void postmasterIsAlwaysARecipientAndReachesTheFirstUser() {
        try (SmtpClient c = SmtpClient.connect(smtp)) {
            c.play("""
                    C: HELO client.example
                    S: 250 localhost
                    C: MAIL FROM:<>
                    S: 250 2.1.0 Sender OK
                    C: RCPT TO:<Postmaster>
                    S: 250 2.1.5 Recipient OK
                    C: RCPT TO:<POSTMASTER@example.com>
                    S: 250 2.1.5 Recipient OK
                    C: DATA
                    S: 354 End data with <CR><LF>.<CR><LF>
                    C: Subject: bounce
                    C:
                    C: .
                    S~ 250 2\\.0\\.0 Delivered \\d+ octets to alice
                    """);
        }
        assertThat(inbox("alice")).hasSize(1);
        assertThat(inbox("bob@example.com")).isEmpty();
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrderAndARefusedRecipientDoesNotStopTheOthers() {
        try (SmtpClient c = SmtpClient.connect(smtp)) {
            c.play("""
                    C: EHLO client.example
                    C: MAIL FROM:<sender@example.org> SIZE=60 BODY=8BITMIME
                    C: RCPT TO:<alice@example.com>
                    C: RCPT TO:<nobody@example.com>
                    C: RCPT TO:<BOB@example.com>
                    C: DATA
                    S: 250-localhost greets client.example
                    S: 250-PIPELINING
                    S: 250-SIZE 1000
                    S: 250-8BITMIME
                    S: 250-ENHANCEDSTATUSCODES
                    S: 250 AUTH PLAIN LOGIN
                    S: 250 2.1.0 Sender OK
                    S: 250 2.1.5 Recipient OK
                    S: 550 5.1.1 No such user: nobody@example.com
                    S: 250 2.1.5 Recipient OK
                    S: 354 End data with <CR><LF>.<CR><LF>
                    C: Subject: caf\u00e9
                    C:
                    C: .
                    C: NOOP
                    C: QUIT
                    S~ 250 2\\.0\\.0 Delivered \\d+ octets to alice, bob@example.com
                    S: 250 2.0.0 OK
                    S: 221 2.0.0 localhost closing connection
                    """);
        }
        assertThat(inbox("alice")).hasSize(1);
        assertThat(inbox("bob@example.com")).singleElement().extracting(SmtpTranscriptTest::text).asString()
                .contains("\tby localhost (ImapMock) with ESMTP id c1m1\r\n\tFri, 4 Dec 2026 21:16:15 +0000\r\n");
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedAtMail() {
        try (SmtpClient c = SmtpClient.connect(smtp)) {
            c.play(EHLO + """
                    C: MAIL FROM:<sender@example.org> SIZE=1001
                    S: 552 5.3.4 Message size exceeds fixed maximum message size (1000 octets)
                    C: MAIL FROM:<sender@example.org> SIZE=99999999999999999999
                    S: 552 5.3.4 Message size exceeds fixed maximum message size (1000 octets)
                    C: MAIL FROM:<sender@example.org> SIZE=big
                    S: 501 5.5.4 Syntax: SIZE=octets
                    C: MAIL FROM:<sender@example.org> SIZE=1000
                    S: 250 2.1.0 Sender OK
                    """);
        }
    }

    @Test
    void aMessageOverTheLimitIsRefusedAfterItsDataAndTheSessionGoesOn() {
        try (SmtpClient c = SmtpClient.connect(smtp)) {
            c.play(EHLO + """
                    C: MAIL FROM:<sender@example.org>
                    S: 250 2.1.0 Sender OK
                    C: RCPT TO:<alice>
                    S: 250 2.1.5 Recipient OK
                    C: DATA
                    S: 354 End data with <CR><LF>.<CR><LF>
                    """);
            c.send(("x".repeat(98) + "\r\n").repeat(11) + ".\r\n");
            c.play("""
                    S: 552 5.3.4 Message size exceeds fixed maximum message size (1000 octets)
                    C: RCPT TO:<alice>
                    S: 503 5.5.1 Need MAIL command
                    C: MAIL FROM:<sender@example.org>
                    S: 250 2.1.0 Sender OK
                    C: RCPT TO:<alice>
                    S: 250 2.1.5 Recipient OK
                    C: DATA
                    S: 354 End data with <CR><LF>.<CR><LF>
                    C: Subject: small
                    C: .
                    S: 250 2.0.0 Delivered 187 octets to alice
                    """);
        }
        assertThat(inbox("alice")).singleElement().extracting(SmtpTranscriptTest::text).asString().endsWith("Subject: small\r\n");
    }

    @Test
    void aTextLineLongerThan998CharactersRefusesTheMessage() {
        try (SmtpServer big = SmtpServer.start(imap, SmtpSettings.of("127.0.0.1", 0));
             SmtpClient c = SmtpClient.connect(big)) {
            c.play("""
                    C: HELO client.example
                    S: 250 localhost
                    C: MAIL FROM:<sender@example.org>
                    S: 250 2.1.0 Sender OK
                    C: RCPT TO:<alice>
                    S: 250 2.1.5 Recipient OK
                    C: DATA
                    S: 354 End data with <CR><LF>.<CR><LF>
                    """);
            c.send("Subject: long\r\n\r\n" + "y".repeat(998) + "\r\n" + "z".repeat(999) + "\r\n.\r\n");
            c.play("""
                    S: 554 5.6.0 Line 4 is longer than 998 characters (RFC 5321 4.5.3.1.6)
                    C: NOOP
                    S: 250 2.0.0 OK
                    """);
        }
        assertThat(inbox("alice")).isEmpty();
    }

    @Test
    void commandsOutOfSequenceAreRefusedWith503() {
        try (SmtpClient c = SmtpClient.connect(smtp)) {
            c.play("""
                    C: MAIL FROM:<sender@example.org>
                    S: 503 5.5.1 Send EHLO or HELO first
                    C: AUTH PLAIN
                    S: 503 5.5.1 Send EHLO first
                    """ + EHLO + """
                    C: DATA
                    S: 503 5.5.1 Need MAIL command
                    C: RCPT TO:<alice>
                    S: 503 5.5.1 Need MAIL command
                    C: MAIL FROM:<sender@example.org>
                    S: 250 2.1.0 Sender OK
                    C: DATA
                    S: 503 5.5.1 Need RCPT command
                    C: MAIL FROM:<other@example.org>
                    S: 503 5.5.1 Sender already given; RSET to start again
                    C: AUTH PLAIN
                    S: 503 5.5.1 AUTH is not permitted during a mail transaction
                    C: RSET
                    S: 250 2.0.0 OK
                    C: RCPT TO:<alice>
                    S: 503 5.5.1 Need MAIL command
                    """);
        }
        assertThat(inbox("alice")).isEmpty();
    }

    @Test
    void malformedCommandsGetAReasonAndTheConnectionStaysUsable() {
        try (SmtpClient c = SmtpClient.connect(smtp)) {
            c.play("""
                    C: EHLO
                    S: 501 5.5.4 Syntax: EHLO domain
                    C: HELO two words
                    S: 501 5.5.4 Syntax: HELO domain
                    C: FROB
                    S: 500 5.5.1 Command unrecognized
                    C:
                    S: 500 5.5.2 Empty command line
                    C:  NOOP
                    S: 500 5.5.2 A command line starts with the command word
                    C: EXPN staff
                    S: 502 5.5.1 Command not implemented
                    C: VRFY
                    S: 501 5.5.4 Syntax: VRFY address
                    C: VRFY alice
                    S: 252 2.5.0 Not verified; RCPT TO tells whether mail for it is accepted
                    C: NOOP anything
                    S: 250 2.0.0 OK
                    C: RSET now
                    S: 501 5.5.4 Syntax: RSET takes no arguments
                    C: mail from:<sender@example.org> SIZE=10
                    S: 503 5.5.1 Send EHLO or HELO first
                    C: STARTTLS
                    S: 502 5.5.1 STARTTLS not available: the server has no TLS
                    """ + EHLO + """
                    C: MAIL sender@example.org
                    S: 501 5.5.4 Syntax: MAIL FROM:<address>
                    C: MAIL FROM:<sender@example.org
                    S: 501 5.5.4 Syntax: MAIL FROM:<address>
                    C: MAIL FROM:<two words@example.org>
                    S: 501 5.1.7 Bad address syntax: <two words@example.org>
                    C: MAIL FROM:<sender@example..org>
                    S: 501 5.1.7 Bad address syntax: <sender@example..org>
                    C: MAIL FROM:<sender@example.org> SMTPUTF8
                    S: 555 5.5.4 Unsupported parameter: SMTPUTF8
                    C: MAIL FROM:<sender@example.org> BODY=BINARYMIME
                    S: 501 5.5.4 Syntax: BODY=7BIT or BODY=8BITMIME
                    C: MAIL FROM:<sender@example.org> SIZE=1 SIZE=2
                    S: 501 5.5.4 Parameter given twice: SIZE
                    C: mail from: <@relay.example:sender@example.org>
                    S: 250 2.1.0 Sender OK
                    C: RCPT TO:<>
                    S: 501 5.1.3 Bad address syntax: <>
                    C: RCPT TO:alice
                    S: 501 5.5.4 Syntax: RCPT TO:<address>
                    C: RCPT TO:<alice> NOTIFY=NEVER
                    S: 555 5.5.4 Unsupported parameter: NOTIFY
                    C: DATA now
                    S: 501 5.5.4 Syntax: DATA takes no arguments
                    C: NOOP
                    S: 250 2.0.0 OK
                    """);
            c.send("NOOP caf\u00e9\r\n");
            c.play("S: 500 5.5.2 Command lines must be printable ASCII");
            c.send("NOOP " + "x".repeat(506) + "\r\n");
            c.play("S: 500 5.5.2 Line too long (at most 512 octets)");
            c.send("NOOP " + "x".repeat(505) + "\r\n");
            c.play("S: 250 2.0.0 OK");
            c.send("NOOP " + "x".repeat(13_000) + "\r\n");
            c.play("""
                    S: 500 5.5.2 Line too long (at most 512 octets, 12288 for AUTH)
                    C: RCPT TO:<"quoted local"@example.com>
                    S: 550 5.1.1 No such user: "quoted local"@example.com
                    C: RCPT TO:<alice>
                    S: 250 2.1.5 Recipient OK
                    """);
        }
    }

    @Test
    void unknownRecipientsGoToTheCatchAllUserOnceEach() {
        try (SmtpServer catchAll = SmtpServer.start(imap, SmtpSettings.of("127.0.0.1", 0).withCatchAll("alice").withClock(CLOCK));
             SmtpClient c = SmtpClient.connect(catchAll)) {
            c.play("""
                    C: EHLO client.example
                    S~ 250-.*
                    S~ 250-.*
                    S~ 250-.*
                    S~ 250-.*
                    S~ 250-.*
                    S~ 250 .*
                    C: MAIL FROM:<sender@example.org>
                    C: RCPT TO:<nobody@example.com>
                    C: RCPT TO:<alice@example.com>
                    C: RCPT TO:<bob@example.com>
                    C: DATA
                    S: 250 2.1.0 Sender OK
                    S: 250 2.1.5 Recipient OK
                    S: 250 2.1.5 Recipient OK
                    S: 250 2.1.5 Recipient OK
                    S: 354 End data with <CR><LF>.<CR><LF>
                    C: Subject: for anyone
                    C: .
                    S: 250 2.0.0 Delivered 179 octets to alice, bob@example.com
                    """);
        }
        assertThat(inbox("alice")).hasSize(1);
        assertThat(inbox("bob@example.com")).hasSize(1);
    }

    @Test
    void authPlainAndLoginCheckTheImapPasswordsAndTheJournalMasksThem() {
        String plain = Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.US_ASCII));
        String wrong = Base64.getEncoder().encodeToString("\0alice\0wrong".getBytes(StandardCharsets.US_ASCII));
        try (SmtpClient c = SmtpClient.connect(smtp)) {
            c.play(EHLO + """
                    C: AUTH CRAM-MD5
                    S: 504 5.5.4 Unrecognized authentication type
                    C: AUTH PLAIN %s
                    S: 535 5.7.8 Authentication credentials invalid
                    C: AUTH PLAIN
                    S: 334\s
                    C: *
                    S: 501 5.7.0 Authentication cancelled
                    C: AUTH PLAIN !!!
                    S: 501 5.5.2 Cannot decode the response as base64
                    C: AUTH PLAIN
                    S: 334\s
                    C: %s
                    S: 235 2.7.0 Authentication successful
                    C: AUTH PLAIN %s
                    S: 503 5.5.1 Already authenticated
                    """.formatted(wrong, plain, plain));
        }
        try (SmtpClient c = SmtpClient.connect(smtp)) {
            c.play(EHLO + """
                    C: AUTH LOGIN
                    S: 334 VXNlcm5hbWU6
                    C: Ym9iQGV4YW1wbGUuY29t
                    S: 334 UGFzc3dvcmQ6
                    C: aHVudGVyMg==
                    S: 235 2.7.0 Authentication successful
                    C: MAIL FROM:<bob@example.com>
                    S: 250 2.1.0 Sender OK
                    C: RCPT TO:<alice>
                    S: 250 2.1.5 Recipient OK
                    C: DATA
                    S: 354 End data with <CR><LF>.<CR><LF>
                    C: Subject: signed
                    C: .
                    S~ 250 .*
                    """);
        }
        assertThat(text(inbox("alice").get(0))).contains("with ESMTPA id c2m1");
        List<ReceivedCommand> auths = imap.journal().commands("AUTH");
        assertThat(auths).extracting(ReceivedCommand::line).containsExactly("AUTH CRAM-MD5", "AUTH PLAIN ***", "AUTH PLAIN",
                "AUTH PLAIN ***", "AUTH PLAIN", "AUTH PLAIN ***", "AUTH LOGIN")
                .noneMatch(line -> line.contains(plain) || line.contains("aHVudGVyMg=="));
        assertThat(auths.get(4).authentication()).isEqualTo(new ReceivedCommand.Authentication("PLAIN", "alice", null));
        assertThat(auths.get(4).outcome()).hasToString("OK [235 2.7.0] Authentication successful");
        assertThat(auths.get(4).responses()).containsExactly("334 ");
        assertThat(auths.get(6).authentication()).isEqualTo(new ReceivedCommand.Authentication("LOGIN", "bob@example.com", null));
        ReceivedCommand mail = imap.journal().commands(c -> c.is("MAIL") && c.connection() == 2).get(0);
        assertThat(mail.user()).isEqualTo("bob@example.com");
        assertThat(mail.protocol()).isEqualTo(ReceivedCommand.Protocol.SMTP);
    }

    @Test
    void everyCommandIsJournaledWithItsReplyAsAnSmtpCommand() {
        try (SmtpClient c = SmtpClient.connect(smtp)) {
            c.play(EHLO + """
                    C: MAIL FROM:<sender@example.org>
                    S: 250 2.1.0 Sender OK
                    C: RCPT TO:<nobody>
                    S: 550 5.1.1 No such user: nobody
                    C: RCPT TO:<alice>
                    S: 250 2.1.5 Recipient OK
                    C: DATA
                    S: 354 End data with <CR><LF>.<CR><LF>
                    C: Subject: logged
                    C: .
                    S: 250 2.0.0 Delivered 188 octets to alice
                    C: FROB
                    S: 500 5.5.1 Command unrecognized
                    C: QUIT
                    S: 221 2.0.0 localhost closing connection
                    """);
        }
        List<ReceivedCommand> journal = imap.journal().commands();
        assertThat(journal).extracting(ReceivedCommand::toString).containsExactly(
                "SMTP #1.1 EHLO client.example -> OK [250] AUTH PLAIN LOGIN",
                "SMTP #1.2 MAIL FROM:<sender@example.org> -> OK [250 2.1.0] Sender OK",
                "SMTP #1.3 RCPT TO:<nobody> -> NO [550 5.1.1] No such user: nobody",
                "SMTP #1.4 RCPT TO:<alice> -> OK [250 2.1.5] Recipient OK",
                "SMTP #1.5 DATA -> OK [250 2.0.0] Delivered 188 octets to alice",
                "SMTP #1.6 FROB -> BAD [500 5.5.1] Command unrecognized",
                "SMTP #1.7 QUIT -> OK [221 2.0.0] localhost closing connection");
        assertThat(journal.get(0).responses()).hasSize(5).first().isEqualTo("250-localhost greets client.example");
        assertThat(journal.get(4).responses()).containsExactly("354 End data with <CR><LF>.<CR><LF>");
        assertThat(journal).allSatisfy(c -> {
            assertThat(c.tag()).isNull();
            assertThat(c.time()).isEqualTo(CLOCK.instant());
        });
    }

    @Test
    void aFullMailboxRefusesTheMessageWith552WhileTheOtherRecipientGetsIt() {
        try (ImapMockServer small = ImapMockServer.builder().user("alice", "secret").user("bob", "secret")
                .maxAccountBytes(300).build().start();
             SmtpServer server = SmtpServer.start(small, SmtpSettings.of("127.0.0.1", 0).withClock(CLOCK));
             SmtpClient c = SmtpClient.connect(server)) {
            small.deliver("alice", "INBOX", ("Subject: filler\r\n\r\n" + "f".repeat(200) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            c.play("""
                    C: HELO client.example
                    S: 250 localhost
                    C: MAIL FROM:<sender@example.org>
                    S: 250 2.1.0 Sender OK
                    C: RCPT TO:<alice>
                    S: 250 2.1.5 Recipient OK
                    C: DATA
                    S: 354 End data with <CR><LF>.<CR><LF>
                    C: Subject: too much
                    C: .
                    S: 552 5.2.2 Not delivered to alice (mailbox full)
                    C: MAIL FROM:<sender@example.org>
                    S: 250 2.1.0 Sender OK
                    C: RCPT TO:<alice>
                    S: 250 2.1.5 Recipient OK
                    C: RCPT TO:<bob>
                    S: 250 2.1.5 Recipient OK
                    C: DATA
                    S: 354 End data with <CR><LF>.<CR><LF>
                    C: Subject: too much
                    C: .
                    S: 250 2.0.0 Delivered 176 octets to bob; not to alice (mailbox full)
                    """);
            assertThat(small.store().account("bob").orElseThrow().mailbox("INBOX").messages()).hasSize(1);
        }
    }
}
