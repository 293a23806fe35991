package dev.imapmock.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the JVM's default time zone, as {@link Clock#systemDefaultZone()}, except
 * that the zone is looked up when first asked for rather than when the clock is made: looking it
 * up reads the time-zone database, which costs a fresh JVM milliseconds, and a server needs the
 * zone only for its first message's internal date, not to start or to log a user in.
 * Thread-safe.
 */
public final class DefaultZoneClock extends Clock {
    private volatile ZoneId zone;

    @Override
    public ZoneId getZone() {
        ZoneId z = zone;
        if (z == null) {
            z = ZoneId.systemDefault();
            zone = z;
        }
        return z;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public String toString() {
        return "DefaultZoneClock[" + (zone == null ? "default zone" : zone) + "]";
    }
}
