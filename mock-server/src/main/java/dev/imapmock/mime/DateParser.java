package dev.imapmock.mime;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lenient RFC 5322 §3.3 date-time reading, obsolete forms included (§4.3): optional day of week,
 * two- or three-digit years, seconds optional, named zones, comments anywhere. A missing or
 * unknown zone reads as UTC (RFC 5322: "-0000").
 */
final class DateParser {
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec"};

    private DateParser() {
    }

    static Optional<OffsetDateTime> parse(String value) {
        List<String> tokens = tokens(value);
        int i = 0;
        if (i < tokens.size() && !Character.isDigit(tokens.get(i).charAt(0))) {
            i++;
        }
        if (i + 2 >= tokens.size()) {
            return Optional.empty();
        }
        Integer day = number(tokens.get(i));
        int month = month(tokens.get(i + 1));
        Integer year = number(tokens.get(i + 2));
        if (day == null || month < 0 || year == null) {
            return Optional.empty();
        }
        if (tokens.get(i + 2).length() <= 2) {
            year += year < 50 ? 2000 : 1900;
        } else if (tokens.get(i + 2).length() == 3) {
            year += 1900;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        ZoneOffset zone = ZoneOffset.UTC;
        i += 3;
        if (i < tokens.size() && tokens.get(i).indexOf(':') > 0) {
            String[] hms = tokens.get(i).split(":");
            Integer h = number(hms[0]);
            Integer mi = hms.length > 1 ? number(hms[1]) : null;
            Integer s = hms.length > 2 ? number(hms[2]) : Integer.valueOf(0);
            if (h != null && mi != null && s != null) {
                hour = h;
                minute = mi;
                second = s;
            }
            i++;
        }
        if (i < tokens.size()) {
            zone = zone(tokens.get(i));
        }
        try {
            return Optional.of(OffsetDateTime.of(LocalDateTime.of(year, month + 1, day, hour, minute,
                    Math.min(second, 59)), zone));
        } catch (DateTimeException e) {
            try {
                return Optional.of(OffsetDateTime.of(LocalDate.of(year, month + 1, day).atStartOfDay(), zone));
            } catch (DateTimeException e2) {
                return Optional.empty();
            }
        }
    }

    private static List<String> tokens(String value) {
        List<String> tokens = new ArrayList<>(8);
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth > 0) {
                continue;
            } else if (c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n'
                    || (c == '-' && current.length() > 0 && current.indexOf(":") < 0)) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
                continue;
            }
            if (current.length() > 0) {
                tokens.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static Integer number(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return null;
            }
        }
        return Integer.valueOf(s);
    }

    private static int month(String s) {
        if (s.length() < 3) {
            return -1;
        }
        for (int i = 0; i < MONTHS.length; i++) {
            if (s.regionMatches(true, 0, MONTHS[i], 0, 3)) {
                return i;
            }
        }
        return -1;
    }

    private static ZoneOffset zone(String z) {
        if ((z.startsWith("+") || z.startsWith("-")) && z.length() == 5 && number(z.substring(1)) != null) {
            int hh = Integer.parseInt(z.substring(1, 3));
            int mm = Integer.parseInt(z.substring(3));
            int seconds = (hh * 3600 + mm * 60) * (z.charAt(0) == '-' ? -1 : 1);
            return seconds > 18 * 3600 || seconds < -18 * 3600 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(seconds);
        }
        int hours = switch (z.toUpperCase(Locale.ROOT)) {
            case "EDT" -> -4;
            case "EST", "CDT" -> -5;
            case "CST", "MDT" -> -6;
            case "MST", "PDT" -> -7;
            case "PST" -> -8;
            default -> 0;
        };
        return ZoneOffset.ofHours(hours);
    }
}
