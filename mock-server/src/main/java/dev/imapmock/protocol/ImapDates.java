package dev.imapmock.protocol;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * The two date forms of RFC 3501 §9: {@code date-time} ({@code "17-Jul-1996 02:44:25 -0700"},
 * INTERNALDATE and APPEND) and {@code date} ({@code 1-Feb-1994}, the SEARCH keys). Month names are
 * English and case-insensitive on input; parsing is strict about the calendar, so 31-Feb fails.
 */
public final class ImapDates {
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private ImapDates() {
    }

    /**
     * Parses the text of a {@code date-time}, without its quotes: {@code dd-MMM-yyyy HH:mm:ss
     * +hhmm}, the day either two digits or a space and one digit.
     *
     * @throws ProtocolException when the text does not have that exact shape or names no real
     *     moment (31-Feb, 24:00:00, a zone minute above 59)
     */
    public static OffsetDateTime parseDateTime(String text) {
        // " 1-Jan-2024 00:00:00 +0000" and "01-Jan-2024 00:00:00 +0000" are both 26 characters.
        if (text.length() != 26 || text.charAt(2) != '-' || text.charAt(6) != '-' || text.charAt(11) != ' '
                || text.charAt(14) != ':' || text.charAt(17) != ':' || text.charAt(20) != ' ') {
            throw badDateTime(text, "expected the form \"17-Jul-1996 02:44:25 -0700\"");
        }
        int day = text.charAt(0) == ' ' ? digits(text, 1, 2) : digits(text, 0, 2);
        int month = month(text.substring(3, 6));
        int year = digits(text, 7, 11);
        int hour = digits(text, 12, 14);
        int minute = digits(text, 15, 17);
        int second = digits(text, 18, 20);
        char sign = text.charAt(21);
        int zoneHours = digits(text, 22, 24);
        int zoneMinutes = digits(text, 24, 26);
        if (day < 0 || month < 0 || year < 0 || hour < 0 || minute < 0 || second < 0 || zoneHours < 0
                || zoneMinutes < 0 || (sign != '+' && sign != '-')) {
            throw badDateTime(text, "expected the form \"17-Jul-1996 02:44:25 -0700\"");
        }
        if (zoneMinutes > 59) {
            throw badDateTime(text, "the zone's minutes must be below 60");
        }
        try {
            int offsetSeconds = (zoneHours * 3600 + zoneMinutes * 60) * (sign == '-' ? -1 : 1);
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0,
                    ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            throw badDateTime(text, "there is no such date or time");
        }
    }

    /** Parses a {@code date-time} argument: a quoted string (or a literal) holding one. */
    public static OffsetDateTime parseDateTime(Arg arg) {
        if (!arg.isString()) {
            throw new ProtocolException("expected a date-time in quotes such as \"17-Jul-1996 02:44:25 -0700\" but got "
                    + ArgParsing.describe(arg));
        }
        return parseDateTime(arg.text());
    }

    /**
     * Writes a {@code date-time}, without quotes, in the offset of {@code moment}: two-digit day
     * as Dovecot sends it, e.g. {@code 01-Jan-2024 09:05:00 +0100}. An offset with seconds (old
     * local mean times) is cut to whole minutes, keeping the instant.
     *
     * @throws IllegalArgumentException for a year outside 0..9999, which four digits cannot hold
     */
    public static String formatDateTime(OffsetDateTime moment) {
        int offset = moment.getOffset().getTotalSeconds();
        if (offset % 60 != 0) {
            moment = moment.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(offset / 60 * 60));
            offset = moment.getOffset().getTotalSeconds();
        }
        if (moment.getYear() < 0 || moment.getYear() > 9999) {
            throw new IllegalArgumentException("IMAP dates have four-digit years: " + moment);
        }
        int absMinutes = Math.abs(offset) / 60;
        return String.format(Locale.ROOT, "%02d-%s-%04d %02d:%02d:%02d %c%02d%02d", moment.getDayOfMonth(),
                MONTHS[moment.getMonthValue() - 1], moment.getYear(), moment.getHour(), moment.getMinute(),
                moment.getSecond(), offset < 0 ? '-' : '+', absMinutes / 60, absMinutes % 60);
    }

    /** {@link #formatDateTime(OffsetDateTime)} for a zoned moment, in the offset it has then. */
    public static String formatDateTime(ZonedDateTime moment) {
        return formatDateTime(moment.toOffsetDateTime());
    }

    /**
     * Parses a SEARCH {@code date}: {@code d-MMM-yyyy} or {@code dd-MMM-yyyy}.
     *
     * @throws ProtocolException when the text has another shape or names no real day
     */
    public static LocalDate parseDate(String text) {
        int firstDash = text.indexOf('-');
        if ((firstDash != 1 && firstDash != 2) || text.length() != firstDash + 9 || text.charAt(firstDash + 4) != '-') {
            throw badDate(text, "expected the form 1-Feb-1994");
        }
        int day = digits(text, 0, firstDash);
        int month = month(text.substring(firstDash + 1, firstDash + 4));
        int year = digits(text, firstDash + 5, firstDash + 9);
        if (day < 0 || month < 0 || year < 0) {
            throw badDate(text, "expected the form 1-Feb-1994");
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw badDate(text, "there is no such day");
        }
    }

    /** Parses a SEARCH {@code date} argument: an atom or a quoted string (a literal is also taken). */
    public static LocalDate parseDate(Arg arg) {
        if (arg instanceof Arg.ListArg) {
            throw new ProtocolException("expected a date such as 1-Feb-1994 but got a parenthesized list");
        }
        return parseDate(arg.text());
    }

    /** Writes a SEARCH {@code date}, e.g. {@code 1-Feb-1994}. */
    public static String formatDate(LocalDate date) {
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new IllegalArgumentException("IMAP dates have four-digit years: " + date);
        }
        return String.format(Locale.ROOT, "%d-%s-%04d", date.getDayOfMonth(), MONTHS[date.getMonthValue() - 1],
                date.getYear());
    }

    /** The number of the English month abbreviation, any case; -1 when it is none. */
    private static int month(String name) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (ArgParsing.equalsIgnoreCase(MONTHS[i], name)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The value of the ASCII digits in {@code [from, to)}; -1 if any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static ProtocolException badDateTime(String text, String reason) {
        return new ProtocolException("invalid date-time \"" + ArgParsing.shorten(text) + "\": " + reason);
    }

    private static ProtocolException badDate(String text, String reason) {
        return new ProtocolException("invalid date \"" + ArgParsing.shorten(text) + "\": " + reason);
    }
}
