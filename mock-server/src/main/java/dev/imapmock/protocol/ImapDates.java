package dev.imapmock.protocol;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * The two date forms of RFC 3501 §9: {@code date-time} ({@code "17-Jul-1996 02:44:25 -0700"},
 * INTERNALDATE and APPEND) and {@code date} ({@code 1-Feb-1994}, the SEARCH keys). Month names are
 * English and case-insensitive on input; parsing is strict about the calendar, so 31-Feb fails
 * (Dovecot takes such a date and stores the current time instead).
 */
public final class ImapDates {
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private ImapDates() {
    }

    /**
     * Parses the text of a {@code date-time}, without its quotes: {@code dd-MMM-yyyy HH:mm:ss
     * +hhmm}. The day is two digits or a space and one digit ({@code date-day-fixed}), or, as a
     * leniency Dovecot shares, one digit alone: node-imap sends {@code "5-Jan-2024 12:00:00 +0000"}.
     *
     * @throws ProtocolException when the text does not have that exact shape or names no real
     *     moment (31-Feb, 24:00:00, a zone minute above 59)
     * @param text the date-time without its surrounding quotes
     * @return the moment with the offset given in the text
     */
    public static OffsetDateTime parseDateTime(String text) {
        // " 1-Jan-2024 00:00:00 +0000" and "01-Jan-2024 00:00:00 +0000" are 26 characters, the
        // unpadded "1-Jan-2024 00:00:00 +0000" one fewer: every later field sits one to the left.
        int shift = text.length() == 25 ? -1 : 0;
        if ((shift == 0 && text.length() != 26) || text.charAt(2 + shift) != '-' || text.charAt(6 + shift) != '-'
                || text.charAt(11 + shift) != ' ' || text.charAt(14 + shift) != ':' || text.charAt(17 + shift) != ':'
                || text.charAt(20 + shift) != ' ') {
            throw badDateTime(text, "expected the form \"17-Jul-1996 02:44:25 -0700\"");
        }
        int day = shift < 0 ? digits(text, 0, 1) : text.charAt(0) == ' ' ? digits(text, 1, 2) : digits(text, 0, 2);
        int month = month(text.substring(3 + shift, 6 + shift));
        int year = digits(text, 7 + shift, 11 + shift);
        int hour = digits(text, 12 + shift, 14 + shift);
        int minute = digits(text, 15 + shift, 17 + shift);
        int second = digits(text, 18 + shift, 20 + shift);
        char sign = text.charAt(21 + shift);
        int zoneHours = digits(text, 22 + shift, 24 + shift);
        int zoneMinutes = digits(text, 24 + shift, 26 + shift);
        if (day < 0 || month < 0 || year < 0 || hour < 0 || minute < 0 || second < 0 || zoneHours < 0
                || zoneMinutes < 0 || (sign != '+' && sign != '-')) {
            throw badDateTime(text, "expected the form \"17-Jul-1996 02:44:25 -0700\"");
        }
        if (zoneMinutes > 59) {
            throw badDateTime(text, "the zone's minutes must be below 60");
        }
        String impossible = impossibleDay(year, month, day);
        if (impossible != null) {
            throw badDateTime(text, impossible);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw badDateTime(text, "there is no such time of day; hours go from 00 to 23, minutes and seconds from 00 to 59");
        }
        try {
            int offsetSeconds = (zoneHours * 3600 + zoneMinutes * 60) * (sign == '-' ? -1 : 1);
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0,
                    ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            throw badDateTime(text, "the zone must lie between -1800 and +1800");
        }
    }

    /**
     * Parses a {@code date-time} argument: a quoted string (or a literal) holding one.
     *
     * @param arg the argument as decoded; an atom is refused, as RFC 3501 section 9 makes date-time a quoted string
     * @return the moment with the offset given in the text
     * @throws ProtocolException when the argument is no string or its text is no valid date-time
     */
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
     * @param moment the moment to write, not null
     * @return the 26-character text of the date-time
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

    /**
     * {@link #formatDateTime(OffsetDateTime)} for a zoned moment, in the offset it has then.
     *
     * @param moment the moment to write, not null
     * @return the 26-character text of the date-time
     * @throws IllegalArgumentException for a year outside 0..9999
     */
    public static String formatDateTime(ZonedDateTime moment) {
        return formatDateTime(moment.toOffsetDateTime());
    }

    /**
     * Parses a SEARCH {@code date}: {@code d-MMM-yyyy} or {@code dd-MMM-yyyy}.
     *
     * @throws ProtocolException when the text has another shape or names no real day
     * @param text the date as sent, no quotes
     * @return the day named
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
        String impossible = impossibleDay(year, month, day);
        if (impossible != null) {
            throw badDate(text, impossible);
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * Parses a SEARCH {@code date} argument: an atom or a quoted string (a literal is also taken).
     *
     * @param arg the argument as decoded
     * @return the day named
     * @throws ProtocolException for a list or text that is no valid date
     */
    public static LocalDate parseDate(Arg arg) {
        if (arg instanceof Arg.ListArg) {
            throw new ProtocolException("expected a date such as 1-Feb-1994 but got a parenthesized list");
        }
        return parseDate(arg.text());
    }

    /**
     * Writes a SEARCH {@code date}, e.g. {@code 1-Feb-1994}.
     *
     * @param date the day to write, not null
     * @return the text with the day not padded
     * @throws IllegalArgumentException for a year outside 0..9999, which four digits cannot hold
     */
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

    /** Why {@code day} of that month does not exist (32-Jan, 29-Feb-2023, day 0), or null when it does. */
    private static String impossibleDay(int year, int month, int day) {
        int days = YearMonth.of(year, month).lengthOfMonth();
        if (day >= 1 && day <= days) {
            return null;
        }
        return "there is no such day: " + MONTHS[month - 1] + " " + year + " has days 1 to " + days;
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
