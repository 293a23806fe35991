package dev.imapmock.server;

import dev.imapmock.testing.StoreSnapshot;
import java.util.List;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Mailbox;
import dev.imapmock.store.Message;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates in APPEND ({@code date-time}) and SEARCH ({@code date}): a one-digit day is taken
 * everywhere, as Dovecot takes it; a day or time that does not exist is a BAD that leaves the
 * store as it was and the connection in step, the literal after it consumed.
 */
@Timeout(20)
class DateArgumentsTranscriptTest {
    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
        c = RawClient.login(server, "alice", "secret");
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    private Mailbox inbox() {
        return server.store().account("alice").orElseThrow().mailbox("INBOX");
    }

    @Test
    void appendTakesAOneDigitDayAsNodeImapSendsIt() {
        c.play("""
                C: a1 APPEND INBOX "5-Jan-2024 12:00:00 +0000" {5}
                S: + Ready for literal data
                C: hello
                S~ a1 OK \\[APPENDUID \\d+ 1\\] Append completed\\.
                C: a2 APPEND INBOX (\\Seen) "9-Dec-1999 23:59:59 -0130" {5+}
                C: world
                S~ a2 OK \\[APPENDUID \\d+ 2\\] Append completed\\.
                C: a3 EXAMINE INBOX
                """);
        c.readUntilTagged("a3");
        c.play("""
                C: a4 FETCH 1:2 INTERNALDATE
                S: * 1 FETCH (INTERNALDATE "05-Jan-2024 12:00:00 +0000")
                S: * 2 FETCH (INTERNALDATE "09-Dec-1999 23:59:59 -0130")
                S: a4 OK Fetch completed.
                """);
        assertThat(inbox().messages()).extracting(Message::internalDate).containsExactly(
                OffsetDateTime.of(2024, 1, 5, 12, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(1999, 12, 9, 23, 59, 59, 0, ZoneOffset.ofHoursMinutes(-1, -30)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "32-Jan-2024 00:00:00 +0000|there is no such day: Jan 2024 has days 1 to 31",
        "29-Feb-2023 10:00:00 +0000|there is no such day: Feb 2023 has days 1 to 28",
        "0-Mar-2024 10:00:00 +0000|there is no such day: Mar 2024 has days 1 to 31",
        "30-Feb-2024 25:61:61 +0000|there is no such day: Feb 2024 has days 1 to 29",
        "5-Jan-2024 24:00:00 +0000|there is no such time of day; hours go from 00 to 23, minutes and seconds from 00 to 59",
    })
    void anImpossibleDateIsBadAfterItsLiteralWasReadAndChangesNothing(String date, String reason) {
        List<String> before = StoreSnapshot.of(server.store());
        // The literals look like commands: were they left unread, the server would run them.
        c.play("""
                C: a1 APPEND INBOX "%1$s" {14}
                S: + Ready for literal data
                C: x1 CREATE Evil
                S: a1 BAD invalid date-time "%1$s": %2$s
                """.formatted(date, reason));
        c.sendAscii("a2 APPEND INBOX (\\Seen) \"" + date + "\" {14+}\r\nx2 CREATE Evil\r\n");
        c.play("""
                S: a2 BAD invalid date-time "%1$s": %2$s
                """.formatted(date, reason));
        c.assertStillWorks("a3");
        assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        assertThat(server.store().account("alice").orElseThrow().mailbox("Evil")).isNull();
        assertThat(server.journal().commands()).extracting(cmd -> cmd.tag())
                .containsExactly("L0", "a1", "a2", "a3");
    }

    @Test
    void searchDatesTakeOneOrTwoDigitDays() {
        for (int day = 5; day <= 7; day++) {
            String message = "Date: " + day + " Feb 2024 08:00:00 +0000\r\nSubject: " + day + "\r\n\r\nbody";
            c.sendAscii("ap APPEND INBOX \"" + day + "-Jan-2024 12:00:00 +0000\" {" + message.length() + "+}\r\n"
                    + message + "\r\n");
            assertThat(c.readUntilTagged("ap")).last().asString().startsWith("ap OK [APPENDUID ");
        }
        c.command("s", "EXAMINE INBOX");
        c.play("""
                C: s1 SEARCH ON 5-Jan-2024
                S: * SEARCH 1
                S: s1 OK Search completed.
                C: s2 SEARCH SINCE 6-Jan-2024
                S: * SEARCH 2 3
                S: s2 OK Search completed.
                C: s3 SEARCH BEFORE 07-Jan-2024
                S: * SEARCH 1 2
                S: s3 OK Search completed.
                C: s4 SEARCH ON "6-Jan-2024"
                S: * SEARCH 2
                S: s4 OK Search completed.
                C: s5 SEARCH SENTON 5-Feb-2024
                S: * SEARCH 1
                S: s5 OK Search completed.
                C: s6 SEARCH SENTSINCE 6-Feb-2024
                S: * SEARCH 2 3
                S: s6 OK Search completed.
                C: s7 SEARCH SENTBEFORE 7-Feb-2024
                S: * SEARCH 1 2
                S: s7 OK Search completed.
                C: s8 SEARCH ON 32-Jan-2024
                S: s8 BAD invalid date "32-Jan-2024": there is no such day: Jan 2024 has days 1 to 31
                C: s9 SEARCH SINCE " 6-Jan-2024"
                S: s9 BAD invalid date " 6-Jan-2024": expected the form 1-Feb-1994
                """);
        c.assertStillWorks("s10");
    }
}
