package dev.imapmock.access;

import dev.imapmock.testing.Capabilities;
import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Flags;
import dev.imapmock.store.Mailbox;
import dev.imapmock.testing.MutableClock;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * OLDER and YOUNGER over the wire (RFC 5032), against a server clock that stands at
 * 1-Mar-2024 12:00:00 UTC until a test moves it. INBOX holds three messages with these internal
 * dates, the last written in another zone:
 * <ol>
 *   <li>29-Feb-2024 12:00:00 +0000, a day old</li>
 *   <li>01-Mar-2024 11:00:00 +0000, an hour old</li>
 *   <li>01-Mar-2024 13:59:50 +0200, ten seconds old</li>
 * </ol>
 */
@Timeout(20)
class WithinTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private ImapMockServer server;
    private RawClient c;

    @BeforeEach
    void start() {
        server = serverWithout();
        c = Wire.selected(server, "SELECT INBOX");
    }

    private ImapMockServer serverWithout(Extension... left) {
        ImapMockServer s = ImapMockServer.builder().user("alice", "secret").clock(clock).without(left).build().start();
        Mailbox inbox = s.store().account("alice").orElseThrow().mailbox("INBOX");
        inbox.append(Wire.message("Subject: day\n\nold\n"), Flags.NONE, OffsetDateTime.parse("2024-02-29T12:00:00Z"));
        inbox.append(Wire.message("Subject: hour\n\nnewer\n"), Flags.NONE, OffsetDateTime.parse("2024-03-01T11:00:00Z"));
        inbox.append(Wire.message("Subject: now\n\nnewest\n"), Flags.NONE,
                OffsetDateTime.of(2024, 3, 1, 13, 59, 50, 0, ZoneOffset.ofHours(2)));
        return s;
    }

    @AfterEach
    void stop() {
        c.close();
        server.close();
    }

    @Test
    void youngerAndOlderCompareSecondsWithTheBoundaryOnBothSides() {
        c.play("""
                C: s1 SEARCH YOUNGER 10
                S: * SEARCH 3
                S: s1 OK Search completed.
                C: s2 SEARCH YOUNGER 9
                S: * SEARCH
                S: s2 OK Search completed.
                C: s3 SEARCH OLDER 10
                S: * SEARCH 1 2 3
                S: s3 OK Search completed.
                C: s4 SEARCH OLDER 11
                S: * SEARCH 1 2
                S: s4 OK Search completed.
                C: s5 SEARCH YOUNGER 3600
                S: * SEARCH 2 3
                S: s5 OK Search completed.
                C: s6 SEARCH OLDER 3601
                S: * SEARCH 1
                S: s6 OK Search completed.
                C: s7 SEARCH YOUNGER 4294967295
                S: * SEARCH 1 2 3
                S: s7 OK Search completed.
                """);
    }

    @Test
    void theClockIsReadForEachSearch() {
        c.play("""
                C: s1 SEARCH YOUNGER 3600
                S: * SEARCH 2 3
                S: s1 OK Search completed.
                """);
        clock.advance(Duration.ofSeconds(1));
        c.play("""
                C: s2 SEARCH YOUNGER 3600
                S: * SEARCH 3
                S: s2 OK Search completed.
                C: s3 SEARCH OLDER 11
                S: * SEARCH 1 2 3
                S: s3 OK Search completed.
                """);
    }

    @Test
    void withinKeysCombineAndWorkWithUidAndEsearch() {
        c.play("""
                C: s1 SEARCH NOT YOUNGER 3600
                S: * SEARCH 1
                S: s1 OK Search completed.
                C: s2 SEARCH OR OLDER 86400 YOUNGER 10
                S: * SEARCH 1 3
                S: s2 OK Search completed.
                C: s3 UID SEARCH RETURN (MIN COUNT) OLDER 60
                S: * ESEARCH (TAG "s3") UID MIN 1 COUNT 2
                S: s3 OK UID SEARCH completed.
                C: s4 SEARCH YOUNGER 86400 OLDER 3600
                S: * SEARCH 1 2
                S: s4 OK Search completed.
                """);
    }

    @Test
    void malformedIntervalsAreBad() {
        c.play("""
                C: b1 SEARCH YOUNGER 0
                S: b1 BAD search key YOUNGER needs a number of seconds from 1 to 4294967295, not 0
                C: b2 SEARCH OLDER -1
                S: b2 BAD search key OLDER needs a number of seconds from 1 to 4294967295, not -1
                C: b3 SEARCH YOUNGER 4294967296
                S: b3 BAD search key YOUNGER needs a number of seconds from 1 to 4294967295, not 4294967296
                C: b4 SEARCH YOUNGER 010
                S: b4 BAD search key YOUNGER needs a number of seconds from 1 to 4294967295, not 010
                C: b5 SEARCH OLDER "10"
                S: b5 BAD search key OLDER needs a number of seconds from 1 to 4294967295, not a quoted string
                C: b6 SEARCH YOUNGER
                S: b6 BAD search key YOUNGER needs a number of seconds after it
                """);
        c.assertStillWorks("n1");
    }

    @Test
    void withoutWithinOlderAndYoungerAreUnknownSearchKeys() {
        try (ImapMockServer plain = serverWithout(Extension.WITHIN);
             RawClient other = Wire.selected(plain, "SELECT INBOX")) {
            other.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY %s
                    S: c1 OK Capability completed.
                    C: b1 SEARCH YOUNGER 10
                    S: b1 BAD unknown search key YOUNGER
                    C: b2 UID SEARCH OLDER 10
                    S: b2 BAD unknown search key OLDER
                    C: s1 SEARCH SINCE 1-Mar-2024
                    S: * SEARCH 2 3
                    S: s1 OK Search completed.
                    """.formatted(Capabilities.afterLoginWithout("WITHIN")));
        }
    }
}
